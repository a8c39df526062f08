"""The report as a workbook: one row per action, and the way back from an edited copy.

A focal point can export a draft, change ratings, titles or progress in Excel, and upload the
file back: `xlsx_changes` says what would change (for a preview), `xlsx_apply` makes those
changes through `reports.services.progress_update`. The hidden sheet "about" ties the file to
one report, revision and edit version, so a file cannot be applied to another report or over
edits made since it was exported.
"""

from __future__ import annotations

import io
import zipfile
from collections import defaultdict
from typing import Any

from django.db import transaction
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from niapdoc.scales import RATINGS, ratings_of
from tusk.core.errors import Frozen, ServiceError, StaleEdit
from tusk.documents.export import ReportContent, export_filename
from tusk.reports.choices import status_phrase
from tusk.reports.models import ActionProgress, ProgressReport
from tusk.reports.services import progress_update

COLUMNS = (
    ("report", 28),
    ("party", 16),
    ("meeting", 10),
    ("pillar number", 8),
    ("pillar name", 26),
    ("action code", 9),
    ("title", 50),
    ("flagged", 9),
    ("rating", 24),
    ("progress", 80),
    ("needs", 40),
)
EDITABLE = ("title", "flagged", "rating", "progress")
ABOUT = "about"
MAX_ROWS = 2000


class XlsxError(ServiceError):
    """An uploaded workbook that cannot be applied to the report; the message says why."""


def _needs(report: ProgressReport) -> dict[str, list[str]]:
    from tusk.support.models import Need

    needs: dict[str, list[str]] = defaultdict(list)
    rows = Need.objects.filter(action__plan_id=report.plan_id).select_related("action")
    for need in rows.order_by("id"):
        if need.action is None:
            continue
        amount = f" ({need.amount} {need.currency})".rstrip() if need.amount else ""
        needs[need.action.code].append(f"{need.get_kind_display()}: {need.description}{amount}")
    return needs


