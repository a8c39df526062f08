"""Word files made with python-docx in the template's table shapes.

Part B: a pillar column, a merged "PROGRESS RATING" header over one column per rating, several
actions in a cell as paragraphs (or two in one paragraph). Part C: a merged category row per
pillar, the action's bullets as paragraphs. With `manual_breaks`, a page break ends a table and
the next page starts it again under its header, as reports pasted page by page do; without, the
table is whole and marks its header row to repeat (what LibreOffice then lays out in a PDF).
"""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime
from typing import Any

from docx import Document
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from niapdoc.tests.corpus import tables
from niapdoc.tests.corpus.spec import Case

FIXED_TIME = datetime(2020, 1, 1, tzinfo=UTC)
ZIP_TIME = (2020, 1, 1, 0, 0, 0)
TEXT_WIDTH = 17.0  # cm, an A4 page with 2 cm margins


def _stable_zip(raw: bytes) -> bytes:
    """The same archive with fixed dates, so that the same document gives the same bytes."""
    source = zipfile.ZipFile(io.BytesIO(raw))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()


def _page_field(paragraph: Any) -> None:
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _footer(document: Any, template: str) -> None:
    paragraph = document.sections[0].footer.paragraphs[0]
    before, _, after = template.partition("{page}")
    if before:
        paragraph.add_run(before).font.size = Pt(8)
    _page_field(paragraph)
    if after:
        paragraph.add_run(after).font.size = Pt(8)


def _fill(
    cell: Any, paragraphs: list[str], *, bold: bool = False, style: str | None = None
) -> None:
    for i, text in enumerate(paragraphs):
        paragraph = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
        if style:
            paragraph.style = style
        paragraph.add_run(text).bold = bold


def _repeat_header(row: Any) -> None:
    properties = row._tr.get_or_add_trPr()
    mark = OxmlElement("w:tblHeader")
    mark.set(qn("w:val"), "true")
    properties.append(mark)


def _widths(table: Any, widths: list[float]) -> None:
    table.autofit = False
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=False):
            cell.width = Cm(width)


