"""The Secretariat's review: the queue of each meeting, the review of one report, and the import
of a file of assessments. Open to the Secretariat and administrators only."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from tusk.accounts.access import is_secretariat
from tusk.core.errors import ServiceError
from tusk.reports import services
from tusk.reports.assessing import (
    MAX_CSV_ROWS,
    OPTIONAL_COLUMNS,
    REQUIRED_COLUMNS,
    ImportChanged,
    ImportPlan,
    ImportRefused,
    assessment_import_apply,
    assessment_import_plan,
    assessments_record,
)
from tusk.reports.choices import status_phrase
from tusk.reports.forms_review import (
    ActionAssessmentForm,
    AssessmentUploadForm,
    ImportConfirmForm,
    ReturnForm,
)
from tusk.reports.review_selectors import (
    QUEUE_STATES,
    ReviewPage,
    meeting_with_reports_get,
    meetings_for_review,
    queue_for_user,
    review_page_for_user,
)
from tusk.reports.selectors import report_get_for_user

QUEUE_PAGE_SIZE = 50


def _require_secretariat(request: HttpRequest) -> None:
    if not is_secretariat(request.user):
        raise PermissionDenied


@login_required
def review_home(request: HttpRequest) -> HttpResponse:
    """The meetings that take NIAP reports, newest first, with where their reports stand."""
    _require_secretariat(request)
    summaries = meetings_for_review(user=request.user)
    return render(request, "reports/review/home.html", {"summaries": summaries})


@login_required
def review_queue(request: HttpRequest, code: str) -> HttpResponse:
    """Every Party due for a meeting and its report's state, filtered by state if asked."""
    _require_secretariat(request)
    meeting = meeting_with_reports_get(code)
    queue = queue_for_user(user=request.user, meeting=meeting)
    state = request.GET.get("state", "")
    if state not in QUEUE_STATES and state != "late":
        state = ""
    rows = queue.rows
    if state == "late":
        rows = [row for row in rows if row.is_late]
    elif state:
        rows = [row for row in rows if row.state == state]
    page = Paginator(rows, QUEUE_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "reports/review/queue.html",
        {"queue": queue, "meeting": meeting, "state": state, "page": page},
    )


def _forms_for(page: ReviewPage, data: Any = None) -> list[ActionAssessmentForm]:
    forms = []
    for line in page.lines:
        line.form = ActionAssessmentForm(
            data, progress=line.progress, assessment=line.assessment, scale=page.report.scale
        )
        forms.append(line.form)
    return forms


def _render_review(
    request: HttpRequest,
    page: ReviewPage,
    *,
    forms: list[ActionAssessmentForm] | None = None,
    return_form: ReturnForm | None = None,
    status: int = 200,
) -> HttpResponse:
    if forms is None and page.can_rate:
        forms = _forms_for(page)
    invalid = [form for form in forms or [] if form.is_bound and form.errors]
    return render(
        request,
        "reports/review/report.html",
        {
            "page": page,
            "report": page.report,
            "invalid": invalid,
            "return_form": return_form or ReturnForm(),
        },
        status=status,
    )


@login_required
def review_report(request: HttpRequest, pk: int) -> HttpResponse:
    """One report beside the Secretariat's ratings; a POST saves every rating at once."""
    page = review_page_for_user(user=request.user, pk=pk)
    if request.method != "POST":
        return _render_review(request, page)
    if not page.can_rate:
        messages.error(
            request,
            _("This report is {status}: its ratings can no longer change.").format(
                status=status_phrase(page.report.get_status_display())
            ),
        )
        return redirect("review-report", pk=pk)
    forms = _forms_for(page, request.POST)
    if not all(form.is_valid() for form in forms):
        return _render_review(request, page, forms=forms, status=400)
    entries = [entry for form in forms if (entry := form.entry()) is not None]
    if not entries:
        messages.info(request, _("Nothing changed: no rating or comment was saved."))
        return redirect("review-report", pk=pk)
    try:
        saved = assessments_record(report=page.report, actor=request.user, entries=entries)
    except ServiceError as exc:
        messages.error(request, str(exc))
        return _render_review(request, page, forms=forms, status=400)
    messages.success(
        request,
        ngettext(
            "The Secretariat's rating of {count} action was saved.",
            "The Secretariat's ratings of {count} actions were saved.",
            saved,
        ).format(count=saved),
    )
    return redirect("review-report", pk=pk)


