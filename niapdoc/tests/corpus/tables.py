"""The content of Parts B and C as every renderer lays it out: rows of cells of paragraphs."""

from __future__ import annotations

from dataclasses import dataclass

from niapdoc.tests.corpus.spec import Act, Case, Extra, Pillar


@dataclass
class BRow:
    """A row of Part B: the first cell, then per rating column its paragraphs.

    `span` marks a row that only names a pillar across the whole table.
    """

    pillar: Pillar
    label: str
    columns: list[list[str]]
    span: bool = False


@dataclass
class CRow:
    """A row of Part C: a category row (`action` None) or an action's row."""

    pillar: Pillar | None
    code: str = ""
    title: str = ""
    rating: str = ""
    progress: tuple[str, ...] = ()

    @property
    def is_category(self) -> bool:
        return self.pillar is not None


def _column(case: Case, act: Act) -> int | None:
    where = act.b_text if act.b_text is not None else act.b
    return None if where is None else case.column_of(where)


def part_b(case: Case) -> list[BRow]:
    """Part B's rows: per pillar, each rating column's paragraphs of actions.

    Layouts: "columns" (the template: titles in the column of their rating, two in one
    paragraph where `b_joined`), "codes" (codes only: "1.1, 1.3"), "ticks" (a row per pillar
    across the table, then a row per action with an X under its rating).
    """
    style = case.layout.b_style
    rows = []
    for pillar in case.pillars:
        label = case.layout.b_pillar_format.format(n=pillar.number, name=pillar.written("b"))
        if style == "ticks":
            rows.append(BRow(pillar, label, [[] for _ in case.columns()], span=True))
        columns: list[list[str]] = [[] for _ in case.columns()]
        for act in case.pillar_actions(pillar.number, "b"):
            index = _column(case, act)
            if style == "ticks":
                ticks = [["X"] if i == index else [] for i in range(len(columns))]
                rows.append(BRow(pillar, f"{act.code} {act.title_in('b')}", ticks))
                continue
            if index is None:
                raise ValueError(f"{case.name}: action {act.code} is in Part B without a column")
            column = columns[index]
            text = act.code if style == "codes" else f"{act.code} {act.title_in('b')}"
            if column and (act.b_joined or style == "codes"):
                column[-1] += (", " if style == "codes" else " ") + text
            else:
                column.append(text)
            for extra in case.extras_after(act.code, "b"):
                columns[case.column_of(extra.rating)].append(f"{extra.code} {extra.title}")
        if style != "ticks":
            rows.append(BRow(pillar, label, columns))
    return rows


def _c_row(case: Case, item: Act | Extra) -> CRow:
    if isinstance(item, Extra):
        title = case.layout.c_title_format.format(code=item.code, title=item.title)
        return CRow(None, item.code, title, item.rating, item.progress)
    title = case.layout.c_title_format.format(code=item.code, title=item.title_in("c"))
    return CRow(None, item.code, title, case.rating_text(item), item.progress)


def part_c(case: Case) -> list[CRow]:
    """Part C's rows in order: each pillar's category row, then its actions' rows."""
    rows = []
    for pillar in case.pillars:
        rows.append(
            CRow(
                pillar,
                title=case.layout.c_category_format.format(
                    n=pillar.number, name=pillar.written("c")
                ),
            )
        )
        for act in case.pillar_actions(pillar.number, "c"):
            rows.append(_c_row(case, act))
            rows += [_c_row(case, extra) for extra in case.extras_after(act.code, "c")]
    return rows


def header_lines(case: Case) -> list[tuple[str, bool]]:
    """The header's lines, each with whether it is set in bold (the title lines are)."""
    return [(line, i < case.layout.title_lines) for i, line in enumerate(case.header)]
