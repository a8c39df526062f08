"""Quality findings: what is wrong in a report, where, and what the focal point should do.

Each check returns findings with the position in the document where the problem sits, so that
the report's findings read in document order, the way a person fixing them goes through it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from niapdoc import model
from niapdoc.header import fold
from niapdoc.scales import RATINGS, SCALES
from niapdoc.structure import Entry, Reading
from niapdoc.text_rules import rating_phrases

ERROR, WARNING, INFO = "error", "warning", "info"

# Guidance sentences of the CITES template (EN/FR/ES) that Parties leave in by mistake.
TEMPLATE_GUIDANCE = [
    re.compile(r"progress summary\s*[-–—]?\s*if required"),
    re.compile(r"if required,? note significant achievements"),
    re.compile(r"resume des progres\s*[-–—]?\s*si (?:necessaire|besoin)"),
    re.compile(r"si necessaire,? (?:noter|indiquer|mentionner) les (?:realisations|progres) (?:importants|significatifs)"),
    re.compile(r"resumen de (?:los )?(?:progresos?|avances)\s*[-–—]?\s*si (?:es )?necesario"),
    re.compile(r"si (?:es )?necesario,? (?:senalar|indicar|anotar) los (?:logros|avances) (?:importantes|significativos)"),
    re.compile(r"^\[?\s*(?:insert|inserer|insertar|provide|indicate|describe)\b[^\]]*\]"),
]  # fmt: skip


@dataclass
class Located:
    """A finding and where in the document it sits."""

    position: int
    finding: model.Finding


def _label(code: str | None, language: str = "en") -> str:
    return RATINGS[code].label(language) if code else "none"


def _quote_guidance(text: str) -> str:
    words = text.split()
    head = " ".join(words[:8]).rstrip(" ,;:.")
    return head + ("…" if len(words) > 8 else "")


def is_guidance(text: str) -> bool:
    """Whether a sentence is the template's guidance rather than the Party's own words."""
    folded = fold(text).strip()
    return any(rule.search(folded) for rule in TEMPLATE_GUIDANCE)


def check(reading: Reading, report: model.ProgressReport) -> list[model.Finding]:
    """Every finding of the format's table, in document order."""
    located: list[Located] = []
    located += _check_header(reading, report)
    located += _check_synopsis(reading, report)
    located += _check_pillars(reading)
    located += _check_parts(reading, report)
    located.sort(key=lambda item: item.position)
    return [item.finding for item in located]


def _f(position: int, code: str, severity: str, message: str, *, action: str | None = None,
       pillar: str | None = None) -> Located:  # fmt: skip
    return Located(position, model.Finding(code, severity, action, pillar, message))


def _check_header(reading: Reading, report: model.ProgressReport) -> list[Located]:
    found = []
    if (
        reading.title_meeting
        and reading.prepared_for_meeting
        and reading.title_meeting != reading.prepared_for_meeting
    ):
        found.append(
            _f(-3, "meeting-conflict", WARNING,
               f"The title names {reading.title_meeting} but the report says it was prepared for "
               f"{reading.prepared_for_meeting} (\"{reading.prepared_for_text}\"); Tusk takes "
               f"{reading.prepared_for_meeting}: correct the title.")
        )  # fmt: skip
    start, end = report.period_start, report.period_end
    if (start is None) != (end is None) or (reading.period_text and start is None and end is None):
        missing = "start" if start is None and end else "end" if end is None and start else "dates"
        found.append(
            _f(-2, "period-incomplete", WARNING,
               f"The reporting period \"{reading.period_text}\" gives no {missing}: write it as "
               "'from Month Year to Month Year', for example 'July 2017 – June 2018'.")
        )  # fmt: skip
    elif not reading.period_text:
        found.append(
            _f(-2, "period-incomplete", WARNING,
               "The report gives no reporting period: add a line 'Reporting period: Month Year "
               "– Month Year' under the title.")
        )  # fmt: skip
    return found


def _check_synopsis(reading: Reading, report: model.ProgressReport) -> list[Located]:
    found = []
    position = reading.synopsis_position
    for part in ("overview", "progress", "outlook"):
        for paragraph in reading.synopsis[part]:
            if is_guidance(paragraph):
                found.append(
                    _f(position, "template-text", WARNING,
                       f"Part A still holds the template's guidance text "
                       f"\"{_quote_guidance(paragraph)}\": replace it with the Party's own words.")
                )  # fmt: skip
    text = "\n".join(
        p for part in ("overview", "progress", "outlook") for p in reading.synopsis[part]
    )
    found += [Located(position + 1, f) for f in synopsis_counts(text, report)]
    return found


