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
from niapdoc.scales import NIAP4, NIAP6, RATINGS, SCALES
from niapdoc.structure import Entry, Reading
from niapdoc.text_rules import fold_words, rating_phrases

ERROR, WARNING, INFO = "error", "warning", "info"

# Guidance sentences of the CITES template (EN/FR/ES) that Parties leave in by mistake.
TEMPLATE_GUIDANCE = [
    re.compile(r"progress summary\s*[-–—]?\s*if required"),
    re.compile(r"if required,? note significant achievements"),
    re.compile(r"resume des progres\s*[-–—]?\s*si (?:necessaire|besoin)"),
    re.compile(r"si necessaire,? (?:noter|indiquer|mentionner) les (?:realisations|progres) "
               r"(?:importants|significatifs)"),
    re.compile(r"resumen de (?:los )?(?:progresos?|avances)\s*[-–—]?\s*si (?:es )?necesario"),
    re.compile(r"si (?:es )?necesario,? (?:senalar|indicar|anotar) los (?:logros|avances) "
               r"(?:importantes|significativos)"),
    re.compile(r"^\[?\s*(?:insert|inserer|insertar|provide|indicate|describe)\b[^\]]*\]"),
]  # fmt: skip


@dataclass
class Located:
    """A finding and where in the document it sits."""

    position: int
    finding: model.Finding


def _label(code: str | None, language: str = "en") -> str:
    return RATINGS[code].label(language) if code else "none"


def quote_guidance(text: str) -> str:
    """The first words of a guidance sentence, to name it in a finding."""
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
                       f"\"{quote_guidance(paragraph)}\": replace it with the Party's own words.")
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


SCALE_NAMES = {NIAP4: "four-level", NIAP6: "six-level"}
SCALE_SPANS = {NIAP4: "used up to SC67", NIAP6: "used from SC69"}


def _scale_words(scale: str, language: str) -> str:
    return ", ".join(RATINGS[c].label(language) for c in SCALES[scale])


def _unknown_rating(part: str, entry: Entry, report: model.ProgressReport) -> Located | None:
    """A rating-unknown finding for `entry`, if its rating is not one of the report's scale."""
    scale = report.scale
    words = _scale_words(scale, report.language)
    if entry.rating and entry.rating not in SCALES[scale]:
        other = next(s for s in SCALES if s != scale)
        what = (
            f"a rating of the {SCALE_NAMES[other]} scale {SCALE_SPANS[other]}, not of this "
            f"report's {SCALE_NAMES[scale]} scale"
        )
    elif entry.rating is None and entry.rating_words and not entry.placeholder:
        what = "which is not a rating of the report's scale"
    else:
        return None
    if part == "B":
        message = (
            f'Part B puts action {entry.code} in the column "{entry.rating_words}", {what}: '
            f"move it to one of {words}."
        )
    else:
        message = (
            f'Part C rates action {entry.code} "{entry.rating_words}", {what}: use one of {words}.'
        )
    return _f(entry.position + 1, "rating-unknown", ERROR, message, action=entry.code)


def _check_entries(part: str, entries: list[Entry], report: model.ProgressReport) -> list[Located]:
    """Duplicates and unknown ratings among the entries of one part."""
    found = []
    counts = Counter(e.code for e in entries)
    seen: set[str] = set()
    for entry in entries:
        if entry.code in seen and counts[entry.code] > 1:
            times = "twice" if counts[entry.code] == 2 else f"{counts[entry.code]} times"
            counts[entry.code] = 0
            found.append(
                _f(entry.position, "action-duplicate", ERROR,
                   f"Part {part} lists action {entry.code} {times}: keep one entry per action "
                   "so that it is counted once.", action=entry.code)
            )  # fmt: skip
        seen.add(entry.code)
        unknown = _unknown_rating(part, entry, report)
        if unknown:
            found.append(unknown)
    return found


def _check_ratings(
    action: model.Action, b: Entry | None, c: Entry | None, report: model.ProgressReport
) -> list[Located]:
    """Placeholders, a missing rating, and Parts B and C disagreeing, for one action."""
    found = []
    language = report.language
    located = c or b
    where = located.position if located else 0
    for part, entry, other in (("C", c, action.rating_part_b), ("B", b, action.rating_part_c)):
        if entry and entry.placeholder:
            tail = (
                f"Part {'B' if part == 'C' else 'C'} rates it {_label(other, language)}."
                if other
                else f"Part {'B' if part == 'C' else 'C'} gives no rating either."
            )
            found.append(
                _f(entry.position + 1, "rating-placeholder", ERROR,
                   f"Part {part} gives no rating for action {action.code}: the template "
                   f"placeholder {entry.placeholder} was left in; {tail}", action=action.code)
            )  # fmt: skip
    unknown = any(e and e.rating_words and not e.placeholder for e in (b, c))
    placeholder = any(e and e.placeholder for e in (b, c))
    if action.rating is None and not unknown and not placeholder:
        found.append(
            _f(where + 1, "rating-missing", ERROR,
               f"Action {action.code} has no rating in Part B or Part C: give it one of the "
               f"scale's ratings ({_scale_words(report.scale, language)}).", action=action.code)
        )  # fmt: skip
    part_b, part_c = action.rating_part_b, action.rating_part_c
    if part_b and part_c and part_b != part_c:
        found.append(
            _f(where + 2, "rating-mismatch", ERROR,
               f"Part B rates action {action.code} {_label(action.rating_part_b, language)} but "
               f"Part C rates it {_label(action.rating_part_c, language)}; Tusk takes Part C's "
               "rating: make the two parts agree.", action=action.code)
        )  # fmt: skip
    return found


