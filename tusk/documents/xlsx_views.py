"""The spreadsheet round trip: upload an edited export of a draft, preview it, then apply it.

A focal point downloads its draft as XLSX (`report-export`), changes ratings, titles, flags or
progress in Excel, and uploads the file here. The preview stores nothing: it carries the file
(base64) and the draft's edit version in hidden fields to the apply step, which makes every
change through `xlsx_apply` or none.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from tusk.core.errors import Frozen, ServiceError, StaleEdit
from tusk.documents.export.report_xlsx import xlsx_apply, xlsx_changes
from tusk.reports.models import ProgressReport
from tusk.reports.selectors import report_get_for_user

MAX_XLSX_BYTES = 5 * 1024 * 1024
# The apply step posts the file back as base64 text, which Django counts against
# DATA_UPLOAD_MAX_MEMORY_SIZE: a file is only taken if its base64 fits there too.
_FORM_OVERHEAD = 64 * 1024


def max_xlsx_bytes() -> int:
    """The largest workbook taken: 5 MB, less if the apply step's form could not carry it."""
    room = getattr(settings, "DATA_UPLOAD_MAX_MEMORY_SIZE", None)
    if room is None:
        return MAX_XLSX_BYTES
    return max(0, min(MAX_XLSX_BYTES, (room - _FORM_OVERHEAD) * 3 // 4))


def _too_big(size: int) -> str:
    return _("The file is {size:.1f} MB, over the limit of {limit:.1f} MB.").format(
        size=size / 1_048_576, limit=max_xlsx_bytes() / 1_048_576
    )


class XlsxUploadForm(forms.Form):
    """The edited workbook."""

    file = forms.FileField(
        label=gettext_lazy("Edited workbook"),
        help_text=gettext_lazy(
            "The .xlsx file downloaded from this draft, with your changes, saved as .xlsx."
        ),
        widget=forms.ClearableFileInput(
            attrs={
                "accept": ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
        ),
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > max_xlsx_bytes():
            raise forms.ValidationError(_too_big(upload.size))
        return upload


class XlsxApplyForm(forms.Form):
    """The previewed workbook and the draft's edit version, carried by the preview page."""

    workbook = forms.CharField(widget=forms.HiddenInput, strip=True)
    lock_version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def clean_workbook(self) -> bytes:
        text = self.cleaned_data["workbook"]
        if len(text) > (max_xlsx_bytes() * 4) // 3 + 4:
            raise forms.ValidationError(_too_big(len(text) * 3 // 4))
        try:
            return base64.b64decode(text, validate=True)
        except (binascii.Error, ValueError):
            raise forms.ValidationError(
                _("The workbook did not come back from the preview intact: upload it again.")
            ) from None


@dataclass(frozen=True)
class Change:
    """One change of the workbook as the preview shows it."""

    code: str
    field: str
    label: str
    old: Any
    new: Any


def _field_label(name: str) -> str:
    labels = {
        "title": _("Title"),
        "flagged": _("Flagged"),
        "rating": _("Rating"),
        "progress": _("Progress"),
    }
    return labels.get(name, name)


def _shown(changes: list[tuple[str, str, Any, Any]]) -> list[Change]:
    return [
        Change(code=code, field=name, label=_field_label(name), old=old, new=new)
        for code, name, old, new in changes
    ]


def _upload_page(
    request: HttpRequest,
    report: ProgressReport,
    form: XlsxUploadForm | None = None,
    *,
    error: str = "",
    status: int = 200,
) -> HttpResponse:
    context = {
        "report": report,
        "form": form or XlsxUploadForm(),
        "error": error,
        "limit_mb": f"{max_xlsx_bytes() / 1_048_576:.1f}",
    }
    return render(request, "documents/xlsx_upload.html", context, status=status)


def _frozen_text(report: ProgressReport) -> str:
    return _(
        "Revision {revision} of this report was sent to the Secretariat and can no longer be "
        "changed in place: make a new revision, export it and edit that workbook."
    ).format(revision=report.revision)


def _refused(request: HttpRequest, report: ProgressReport, exc: ServiceError) -> HttpResponse:
    """The upload page with why the workbook was refused: 409 if the draft moved on, else 400."""
    status = 409 if isinstance(exc, StaleEdit | Frozen) else 400
    return _upload_page(request, report, error=str(exc), status=status)


@login_required
@require_http_methods(["GET", "POST"])
def report_xlsx_upload(request: HttpRequest, pk: int) -> HttpResponse:
    """GET: the file form. POST: read the workbook and preview its changes, storing nothing."""
    report = report_get_for_user(user=request.user, pk=pk, action="edit")
    if report.is_frozen:
        if request.method != "POST":
            messages.info(request, _frozen_text(report))
            return redirect("report-detail", pk=report.pk)
        return _upload_page(request, report, error=_frozen_text(report), status=409)
    if request.method != "POST":
        return _upload_page(request, report)
    form = XlsxUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return _upload_page(request, report, form, status=400)
    raw = form.cleaned_data["file"].read()
    try:
        changes = xlsx_changes(report, raw)
    except ServiceError as exc:
        return _refused(request, report, exc)
    apply_form = XlsxApplyForm(
        initial={
            "workbook": base64.b64encode(raw).decode("ascii"),
            "lock_version": report.lock_version,
        }
    )
    context = {
        "report": report,
        "changes": _shown(changes),
        "form": apply_form,
        "filename": "".join(c for c in form.cleaned_data["file"].name if c.isprintable())[-200:],
    }
    return render(request, "documents/xlsx_preview.html", context)


@login_required
@require_POST
def report_xlsx_apply(request: HttpRequest, pk: int) -> HttpResponse:
    """Apply the previewed workbook to the draft, all its changes or none."""
    report = report_get_for_user(user=request.user, pk=pk, action="edit")
    form = XlsxApplyForm(request.POST)
    if not form.is_valid():
        error = " ".join(str(e) for errors in form.errors.values() for e in errors)
        return _upload_page(request, report, error=error, status=400)
    try:
        changed = xlsx_apply(
            report=report,
            actor=request.user,
            raw_xlsx=form.cleaned_data["workbook"],
            expected_version=form.cleaned_data["lock_version"],
        )
    except ServiceError as exc:
        return _refused(request, report, exc)
    if not changed:
        messages.info(request, _("The workbook says the same as the draft: nothing changed."))
    else:
        messages.success(
            request,
            _("The workbook was applied to the draft. Changes made: {count}.").format(
                count=len(changed)
            ),
        )
    return redirect("report-edit", pk=report.pk)
