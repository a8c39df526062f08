"""Downloads of a progress report in the CITES layout (DOCX, PDF), as XLSX or as JSON."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse

from tusk.documents.export import CONTENT_TYPES, FORMATS, export_filename, export_report
from tusk.reports.selectors import report_get_for_user


def report_export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    """A report as a file to save, for whoever may see the report (404 for anyone else)."""
    if fmt not in FORMATS:
        raise Http404("No such export format.")
    report = report_get_for_user(user=request.user, pk=pk)
    response = HttpResponse(export_report(report, fmt), content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{export_filename(report, fmt)}"'
    response["X-Content-Type-Options"] = "nosniff"
    if not report.is_published:
        # A draft or a report under review is not for shared caches.
        response["Cache-Control"] = "private, no-store"
    return response
