"""The annex table in the four formats: CSV for machines, XLSX, DOCX and PDF for people.

The people's formats all lay out one `Grid`, so the page, the workbook, the Word table and the
PDF cannot disagree. Labels come in the language asked for (English, French or Spanish).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import Any

from django.utils import translation
from django.utils.translation import gettext

from tusk.documents.annex import RATING_ORDER, Annex, Column, annex_for_user, rating_label
from tusk.documents.printing import pdf_from_template

FORMATS: dict[str, str] = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}
LANGUAGES = ("en", "fr", "es")
CSV_COLUMNS: tuple[str, ...] = (
    "category",
    "party",
    "party_code",
    "meeting",
    "scale",
    "party_actions",
    "secretariat_actions",
    *(f"{code}_{who}" for code in RATING_ORDER for who in ("party", "secretariat")),
)


@dataclass(frozen=True)
class GridCell:
    """A cell's text and the numbers of the footnotes it carries."""

    text: str
    marks: tuple[int, ...] = ()


@dataclass(frozen=True)
class GridRow:
    """A category heading (`cells` empty) or a Party's row."""

    label: str
    cells: tuple[GridCell, ...] = ()

    @property
    def is_group(self) -> bool:
        """Whether this row is a category heading."""
        return not self.cells


@dataclass(frozen=True)
class Grid:
    """The table as laid out: a title, two header rows, the body and the footnotes."""

    title: str
    subtitle: str
    party_label: str
    meetings: tuple[tuple[str, int], ...]
    columns: tuple[str, ...]
    rows: tuple[GridRow, ...]
    footnotes: tuple[tuple[int, str], ...]

    @property
    def width(self) -> int:
        """Columns in all, the Party's included."""
        return 1 + len(self.columns)


def _cells(annex: Annex, column: Column, ratings: tuple[str, ...]) -> list[GridCell]:
    first = GridCell(column.actions_cell, tuple(annex.marks(column)))
    return [first, *(GridCell(column.cell(code)) for code in ratings)]


def annex_grid(annex: Annex) -> Grid:
    """The table of `annex` laid out in the active language."""
    language = translation.get_language() or "en"
    meetings = tuple(
        (m.code, 1 + len(ratings)) for m, ratings in zip(annex.meetings, annex.ratings, strict=True)
    )
    columns = []
    for ratings in annex.ratings:
        columns.append(gettext("Actions"))
        columns.extend(rating_label(code, language) for code in ratings)
    rows: list[GridRow] = []
    for group in annex.groups:
        rows.append(GridRow(group.label))
        for row in group.rows:
            cells: list[GridCell] = []
            for column, ratings in zip(row.columns, annex.ratings, strict=True):
                cells.extend(_cells(annex, column, ratings))
            rows.append(GridRow(row.party.display_name, tuple(cells)))
    codes = " / ".join(m.code for m in annex.meetings)
    return Grid(
        title=gettext("Annex table for {meeting}").format(meeting=annex.meeting.code),
        subtitle=gettext(
            "Share of each Party's NIAP actions per progress rating at {meetings}: the Party's "
            "own rating, and in brackets the Secretariat's where it differs. A dash means none; "
            "a blank cell, no report for that meeting."
        ).format(meetings=codes),
        party_label=gettext("Party"),
        meetings=meetings,
        columns=tuple(columns),
        rows=tuple(rows),
        footnotes=tuple(annex.footnotes),
    )


def annex_csv(annex: Annex) -> bytes:
    """A row per Party and meeting, whole percents, empty where a rating does not apply."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row in annex.rows:
        for column in row.columns:
            values: list[Any] = [
                row.category,
                row.party.display_name,
                row.party.code,
                column.meeting.code,
                column.scale or "",
                "" if column.party_actions is None else column.party_actions,
                "" if column.secretariat_actions is None else column.secretariat_actions,
            ]
            for code in RATING_ORDER:
                own, theirs = column.share(code)
                values += ["" if own is None else own, "" if theirs is None else theirs]
            writer.writerow(values)
    return out.getvalue().encode("utf-8")


def _superscript(marks: tuple[int, ...]) -> str:
    digits = str.maketrans("0123456789,", "⁰¹²³⁴⁵⁶⁷⁸⁹˒")
    return ",".join(str(m) for m in marks).translate(digits)


def annex_xlsx(grid: Grid) -> bytes:
    """A workbook of one sheet laid out like the SC document's table."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = grid.title[:31].replace("/", "-")
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    bold = Font(bold=True)
    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
    sheet.append([grid.title])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append([grid.subtitle])
    sheet.append([grid.party_label])
    column = 2
    for code, span in grid.meetings:
        sheet.cell(row=3, column=column, value=code)
        sheet.merge_cells(start_row=3, start_column=column, end_row=3, end_column=column + span - 1)
        column += span
    sheet.append(["", *grid.columns])
    sheet.merge_cells(start_row=3, start_column=1, end_row=4, end_column=1)
    for cells in sheet.iter_rows(min_row=3, max_row=4):
        for cell in cells:
            cell.font, cell.alignment = bold, centre
    grey = PatternFill("solid", fgColor="DDDDDD")
    for row in grid.rows:
        sheet.append([row.label, *(c.text + _superscript(c.marks) for c in row.cells)])
        line = sheet.max_row
        if row.is_group:
            sheet.merge_cells(start_row=line, start_column=1, end_row=line, end_column=grid.width)
            sheet.cell(row=line, column=1).font = bold
            sheet.cell(row=line, column=1).fill = grey
        else:
            for index in range(2, grid.width + 1):
                sheet.cell(row=line, column=index).alignment = Alignment(horizontal="center")
    sheet.append([])
    for number, text in grid.footnotes:
        sheet.append([f"{number}. {text}"])
    sheet.column_dimensions["A"].width = 28
    for index in range(2, grid.width + 1):
        sheet.column_dimensions[get_column_letter(index)].width = 12
    sheet.freeze_panes = "B5"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _docx_cell(
    cell: Any,
    text: str,
    *,
    marks: tuple[int, ...] = (),
    bold: bool = False,
    left: bool = False,
    size: float = 7.5,
) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    paragraph = cell.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT if left else WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run(text)
    run.font.size, run.bold = Pt(size), bold
    if marks:
        sup = paragraph.add_run(",".join(str(m) for m in marks))
        sup.font.size, sup.font.superscript = Pt(8), True


