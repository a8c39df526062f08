"""The report as a Word file in the layout of the CITES template (python-docx).

Header lines, Part A with its two headings, Part B's table (pillars by rows, one column per
rating, each action in its rating's column) and Part C's table (action, evaluation, progress
bullets under a merged category row), as a focal point would have filled in the template.
"""

from __future__ import annotations

import io
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import _Cell

from tusk.documents.export import ReportContent

HEADER_FILL = "D9E2F3"
CATEGORY_FILL = "F2F2F2"


def _shade(cell: _Cell, fill: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def _repeat_header(row: object) -> None:
    tr_pr = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)


def _write(cell: _Cell, text: str, *, bold: bool = False, size: float | None = None) -> None:
    paragraph = cell.paragraphs[0]
    run = paragraph.add_run(text)
    run.bold = bold
    if size:
        run.font.size = Pt(size)


def _paragraphs(document: object, text: str) -> None:
    for line in text.split("\n"):
        if line.strip():
            document.add_paragraph(line.strip())  # type: ignore[attr-defined]


def _page_field(paragraph: object, name: str) -> None:
    run = paragraph.add_run()  # type: ignore[attr-defined]
    for kind, text in (("begin", None), (None, f" {name} "), ("separate", None), ("end", None)):
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        else:
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)


def _header(document: object, content: ReportContent) -> None:
    d = content.document
    title = document.add_paragraph()  # type: ignore[attr-defined]
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run(content.title)
    run.bold = True
    run.font.size = Pt(14)
    lines = [content.prepared_for, content.label("party", party=d.party.upper())]
    if content.period:
        lines.append(content.label("period", period=content.period))
    if d.prepared_by:
        lines.append(content.label("prepared_by", who=d.prepared_by))
    for line in lines:
        document.add_paragraph(line)  # type: ignore[attr-defined]


def _part_a(document: object, content: ReportContent) -> None:
    synopsis = content.document.synopsis
    document.add_heading(content.label("part_a"), level=1)  # type: ignore[attr-defined]
    _paragraphs(document, synopsis.overview)
    document.add_heading(content.label("progress_to_date"), level=2)  # type: ignore[attr-defined]
    _paragraphs(document, synopsis.progress)
    document.add_heading(content.label("future_outlook"), level=2)  # type: ignore[attr-defined]
    _paragraphs(document, synopsis.outlook)


def _part_b(document: object, content: ReportContent) -> None:
    document.add_heading(content.label("part_b"), level=1)  # type: ignore[attr-defined]
    scale = content.scale
    table = document.add_table(rows=2, cols=len(scale) + 1)  # type: ignore[attr-defined]
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    corner = table.cell(0, 0).merge(table.cell(1, 0))
    _write(corner, content.label("category_pillar"), bold=True, size=9)
    rating_head = table.cell(0, 1).merge(table.cell(0, len(scale)))
    _write(rating_head, content.label("progress_rating"), bold=True, size=9)
    rating_head.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    for i, (_code, word) in enumerate(scale, start=1):
        _write(table.cell(1, i), word, bold=True, size=9)
    for row in table.rows[:2]:
        _repeat_header(row)
        for cell in row.cells:
            _shade(cell, HEADER_FILL)
    columns = {code: i for i, (code, _word) in enumerate(scale, start=1)}
    for pillar in content.pillars:
        cells = table.add_row().cells
        _write(cells[0], content.pillar_label(pillar), bold=True, size=9)
        filled: set[int] = set()
        for action in pillar.actions:
            column = columns.get(action.rating or "")
            if column is None:
                continue
            paragraph = (
                cells[column].paragraphs[0]
                if column not in filled
                else cells[column].add_paragraph()
            )
            paragraph.add_run(content.action_label(action)).font.size = Pt(9)
            filled.add(column)
    rating_width = Cm(21.7 / len(scale))
    _widths(table, (Cm(4.0), *(rating_width for _ in scale)))


def _part_c(document: object, content: ReportContent) -> None:
    document.add_heading(content.label("part_c"), level=1)  # type: ignore[attr-defined]
    table = document.add_table(rows=1, cols=3)  # type: ignore[attr-defined]
    table.style = "Table Grid"
    for cell, key in zip(table.rows[0].cells, ("action", "evaluation", "summary"), strict=True):
        _write(cell, content.label(key), bold=True, size=9)
        _shade(cell, HEADER_FILL)
    _repeat_header(table.rows[0])
    for pillar in content.pillars:
        row = table.add_row()
        merged = row.cells[0].merge(row.cells[2])
        _write(merged, content.category_label(pillar), bold=True, size=9)
        _shade(merged, CATEGORY_FILL)
        for action in pillar.actions:
            cells = table.add_row().cells
            _write(cells[0], content.action_label(action), size=9)
            _write(cells[1], content.rating_word(action.rating).upper(), bold=True, size=9)
            for i, item in enumerate(action.progress):
                paragraph = cells[2].paragraphs[0] if i == 0 else cells[2].add_paragraph()
                paragraph.style = document.styles["List Bullet"]  # type: ignore[attr-defined]
                paragraph.add_run(" ".join(item.split())).font.size = Pt(9)
    _widths(table, (Cm(7.5), Cm(3.7), Cm(14.5)))


def _chart(document: Any, content: ReportContent) -> None:
    """The Party's ratings at each meeting: the page's Vega-Lite chart, as a PNG."""
    from tusk.core.charts import chart_for_report_documents

    _svg, png = chart_for_report_documents(content.report)
    document.add_heading(content.label("ratings_chart"), level=2)
    document.add_picture(io.BytesIO(png), width=Cm(16))


def _widths(table: object, widths: tuple[Cm, ...]) -> None:
    # LibreOffice lays a table out by its grid and Word by its cells: both are set.
    table.autofit = False  # type: ignore[attr-defined]
    for column, width in zip(table.columns, widths, strict=True):  # type: ignore[attr-defined]
        column.width = width
    for row in table.rows:  # type: ignore[attr-defined]
        tr_pr = row._tr.get_or_add_trPr()
        tr_pr.append(OxmlElement("w:cantSplit"))
        for cell, width in zip(row.cells, widths, strict=False):
            cell.width = width


def write_docx(content: ReportContent) -> bytes:
    """The report as the bytes of a .docx file in the template's layout."""
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for margin in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, margin, Cm(2.0))
    normal = document.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(11)
    for level in (1, 2):
        heading = document.styles[f"Heading {level}"]
        heading.font.color.rgb = RGBColor(0, 0, 0)
    document.core_properties.title = content.symbol
    document.core_properties.language = content.language
    footer = section.footer.paragraphs[0]
    # A separator rather than a tab: LibreOffice ignored the tab stop and ran the two together.
    footer.text = f"{content.symbol}  ·  p. "
    _page_field(footer, "PAGE")
    footer.add_run(" / ")
    _page_field(footer, "NUMPAGES")
    _header(document, content)
    _part_a(document, content)
    _part_b(document, content)
    _part_c(document, content)
    if content.chart:
        _chart(document, content)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
