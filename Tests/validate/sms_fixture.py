#!/usr/bin/env python3
"""Writes a small site whose pages' SMS texts sit on every boundary the SMS rules have, so that
sms_check.py compares sitegen with smsutil where they could differ, not only on the real content
(which is all Kazakh and Russian, hence all UCS-2).

Usage: sms_fixture.py REPO_DIR OUT_DIR

The site uses the repository's config (with room for ten SMS parts), templates, strings and static files.
"""

import json
import pathlib
import shutil
import sys

# Name → SMS text. GSM-7: 160 septets alone, 153 per part, € and the like take two (an escape first).
# UCS-2: 70 units alone, 67 per part, a character outside the BMP takes two (a surrogate pair).
CASES = {
    "gsm-160": "a" * 160,
    "gsm-161": "a" * 161,
    "gsm-306": "a" * 306,
    "gsm-307": "a" * 307,
    "gsm-escape-last": "a" * 159 + "€",
    "gsm-escape-fits": "a" * 158 + "€",
    "gsm-escape-straddles": "a" * 152 + "€" + "a" * 10,
    "gsm-escapes-only": "€" * 80,
    "gsm-escapes-81": "€" * 81,
    # The digits parted by a letter: ten in a row are a number a phone's messages app offers to call.
    "gsm-every-char": "@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ!\"#¤%&'()*+,-./01234a56789:;<=>?¡ÄÖÑÜ§¿äöñüà^{}\\[~]|€",
    "gsm-not-c-cedilla": "ç" + "a" * 100,
    "ucs2-70": "ж" * 70,
    "ucs2-71": "ж" * 71,
    "ucs2-134": "ж" * 134,
    "ucs2-135": "ж" * 135,
    "ucs2-pair-straddles": "ж" * 66 + "😀" + "ж" * 10,
    "ucs2-pairs-35": "😀" * 35,
    "ucs2-pairs-36": "😀" * 36,
    "ucs2-one-kazakh-letter": "a" * 60 + "ә",
    "ucs2-latin-dash": "a" * 100 + "—",
}


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    repo, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    for item in ("templates", "static", "i18n"):
        shutil.copytree(repo / item, out / item)
    config = (repo / "sitegen.yml").read_text(encoding="utf-8")
    (out / "sitegen.yml").write_text(config + "\nbulletins:\n  sms:\n    maxSegments: 10\n", encoding="utf-8")
    for language in ("kk", "ru"):
        folder = out / "content" / language
        folder.mkdir(parents=True)
        (folder / "_index.md").write_text(f'---\ntitle: "SMS {language}"\nsms: "SMS"\n---\n', encoding="utf-8")
        for name, text in CASES.items():
            # json.dumps gives a YAML double-quoted scalar (its escapes are YAML's); characters stay as they are.
            page = f"---\ntitle: {json.dumps(name)}\nsms: {json.dumps(text, ensure_ascii=False)}\ntranslationKey: {json.dumps(name)}\n---\n\nSMS.\n"
            (folder / f"{name}.md").write_text(page, encoding="utf-8")
    print(f"sms_fixture: {len(CASES)} SMS texts per language in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
