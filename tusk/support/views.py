"""The needs dashboard: public, filtered by the query string, and its CSV download."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from tusk.support.dashboard import (
    PAGE_SIZE,
    NeedFilterForm,
    dashboard_build,
    needs_csv,
    needs_filtered,
    needs_unsupported,
)


def _filters(request: HttpRequest) -> tuple[NeedFilterForm, dict[str, str]]:
    form = NeedFilterForm(request.GET or None)
    # Unknown values are dropped one by one, so that one bad filter does not undo the others.
    data = {}
    if form.is_bound:
        form.is_valid()
        data = {name: value for name, value in form.cleaned_data.items() if value}
    return form, data


@require_GET
def needs_dashboard(request: HttpRequest) -> HttpResponse:
    form, data = _filters(request)
    needs = needs_filtered(data)
    query = request.GET.copy()
    query.pop("page", None)
    page = Paginator(needs_unsupported(needs), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "support/needs_dashboard.html",
        {
            "form": form,
            "dashboard": dashboard_build(needs),
            "page": page,
            "query": query.urlencode(),
        },
    )


@require_GET
def needs_dashboard_csv(request: HttpRequest) -> HttpResponse:
    _form, data = _filters(request)
    response = HttpResponse(needs_csv(needs_filtered(data)), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="tusk-needs.csv"'
    return response
