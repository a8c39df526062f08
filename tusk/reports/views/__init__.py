"""Pages of the reports app: reading a report (here), a Party's drafts (`drafts`), and the
Secretariat's review (`review`)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from tusk.core.pages_selectors import report_page_for_user


def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One progress report as its Party wrote it, with the assessment when the user may read it."""
    page = report_page_for_user(user=request.user, pk=pk)
    return render(request, "reports/report_detail.html", {"page": page, "report": page.report})
