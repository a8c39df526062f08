"""What a progress report means, read from its blocks (paragraphs and tables).

The template has a header, Part A (synopsis), Part B (a table: pillars by rows, ratings by
columns, each action in the column of its rating) and Part C (a table: action, evaluation,
summary of progress, with a row heading each category). Reports drift from it in every way
domain.md lists; this module reads the structure rather than exact wording, so that a report
it has never seen still reads: tables are recognised by their header rows, sections by their
markers (or the template's part titles) in three languages, actions by their codes. Part B is
read by `summary_table`, Part C by `detail_table`; both put back together the rows and cells
that page breaks cut.
"""

from __future__ import annotations

import re

from niapdoc import header as hdr
from niapdoc.blocks import Block, Cell, Paragraph, Table
from niapdoc.countries import code_for_name, title_case
from niapdoc.detail_table import finish_detail, header_roles, read_detail
from niapdoc.errors import ReportError
from niapdoc.parts import Entry, PillarMention, Reading, SummaryRow
from niapdoc.scales import NIAP4, NIAP6, SCALES
from niapdoc.summary_table import collect_summary, finish_summary, is_summary_header
from niapdoc.text_rules import is_noise, strip_noise

__all__ = [
    "Entry",
    "PillarMention",
    "Reading",
    "SummaryRow",
    "party_of",
    "read_structure",
    "scale_of",
]

PART_MARK = re.compile(
    r"^\s*(?:part|partie|parte|section|seccion)\s+(?P<part>[abc])\b\s*[:.\-–—)]?\s*(?P<rest>.*)$"
)
# The template's part titles without their letter: "1. Synopsis", "Summary evaluation of actions".
PART_TITLE = re.compile(
    r"^\s*(?:(?:\d{1,2}|[ivx]{1,4})\s*[.):\-–—]?\s*)?"
    r"(?:(?P<a>synopsis|sinopsis|executive\s+summary|resume\s+analytique|resumen\s+ejecutivo)"
    r"|(?P<b>summary\s+evaluation|evaluation\s+sommaire|evaluacion\s+resumida)"
    r"|(?P<c>detailed\s+evaluation|evaluation\s+detaillee|evaluacion\s+detallada))\b"
)
TITLE_WORDS = re.compile(
    r"progress report|rapport|informe|\b(?:niap|pani|panm)\b|national ivory action plan|"
    r"plan d'action national|plan de accion nacional"
)
# The headings of Part A, alone on their line: "Progress to date", "Progrès réalisés à ce jour",
# "Avances hasta la fecha"; "Future outlook", "Perspectives", "Próximos pasos".
PROGRESS_MARK = re.compile(
    r"^\s*(?:progress(?:\s+made)?(?:\s+to\s+date|\s+so\s+far)?|progres(?:\s+realises)?"
    r"(?:\s+a\s+ce\s+jour|\s+jusqu'?a\s+present)?|etat\s+d'avancement|"
    r"(?:avances?|progresos?|progreso)(?:\s+logrados?|\s+realizados?)?(?:\s+(?:hasta|a)\s+la\s+fecha)?)"
    r"\s*:?\s*$"
)
OUTLOOK_MARK = re.compile(
    r"^\s*(?:future\s+outlook|outlook|next\s+steps|perspectives?(?:\s+d'avenir|\s+futures)?|"
    r"prochaines\s+etapes|perspectivas?(?:\s+futuras?)?|proximos\s+pasos)\s*:?\s*$"
)


def _clean_lines(lines: list[str]) -> list[str]:
    out = []
    for line in lines:
        if is_noise(line):
            continue
        cleaned = strip_noise(line).strip()
        if cleaned:
            out.append(cleaned)
    return out


def _clean_blocks(blocks: list[Block]) -> list[Block]:
    cleaned: list[Block] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            lines = _clean_lines([block.text])
            if lines:
                cleaned.append(Paragraph(lines[0], block.heading, block.bold))
        else:
            rows = [[Cell(_clean_lines(cell.paragraphs)) for cell in row] for row in block.rows]
            rows = [row for row in rows if any(not c.is_empty for c in row)]
            if rows:
                cleaned.append(Table(rows))
    return cleaned


# Words that mark each language in a report's header, section titles and table heads.
LANGUAGE_WORDS = {
    "fr": (" partie", " periode", " rapport ", " pani", " activites", " categorie",
           " prepare par", " des ", " les ", " et "),
    "es": (" parte:", " periodo", " informe", " preparado", " acciones", " categoria",
           " medidas", " los ", " las ", " y "),
    "en": (" party", " reporting period", " report ", " niap", " actions", " category",
           " prepared by", " the ", " and ", " of "),
}  # fmt: skip


def detect_language(blocks: list[Block]) -> str:
    """'fr', 'es' or 'en', from the words of the header and section titles."""
    sample = " ".join(
        b.text if isinstance(b, Paragraph) else " ".join(c.text for c in b.rows[0])
        for b in blocks[:60]
        if isinstance(b, Paragraph) or b.rows
    )
    folded = f" {hdr.fold(sample)} "
    scores = {lang: sum(folded.count(w) for w in words) for lang, words in LANGUAGE_WORDS.items()}
    return max(scores, key=lambda k: (scores[k], k == "en"))


