#!/usr/bin/env python3
"""What a Telegram client makes of text, from TDLib itself (PyPI `tdjson`).

Reads JSON lines on stdin, one request each, and writes one JSON line per request:
  {"text": "..."}                 -> getTextEntities: what the app links by itself
  {"html": "..."}                 -> parseTextEntities (HTML parse mode), then getTextEntities on
                                     the parsed text: {"text", "entities", "auto"} or {"error"}
Entities are {"type", "offset", "length", "url"?} with offsets in UTF-16 units, as Telegram
counts. Exits with status 3 when tdjson cannot be imported, so callers can tell a missing oracle
from a failing one.
"""
import json
import sys

try:
    import tdjson
except ImportError:
    sys.stderr.write("tdjson is not installed: pip install tdjson (make deps)\n")
    sys.exit(3)


def execute(query):
    answer = tdjson.td_execute(json.dumps(query).encode())
    return json.loads(answer) if answer else None


def entities(items):
    out = []
    for e in items:
        kind = e["type"]["@type"]
        item = {"type": kind[len("textEntityType"):], "offset": e["offset"], "length": e["length"]}
        if "url" in e["type"]:
            item["url"] = e["type"]["url"]
        out.append(item)
    return out


def main():
    execute({"@type": "setLogVerbosityLevel", "new_verbosity_level": 0})
    for line in sys.stdin:
        request = json.loads(line)
        if "html" in request:
            parsed = execute({"@type": "parseTextEntities", "text": request["html"],
                              "parse_mode": {"@type": "textParseModeHTML"}})
            if parsed is None or parsed.get("@type") == "error":
                answer = {"error": (parsed or {}).get("message", "no answer")}
            else:
                auto = execute({"@type": "getTextEntities", "text": parsed["text"]})
                answer = {"text": parsed["text"], "entities": entities(parsed["entities"]),
                          "auto": entities(auto["entities"])}
        else:
            found = execute({"@type": "getTextEntities", "text": request["text"]})
            answer = {"entities": entities(found["entities"])}
        sys.stdout.write(json.dumps(answer, ensure_ascii=False) + "\n")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
