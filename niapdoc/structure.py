"""What a progress report means, read from its blocks (paragraphs and tables).

The template has a header, Part A (synopsis), Part B (a table: pillars by rows, ratings by
columns, each action in the column of its rating) and Part C (a table: action, evaluation,
summary of progress, with a row heading each category). Reports drift from it in every way
domain.md lists; this module reads the structure rather than exact wording, so that a report
it has never seen still reads: tables are recognised by their header rows, sections by their
markers in three languages, actions by their codes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from niapdoc import header as hdr
from niapdoc.blocks import Block, Cell, Paragraph, Table
from niapdoc.countries import code_for_name, title_case
from niapdoc.errors import ReportError
from niapdoc.scales import NIAP4, NIAP6, SCALES
from niapdoc.text_rules import (
    ACTION_START,
    CODE,
    find_rating,
    is_name_placeholder,
    is_noise,
    strip_bullet,
    strip_noise,
    title_and_flag,
    unbracket,
)

PART_MARK = re.compile(
    r"^\s*(?:part|partie|parte|section|seccion)\s+(?P<part>[abc])\b\s*[:.\-–—)]?\s*(?P<rest>.*)$"
)
PROGRESS_MARK = re.compile(
    r"^\s*(?:progress\s+to\s+date|progress\s+made|progres\s+(?:realises\s+)?(?:a\s+ce\s+jour|"
    r"jusqu'?a\s+present)|etat\s+d'avancement|(?:avances?|progresos?|progreso)\s+(?:logrados?\s+)?"
    r"(?:hasta|a)\s+la\s+fecha)\b"
)
OUTLOOK_MARK = re.compile(
    r"^\s*(?:future\s+outlook|outlook|perspectives?(?:\s+d'avenir|\s+futures)?|"
    r"perspectivas?(?:\s+futuras?)?)\b"
)
CATEGORY_ROW = re.compile(
    r"^\s*(?:category|categorie|categoria|pillar|pilier|pilar|theme|tema)\s*(?P<n>\d{1,2})\s*"
    r"[:.\-–—)]?\s*(?P<name>.*)$"
)
PILLAR_CELL = re.compile(r"^\s*(?P<n>\d{1,2})\s*[.:)\-–]?\s*(?P<name>(?!\d).*)$", re.DOTALL)
ACTION_HEAD = re.compile(r"^(?:actions?|activites?|activite|acciones|accion|medidas?|activ)")
EVAL_HEAD = re.compile(r"^(?:evaluation|evaluacion|rating|notation|calificacion|statut|estado)")
SUMMARY_HEAD = re.compile(r"^(?:summary|resume|resumen|progress|progres|avances?)")
PILLAR_HEAD = re.compile(r"^(?:category|categorie|categoria|pillar|pilier|pilar)")


@dataclass
class Entry:
    """One action as one part of the report lists it."""

    code: str
    pillar: str | None
    title: str
    flagged: bool
    position: int
    rating: str | None = None
    rating_words: str = ""
    placeholder: str = ""
    progress: list[str] = field(default_factory=list)
    progress_positions: list[int] = field(default_factory=list)
    open_title: bool = False


@dataclass
class PillarMention:
    """A pillar as one part heads it: its number, its name (None for a placeholder)."""

    number: str
    name: str | None
    placeholder: str
    position: int


@dataclass
class Reading:
    """Everything read from the document, before it is merged into the interchange format."""

    language: str = "en"
    title: str = ""
    title_meeting: str | None = None
    prepared_for_meeting: str | None = None
    prepared_for_text: str = ""
    party: str | None = None
    period_text: str = ""
    period: hdr.Period = field(default_factory=lambda: hdr.Period(None, None))
    prepared_by: str | None = None
    synopsis: dict[str, list[str]] = field(
        default_factory=lambda: {"overview": [], "progress": [], "outlook": []}
    )
    synopsis_position: int = 0
    scale_columns: set[str] = field(default_factory=set)
    unknown_columns: dict[str, str] = field(default_factory=dict)
    part_b: list[Entry] = field(default_factory=list)
    part_c: list[Entry] = field(default_factory=list)
    pillars_b: list[PillarMention] = field(default_factory=list)
    pillars_c: list[PillarMention] = field(default_factory=list)
    has_part_b: bool = False
    has_part_c: bool = False


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


def detect_language(blocks: list[Block]) -> str:
    """'fr', 'es' or 'en', from the words of the header and section titles."""
    sample = " ".join(
        b.text if isinstance(b, Paragraph) else " ".join(c.text for c in b.rows[0])
        for b in blocks[:60]
        if isinstance(b, Paragraph) or b.rows
    )
    folded = f" {hdr.fold(sample)} "
    scores = {
        "fr": sum(folded.count(w) for w in (" partie", " periode", " rapport ", " pani", " activites", " categorie", " prepare par", " des ", " les ", " et ")),
        "es": sum(folded.count(w) for w in (" parte:", " periodo", " informe", " preparado", " acciones", " categoria", " medidas", " los ", " las ", " y ")),
        "en": sum(folded.count(w) for w in (" party", " reporting period", " report ", " niap", " actions", " category", " prepared by", " the ", " and ", " of ")),
    }  # fmt: skip
    return max(scores, key=lambda k: (scores[k], k == "en"))


def _section_of(text: str) -> str | None:
    match = PART_MARK.match(hdr.fold(text))
    return match.group("part").upper() if match else None


def read_structure(blocks: list[Block]) -> Reading:
    """Read the header, the synopsis and Parts B and C from a document's blocks."""
    blocks = _clean_blocks(blocks)
    reading = Reading(language=detect_language(blocks))
    section = "header"
    position = 0
    part_b_columns: dict[int, str | None] = {}
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
            elif section == "B":
                reading.has_part_b = True
            continue
        kind = _table_kind(block, section)
        if kind == "B":
            reading.has_part_b = True
            part_b_columns = _read_part_b(reading, block, position, part_b_columns)
            section = "B"
        elif kind == "C":
            reading.has_part_c = True
            _read_part_c(reading, block, position)
            section = "C"
        elif section == "header":
            for row in block.rows:
                for cell in row:
                    for line in cell.paragraphs:
                        _read_header_line(reading, line)
    return reading


