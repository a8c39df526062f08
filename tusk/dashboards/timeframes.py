"""When an action's timeframe ends, read from the free text plans give it.

Plans write timeframes as they please: "2016-2017", "Dec 2018", "by June 2019", "D'ici décembre
2017", "hasta junio de 2019", "Q3 2018", "Ongoing", "Short term". An action is only called
overdue when its end is certain, so this reader never guesses: it returns a date only when it
understood every word of the text, and None for anything open-ended ("Ongoing", "2016 onwards"),
relative ("Short term", "within 12 months"), vague ("mid-2018", "early 2019", "summer 2018",
whose months depend on the hemisphere) or ambiguous ("03/04/2019", "2011-12").

The end is the last day the text allows: the end of the latest period it names ("2016-2017"
ends on 31 December 2017, "Q3 2018" on 30 September 2018), or the day before a period that
follows "before" ("before March 2019" ends on 28 February 2019). A date after "from" or "since"
is a start, so "from 2016" alone has no end.

Pure Python: no Django, so that it can be tested on many forms quickly.
"""

from __future__ import annotations

import calendar
import datetime
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

FIRST_YEAR = 1980
LAST_YEAR = 2100

# Month names and their usual abbreviations, in English, French and Spanish, without accents.
_MONTH_WORDS: dict[int, tuple[str, ...]] = {
    1: ("january", "jan", "janvier", "janv", "enero", "ene"),
    2: ("february", "feb", "fevrier", "fevr", "fev", "febrero"),
    3: ("march", "mar", "mars", "marzo"),
    4: ("april", "apr", "avril", "avr", "abril", "abr"),
    5: ("may", "mai", "mayo"),
    6: ("june", "jun", "juin", "junio"),
    7: ("july", "jul", "juillet", "juil", "julio"),
    8: ("august", "aug", "aout", "agosto", "ago"),
    9: ("september", "sept", "sep", "septembre", "septiembre", "setiembre", "set"),
    10: ("october", "oct", "octobre", "octubre"),
    11: ("november", "nov", "novembre", "noviembre"),
    12: ("december", "dec", "decembre", "diciembre", "dic"),
}
MONTHS: dict[str, int] = {word: n for n, words in _MONTH_WORDS.items() for word in words}

_ORDINALS: dict[str, int] = {
    "1": 1, "1st": 1, "first": 1, "1er": 1, "1re": 1, "premier": 1, "premiere": 1,
    "primer": 1, "primero": 1,
    "2": 2, "2nd": 2, "second": 2, "2e": 2, "2eme": 2, "deuxieme": 2, "seconde": 2,
    "segundo": 2,
    "3": 3, "3rd": 3, "third": 3, "3e": 3, "3eme": 3, "troisieme": 3, "tercer": 3,
    "tercero": 3,
    "4": 4, "4th": 4, "fourth": 4, "4e": 4, "4eme": 4, "quatrieme": 4, "cuarto": 4,
}  # fmt: skip

# Words that may surround dates without changing when the timeframe ends.
_FILLER = frozenset(
    {
        # English
        "by", "until", "till", "til", "to", "through", "thru", "end", "the", "of", "and", "in",
        "no", "later", "than", "deadline", "due", "completion", "completed", "year", "late",
        "at", "latest",
        # French (apostrophes split "d'ici" and "jusqu'à")
        "d", "ici", "fin", "de", "du", "des", "la", "le", "l", "a", "au", "aux", "jusqu",
        "en", "et", "plus", "tard", "entre", "annee", "courant",
        # Spanish
        "para", "hasta", "al", "del", "fines", "finales", "final", "el", "y", "mas",
        "tardar", "ano",
    }
)  # fmt: skip
# Words after which the next date is a start, not an end.
_START = frozenset({"from", "since", "starting", "depuis", "partir", "desde"})
# Words after which the next date is excluded: the timeframe ends the day before it starts.
_BEFORE = frozenset({"before", "avant", "antes"})


@dataclass(frozen=True)
class _Span:
    """A period the text names: its first and last day."""

    first: datetime.date
    last: datetime.date


