"""A report's history and the comparison of two reports."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from tusk.reports.history import report_compare_for_user, report_history_for_user


def report_history(request: HttpRequest, pk: int) -> HttpResponse:
    """Who changed what in a report, when, and why; its revisions."""
    history = report_history_for_user(user=request.user, pk=pk)
    return render(
        request,
        "reports/history/report_history.html",
        {"history": history, "report": history.report},
    )


def report_compare(request: HttpRequest, pk: int, other: int) -> HttpResponse:
    """Two reports of one Party side by side: two revisions, or two meetings."""
    comparison = report_compare_for_user(user=request.user, pk=pk, other_pk=other)
    return render(request, "reports/history/report_compare.html", {"comparison": comparison})