def _check_pillars(reading: Reading) -> list[Located]:
    found = []
    names_b = {p.number: p.name for p in reading.pillars_b if p.name}
    names_c = {p.number: p.name for p in reading.pillars_c if p.name}
    for part, mentions, other, other_part in (
        ("B", reading.pillars_b, names_c, "C"),
        ("C", reading.pillars_c, names_b, "B"),
    ):
        for mention in mentions:
            if not mention.placeholder:
                continue
            name = other.get(mention.number)
            if name:
                tail = f'the name "{name}" was taken from Part {other_part}.'
            else:
                tail = f"Part {other_part} does not name it either: give the category its name."
            found.append(
                _f(mention.position, "name-placeholder", WARNING,
                   f"Part {part} heads category {mention.number} with the template placeholder "
                   f"{mention.placeholder}; {tail}", pillar=mention.number)
            )  # fmt: skip
    return found


def _check_parts(reading: Reading, report: model.ProgressReport) -> list[Located]:
    found: list[Located] = []
    scale = report.scale
    words = ", ".join(RATINGS[c].en for c in SCALES[scale])
    b_by_code: dict[str, Entry] = {}
    c_by_code: dict[str, Entry] = {}
    for part, entries, index in (
        ("B", reading.part_b, b_by_code),
        ("C", reading.part_c, c_by_code),
    ):
        counts = Counter(e.code for e in entries)
        reported: set[str] = set()
        for entry in entries:
            if counts[entry.code] > 1 and entry.code not in reported:
                reported.add(entry.code)
                found.append(
                    _f(entry.position, "action-duplicate", ERROR,
                       f"Part {part} lists action {entry.code} {counts[entry.code]} times: keep "
                       "one entry per action so that it is counted once.", action=entry.code)
                )  # fmt: skip
            index.setdefault(entry.code, entry)
            if entry.rating and entry.rating not in SCALES[scale]:
                found.append(
                    _f(entry.position + 1, "rating-unknown", ERROR,
                       f"Part {part} rates action {entry.code} \"{entry.rating_words}\", which is "
                       f"not a rating of the report's scale ({words}): use one of those.",
                       action=entry.code)
                )  # fmt: skip
            elif entry.rating is None and entry.rating_words and not entry.placeholder:
                found.append(
                    _f(entry.position + 1, "rating-unknown", ERROR,
                       f"Part {part} rates action {entry.code} \"{entry.rating_words}\", which is "
                       f"not a rating Tusk knows; the scale's ratings are: {words}.",
                       action=entry.code)
                )  # fmt: skip
    for action in report.actions:
        b, c = b_by_code.get(action.code), c_by_code.get(action.code)
        where = (c or b).position if (c or b) else 0
        if c and c.placeholder:
            tail = (
                f"Part B rates it {_label(action.rating_part_b)}."
                if action.rating_part_b
                else "Part B gives no rating either."
            )
            found.append(
                _f(c.position + 1, "rating-placeholder", ERROR,
                   f"Part C gives no rating for action {action.code}: the template placeholder "
                   f"{c.placeholder} was left in; {tail}", action=action.code)
            )  # fmt: skip
        if b and b.placeholder:
            found.append(
                _f(b.position + 1, "rating-placeholder", ERROR,
                   f"Part B gives no rating for action {action.code}: the template placeholder "
                   f"{b.placeholder} was left in.", action=action.code)
            )  # fmt: skip
        unknown = any(e and e.rating_words and not e.rating for e in (b, c))
        if action.rating is None and not unknown and not (c and c.placeholder):
            found.append(
                _f(where + 1, "rating-missing", ERROR,
                   f"Action {action.code} has no rating in Part B or Part C: give it one of the "
                   f"scale's ratings ({words}).", action=action.code)
            )  # fmt: skip
        if (
            action.rating_part_b
            and action.rating_part_c
            and action.rating_part_b != action.rating_part_c
        ):
            found.append(
                _f(where + 2, "rating-mismatch", ERROR,
                   f"Part B rates action {action.code} {_label(action.rating_part_b)} but Part C "
                   f"rates it {_label(action.rating_part_c)}; Tusk takes Part C's rating: make "
                   "the two parts agree.", action=action.code)
            )  # fmt: skip
        if reading.has_part_b and reading.has_part_c and (b is None) != (c is None):
            if b is None:
                message = (
                    f"Part C details action {action.code}, which Part B's summary table does not "
                    "list: add it to the column of its rating."
                )
            else:
                message = (
                    f"Part B lists action {action.code}, which Part C does not detail: add its "
                    "evaluation and progress to Part C."
                )
            found.append(_f(where + 3, "action-missing", WARNING, message, action=action.code))
        if c:
            for item, position in zip(c.progress, c.progress_positions, strict=True):
                if is_guidance(item):
                    found.append(
                        _f(position, "template-text", WARNING,
                           f"Part C's progress summary for action {action.code} still holds the "
                           f"template's guidance text \"{_quote_guidance(item)}\".",
                           action=action.code)
                    )  # fmt: skip
    return found