def _read_header_line(reading: Reading, text: str) -> None:
    folded = hdr.fold(text)
    stripped = text.strip().strip("*").strip()
    if not reading.title and (
        "progress report" in folded
        or "rapport" in folded
        or "informe" in folded
        or re.search(r"\b(?:niap|pani|panm)\b", folded)
    ):
        reading.title = stripped
        reading.title_meeting = hdr.meeting_from_title(text)
    meeting = hdr.meeting_from_prepared_for(text)
    if meeting and not reading.prepared_for_meeting:
        reading.prepared_for_meeting = meeting
        reading.prepared_for_text = stripped
        return
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
    if PROGRESS_MARK.match(folded) and len(folded) < 60:
        reading.synopsis.setdefault("_part", ["progress"])[0] = "progress"
        return
    if OUTLOOK_MARK.match(folded) and len(folded) < 60:
        reading.synopsis.setdefault("_part", ["outlook"])[0] = "outlook"
        return
    part = reading.synopsis.get("_part", ["overview"])[0]
    reading.synopsis[part].append(block.text.strip())


def _header_cells(row: list[Cell]) -> list[str]:
    return [hdr.fold(c.text).strip(" *:") for c in row]


def _table_kind(table: Table, section: str) -> str | None:
    """'B' for a summary table, 'C' for a detailed evaluation table, None for anything else."""
    for row in table.rows[:3]:
        cells = _header_cells(row)
        ratings = [find_rating(c.text)[0] for c in row]
        if sum(r is not None for r in ratings) >= 2 and not any(
            ACTION_START.match(c) for c in cells
        ):
            return "B"
        if any(ACTION_HEAD.match(c) for c in cells) and (
            any(EVAL_HEAD.match(c) for c in cells) or any(SUMMARY_HEAD.match(c) for c in cells)
        ):
            return "C"
    if section in {"B", "C"}:
        # A table that a page break cut from its header row carries on the section's table.
        return section
    return None


def _read_part_b(
    reading: Reading, table: Table, position: int, columns: dict[int, str | None]
) -> dict[int, str | None]:
    pillar: PillarMention | None = reading.pillars_b[-1] if reading.pillars_b else None
    for r, row in enumerate(table.rows):
        ratings = [find_rating(c.text) for c in row]
        found = {i: code for i, (code, _) in enumerate(ratings) if code}
        if len(found) >= 2:
            columns = {i: code for i, (code, _) in enumerate(ratings)}
            reading.scale_columns |= set(found.values())
            for i, (code, words) in enumerate(ratings):
                if code is None and words and i > 0 and not PILLAR_HEAD.match(hdr.fold(words)):
                    reading.unknown_columns[str(i)] = words
            continue
        if not columns:
            continue
        first = row[0].text if row else ""
        match = PILLAR_CELL.match(first) if first else None
        if match and not ACTION_START.match(first):
            name_text = match.group("name").strip()
            placeholder = name_text if is_name_placeholder(name_text) else ""
            pillar = PillarMention(
                number=match.group("n"),
                name=None if placeholder else (unbracket(name_text) or None),
                placeholder=placeholder,
                position=position + r * 10,
            )
            reading.pillars_b.append(pillar)
        elif (
            first
            and not ACTION_START.match(first)
            and hdr.fold(first).startswith(("category", "categor", "pilier", "pilar", "pillar"))
        ):
            continue
        for i, cell in enumerate(row):
            if i == 0 and (match or not ACTION_START.match(cell.text)):
                continue
            if cell.is_empty:
                continue
            rating = columns.get(i)
            words = reading.unknown_columns.get(str(i), "")
            for code, title_text in _split_actions(cell, pillar.number if pillar else None):
                title, flagged = title_and_flag(title_text)
                reading.part_b.append(
                    Entry(
                        code=code,
                        pillar=pillar.number if pillar else code.split(".")[0],
                        title=title,
                        flagged=flagged,
                        position=position + r * 10 + i,
                        rating=rating,
                        rating_words=words,
                    )
                )
    return columns


