"""The pages of the support app: the needs dashboard, its downloads and chart, and the
Secretariat's exchange rates.

The dashboard is public, like the needs and support it sums (design.md); the rates page is the
Secretariat's, who alone maintains the rates the dashboard converts with.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import formats
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from tusk.accounts.access import is_secretariat
from tusk.core.chart_views import svg_response
from tusk.core.charts import render_svg
from tusk.core.datacache import cached
from tusk.core.errors import ServiceError
from tusk.support.dashboard import (
    PAGE_SIZE,
    Breakdown,
    Figures,
    dashboard_build,
    needs_unsupported,
)
from tusk.support.dashboard_chart import theme_lag_spec, theme_lag_summary
from tusk.support.dashboard_export import FORMATS, TABLES, table_file
from tusk.support.dashboard_filters import filters_read
from tusk.support.dashboard_matrix import partner_matrices
from tusk.support.rates import ExchangeRateForm, exchange_rate_create, rate_text, rates_list

RATES_PAGE = 50


class _Counted(Paginator):
    """A paginator told how many objects there are, since the dashboard has counted them
    already: one query fewer per page."""

    def __init__(self, object_list: Any, per_page: int, *, known: int) -> None:
        super().__init__(object_list, per_page)
        self.known = known

    @property
    def count(self) -> int:
        return self.known


@require_GET
def needs_dashboard(request: HttpRequest) -> HttpResponse:
    """The dashboard for the filters of the query string."""
    filters = filters_read(request.GET)
    secretariat = is_secretariat(request.user)
    key = (*_key(filters.values), secretariat)

    def compute() -> tuple[Any, str]:
        figures = Figures(filters.values)
        dashboard = dashboard_build(figures)
        party_matrix, pillar_matrix = partner_matrices(figures)
        # The tables are most of the page's time (a template per cell): drawn once per version.
        html = render_to_string(
            "support/needs_figures.html",
            {
                "filters": filters,
                "dashboard": dashboard,
                "sections": _sections(dashboard.breakdowns),
                "lag_summary": theme_lag_summary(dashboard.lag),
                "party_matrix": party_matrix,
                "pillar_matrix": pillar_matrix,
                "query": filters.query,
                "is_secretariat": secretariat,
            },
        )
        return dashboard, html

    dashboard, figures_html = cached("needs-dashboard", key, compute)
    # The form shows what was asked, refused values included: keyed by the query as given.
    asked = tuple(sorted((k, v) for k, v in request.GET.items() if k != "page"))
    fields_html = cached(
        "needs-filter-fields",
        (asked, get_language()),
        lambda: render_to_string("support/needs_filter_fields.html", {"form": filters.form}),
    )
    unsupported = _Counted(
        needs_unsupported(filters.values), PAGE_SIZE, known=dashboard.totals.unsupported
    )
    page = unsupported.get_page(request.GET.get("page"))
    rows = page.object_list
    page.object_list = cached("needs-unsupported", (*key, page.number), lambda: list(rows))
    return render(
        request,
        "support/needs_dashboard.html",
        {
            "filters": filters,
            "form": filters.form,
            "dashboard": dashboard,
            "figures_html": SafeString(figures_html),
            "fields_html": SafeString(fields_html),
            "page": page,
            "query": filters.query,
            "is_secretariat": secretariat,
        },
    )


def _key(values: dict[str, str]) -> tuple[Any, ...]:
    """What the dashboard's figures depend on besides the data: the filters and the language
    of the labels."""
    return (tuple(sorted(values.items())), get_language())


def _sections(breakdowns: dict[str, Breakdown]) -> list[dict[str, Any]]:
    """The tables by dimension, with their titles and the note each needs."""
    several = _("A Party in several regions counts in each of them.")
    return [
        {"table": breakdowns["party"], "title": _("By Party"), "heading": _("Party")},
        {
            "table": breakdowns["region"],
            "title": _("By region"),
            "heading": _("Region"),
            "note": several,
        },
        {
            "table": breakdowns["pillar"],
            "title": _("By standard pillar"),
            "heading": _("Standard pillar"),
            "note": _("Which pillars of the NIAP guidelines get least support."),
        },
        {
            "table": breakdowns["theme"],
            "title": _("By theme"),
            "heading": _("Theme"),
            "note": _(
                "A need may carry several themes: it counts in each of them, so the rows add "
                "up to more than the totals."
            ),
        },
        {"table": breakdowns["kind"], "title": _("By kind of need"), "heading": _("Kind")},
    ]


@require_GET
def needs_dashboard_csv(request: HttpRequest) -> HttpResponse:
    """Every filtered need, a row each (the same file as the "needs" table's CSV)."""
    return _download(request, "needs", "csv", "tusk-needs.csv")


@require_GET
def needs_dashboard_table(request: HttpRequest, table: str, fmt: str) -> HttpResponse:
    """One table of the dashboard as CSV or XLSX, with the filters of the query string."""
    if table not in TABLES or fmt not in FORMATS:
        raise Http404("No such table or format.")
    return _download(request, table, fmt, f"tusk-needs-{table}.{fmt}")


def _download(request: HttpRequest, table: str, fmt: str, name: str) -> HttpResponse:
    filters = filters_read(request.GET)
    body = cached(
        "needs-table",
        (*_key(filters.values), table, fmt),
        lambda: table_file(table, fmt, filters.values),
    )
    response = HttpResponse(body, content_type=FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_GET
def needs_theme_chart(request: HttpRequest) -> HttpResponse:
    """The themes that lag, as SVG, for the filters of the query string; `size=narrow` draws
    it for a phone."""
    filters = filters_read(request.GET)
    narrow = request.GET.get("size") == "narrow"
    language = get_language() or "en"

    def draw() -> str:
        lag = Figures(filters.values).lag()
        return render_svg(theme_lag_spec(lag, language, narrow=narrow))

    svg = cached("needs-lag-svg", (*_key(filters.values), narrow), draw)
    # Needs and support are public: the chart is the same for everyone in a language.
    return svg_response(request, svg, public=True)


@login_required
@require_http_methods(["GET", "POST"])
def exchange_rates(request: HttpRequest) -> HttpResponse:
    """The rates the dashboards convert with: listed, and a form to add one (Secretariat)."""
    if not is_secretariat(request.user):
        raise PermissionDenied
    form = ExchangeRateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            rate = exchange_rate_create(actor=request.user, **form.cleaned_data)
        except ServiceError as error:
            form.add_error(None, str(error))
        else:
            recorded = _("Rate recorded: 1 %(currency)s = %(rate)s USD from %(date)s.") % {
                "currency": rate.currency,
                "rate": rate_text(rate.usd_per_unit),
                "date": formats.date_format(rate.valid_from),
            }
            messages.success(request, recorded)
            return redirect("exchange-rates")
    page = Paginator(rates_list(), RATES_PAGE).get_page(request.GET.get("page"))
    rows = [(rate, rate_text(rate.usd_per_unit)) for rate in page.object_list]
    return render(request, "support/rates.html", {"form": form, "page": page, "rows": rows})
