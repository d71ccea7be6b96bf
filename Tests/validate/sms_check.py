#!/usr/bin/env python3
"""Cross-checks every SMS bulletin of a built site against PyPI `smsutil`, an independent implementation.

Usage: sms_check.py SITE_DIR

For each `sms` entry of `SITE_DIR/bulletins/index.json` it reads the file, asks smsutil for its encoding
(GSM 03.38 or UCS-2) and its parts, and compares both with the `encoding` and `segments` sitegen wrote.
It also checks what smsutil does not: that the file's `length` is its UTF-16 length and that the file is
what the manifest's SHA-256 says. Any disagreement fails (exit 1); a missing or malformed manifest exits 2.
"""

import hashlib
import json
import pathlib
import sys

import smsutil

# sitegen's names for the encodings smsutil reports.
ENCODINGS = {"gsm0338": "GSM-7", "utf_16_be": "UCS-2"}


def utf16_length(text):
    return len(text.encode("utf-16-le")) // 2


def check(root, entry):
    """Returns a list of problems with one manifest entry."""
    problems = []
    files = entry.get("files") or []
    if len(files) != 1:
        return [f"expected one file, the manifest lists {len(files)}"]
    path = root / files[0]["path"]
    data = path.read_bytes()
    if hashlib.sha256(data).hexdigest() != files[0].get("sha256"):
        problems.append("sha256 differs from the file")
    text = data.decode("utf-8")
    if text.endswith("\n"):
        problems.append("ends with a newline, which would be sent")
    result = smsutil.split(text)
    encoding = ENCODINGS[result.encoding]
    if encoding != entry.get("encoding"):
        problems.append(f"encoding: sitegen {entry.get('encoding')}, smsutil {encoding}")
    if len(result.parts) != entry.get("segments"):
        problems.append(f"segments: sitegen {entry.get('segments')}, smsutil {len(result.parts)}")
    if utf16_length(text) != entry.get("length"):
        problems.append(f"length: sitegen {entry.get('length')}, UTF-16 {utf16_length(text)}")
    return problems


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    root = pathlib.Path(sys.argv[1])
    manifest = root / "bulletins" / "index.json"
    try:
        entries = json.loads(manifest.read_text(encoding="utf-8"))["bulletins"]
    except (OSError, ValueError, KeyError, TypeError) as error:
        print(f"sms_check: cannot read {manifest}: {error}", file=sys.stderr)
        return 2
    sms = [e for e in entries if e.get("channel") == "sms"]
    if not sms:
        print(f"sms_check: {manifest} lists no SMS bulletin", file=sys.stderr)
        return 2
    failures = 0
    for entry in sms:
        problems = check(root, entry)
        name = f"{entry.get('source')} ({entry.get('language')})"
        for problem in problems:
            print(f"{name}: {problem}")
        failures += bool(problems)
    encodings = sorted({e.get("encoding") for e in sms})
    print(f"smsutil: {len(sms)} SMS bulletins ({', '.join(encodings)}), {failures} disagreement(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
