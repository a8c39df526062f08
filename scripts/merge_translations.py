"""Fill the French and Spanish catalogues from translation notes kept beside the code.

Engineers who add interface strings in parallel write their translations into
`locale/pending/*.json` ({"msgid": {"fr": "...", "es": "..."}}) instead of editing the
catalogues at the same time. After `tusk makemessages`, this script copies those translations
into every empty or fuzzy entry with the same msgid, and prints what is still untranslated.
A plural entry is noted as {"msgid": {"msgid_plural": "...", "fr": [one, many], "es": [...]}}.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
ENTRY = re.compile(r"\n\n(?=(?:#[^\n]*\n)*msgid )")


def unquote(lines: list[str]) -> str:
    return "".join(json.loads(line) for line in lines)


def quote(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def merge_plural(
    lines: list[str], language: str, pending: dict[str, Any], nplurals: int
) -> str | None:
    """A plural entry with its msgstr[n] filled from `pending`; None when it needs nothing or
    no translation is noted (then it is reported missing)."""
    start = next(i for i, line in enumerate(lines) if line.startswith("msgid "))
    plural = next(i for i, line in enumerate(lines) if line.startswith("msgid_plural "))
    first = next(i for i, line in enumerate(lines) if line.startswith("msgstr["))
    msgid = unquote([lines[start][6:], *lines[start + 1 : plural]])
    values: list[list[str]] = []
    for line in lines[first:]:
        if line.startswith("msgstr["):
            values.append([line.split(" ", 1)[1]])
        elif line.startswith('"') and values:
            values[-1].append(line)
    fuzzy = any(line.startswith("#,") and "fuzzy" in line for line in lines)
    filled = all(unquote(parts) for parts in values)
    if filled and not fuzzy:
        return None
    forms = pending.get(msgid, {}).get(language)
    if not isinstance(forms, list) or len(forms) < 2:
        raise KeyError(msgid)
    kept = [
        line
        for line in lines[:start]
        if not line.startswith("#|") and not (line.startswith("#,") and "fuzzy" in line)
    ]
    # Notes give the singular and the plural; a language with more forms (Spanish has a third,
    # for millions) takes the plural for the others.
    forms = [*forms[:2], *[forms[1]] * max(0, nplurals - 2)][:nplurals]
    msgstrs = [f"msgstr[{n}] {quote(form)}" for n, form in enumerate(forms)]
    return "\n".join([*kept, *lines[start:first], *msgstrs])


def merge(language: str, pending: dict[str, Any]) -> list[str]:
    path = ROOT / "locale" / language / "LC_MESSAGES" / "django.po"
    text = path.read_text(encoding="utf-8")
    found = re.search(r"nplurals\s*=\s*(\d+)", text)
    nplurals = int(found.group(1)) if found else 2
    blocks = ENTRY.split(text)
    missing = []
    for index, block in enumerate(blocks):
        lines = block.split("\n")
        if any(line.startswith("msgid_plural") for line in lines):
            try:
                merged = merge_plural(lines, language, pending, nplurals)
            except KeyError as missing_plural:
                missing.append(str(missing_plural.args[0]))
                continue
            if merged is not None:
                blocks[index] = merged
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
        if not translation or not isinstance(translation, str):
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
    pending: dict[str, Any] = {}
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