class _Unclear(Exception):
    """The text names a date in a way that could mean two things."""


def normalise(text: str) -> str:
    """Lower case, accents off, every dash a hyphen-minus and every apostrophe a quote."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    plain = re.sub(r"[\u2010-\u2015\u2212]", "-", plain)
    return re.sub(r"[\u2018\u2019\u02bc`]", "'", plain)


def _year(text: str) -> int:
    year = int(text)
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise _Unclear(text)
    return year


def _month_span(year: int, month: int) -> _Span:
    last = calendar.monthrange(year, month)[1]
    return _Span(datetime.date(year, month, 1), datetime.date(year, month, last))


def _year_span(year: int) -> _Span:
    return _Span(datetime.date(year, 1, 1), datetime.date(year, 12, 31))


def _months_span(year: int, first_month: int, last_month: int) -> _Span:
    return _Span(_month_span(year, first_month).first, _month_span(year, last_month).last)


def _day_span(year: int, month: int, day: int) -> _Span:
    try:
        date = datetime.date(year, month, day)
    except ValueError:
        raise _Unclear(f"{year}-{month}-{day}") from None
    return _Span(date, date)


_MONTH = r"(?P<{name}>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_ORDINAL = r"(?P<n>" + "|".join(sorted(_ORDINALS, key=len, reverse=True)) + r")"
_YEAR = r"(?P<{name}>\d{{4}})"
_Y = _YEAR.format(name="y")


def _iso_day(m: re.Match[str]) -> _Span:
    return _day_span(_year(m["y"]), int(m["m"]), int(m["d"]))


def _numeric_day(m: re.Match[str]) -> _Span:
    a, b = int(m["a"]), int(m["b"])
    if a <= 12 and b <= 12 and a != b:
        raise _Unclear(m.group(0))  # 03/04/2019: 3 April or 4 March?
    day, month = (b, a) if b > 12 else (a, b)
    return _day_span(_year(m["y"]), month, day)


def _numeric_month(m: re.Match[str]) -> _Span:
    month = int(m["m"])
    if not 1 <= month <= 12:
        raise _Unclear(m.group(0))
    return _month_span(_year(m["y"]), month)


def _year_then_two(m: re.Match[str]) -> _Span:
    """2016-17 is two years; 2016-12 is December 2016; 2011-12 could be either."""
    year, two = _year(m["y"]), int(m["b"])
    after = two > year % 100
    if two > 12 and after:
        return _Span(_year_span(year).first, _year_span(year - year % 100 + two).last)
    if 1 <= two <= 12 and not after and m["sep"] == "-":
        return _month_span(year, two)
    raise _Unclear(m.group(0))


def _day_month_year(m: re.Match[str]) -> _Span:
    return _day_span(_year(m["y"]), MONTHS[m["m"]], int(m["d"]))


def _month_range(m: re.Match[str]) -> _Span:
    return _months_span(_year(m["y"]), MONTHS[m["m1"]], MONTHS[m["m2"]])


def _month_year(m: re.Match[str]) -> _Span:
    return _month_span(_year(m["y"]), MONTHS[m["m"]])


def _quarter(m: re.Match[str]) -> _Span:
    groups = m.groupdict()
    quarter = _ORDINALS[groups["n"]] if groups.get("n") else int(groups["q"])
    return _months_span(_year(m["y"]), 3 * quarter - 2, 3 * quarter)


def _half(m: re.Match[str]) -> _Span:
    groups = m.groupdict()
    half = _ORDINALS[groups["n"]] if groups.get("n") else int(groups["h"])
    if half not in {1, 2}:
        raise _Unclear(m.group(0))
    return _months_span(_year(m["y"]), 6 * half - 5, 6 * half)


def _plain_year(m: re.Match[str]) -> _Span:
    return _year_span(_year(m["y"]))


_DE = r"(?:\s+de|\s+del|,)?\s+"
_QUARTER_WORD = r"(?:quarter|qtr|trimestre)"
_HALF_WORD = r"(?:half|semester|semestre)"

# The forms of a date, tried in this order on what earlier ones left (the longest first).
_PATTERNS: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], _Span]], ...] = tuple(
    (re.compile(pattern), reader)
    for pattern, reader in (
        (r"\b" + _Y + r"-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b", _iso_day),
        (r"\b(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.]" + _Y + r"\b", _numeric_day),
        (r"\b(?P<m>\d{1,2})[/.]" + _Y + r"\b", _numeric_month),
        (r"\b" + _Y + r"\s*(?P<sep>[-/])\s*(?P<b>\d{2})\b(?![-/.]\d)", _year_then_two),
        (
            r"\b(?P<d>\d{1,2})(?:st|nd|rd|th|er)?(?:\s+de)?\s+"
            + _MONTH.format(name="m")
            + _DE
            + _Y
            + r"\b",
            _day_month_year,
        ),
        (
            r"\b"
            + _MONTH.format(name="m")
            + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+"
            + _Y
            + r"\b",
            _day_month_year,
        ),
        (
            r"\b"
            + _MONTH.format(name="m1")
            + r"\s*(?:-|to|a|au|al|et|y|and)\s*"
            + _MONTH.format(name="m2")
            + _DE
            + _Y
            + r"\b",
            _month_range,
        ),
        (r"\b" + _MONTH.format(name="m") + _DE + _Y + r"\b", _month_year),
        (r"\b[qt](?P<q>[1-4])\s*-?\s*" + _Y + r"\b", _quarter),
        (r"\b" + _Y + r"\s*-?\s*[qt](?P<q>[1-4])\b", _quarter),
        (r"\b" + _ORDINAL + r"\s+" + _QUARTER_WORD + r"(?:\s+of|\s+de|\s+del)?\s+" + _Y, _quarter),
        (r"\bh(?P<h>[12])\s*-?\s*" + _Y + r"\b", _half),
        (r"\bs(?P<h>[12])\s*-?\s*" + _Y + r"\b", _half),
        (r"\b" + _ORDINAL + r"\s+" + _HALF_WORD + r"(?:\s+of|\s+de|\s+del)?\s+" + _Y, _half),
        (r"\b" + _Y + r"\b", _plain_year),
    )
)
_MARK = "\x00{}\x00"
_MARKED = re.compile(r"\x00(\d+)\x00")
_WORD = re.compile(r"\x00\d+\x00|[a-z]+|\d+|[^\sa-z\d]")
_PUNCTUATION = frozenset("-/,.;:()[]'")


def _mark_dates(text: str) -> tuple[str, list[_Span]]:
    """The text with each date it names replaced by a numbered mark, and those dates."""
    spans: list[_Span] = []

    def replace(reader: Callable[[re.Match[str]], _Span]) -> Callable[[re.Match[str]], str]:
        def marked(match: re.Match[str]) -> str:
            spans.append(reader(match))
            return " " + _MARK.format(len(spans) - 1) + " "

        return marked

    for pattern, reader in _PATTERNS:
        text = pattern.sub(replace(reader), text)
    return text, spans


def timeframe_end(text: str | None) -> datetime.date | None:
    """The last day of the timeframe `text`, or None when the text does not say it for sure."""
    if not text or not text.strip():
        return None
    try:
        marked, spans = _mark_dates(normalise(text))
    except _Unclear:
        return None
    tokens = _WORD.findall(marked)
    if tokens and tokens[-1] == "-":
        return None  # "2016-": from 2016, to an end the text does not give
    ends: list[datetime.date] = []
    before_next = start_next = False
    for token in tokens:
        found = _MARKED.fullmatch(token)
        if found:
            span = spans[int(found.group(1))]
            if before_next:
                ends.append(span.first - datetime.timedelta(days=1))
            elif not start_next:
                ends.append(span.last)
            before_next = start_next = False
        elif token in _BEFORE:
            before_next = True
        elif token in _START:
            start_next = True
        elif token not in _FILLER and token not in _PUNCTUATION:
            return None  # a word this reader does not know: never guess
    return max(ends) if ends else None
