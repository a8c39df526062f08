"""Party names as reports write them, in English, French or Spanish, to ISO 3166-1 codes."""

from __future__ import annotations

import gettext
import re
import unicodedata
from functools import cache

import pycountry

# Names real reports use that no ISO list spells so, folded (see `_fold`).
ALIASES = {
    "viet nam": "VN",
    "vietnam": "VN",
    "lao pdr": "LA",
    "laos": "LA",
    "rdp lao": "LA",
    "dr congo": "CD",
    "drc": "CD",
    "rdc": "CD",
    "rd congo": "CD",
    "democratic republic of the congo": "CD",
    "congo democratic republic of the": "CD",
    "republique democratique du congo": "CD",
    "republica democratica del congo": "CD",
    "congo": "CG",
    "republic of the congo": "CG",
    "republique du congo": "CG",
    "republica del congo": "CG",
    "hong kong sar": "HK",
    "hong kong sar china": "HK",
    "hong kong special administrative region of china": "HK",
    "region administrative speciale de hong kong": "HK",
    "tanzania": "TZ",
    "united republic of tanzania": "TZ",
    "republique unie de tanzanie": "TZ",
    "republica unida de tanzania": "TZ",
    "cote d ivoire": "CI",
    "ivory coast": "CI",
    "uae": "AE",
    "united arab emirates": "AE",
    "china": "CN",
    "people s republic of china": "CN",
}

# Words that stand in capitals inside a name written in title case.
KEEP_UPPER = {"PDR", "SAR", "DR", "DRC", "RDC", "UAE", "RDP", "USA", "UK"}
LOWER_INSIDE = {"of", "the", "and", "de", "du", "des", "la", "le", "les", "del", "y", "et"}


def _fold(text: str) -> str:
    bare = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in bare if not unicodedata.combining(c)).lower()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", bare).split())


STOP_WORDS = {"of", "the", "de", "du", "des", "del", "la", "le", "el", "l", "d"}


def _variants(name: str) -> list[str]:
    """A name as lists write it and as reports do: "Lao, République démocratique populaire" is
    also "République démocratique populaire Lao"; articles and "of" are optional."""
    forms = [name]
    if "," in name:
        head, _, tail = name.partition(",")
        forms.append(f"{tail.strip()} {head.strip()}")
    folded = [_fold(form) for form in forms]
    bare = [" ".join(w for w in form.split() if w not in STOP_WORDS) for form in folded]
    return [form for form in dict.fromkeys(folded + bare) if form]


@cache
def _names() -> dict[str, str]:
    """Every ISO country name (official, common, short) in EN, FR and ES, folded, to its code."""
    table: dict[str, str] = {}
    translations = [
        gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True)
        for lang in ("fr", "es")
    ]
    for country in pycountry.countries:
        english = [
            getattr(country, attr)
            for attr in ("name", "official_name", "common_name")
            if getattr(country, attr, None)
        ]
        for name in english:
            for translation in (None, *translations):
                local = translation.gettext(name) if translation else name
                for form in _variants(local):
                    table.setdefault(form, country.alpha_2)
    for alias, code in ALIASES.items():
        for form in _variants(alias):
            table[form] = code
    return table


def code_for_name(name: str) -> str | None:
    """The ISO 3166-1 alpha-2 code of the country `name` gives, or None when unsure."""
    folded = _fold(name)
    if not folded:
        return None
    names = _names()
    for form in _variants(name):
        if form in names:
            return names[form]
    # "The Republic of Cameroon", "Government of Togo": the longest known name inside it.
    padded = f" {folded} "
    found = [(len(n), code) for n, code in names.items() if len(n) > 3 and f" {n} " in padded]
    return max(found)[1] if found else None


def title_case(name: str) -> str:
    """A Party name as the report gives it, in title case.

    CAMBODIA -> Cambodia, LAO PDR -> Lao PDR, RÉPUBLIQUE DU CONGO -> République du Congo.
    """
    words = name.split()
    out = []
    for i, word in enumerate(words):
        bare = word.strip("().,")
        if bare.upper() in KEEP_UPPER and bare.isupper():
            out.append(word)
        elif i and word.lower() in LOWER_INSIDE:
            out.append(word.lower())
        else:
            out.append("-".join(part[:1].upper() + part[1:].lower() for part in word.split("-")))
    text = " ".join(out)
    return re.sub(r"([dDlL])'(\w)", lambda m: m.group(1).lower() + "'" + m.group(2).upper(), text)