MOVES = ("start", "return", "assessed", "publish")


@require_POST
@login_required
def review_move(request: HttpRequest, pk: int, move: str) -> HttpResponse:
    """Move a report along the workflow: start the review, return, mark assessed, publish."""
    if move not in MOVES:
        raise Http404("No such move.")
    report = report_get_for_user(user=request.user, pk=pk, action="assess")
    try:
        if move == "start":
            services.report_start_review(report=report, actor=request.user)
            done = _("The review of this report has started.")
        elif move == "return":
            form = ReturnForm(request.POST)
            if not form.is_valid():
                page = review_page_for_user(user=request.user, pk=pk)
                messages.error(request, _("The report was not returned: say why."))
                return _render_review(request, page, return_form=form, status=400)
            services.report_return(
                report=report, actor=request.user, reason=form.cleaned_data["reason"]
            )
            done = _("The report was returned to {party} with your comments.").format(
                party=report.party.display_name
            )
        elif move == "assessed":
            services.report_mark_assessed(report=report, actor=request.user)
            done = _("The report is marked as assessed; publish it when it is ready.")
        else:
            services.report_publish(report=report, actor=request.user)
            done = _("The report and its assessment are published: everyone may read them.")
    except ServiceError as exc:
        messages.error(request, str(exc))
        return redirect("review-report", pk=pk)
    messages.success(request, done)
    return redirect("review-report", pk=pk)


def _import_context(**extra: Any) -> dict[str, Any]:
    return {
        "required_columns": ",".join(REQUIRED_COLUMNS),
        "optional_columns": ",".join(OPTIONAL_COLUMNS),
        "max_rows": MAX_CSV_ROWS,
        **extra,
    }


def _render_preview(
    request: HttpRequest, plan: ImportPlan, raw: bytes, *, status: int = 200
) -> HttpResponse:
    confirm = ImportConfirmForm(
        initial={
            "content": ImportConfirmForm.carry(raw),
            "filename": plan.filename,
            "digest": plan.digest,
        }
    )
    return render(
        request,
        "reports/review/import_preview.html",
        _import_context(plan=plan, confirm=confirm, upload=AssessmentUploadForm()),
        status=status,
    )


@login_required
def review_import(request: HttpRequest) -> HttpResponse:
    """Upload a file of assessments, see what it would change, then apply it all or nothing."""
    _require_secretariat(request)
    if request.method != "POST":
        return render(
            request, "reports/review/import.html", _import_context(upload=AssessmentUploadForm())
        )
    if request.POST.get("step") == "apply":
        return _import_apply(request)
    upload = AssessmentUploadForm(request.POST, request.FILES)
    if not upload.is_valid():
        return render(
            request, "reports/review/import.html", _import_context(upload=upload), status=400
        )
    file = upload.cleaned_data["file"]
    raw = file.read()
    plan = assessment_import_plan(raw=raw, filename=Path(file.name).name)
    return _render_preview(request, plan, raw, status=200 if plan.ok else 400)


def _import_apply(request: HttpRequest) -> HttpResponse:
    confirm = ImportConfirmForm(request.POST)
    if not confirm.is_valid():
        messages.error(request, _("The file did not come back intact: upload it again."))
        return redirect("review-import")
    raw: bytes = confirm.cleaned_data["content"]
    filename: str = confirm.cleaned_data["filename"]
    try:
        plan = assessment_import_apply(
            raw=raw,
            filename=filename,
            actor=request.user,
            expected_digest=confirm.cleaned_data["digest"],
        )
    except (ImportRefused, ImportChanged) as exc:
        messages.error(request, str(exc))
        return _render_preview(request, exc.plan, raw, status=409)
    except ServiceError as exc:
        messages.error(request, _("Nothing was stored: {error}").format(error=exc))
        return redirect("review-import")
    counts = plan.counts
    messages.success(
        request,
        _(
            "{file} was applied: {new} new ratings, {changed} changed, {unchanged} unchanged."
        ).format(
            file=filename,
            new=counts["new"],
            changed=counts["changed"],
            unchanged=counts["unchanged"],
        ),
    )
    return redirect(reverse("review-import"))
