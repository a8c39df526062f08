"""Fill the French and Spanish catalogues from translation notes kept beside the code.

Engineers who add interface strings in parallel write their translations into
`locale/pending/*.json` ({"msgid": {"fr": "...", "es": "..."}}) instead of editing the
catalogues at the same time. After `tusk makemessages`, this script copies those translations
into every empty or fuzzy entry with the same msgid, and prints what is still untranslated.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENTRY = re.compile(r"\n\n(?=(?:#[^\n]*\n)*msgid )")


def unquote(lines: list[str]) -> str:
    return "".join(json.loads(line) for line in lines)


def quote(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def merge(language: str, pending: dict[str, dict[str, str]]) -> list[str]:
    path = ROOT / "locale" / language / "LC_MESSAGES" / "django.po"
    blocks = ENTRY.split(path.read_text(encoding="utf-8"))
    missing = []
    for index, block in enumerate(blocks):
        lines = block.split("\n")
        if any(line.startswith("msgid_plural") for line in lines):
            continue
        try:
            start = next(i for i, line in enumerate(lines) if line.startswith("msgid "))
            end = next(i for i, line in enumerate(lines) if line.startswith("msgstr "))
        except StopIteration:
            continue
        msgid = unquote([lines[start][6:], *lines[start + 1 : end]])
        msgstr = unquote([lines[end][7:], *[x for x in lines[end + 1 :] if x.startswith('"')]])
        fuzzy = any(line.startswith("#,") and "fuzzy" in line for line in lines)
        if not msgid or (msgstr and not fuzzy):
            continue
        translation = pending.get(msgid, {}).get(language)
        if not translation:
            missing.append(msgid)
            continue
        kept = [
            line
            for line in lines[:start]
            if not line.startswith("#|") and not (line.startswith("#,") and "fuzzy" in line)
        ]
        blocks[index] = "\n".join(
            [*kept, *lines[start:end], f"msgstr {quote(translation)}"]
        ).rstrip("\n")
    path.write_text("\n\n".join(blocks).rstrip("\n") + "\n", encoding="utf-8")
    return missing


def main() -> int:
    pending: dict[str, dict[str, str]] = {}
    for note in sorted((ROOT / "locale" / "pending").glob("*.json")):
        pending.update(json.loads(note.read_text(encoding="utf-8")))
    status = 0
    for language in ("fr", "es"):
        missing = merge(language, pending)
        for msgid in missing:
            print(f"{language}: untranslated: {msgid!r}")
        status |= bool(missing)
    return status


if __name__ == "__main__":
    sys.exit(main())
