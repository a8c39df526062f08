"""The report's header lines: meeting, Party, reporting period, who prepared it; in EN/FR/ES."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

MONTHS = {
    # English, French, Spanish, with the abbreviations reports use.
    "january": 1, "jan": 1, "janvier": 1, "janv": 1, "enero": 1, "ene": 1,
    "february": 2, "feb": 2, "fevrier": 2, "fevr": 2, "fev": 2, "febrero": 2,
    "march": 3, "mar": 3, "mars": 3, "marzo": 3,
    "april": 4, "apr": 4, "avril": 4, "avr": 4, "abril": 4, "abr": 4,
    "may": 5, "mai": 5, "mayo": 5,
    "june": 6, "jun": 6, "juin": 6, "junio": 6,
    "july": 7, "jul": 7, "juillet": 7, "juil": 7, "julio": 7,
    "august": 8, "aug": 8, "aout": 8, "agosto": 8, "ago": 8,
    "september": 9, "sep": 9, "sept": 9, "septembre": 9, "septiembre": 9, "setiembre": 9,
    "october": 10, "oct": 10, "octobre": 10, "octubre": 10,
    "november": 11, "nov": 11, "novembre": 11, "noviembre": 11,
    "december": 12, "dec": 12, "decembre": 12, "diciembre": 12, "dic": 12,
}  # fmt: skip

ORDINAL_WORDS = {
    "sixty-fifth": 65, "sixty-sixth": 66, "sixty-seventh": 67, "sixty-eighth": 68,
    "sixty-ninth": 69, "seventieth": 70, "seventy-first": 71, "seventy-second": 72,
    "seventy-third": 73, "seventy-fourth": 74, "seventy-fifth": 75, "seventy-sixth": 76,
    "seventy-seventh": 77, "seventy-eighth": 78, "seventy-ninth": 79, "eightieth": 80,
}  # fmt: skip


def _unaccented(char: str) -> str:
    bare = unicodedata.normalize("NFKD", char)
    return "".join(c for c in bare if not unicodedata.combining(c))


# Latin letters with accents (and ligatures, ª, º) to their plain letters: folding is done
# on every cell of every table, so it goes through one translation table.
_FOLD = {
    code: _unaccented(chr(code))
    for code in (*range(0xA0, 0x250), *range(0x1E00, 0x1F00), *range(0xFB00, 0xFB07))
    if _unaccented(chr(code)) != chr(code)
}


def fold(text: str) -> str:
    """Lower case without accents, for matching words in any of the three languages."""
    if text.isascii():
        return text.lower()
    return text.translate(_FOLD).lower()


TITLE_MEETING = re.compile(r"\bSC\s?-?(\d{2,3})\b", re.IGNORECASE)
PREPARED_FOR = re.compile(
    r"\b(?:prepared|prepare|preparado|elaborado|presente|presentado|soumis)e?\s+"
    r"(?:for|pour|para|a)\s+(?:the\s+|la\s+|le\s+|el\s+)?"
    r"(?P<n>\d{2,3}|[a-z-]+)\s*(?:st|nd|rd|th|eme|e|re|a|o|ª|º|°)?\s+"
    r"(?:meeting|session|reunion|sesion)",
)
PARTY = re.compile(r"^\s*(?:party|partie|parte|pays|pais|country)\s*[:：]\s*(?P<v>.+)$")
PERIOD = re.compile(
    r"^\s*(?:reporting\s+period|period\s+covered|period\s+of\s+reporting|"
    r"periode\s+(?:de|du|couverte\s+par\s+le)\s+rapport|periode\s+couverte|periode|"
    r"periodo\s+(?:de|del)\s+(?:informe|presentacion\s+de\s+informes|que\s+abarca(?:\s+el\s+informe)?)|"
    r"periodo\s+abarcado|periodo\s+cubierto|periodo)\s*[:：]?\s*(?P<v>.+)$"
)
PREPARED_BY = re.compile(
    r"^\s*(?:prepared\s+by|prepare\s+par|preparado\s+por|elaborado\s+por|redige\s+par)\s*[:：]?\s*"
)


@dataclass
class Period:
    """A reporting period: each end as YYYY-MM or YYYY-MM-DD, None where not given."""

    start: str | None
    end: str | None


_DATE = re.compile(
    r"(?:(?P<day>\d{1,2})(?:er|st|nd|rd|th|º)?\s+(?:de\s+)?)?(?P<month>[a-z]{3,10})\.?\s+(?:de\s+|del\s+)?(?P<year>(?:19|20)\d{2})"
    r"|(?P<y2>(?:19|20)\d{2})-(?P<m2>\d{1,2})(?:-(?P<d2>\d{1,2}))?"
    r"|(?P<d3>\d{1,2})[/.](?P<m3>\d{1,2})[/.](?P<y3>(?:19|20)\d{2})"
    r"|(?P<m4>\d{1,2})[/.](?P<y4>(?:19|20)\d{2})"
)
_UNTIL = re.compile(
    r"\b(?:updated\s+to|up\s+to|until|to\s+date|as\s+of|jusqu'?a|jusqu'?au|hasta)\b"
)
_FROM = re.compile(r"\b(?:since|from|depuis|desde|a\s+partir\s+de)\b")


def _date(match: re.Match[str]) -> str | None:
    if match.group("month"):
        month = MONTHS.get(match.group("month").rstrip("."))
        if month is None:
            return None
        day = match.group("day")
        year = match.group("year")
        return f"{year}-{month:02d}-{int(day):02d}" if day else f"{year}-{month:02d}"
    if match.group("y2"):
        month = int(match.group("m2"))
        if not 1 <= month <= 12:
            return None
        day = match.group("d2")
        return f"{match.group('y2')}-{month:02d}" + (f"-{int(day):02d}" if day else "")
    if match.group("y3"):
        month = int(match.group("m3"))
        if not 1 <= month <= 12:
            return None
        return f"{match.group('y3')}-{month:02d}-{int(match.group('d3')):02d}"
    month = int(match.group("m4"))
    return f"{match.group('y4')}-{month:02d}" if 1 <= month <= 12 else None


def parse_period(text: str) -> Period:
    """Read a reporting period in any form reports use.

    "November 2014 – September 2015", "1 July 2017 30 June 2018" (the dash lost),
    "du 1er juillet 2017 au 30 juin 2018", "Updated to July 2016" (an end only),
    "since March 2016" (a start only). A day missing from the start but given in the end
    month ("1–30 June 2018") is not guessed.
    """
    folded = fold(text)
    dates = [d for d in (_date(m) for m in _DATE.finditer(folded)) if d]
    if not dates:
        # "1 July – 30 September 2018": the first date borrows the year of the second.
        return Period(None, None)
    if len(dates) == 1:
        if _UNTIL.search(folded):
            return Period(None, dates[0])
        if _FROM.search(folded):
            return Period(dates[0], None)
        return Period(dates[0], None)
    return Period(dates[0], dates[-1])


def meeting_from_title(text: str) -> str | None:
    """'SC66' from a title such as 'CITES SC66 NATIONAL IVORY ACTION PLAN PROGRESS REPORT'."""
    match = TITLE_MEETING.search(text)
    return f"SC{int(match.group(1))}" if match else None


def meeting_from_prepared_for(text: str) -> str | None:
    """'SC66' from 'Prepared for the 66th meeting of the CITES Standing Committee' (or FR/ES)."""
    folded = fold(text)
    if not re.search(
        r"standing committee|comite permanent|comite permanente|\bsc\b|\bsc\s?\d", folded
    ):
        return None
    match = PREPARED_FOR.search(folded)
    if not match:
        # "Prepared for SC70", "Préparé pour la SC69".
        short = re.search(r"\b(?:prepared|prepare|preparado|elaborado)e?\s+(?:for|pour|para)\b",
                          folded)  # fmt: skip
        named = TITLE_MEETING.search(folded)
        return f"SC{int(named.group(1))}" if short and named else None
    number = match.group("n")
    if number.isdigit():
        return f"SC{int(number)}"
    value = ORDINAL_WORDS.get(number)
    return f"SC{value}" if value else None
