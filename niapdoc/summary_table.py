"""Part B, the summary evaluation: pillars by rows, ratings by columns, each action in the column
of its rating.

The table is known by its header row, the one whose cells name ratings; each column then stands
for the rating its header names. Rows are first put back together where a page break cut them
(the header repeated, the pillar cell left empty, a title carried over without its code), then
read into actions. Reports that tick a column on one row per action ("X" under the rating) are
read as well.
"""

from __future__ import annotations

import re

from niapdoc.blocks import Cell, Table
from niapdoc.header import fold
from niapdoc.parts import PILLAR_CELL, PILLAR_HEAD, Entry, PillarMention, Reading, SummaryRow
from niapdoc.text_rules import (
    ACTION_START,
    CODE,
    find_rating,
    is_name_placeholder,
    join_broken,
    title_and_flag,
    unbracket,
)

HEADER_WORDS = re.compile(
    r"(?:^|\b)(?:progress\s*ratings?|ratings?|notations?|calificacion(?:es)?|evaluation|"
    r"evaluacion|progres|progreso|status|statut|estado)"
)
MARK = re.compile(r"^\s*(?:[xX✓✔√•●■▪☒✗✘]|yes|oui|si|sí)\s*$")
CODE_LIST = re.compile(
    rf"^\s*{CODE}\*?(?:\s*(?:[,;/&\n]|\s(?:and|et|y)\s)\s*{CODE}\*?)*\s*[.,;]?\s*$"
)
HAS_CODE = re.compile(rf"(?:^|\s)[\[(]?{CODE}(?!\d)")


def is_summary_header(row: list[Cell]) -> bool:
    """Whether a row names the ratings of Part B's columns (two or more, and no action)."""
    texts = [c.text for c in row]
    if any(ACTION_START.match(t) for t in texts):
        return False
    return sum(find_rating(t)[0] is not None for t in texts) >= 2


def _is_header_like(row: list[Cell]) -> bool:
    """A repeated header row that names no rating: 'CATEGORY/PILLAR', 'PROGRESS RATING'."""
    texts = [fold(c.text).strip(" *:") for c in row if not c.is_empty]
    if not texts or any(HAS_CODE.search(t) for t in texts):
        return False
    # Narrow columns break header words ("CATÉGORI E/PILIER"): try them without spaces too.
    return all(
        any(
            (PILLAR_HEAD.match(form) and not PILLAR_CELL.match(form)) or HEADER_WORDS.search(form)
            for form in (t, t.replace(" ", ""))
        )
        for t in texts
    )


def collect_summary(reading: Reading, table: Table, position: int) -> None:
    """Gather the rows of a Part B table (or of the piece of one that a page break left).

    A row whose pillar cell is empty, or which opens a page with words that start neither a
    pillar nor an action, is the rest of the row above it.
    """
    fresh = True
    head = _head_rows(table)
    for r, row in enumerate(table.rows):
        signature = _signature(row)
        if r >= head and signature in reading.summary_heads:
            fresh = True  # the table's header again, repeated under a page break
            continue
        if r < head:
            reading.summary_heads.add(signature)
        if r < head - 1:
            continue  # a row above the ratings: 'CATEGORY/PILLAR', 'PROGRESS RATING'
        if is_summary_header(row):
            ratings = [find_rating(c.text) for c in row]
            reading.summary_columns = {i: code for i, (code, _) in enumerate(ratings)}
            reading.summary_unknown = {
                i: words
                for i, (code, words) in enumerate(ratings)
                if code is None and words and i > 0 and not PILLAR_HEAD.match(fold(words))
            }
            reading.scale_columns |= {code for code, _ in ratings if code}
            fresh = True
            continue
        if not reading.summary_columns or all(c.is_empty for c in row) or _is_header_like(row):
            continue
        first = row[0].text.strip() if row else ""
        cells = [list(c.paragraphs) for c in row]
        carried = not first or (fresh and not ACTION_START.match(first))
        carried = carried and not PILLAR_CELL.match(first)
        fresh = False
        if carried and not first and r == len(table.rows) - 1 and reading.summary_rows:
            # At the foot of a page, a row with no pillar: the rest of the row above, or the
            # top of the next page's row, whose pillar cell the page break moved down.
            reading.summary_pending = (cells, position + r * 10)
            continue
        pending, reading.summary_pending = reading.summary_pending, None
        here = position + r * 10
        if pending and not carried and _belongs_below(pending[0], first):
            cells, here = _stacked(pending[0], cells), pending[1]
        elif pending:
            _carry_on(reading.summary_rows[-1], "", pending[0])
        if not carried or not reading.summary_rows:
            reading.summary_rows.append(
                SummaryRow(first, cells, dict(reading.summary_columns),
                           dict(reading.summary_unknown), here)
            )  # fmt: skip
        else:
            _carry_on(reading.summary_rows[-1], first, cells)


def _belongs_below(cells: list[list[str]], first: str) -> bool:
    """Whether a piece of row goes with the pillar row `first` below it: its actions' codes
    are of that pillar (or it has none, and only carries text over)."""
    match = PILLAR_CELL.match(first)
    if not match:
        return False
    codes = {c.split(".")[0] for p in cells[1:] for c, _ in split_actions(p, None)}
    return codes <= {match.group("n")}