def _check_parts(reading: Reading, report: model.ProgressReport) -> list[Located]:
    found = _check_entries("B", reading.part_b, report)
    found += _check_entries("C", reading.part_c, report)
    b_by_code: dict[str, Entry] = {}
    c_by_code: dict[str, Entry] = {}
    for entry in reading.part_b:
        b_by_code.setdefault(entry.code, entry)
    for entry in reading.part_c:
        c_by_code.setdefault(entry.code, entry)
    for action in report.actions:
        b, c = b_by_code.get(action.code), c_by_code.get(action.code)
        found += _check_ratings(action, b, c, report)
        located = c or b
        where = located.position if located else 0
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
                           f"template's guidance text \"{quote_guidance(item)}\".",
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
    "comme", "activites", "activite", "d", "en", "restent", "demeurent", "classees",
    "estan", "esta", "son", "han", "sido", "se", "consideran", "calificadas", "evaluadas",
    "como", "acciones", "medidas", "actividades", "las", "los", "de", "ellas", "siguen",
    "medida", "actividad",
    "made", "make", "making", "shown", "show", "shows", "showing", "recorded", "registered",
    "a", "des", "enregistre", "enregistrent", "connu", "connaissent", "ha", "registra",
    "registran", "muestra", "muestran", "presenta", "presentan",
}  # fmt: skip
SCOPED = re.compile(
    r"\b(?:pillar|category|pilier|categorie|pilar|categoria|objective|objectif)\s*\d"
)
# "un progreso parcial", "a partial progress": an article before a rating is not a count.
ARTICLES = {"a", "an", "un", "une", "una"}
_ACTIONS = r"(?:actions|activities|activites|acciones|medidas|actividades)"
# A total: "of the 12 actions", "sur les dix activités", "de las 9 medidas", "the plan has 11
# actions"; not a share of one pillar ("two of the four actions under pillar 2").
TOTAL = re.compile(
    r"\b(?:out\s+of|of|all|total\s+of|sur|parmi|de|des|entre|todas|ensemble\s+des|has|have|"
    r"contains|comprises|includes|compte|comprend|contient|tiene|comprende|incluye|contiene)\s+"
    r"(?:the\s+|les\s+|las\s+|los\s+|its\s+|their\s+|ses\s+|sus\s+)?(?P<n>[a-z0-9]+)\s+"
    r"(?:(?:niap|pani|panm)\s+)?" + _ACTIONS + r"\b"
    r"(?!\s+(?:under|in|of|for|du|de\s+la|del|en|dans)\s+(?:the\s+|la\s+|le\s+|el\s+)?"
    r"(?:pillar|category|pilier|categorie|pilar|categoria))"
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


def _count_before(tokens: list[str]) -> int | None:
    """The count that the words before a rating phrase state, if any ("nine of the thirteen
    actions are rated as", "deux activités enregistrent des", "2 muestran un")."""
    for k in range(len(tokens) - 1, -1, -1):
        if k == len(tokens) - 1 and tokens[k] in ARTICLES:
            continue
        value = _number(tokens[k])
        if value is not None:
            whole = _part_of_whole(tokens, k)
            return value if whole is None else whole
        if tokens[k] not in FILLER:
            return None
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
    for sentence in re.split(r"[.;:!?\n]", folded):
        if SCOPED.search(sentence):
            continue  # counts within one pillar are not the report's
        clause = fold_words(sentence)
        phrases = rating_phrases(clause)
        cursor = 0
        for start, end, code in phrases:
            before = re.findall(r"[a-z0-9]+", clause[cursor:start])
            cursor = end
            count = _count_before(before)
            if count is not None and code not in stated:
                stated[code] = count
    for code, count in stated.items():
        if code not in SCALES[report.scale] or actual.get(code, 0) == count:
            continue
        label = RATINGS[code].label(report.language)
        findings.append(
            model.Finding("synopsis-count-mismatch", WARNING, None, None,
                          f"Part A counts {_actions(count)} as {label}, but the tables rate "
                          f"{_actions(actual.get(code, 0))} {label}: correct the synopsis or the "
                          "ratings.")
        )  # fmt: skip
    for match in TOTAL.finditer(folded):
        total = _number(match.group("n"))
        if total is None:
            continue
        listed = len(report.actions)
        if total != listed:
            findings.append(
                model.Finding("synopsis-count-mismatch", WARNING, None, None,
                              f"Part A counts {total} actions, but the report lists {listed}: "
                              "correct the synopsis or add the missing actions.")
            )  # fmt: skip
        break
    return findings


def _actions(count: int) -> str:
    return f"{count} action" + ("" if count == 1 else "s")