def write_xlsx(content: ReportContent) -> bytes:
    """The report as the bytes of an .xlsx workbook."""
    report, d = content.report, content.document
    book = Workbook()
    sheet = book.active
    sheet.title = "actions"
    sheet.append([name for name, _width in COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="D9E2F3")
    names = {p.number: p.name or "" for p in content.pillars}
    needs = _needs(report)
    label = export_filename(report, "xlsx").removesuffix(".xlsx")
    for action in d.actions:
        sheet.append(
            [
                label,
                d.party,
                d.meeting,
                action.pillar or "",
                names.get(action.pillar or "", ""),
                action.code,
                action.title,
                "yes" if action.flagged else "no",
                content.rating_word(action.rating),
                "\n".join(action.progress),
                "\n".join(needs.get(action.code, [])),
            ]
        )
    for i, (_name, width) in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[sheet.cell(1, i).column_letter].width = width
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "G2"
    last = max(sheet.max_row, 2)
    words = ",".join(word for _code, word in content.scale)
    ratings = DataValidation(type="list", formula1=f'"{words}"', allow_blank=True)
    ratings.error = "Choose a rating of the report's scale."
    ratings.add(f"I2:I{last}")
    flags = DataValidation(type="list", formula1='"yes,no"', allow_blank=False)
    flags.add(f"H2:H{last}")
    sheet.add_data_validation(ratings)
    sheet.add_data_validation(flags)
    about = book.create_sheet(ABOUT)
    for key, value in (
        ("report", report.pk),
        ("revision", report.revision),
        ("lock_version", report.lock_version),
        ("scale", report.scale),
        ("language", content.language),
    ):
        about.append([key, value])
    about.sheet_state = "hidden"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _read_book(raw: bytes) -> Any:
    if not raw.startswith(b"PK\x03\x04"):
        raise XlsxError("The file is not an Excel workbook (.xlsx): upload the file Tusk exported.")
    try:
        return load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise XlsxError(
            f"The file is not a readable Excel workbook ({exc}): save it again as .xlsx."
        ) from None


def _check_about(book: Any, report: ProgressReport) -> None:
    if ABOUT not in book.sheetnames or "actions" not in book.sheetnames:
        raise XlsxError(
            "The workbook was not exported from Tusk (its sheets 'actions' and 'about' are "
            "missing): export the report again and edit that file."
        )
    about = {str(row[0]): row[1] for row in book[ABOUT].iter_rows(values_only=True) if row}
    if str(about.get("report")) != str(report.pk) or str(about.get("revision")) != str(
        report.revision
    ):
        raise XlsxError(
            f"The workbook belongs to another report or revision (report {about.get('report')}, "
            f"revision {about.get('revision')}); this is report {report.pk}, revision "
            f"{report.revision}: upload it to the report it was exported from."
        )
    if str(about.get("lock_version")) != str(report.lock_version):
        raise StaleEdit(
            "The draft was changed in Tusk after this workbook was exported: export it again "
            "and make your changes in the new file."
        )


def _cell_text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _rating_code(word: str, report: ProgressReport, code: str) -> str | None:
    if not word:
        return None
    for rating in ratings_of(report.scale):
        if word.casefold() in {
            RATINGS[rating].label(lang).casefold() for lang in ("en", "fr", "es")
        }:
            return rating
    allowed = ", ".join(RATINGS[r].label(report.language) for r in ratings_of(report.scale))
    raise XlsxError(
        f"Action {code}: the rating {word!r} is not on this report's scale; use one of: {allowed}."
    )


def xlsx_changes(report: ProgressReport, raw_xlsx: bytes) -> list[tuple[str, str, Any, Any]]:
    """What the uploaded workbook would change, as (action code, field, old, new), in order.

    Raises XlsxError (or StaleEdit) with a message a focal point can act on, changing nothing.
    """
    book = _read_book(raw_xlsx)
    _check_about(book, report)
    stored = {p.code: p for p in report.progress.order_by("order", "id")}
    rows = book["actions"].iter_rows(min_row=1, max_row=MAX_ROWS + 1, values_only=True)
    header = [_cell_text(v) for v in next(rows, ())]
    where = {name: header.index(name) for name, _w in COLUMNS if name in header}
    if "action code" not in where:
        raise XlsxError("The sheet 'actions' has no column 'action code': keep the header row.")
    changes: list[tuple[str, str, Any, Any]] = []
    for number, row in enumerate(rows, start=2):
        values = {name: _cell_text(row[i]) if i < len(row) else "" for name, i in where.items()}
        code = values["action code"]
        if not code:
            continue
        progress = stored.get(code)
        if progress is None:
            raise XlsxError(
                f"Row {number}: the action {code!r} is not in this report; actions cannot be "
                "added or renamed in the workbook."
            )
        new: dict[str, Any] = {}
        if "title" in where:
            new["title"] = values["title"]
        if "flagged" in where:
            new["flagged"] = values["flagged"].casefold() in {"yes", "oui", "sí", "si", "true", "1"}
        if "rating" in where:
            new["rating"] = _rating_code(values["rating"], report, code)
        if "progress" in where:
            new["progress"] = [ln.strip() for ln in values["progress"].split("\n") if ln.strip()]
        for name in EDITABLE:
            if name in new and new[name] != getattr(progress, name):
                changes.append((code, name, getattr(progress, name), new[name]))
    return changes


@transaction.atomic
def xlsx_apply(
    *, report: ProgressReport, actor: Any, raw_xlsx: bytes, expected_version: int
) -> list[tuple[str, str, Any, Any]]:
    """Apply an edited workbook to a draft, all changes or none; returns what changed.

    A frozen report is refused by `progress_update`; a draft saved by someone else since the
    preview (`expected_version`) is refused as a stale edit.
    """
    if report.is_frozen:
        raise Frozen(
            f"The report {report} is {status_phrase(report.get_status_display())} and can no "
            "longer be changed in place; make a new revision and upload the workbook to it."
        )
    changes = xlsx_changes(report, raw_xlsx)
    by_code: dict[str, dict[str, Any]] = defaultdict(dict)
    for code, name, _old, new in changes:
        by_code[code][name] = new
        if name == "rating":
            # Both parts of the exported layout show this one rating, so they agree again.
            by_code[code].update(rating_part_b=new, rating_part_c=new)
    version = expected_version
    for progress in ActionProgress.objects.filter(report=report, code__in=by_code).order_by(
        "order", "id"
    ):
        progress_update(
            progress=progress,
            actor=actor,
            changes=by_code[progress.code],
            expected_version=version,
            reason="edited in an exported workbook",
        )
        version += 1  # each update claims the next edit version of the draft
    return changes
