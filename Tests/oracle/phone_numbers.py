#!/usr/bin/env python3
"""What Android's dialler links in a text, from libphonenumber itself (PyPI `phonenumbers`).

Android's Linkify finds phone numbers with libphonenumber's PhoneNumberMatcher at leniency POSSIBLE,
for the phone's region. Reads JSON lines on stdin, {"text": "..."}, and writes one JSON line per
request: {"matches": [{"start", "end", "raw", "valid", "e164"}]}, with start and end in Unicode
scalars, `valid` whether the number is a valid one of its region (a full number someone answers).
Exits with status 3 when phonenumbers cannot be imported, so callers can tell a missing oracle from
a failing one.
"""
import json
import sys

try:
    import phonenumbers
    from phonenumbers import Leniency, PhoneNumberFormat, PhoneNumberMatcher
except ImportError:
    sys.stderr.write("phonenumbers is not installed: pip install phonenumbers (make deps)\n")
    sys.exit(3)

for line in sys.stdin:
    text = json.loads(line)["text"]
    matches = []
    for m in PhoneNumberMatcher(text, "KZ", leniency=Leniency.POSSIBLE):
        matches.append({
            "start": m.start, "end": m.end, "raw": m.raw_string,
            "valid": phonenumbers.is_valid_number(m.number),
            "e164": phonenumbers.format_number(m.number, PhoneNumberFormat.E164),
        })
    print(json.dumps({"matches": matches}, ensure_ascii=False))