def _stacked(top: list[list[str]], bottom: list[list[str]]) -> list[list[str]]:
    """Two pieces of one row, the top one from the page before, as one row."""
    row = SummaryRow("", [list(p) for p in top], {}, {}, 0)
    _carry_on(row, "", bottom)
    return row.cells


def finish_pending(reading: Reading) -> None:
    """A piece of row still waiting at the end: it was the rest of the row above."""
    pending, reading.summary_pending = reading.summary_pending, None
    if pending and reading.summary_rows:
        _carry_on(reading.summary_rows[-1], "", pending[0])


def _head_rows(table: Table) -> int:
    """How many rows head the table: up to its row naming the ratings (0 if it has none)."""
    for r, row in enumerate(table.rows[:3]):
        if is_summary_header(row):
            return r + 1
    return 0


def _signature(row: list[Cell]) -> tuple[str, ...]:
    """A row's words, to know a header row again wherever a narrow column broke them."""
    return tuple(fold(c.text).replace(" ", "") for c in row if not c.is_empty)


def _carry_on(row: SummaryRow, first: str, cells: list[list[str]]) -> None:
    """Add to `row` the rest of it that a page break moved to the next page."""
    if first:
        row.first = join_broken(row.first, first)
    for i, paragraphs in enumerate(cells[1:], start=1):
        while len(row.cells) <= i:
            row.cells.append([])
        target = row.cells[i]
        if paragraphs and target and not ACTION_START.match(paragraphs[0]):
            target[-1] = join_broken(target[-1], paragraphs[0])
            paragraphs = paragraphs[1:]
        target.extend(paragraphs)


def finish_summary(reading: Reading) -> None:
    """Turn the gathered rows into pillars and actions, each with its column's rating."""
    finish_pending(reading)
    pillar: str | None = None
    for row in reading.summary_rows:
        action = ACTION_START.match(row.first) if row.first else None
        match = PILLAR_CELL.match(row.first) if row.first and not action else None
        if match:
            pillar = match.group("n")
            _mention(reading, pillar, match.group("name"), row.position)
        elif row.first and not action:
            # A pillar named without its number: the number its actions' codes share.
            codes = {c.split(".")[0] for p in row.cells[1:] for c, _ in split_actions(p, None)}
            pillar = codes.pop() if len(codes) == 1 else None
            if pillar:
                _mention(reading, pillar, row.first, row.position)
        if action:
            _ticked_row(reading, row, pillar)
            continue
        for i, paragraphs in enumerate(row.cells):
            if i == 0 or not paragraphs:
                continue
            for code, title_text in split_actions(paragraphs, pillar):
                title, flagged = title_and_flag(title_text)
                reading.part_b.append(
                    Entry(code=code, pillar=pillar or code.split(".")[0], title=title,
                          flagged=flagged, position=row.position + i,
                          rating=row.columns.get(i), rating_words=row.unknown.get(i, ""))
                )  # fmt: skip


def _mention(reading: Reading, number: str, name_text: str, position: int) -> None:
    name_text = name_text.strip().strip("*").strip()
    placeholder = name_text if is_name_placeholder(name_text) else ""
    name = None if placeholder else (unbracket(name_text) or None)
    reading.pillars_b.append(PillarMention(number, name, placeholder, position))


def _ticked_row(reading: Reading, row: SummaryRow, pillar: str | None) -> None:
    """One row per action, its rating ticked in a column ('X') or written there."""
    action = ACTION_START.match(row.first)
    if action is None:
        return
    code = action.group("code")
    title, flagged = title_and_flag(action.group("rest"))
    rating, words = None, ""
    for i, paragraphs in enumerate(row.cells):
        text = " ".join(paragraphs)
        if i == 0 or not text.strip():
            continue
        if MARK.match(text) or find_rating(text)[0] == row.columns.get(i):
            rating, words = row.columns.get(i), row.unknown.get(i, "")
            break
    reading.part_b.append(
        Entry(code=code, pillar=pillar or code.split(".")[0], title=title, flagged=flagged,
              position=row.position, rating=rating, rating_words=words)
    )  # fmt: skip


def split_actions(paragraphs: list[str], pillar: str | None) -> list[tuple[str, str]]:
    """The actions in a Part B cell: several may share a paragraph, or one span several."""
    text = "\n".join(paragraphs)
    if CODE_LIST.match(text):
        # Codes only ("1.1, 1.3", "2.1; 2.4 and 2.5"): the titles are in Part C.
        return [(m.group(1), m.group(2)) for m in re.finditer(rf"({CODE})(\*?)", text)]
    # An action starts a paragraph, or follows another of its pillar in the same paragraph;
    # a code inside a title ("Resolution Conf. 10.10") starts nothing.
    own = rf"{re.escape(pillar)}(?:\.\d{{1,2}}){{1,2}}" if pillar else CODE
    starts = re.compile(
        rf"(?:(?<=\n)|^)[\[(]?(?P<code>{CODE})\.?(?![\d])(?=\s*[\[(*A-ZÀ-ÝÉ\"“'])"
        rf"|(?<=\s)[\[(]?(?P<own>{own})\.?(?![\d])(?=\s*[\[*A-ZÀ-ÝÉ\"“'])",
    )
    found = list(starts.finditer(text))
    actions = []
    for k, match in enumerate(found):
        end = found[k + 1].start() if k + 1 < len(found) else len(text)
        body = text[match.end() : end]
        actions.append((match.group("code") or match.group("own"), " ".join(body.split())))
    return actions
