"""Part C, the detailed evaluation: per action its title, its rating and its progress.

The table is known by its header row, whose cells say which column holds the action, the
rating and the summary of progress, whatever their order and wording ("ACTION", "NIAP action",
"ACTIVITÉ", "MEDIDA"; "EVALUATION", "Status"; "SUMMARY OF PROGRESS", "Progress made and
comments"). A row that only names a pillar heads a category. A row without an action code
carries on the action above it: a page break split it.
"""

from __future__ import annotations

import re

from niapdoc.blocks import Cell, Table
from niapdoc.header import fold
from niapdoc.parts import CATEGORY_ROW, PILLAR_CELL, Entry, PillarMention, Reading
from niapdoc.text_rules import (
    ACTION_START,
    find_rating,
    is_name_placeholder,
    join_broken,
    strip_bullet,
    title_and_flag,
    unbracket,
)

ROLE_SUMMARY = re.compile(
    r"\b(?:summary|resume|resumen|comments?|commentaires?|comentarios?|remarks|observations?|"
    r"observaciones)\b"
)
ROLE_RATING = re.compile(
    r"\b(?:evaluation|evaluacion|ratings?|notation|note|calificacion|status|statut|estado|"
    r"assessment|appreciation|valoracion)\b"
)
ROLE_ACTION = re.compile(r"\b(?:actions?|activites?|acciones|accion|medidas?|actividad(?:es)?)\b")
ROLE_NUMBER = re.compile(r"^(?:no\.?|n°|n\.?º|num(?:ber|ero)?\.?|#|code|ref\.?)$")
ROLE_PROGRESS = re.compile(r"\b(?:progress|progres|avances?|progresos?|mise en oeuvre)\b")
DEFAULT_COLUMNS = {"action": 0, "rating": 1, "progress": 2}
PLACEHOLDER_WORDS = re.compile(r"\b(?:rating|notation|calificacion|evaluation|evaluacion)\b")


def header_roles(row: list[Cell]) -> dict[str, int] | None:
    """Which column holds the action, the rating and the progress, if `row` is a header row."""
    roles: dict[str, int] = {}
    for i, cell in enumerate(row):
        text = fold(cell.text).strip(" *:")
        if not text or len(text) > 80 or ACTION_START.match(text) or find_rating(text)[0]:
            continue
        if ROLE_SUMMARY.search(text):
            role = "progress"
        elif ROLE_RATING.search(text):
            role = "rating"
        elif ROLE_ACTION.search(text) or (ROLE_NUMBER.match(text) and "action" not in roles):
            # "No." | "Action": the code and the title in two columns, read as one.
            role = "title" if "action" in roles else "action"
        elif ROLE_PROGRESS.search(text):
            role = "progress"
        else:
            continue
        roles.setdefault(role, i)
    if "action" not in roles or ("rating" not in roles and "progress" not in roles):
        return None
    # A column left unnamed holds the role left unclaimed.
    free = [i for i in range(len(row)) if i not in roles.values()]
    for role in ("rating", "progress"):
        if role not in roles and free:
            roles[role] = free.pop(0)
    return roles


