"""Pages of the reports app: reading a report (here), a Party's drafts (`drafts`), and the
Secretariat's review (`review`)."""

from __future__ import annotations

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from tusk.core.pages_selectors import report_page_for_user
from tusk.reports.choices import ReportStatus
from tusk.reports.selectors import report_get_for_user


def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One progress report as its Party wrote it, with the assessment when the user may read it."""
    from tusk.reports.views.drafts import return_note
    from tusk.support.suggestions import suggestions_pending_for_user

    page = report_page_for_user(user=request.user, pk=pk)
    # Whoever may open a returned report (its Party, the Secretariat) may read why.
    note = return_note(page.report) if page.report.status == ReportStatus.RETURNED else None
    context = {
        "page": page,
        "report": page.report,
        "note": note,
        "needs_suggested": suggestions_pending_for_user(user=request.user, report=page.report),
    }
    return render(request, "reports/report_detail.html", context)


def report_source(request: HttpRequest, pk: int) -> FileResponse:
    """The document a report was read from, as a download, never rendered in the browser."""
    report = report_get_for_user(user=request.user, pk=pk)
    if not report.source_file:
        raise Http404("This report was not read from a document.")
    try:
        handle = report.source_file.open("rb")
    except FileNotFoundError:
        raise Http404("The document is no longer stored.") from None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=report.source_filename or f"report-{report.pk}",
        content_type="application/octet-stream",
    )
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