def _docx_widths(table: Any, grid: Grid) -> None:
    # Word and LibreOffice both honour fixed widths only when every cell carries its own.
    from docx.shared import Mm

    counts = set()
    start = 1
    for _, span in grid.meetings:
        counts.add(start)
        start += span
    ratings = grid.width - 1 - len(counts)
    widths = [Mm(32)] + [
        Mm(12) if index in counts else Mm((267 - 32 - 12 * len(counts)) / max(ratings, 1))
        for index in range(1, grid.width)
    ]
    table.autofit = False
    for index, column in enumerate(table.columns):
        column.width = widths[index]
    for row in table.rows:
        for index, cell in enumerate(row.cells):
            cell.width = widths[index]


def _docx_table_layout(table: Any) -> None:
    # Narrow cell margins keep "50% (43%)" on one line; the two header rows repeat on every
    # page. python-docx has no API for either, so the table's XML is set directly.
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), "45")
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    table._tbl.tblPr.append(margins)
    for row in table.rows[:2]:
        header = OxmlElement("w:tblHeader")
        header.set(qn("w:val"), "true")
        row._tr.get_or_add_trPr().append(header)


def annex_docx(grid: Grid) -> bytes:
    """A Word document, landscape A4, with the table and its footnotes."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm, Pt

    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(15))
    document.add_heading(grid.title, level=1)
    intro = document.add_paragraph().add_run(grid.subtitle)
    intro.font.size = Pt(9)

    table = document.add_table(rows=2, cols=grid.width)
    table.style = "Table Grid"
    head, labels = table.rows
    head.cells[0].merge(labels.cells[0])
    _docx_cell(head.cells[0], grid.party_label, bold=True, left=True)
    start = 1
    for code, span in grid.meetings:
        merged = head.cells[start].merge(head.cells[start + span - 1])
        _docx_cell(merged, code, bold=True)
        start += span
    for index, label in enumerate(grid.columns, start=1):
        _docx_cell(labels.cells[index], label, bold=True, size=6)
    for row in grid.rows:
        cells = table.add_row().cells
        if row.is_group:
            _docx_cell(cells[0].merge(cells[-1]), row.label, bold=True, left=True)
            continue
        _docx_cell(cells[0], row.label, left=True)
        for target, cell in zip(cells[1:], row.cells, strict=True):
            _docx_cell(target, cell.text, marks=cell.marks)
    _docx_widths(table, grid)
    _docx_table_layout(table)
    for index, (number, text) in enumerate(grid.footnotes):
        note = document.add_paragraph()
        note.paragraph_format.space_after = Pt(0)
        note.paragraph_format.space_before = Pt(6 if index == 0 else 0)
        mark = note.add_run(str(number))
        mark.font.superscript, mark.font.size = True, Pt(8)
        note.add_run(" " + text).font.size = Pt(8)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def annex_pdf(grid: Grid) -> bytes:
    """A PDF, landscape A4, printed by WeasyPrint from `documents/annex_print.html`."""
    return pdf_from_template("documents/annex_print.html", {"grid": grid})


def annex_export(*, user: Any, code: str, fmt: str, language: str) -> bytes:
    """The annex of meeting `code` as `user` may see it, in format `fmt`, labels in
    `language`."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt}")
    with translation.override(language):
        annex = annex_for_user(user=user, code=code)
        if fmt == "csv":
            return annex_csv(annex)
        grid = annex_grid(annex)
        if fmt == "xlsx":
            return annex_xlsx(grid)
        if fmt == "docx":
            return annex_docx(grid)
        return annex_pdf(grid)