NUMBER_WORDS = {
    # English, French and Spanish number words up to thirty, and some tens above.
    "zero": 0, "none": 0, "no": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "aucune": 0, "aucun": 0, "une": 1, "un": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5,
    "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13,
    "quatorze": 14, "quinze": 15, "seize": 16, "vingt": 20, "trente": 30, "quarante": 40,
    "ninguna": 0, "ninguno": 0, "una": 1, "uno": 1, "dos": 2, "tres": 3, "cuatro": 4,
    "cinco": 5, "seis": 6, "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "once": 11,
    "doce": 12, "trece": 13, "catorce": 14, "quince": 15, "dieciseis": 16, "diecisiete": 17,
    "dieciocho": 18, "diecinueve": 19, "veinte": 20, "treinta": 30, "cuarenta": 40,
}  # fmt: skip
COMPOUND = re.compile(r"^(twenty|thirty|forty|vingt|trente|quarante)[- ]?(?:et[- ])?(\w+)$")
FILLER = {
    "are", "is", "was", "were", "been", "be", "have", "has", "being", "rated", "as", "assessed",
    "considered", "actions", "action", "activities", "activity", "of", "them", "these", "the",
    "currently", "now", "still", "remain", "remaining", "deemed", "judged", "classified",
    "sont", "est", "ont", "ete", "jugees", "jugee", "considerees", "evaluees", "notees",
    "comme", "activites", "activite", "actions", "d", "en", "restent", "demeurent", "classees",
    "estan", "esta", "son", "han", "sido", "se", "consideran", "calificadas", "evaluadas",
    "como", "acciones", "medidas", "actividades", "las", "los", "de", "ellas", "siguen",
}  # fmt: skip
OUT_OF = re.compile(
    r"(\w+)\s+(?:out\s+of|of|sur|des|de)\s+(?:the\s+|les\s+|las\s+|los\s+)?(\w+)\s+"
    r"(?:actions|activities|activites|acciones|medidas|actividades)"
)


def _number(token: str) -> int | None:
    if token.isdigit() and len(token) <= 3:
        return int(token)
    if token in NUMBER_WORDS:
        return NUMBER_WORDS[token]
    match = COMPOUND.match(token)
    if match and match.group(2) in NUMBER_WORDS and NUMBER_WORDS[match.group(2)] < 10:
        return NUMBER_WORDS[match.group(1)] + NUMBER_WORDS[match.group(2)]
    return None


def _part_of_whole(tokens: list[str], k: int) -> int | None:
    """In "nine out of the thirteen actions", the count before the total at `k`, else None."""
    i = k - 1
    while i >= 0 and tokens[i] in {"the", "les", "las", "los", "all"}:
        i -= 1
    if i < 0 or tokens[i] not in {"of", "sur", "des", "de", "entre"}:
        return None
    i -= 1
    if i >= 0 and tokens[i] == "out":
        i -= 1
    return _number(tokens[i]) if i >= 0 else None


def synopsis_counts(text: str, report: model.ProgressReport) -> list[model.Finding]:
    """Compare the counts that Part A states ("nine of the thirteen actions are on track")
    with the actions' ratings."""
    folded = fold(text)
    # Action codes (2.4) and ranges (6-12 months) are not counts.
    folded = re.sub(r"\d+(?:\.\d+)+|\d+\s*[-–]\s*\d+", " # ", folded)
    actual = Counter(a.rating for a in report.actions if a.rating)
    findings = []
    stated: dict[str, int] = {}
    for clause in re.split(r"[.;:!?\n]", folded):
        phrases = rating_phrases(clause)
        cursor = 0
        for start, end, code in phrases:
            before = re.findall(r"[a-z0-9]+", clause[cursor:start])
            cursor = end
            count = None
            for k in range(len(before) - 1, -1, -1):
                value = _number(before[k])
                if value is not None:
                    whole = _part_of_whole(before, k)
                    count = value if whole is None else whole
                    break
                if before[k] not in FILLER:
                    break
            if count is not None and code not in stated:
                stated[code] = count
    for code, count in stated.items():
        if code not in SCALES[report.scale]:
            continue
        if actual.get(code, 0) != count:
            label = RATINGS[code].en
            findings.append(
                model.Finding("synopsis-count-mismatch", WARNING, None, None,
                              f"Part A says {count} action{'s' if count != 1 else ''} "
                              f"{'are' if count != 1 else 'is'} {label.lower()}, but "
                              f"{actual.get(code, 0)} {'are' if actual.get(code, 0) != 1 else 'is'}"
                              f" rated {label} in the tables: correct the synopsis or the "
                              "ratings.")
            )  # fmt: skip
    total_match = OUT_OF.search(folded)
    if total_match:
        total = _number(total_match.group(2))
        rated = len(report.actions)
        if total is not None and total != rated:
            findings.append(
                model.Finding("synopsis-count-mismatch", WARNING, None, None,
                              f"Part A counts {total} actions, but the report lists {rated}: "
                              "correct the synopsis or add the missing actions.")
            )  # fmt: skip
    return findings