def read_detail(reading: Reading, table: Table, position: int) -> None:
    """Read the actions of a Part C table (or of the piece of one that a page break left)."""
    after_category = False
    for r, row in enumerate(table.rows):
        roles = header_roles(row)
        if roles:
            reading.detail_columns = roles
            continue
        columns = reading.detail_columns or DEFAULT_COLUMNS
        here = position + r * 10

        def cell(role: str, row: list[Cell] = row, columns: dict[str, int] = columns) -> Cell:
            index = columns.get(role, -1)
            return row[index] if 0 <= index < len(row) else Cell()

        if _category_row(reading, row, here):
            finish_detail(reading)
            after_category = True
            continue
        first = " ".join(t for t in (cell("action").text, cell("title").text) if t).strip()
        action = ACTION_START.match(first) if first else None
        progress_at = here + columns.get("progress", 2)
        last = None if after_category or not reading.part_c else reading.part_c[-1]
        if not action and _opens_next_row(last, first, row, table):
            reading.detail_pending = (cell("rating"), cell("progress"), progress_at)
            continue
        after_category = False
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
            )
            pending, reading.detail_pending = reading.detail_pending, None
            rating = cell("rating")
            if pending:
                # The page broke this row before its title: the top of its rating and its
                # first bullets stayed on the page before.
                rating = Cell([*pending[0].paragraphs, *rating.paragraphs])
                _add_progress(entry, pending[1], pending[2])
            read_rating_cell(entry, rating)
            _add_progress(entry, cell("progress"), progress_at, continuing=bool(pending))
            reading.part_c.append(entry)
        elif reading.part_c:
            finish_detail(reading)
            _carry_on(reading.part_c[-1], first, cell("rating"), cell("progress"), progress_at)


def _opens_next_row(last: Entry | None, first: str, row: list[Cell], table: Table) -> bool:
    """Whether a row without a code, last on its page, is the top of the next action's row.

    Widow and orphan control can move a short title (or rating) whole to the next page while
    the first bullets stay, in a row of their own under the action above, which is already
    rated (or under its category's row). Whether the next page goes on with an action row
    settles it; if not, the piece goes back to the action above.
    """
    if first or row is not table.rows[-1]:
        return False
    return last is None or bool(last.rating or last.placeholder or last.rating_words)


def finish_detail(reading: Reading) -> None:
    """Give a piece of row still waiting for its action to the action above it."""
    pending, reading.detail_pending = reading.detail_pending, None
    if pending and reading.part_c:
        _carry_on(reading.part_c[-1], "", *pending)


def _category_row(reading: Reading, row: list[Cell], position: int) -> bool:
    """Whether `row` heads a category ('CATEGORY 2: [Name]', '2. Enforcement'); note it if so."""
    filled = [c.text.strip() for c in row if not c.is_empty]
    if len(filled) != 1 or ACTION_START.match(filled[0]):
        return False
    text = filled[0].strip("*").strip()
    match = CATEGORY_ROW.match(text)
    if not match:
        match = PILLAR_CELL.match(text)
        if not match or len(text) > 150:
            return False
    name_text = match.group("name").strip().strip("*").strip()
    placeholder = name_text if is_name_placeholder(name_text) else ""
    name = None if placeholder else (unbracket(name_text) or None)
    reading.pillars_c.append(PillarMention(match.group("n"), name, placeholder, position))
    return True


def _carry_on(entry: Entry, first: str, rating: Cell, progress: Cell, position: int) -> None:
    """Add to `entry` the rest of its row that a page break moved to the next page."""
    if first:
        title, flagged = title_and_flag(join_broken(entry.title, first))
        entry.title, entry.flagged = title, entry.flagged or flagged
    if entry.rating is None and not rating.is_empty:
        # The rating cell itself may be split: "SUBSTANTIALLY" above the break, "ACHIEVED"
        # below it, or "[PROGRESS" and "RATING]".
        before = entry.placeholder or entry.rating_words
        entry.placeholder = entry.rating_words = ""
        read_rating_cell(entry, Cell([before, *rating.paragraphs] if before else rating.paragraphs))
    _add_progress(entry, progress, position, continuing=True)


def read_rating_cell(entry: Entry, cell: Cell) -> None:
    """The rating an evaluation cell gives, or the placeholder or unknown words it holds."""
    text = cell.text.strip()
    if not text:
        return
    code, words = find_rating(text)
    if code:
        entry.rating, entry.rating_words = code, words
        return
    if re.match(r"^\s*\[[^\]]*\]\s*$", text) or PLACEHOLDER_WORDS.search(fold(text)):
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
            entry.progress[-1] = join_broken(entry.progress[-1], item)
            continue
        entry.progress.append(item)
        entry.progress_positions.append(position)
