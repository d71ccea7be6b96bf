#!/usr/bin/env python3
"""Regenerates the seed corpora from the repository: `Fuzz/corpus/page/` from the real content and the
Markdown of the tests, `Fuzz/corpus/policy/` from the addresses, handles and domain names the tests and
the config use. Each seed is named by the SHA-1 of its bytes, as libFuzzer names what it finds."""

import hashlib
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parent.parent
TESTS = ROOT / "Tests" / "SitegenKitTests"


def save(folder, data):
    data = data.encode("utf-8") if isinstance(data, str) else data
    if not data or len(data) > 64 * 1024:
        return
    (folder / hashlib.sha1(data).hexdigest()).write_bytes(data)


def swift_strings(text):
    """Swift string literals ("…" and \"\"\"…\"\"\" blocks), with the usual escapes undone."""
    out = []
    for block in re.findall(r'"""\n(.*?)\n\s*"""', text, re.S):
        lines = block.split("\n")
        indent = min((len(l) - len(l.lstrip(" ")) for l in lines if l.strip()), default=0)
        out.append("\n".join(l[indent:] for l in lines))
    for literal in re.findall(r'(?<!")"((?:[^"\\\n]|\\.)*)"(?!")', text):
        out.append(literal)
    decoded = []
    for s in out:
        if "\\(" in s:  # interpolation: not a fixed input
            continue
        s = re.sub(r"\\u\{([0-9A-Fa-f]+)\}", lambda m: chr(int(m.group(1), 16)), s)
        s = s.replace("\\n", "\n").replace("\\t", "\t").replace('\\"', '"').replace("\\\\", "\\")
        decoded.append(s)
    return decoded


def main():
    page = ROOT / "Fuzz" / "corpus" / "page"
    policy = ROOT / "Fuzz" / "corpus" / "policy"
    for folder in (page, policy):
        folder.mkdir(parents=True, exist_ok=True)
    for md in sorted((ROOT / "content").rglob("*.md")):
        save(page, md.read_bytes())
    for test in sorted(TESTS.glob("*.swift")):
        for s in swift_strings(test.read_text(encoding="utf-8")):
            if "\n" in s and len(s) > 8:
                # A body the tests check: give it the front matter a page needs, as Fixture.check does.
                save(page, s if s.startswith("---\n") else '---\ntitle: "Сынақ"\n---\n' + s)
            elif re.search(r"[./:@]", s) and 2 < len(s) < 300 and " " not in s.strip():
                save(policy, s)
            elif re.search(r"(https?://|www\.|@\w|\w\.\w)", s) and len(s) < 300:
                save(policy, s)
    config = (ROOT / "sitegen.yml").read_text(encoding="utf-8")
    for token in re.findall(r"[\w*.-]+\.[a-z]{2,}[\w/.-]*|https://[^\s\"']+|\b[A-Za-z]\w+Bot\w*", config):
        save(policy, token)


if __name__ == "__main__":
    main()