def _section_of(text: str) -> str | None:
    """'A', 'B' or 'C' when a line opens a part of the report ('PART B', 'SECTION C',
    '1. Synopsis'), else None."""
    folded = hdr.fold(text).strip(" *#")
    match = PART_MARK.match(folded)
    if match:
        return match.group("part").upper()
    if len(folded) > 100 or folded.endswith("."):
        return None
    title = PART_TITLE.match(folded)
    if not title:
        return None
    return next(part.upper() for part in "abc" if title.group(part))


def read_structure(blocks: list[Block]) -> Reading:
    """Read the header, the synopsis and Parts B and C from a document's blocks."""
    blocks = _clean_blocks(blocks)
    reading = Reading(language=detect_language(blocks))
    section = "header"
    for index, block in enumerate(blocks):
        position = index * 10_000
        if isinstance(block, Paragraph):
            part = _section_of(block.text)
            if part:
                section = part
                if part == "A":
                    reading.synopsis_position = position
                continue
            if section == "header":
                _read_header_line(reading, block.text)
            elif section == "A":
                _read_synopsis_line(reading, block)
            continue
        kind = _table_kind(block, section)
        if kind == "B":
            reading.has_part_b = True
            collect_summary(reading, block, position)
            section = "B"
        elif kind == "C":
            reading.has_part_c = True
            read_detail(reading, block, position)
            section = "C"
        elif section in {"header", "A"}:
            # A header laid out in a table, or a synopsis written in a framed box.
            for row in block.rows:
                for cell in row:
                    for line in cell.paragraphs:
                        if section == "header":
                            _read_header_line(reading, line)
                        else:
                            _read_synopsis_line(reading, Paragraph(line))
    finish_summary(reading)
    finish_detail(reading)
    return reading


def _read_header_line(reading: Reading, text: str) -> None:
    folded = hdr.fold(text)
    stripped = text.strip().strip("*").strip()
    meeting = hdr.meeting_from_prepared_for(text)
    if meeting and not reading.prepared_for_meeting:
        reading.prepared_for_meeting = meeting
        reading.prepared_for_text = stripped
        return
    if not reading.title and TITLE_WORDS.search(folded):
        reading.title = stripped
    if reading.party is None and not reading.title_meeting:
        # The title may run over several lines above the Party's: "CITES SC66" on one.
        reading.title_meeting = hdr.meeting_from_title(text)
    match = hdr.PARTY.match(folded)
    if match and reading.party is None:
        reading.party = stripped.split(":", 1)[1].strip() if ":" in stripped else match.group("v")
        return
    match = hdr.PERIOD.match(folded)
    if match and not reading.period_text and re.search(r"\d", folded):
        value = stripped.split(":", 1)[1].strip() if ":" in stripped else stripped
        reading.period_text = value
        reading.period = hdr.parse_period(value)
        return
    match = hdr.PREPARED_BY.match(folded)
    if match and reading.prepared_by is None:
        value = stripped[match.end() :].strip(" :")
        reading.prepared_by = value or None


def _read_synopsis_line(reading: Reading, block: Paragraph) -> None:
    folded = hdr.fold(block.text.strip("*# "))
    if PROGRESS_MARK.match(folded):
        reading.synopsis_part = "progress"
        return
    if OUTLOOK_MARK.match(folded):
        reading.synopsis_part = "outlook"
        return
    reading.synopsis[reading.synopsis_part].append(block.text.strip())


def _table_kind(table: Table, section: str) -> str | None:
    """'B' for a summary table, 'C' for a detailed evaluation table, None for anything else."""
    head = table.rows[:3]
    # Part B's header names the ratings, perhaps under a merged 'PROGRESS RATING' row that
    # would pass for Part C's 'Action / Rating' header on its own.
    if any(is_summary_header(row) for row in head):
        return "B"
    if any(header_roles(row) for row in head):
        return "C"
    if section in {"B", "C"}:
        # A table that a page break cut from its header row carries on the section's table.
        return section
    return None


def scale_of(reading: Reading, meeting: str | None) -> str:
    """The report's scale: from Part B's columns, else the ratings used, else the meeting."""
    only4 = set(SCALES[NIAP4]) - set(SCALES[NIAP6])
    only6 = set(SCALES[NIAP6]) - set(SCALES[NIAP4])
    for used in (reading.scale_columns, {e.rating for e in reading.part_c if e.rating}):
        if used & only4 and not used & only6:
            return NIAP4
        if used & only6 and not used & only4:
            return NIAP6
        if used & only4 and used & only6:
            return NIAP6 if len(used & only6) >= len(used & only4) else NIAP4
    if meeting and meeting[2:].isdigit() and int(meeting[2:]) <= 67:
        return NIAP4
    return NIAP6


def party_of(reading: Reading) -> tuple[str, str | None]:
    """The Party as named, in title case, and its ISO code when recognised."""
    if not reading.party:
        raise ReportError(
            "this does not look like a NIAP progress report: no 'Party:' line was found in its "
            "header; check that this is the progress report, or add the 'Party:' line"
        )
    name = title_case(reading.party.strip(" .*"))
    return name, code_for_name(name)