class _Writer:
    def __init__(self, case: Case, *, manual_breaks: bool) -> None:
        self.case = case
        self.manual = manual_breaks
        self.document = Document()
        self._setup()

    def _setup(self) -> None:
        normal = self.document.styles["Normal"]
        normal.font.name = "Arial"
        normal.font.size = Pt(10)
        section = self.document.sections[0]
        section.page_width, section.page_height = Cm(21), Cm(29.7)
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Cm(2))
        properties = self.document.core_properties
        properties.author = properties.last_modified_by = "Corpus"
        properties.created = properties.modified = properties.last_printed = FIXED_TIME
        properties.revision = 1
        if self.case.layout.footer:
            _footer(self.document, self.case.layout.footer)

    def paragraph(self, text: str, *, bold: bool = False, size: float | None = None) -> None:
        run = self.document.add_paragraph().add_run(text)
        run.bold = bold
        if size:
            run.font.size = Pt(size)

    def page_break(self) -> None:
        self.document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def synopsis(self) -> None:
        case, layout = self.case, self.case.layout
        if layout.part_a:
            self.paragraph(layout.part_a, bold=True, size=11)
        for heading, paragraphs in (
            (None, case.overview),
            (layout.progress_heading, case.progress),
            (layout.outlook_heading, case.outlook),
        ):
            if heading and paragraphs:
                self.paragraph(heading, bold=True)
            for text in paragraphs:
                self.paragraph(text)

    def b_table(self) -> Any:
        layout, columns = self.case.layout, self.case.columns()
        merged = layout.b_rating_head is not None
        table = self.document.add_table(rows=2 if merged else 1, cols=len(columns) + 1)
        table.style = "Table Grid"
        if merged:
            table.cell(0, 0).merge(table.cell(1, 0))
            table.cell(0, 1).merge(table.cell(0, len(columns)))
            _fill(table.cell(0, 1), [layout.b_rating_head or ""], bold=True)
        _fill(table.cell(0, 0), [layout.b_pillar_head], bold=True)
        for i, word in enumerate(columns):
            _fill(table.cell(1 if merged else 0, i + 1), [word], bold=True)
        for row in table.rows:
            _repeat_header(row)
        return table

    def part_b(self) -> None:
        table = self.b_table()
        for row in tables.part_b(self.case):
            if self.manual and row.pillar.number in self.case.layout.b_page_breaks:
                self.finish(table, "b")
                self.page_break()
                table = self.b_table()
            cells = table.add_row().cells
            if row.span:
                _fill(cells[0].merge(cells[-1]), [row.label], bold=True)
                continue
            _fill(cells[0], [row.label])
            for cell, paragraphs in zip(cells[1:], row.columns, strict=True):
                _fill(cell, paragraphs)
        self.finish(table, "b")

    def c_table(self) -> Any:
        table = self.document.add_table(rows=1, cols=3)
        table.style = "Table Grid"
        heads = dict(zip(("action", "rating", "progress"), self.case.layout.c_heads, strict=True))
        for i, role in enumerate(self.case.layout.c_order):
            _fill(table.cell(0, i), [heads[role]], bold=True)
        _repeat_header(table.rows[0])
        return table

    def c_row(self, table: Any, title: str, rating: str, progress: tuple[str, ...]) -> None:
        cells = dict(zip(self.case.layout.c_order, table.add_row().cells, strict=True))
        _fill(cells["action"], [title] if title else [])
        _fill(cells["rating"], [rating] if rating else [], bold=True)
        bullet = self.case.layout.bullet
        style = None if bullet else "List Bullet"
        _fill(cells["progress"], [bullet + item for item in progress], style=style)

    def part_c(self) -> None:
        layout = self.case.layout
        table = self.c_table()
        for row in tables.part_c(self.case):
            if row.is_category:
                cells = table.add_row().cells
                merged = cells[0].merge(cells[2])
                _fill(merged, [row.title], bold=True)
                continue
            if self.manual and row.code == layout.split_c:
                words, (k, m) = row.title.split(" "), layout.split_at
                self.c_row(table, " ".join(words[:k]), row.rating, row.progress[:m])
                self.finish(table, "c")
                self.page_break()
                table = self.c_table()
                self.c_row(table, " ".join(words[k:]), "", row.progress[m:])
            else:
                self.c_row(table, row.title, row.rating, row.progress)
            if self.manual and row.code in layout.c_page_breaks:
                self.finish(table, "c")
                self.page_break()
                table = self.c_table()
        self.finish(table, "c")

    def finish(self, table: Any, part: str) -> None:
        if part == "b":
            first = 3.4 if not self.case.layout.narrow else 2.6
            rest = (TEXT_WIDTH - first) / (len(table.columns) - 1)
            _widths(table, [first] + [rest] * (len(table.columns) - 1))
        else:
            widths = {"action": 5.0, "rating": 2.8, "progress": 9.2}
            _widths(table, [widths[role] for role in self.case.layout.c_order])
        self.document.add_paragraph()

    def render(self) -> bytes:
        layout = self.case.layout
        for line, bold in tables.header_lines(self.case):
            self.paragraph(line, bold=bold, size=12 if bold else None)
        self.synopsis()
        if layout.part_b:
            self.paragraph(layout.part_b, bold=True, size=11)
        self.part_b()
        if layout.part_c:
            self.paragraph(layout.part_c, bold=True, size=11)
        self.part_c()
        out = io.BytesIO()
        self.document.save(out)
        return _stable_zip(out.getvalue())


def render_docx(case: Case, *, manual_breaks: bool = True) -> bytes:
    """The case as a Word file; the same case always gives the same bytes."""
    return _Writer(case, manual_breaks=manual_breaks).render()