def _split_actions(cell: Cell, pillar: str | None) -> list[tuple[str, str]]:
    """The actions in a Part B cell: several may share a paragraph, or one span several."""
    text = "\n".join(cell.paragraphs)
    code = rf"{re.escape(pillar)}(?:\.\d{{1,2}}){{1,2}}" if pillar else CODE
    starts = re.compile(
        rf"(?:(?<=\s)|^)[\[(]?(?P<code>{code})\.?(?=\s*[\[(*A-ZÀ-ÝÉ\"“'])",
    )
    found = list(starts.finditer(text))
    actions = []
    for k, match in enumerate(found):
        end = found[k + 1].start() if k + 1 < len(found) else len(text)
        body = text[match.end() : end]
        actions.append((match.group("code"), " ".join(body.split())))
    return actions


def _read_part_c(reading: Reading, table: Table, position: int) -> None:
    columns = {"action": 0, "rating": 1, "progress": 2}
    for r, row in enumerate(table.rows):
        cells = _header_cells(row)
        if any(ACTION_HEAD.match(c) for c in cells) and (
            any(EVAL_HEAD.match(c) for c in cells) or any(SUMMARY_HEAD.match(c) for c in cells)
        ):
            for i, c in enumerate(cells):
                if ACTION_HEAD.match(c):
                    columns["action"] = i
                elif EVAL_HEAD.match(c):
                    columns["rating"] = i
                elif SUMMARY_HEAD.match(c):
                    columns["progress"] = i
            continue
        here = position + r * 10

        def cell(role: str, row: list[Cell] = row) -> Cell:
            index = columns[role]
            return row[index] if index < len(row) else Cell()

        first = cell("action").text.strip()
        category = CATEGORY_ROW.match(hdr.fold(first)) if first else None
        others_empty = all(c.is_empty for i, c in enumerate(row) if i != columns["action"])
        if category and not ACTION_START.match(first):
            name_text = (
                first[len(first) - len(category.group("name")) :].strip()
                if category.group("name")
                else ""
            )
            _add_pillar_c(reading, category.group("n"), name_text, here)
            continue
        action = ACTION_START.match(first) if first else None
        plain_pillar = PILLAR_CELL.match(first) if first and not action else None
        if plain_pillar and others_empty and len(first) < 150:
            _add_pillar_c(
                reading, plain_pillar.group("n"), plain_pillar.group("name").strip(), here
            )
            continue
        rating_cell = cell("rating")
        progress_cell = cell("progress")
        if action:
            rest = action.group("rest")
            title, flagged = title_and_flag(rest)
            pillar = reading.pillars_c[-1].number if reading.pillars_c else None
            entry = Entry(
                code=action.group("code"),
                pillar=pillar or action.group("code").split(".")[0],
                title=title,
                flagged=flagged,
                position=here,
                open_title=rest.count("[") > rest.count("]"),
            )
            _read_rating_cell(entry, rating_cell)
            _add_progress(entry, progress_cell, here + columns["progress"])
            reading.part_c.append(entry)
            continue
        if not reading.part_c:
            continue
        # A row without a code carries on the action above: a page break split it.
        last = reading.part_c[-1]
        if first:
            joined = f"{last.title} {first}" if last.title else first
            title, flagged = title_and_flag(joined)
            last.title, last.flagged = title, last.flagged or flagged
            last.open_title = False
        if last.rating is None and not last.placeholder and not rating_cell.is_empty:
            _read_rating_cell(last, rating_cell)
        _add_progress(last, progress_cell, here + columns["progress"], continuing=True)


def _add_pillar_c(reading: Reading, number: str, name_text: str, position: int) -> None:
    name_text = name_text.strip().strip("*").strip()
    placeholder = name_text if is_name_placeholder(name_text) else ""
    name = None if placeholder else (unbracket(name_text) or None)
    reading.pillars_c.append(PillarMention(number, name, placeholder, position))


def _read_rating_cell(entry: Entry, cell: Cell) -> None:
    text = cell.text.strip()
    if not text:
        return
    code, words = find_rating(text)
    if code:
        entry.rating, entry.rating_words = code, words
        return
    if (
        re.match(r"^\s*\[[^\]]*\]\s*$", text)
        or "rating" in hdr.fold(text)
        or "notation" in hdr.fold(text)
    ):
        entry.placeholder = text
        return
    entry.rating_words = text


def _add_progress(entry: Entry, cell: Cell, position: int, *, continuing: bool = False) -> None:
    for k, paragraph in enumerate(cell.paragraphs):
        item = strip_bullet(paragraph)
        if not item:
            continue
        # After a page break, text that goes on in lower case without a bullet finishes the
        # item the page cut; anything else is an item of its own.
        if (
            continuing
            and k == 0
            and entry.progress
            and item == paragraph.strip()
            and item[:1].islower()
        ):
            entry.progress[-1] = f"{entry.progress[-1]} {item}"
            continue
        entry.progress.append(item)
        entry.progress_positions.append(position)


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
