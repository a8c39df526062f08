"""The regional road map: the list of regions, each region's road map, its charts as SVG
images and its indicators table as CSV or XLSX. All public; ratings from published reports
only (see `tusk.dashboards.region`)."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from tusk.core.chart_views import svg_response
from tusk.core.datacache import cached, scope_of
from tusk.dashboards import region as roadmap
from tusk.dashboards import region_charts

EXPORTS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
WHO = ("party", "secretariat")


@require_GET
def region_list(request: HttpRequest) -> HttpResponse:
    """Every region, its current members and its road map in one line."""
    return render(request, "dashboards/region_list.html", {"summaries": roadmap.region_summaries()})


@require_GET
def region_roadmap(request: HttpRequest, code: str) -> HttpResponse:
    """One region's road map: goals and indicators, ratings, needs and downloads."""
    region = roadmap.region_get(code)
    language = get_language()

    def compute() -> tuple[roadmap.RoadMap, list[roadmap.RatingsTable]]:
        page = roadmap.roadmap_build(region=region, user=request.user)
        for group in page.groups:
            group.summary = region_charts.indicators_summary(group, language)
        tables = []
        for who in WHO:
            table = page.ratings.table(who)
            mixes = page.ratings.party if who == "party" else page.ratings.secretariat
            table.summary = region_charts.ratings_summary(mixes, language)
            tables.append(table)
        return page, tables

    # The figures of a road map change with the data only: cached under the data version.
    key = (region.code, scope_of(request.user), language)
    page, tables = cached("region-roadmap", key, compute)
    return render(
        request,
        "dashboards/region_roadmap.html",
        {"page": page, "region": region, "tables": tables, "panels": roadmap.PANELS_PER_CHART},
    )


def _narrow(request: HttpRequest) -> bool:
    """Whether the page asks for the chart laid out for a phone (`?layout=narrow`, which its
    `<picture>` does on a narrow screen)."""
    return request.GET.get("layout") == "narrow"


def _svg(request: HttpRequest, svg: str) -> HttpResponse:
    """An SVG chart: the same for everyone in a language, so a shared cache may keep it."""
    return svg_response(request, svg, public=True)


@require_GET
def region_indicators_chart(request: HttpRequest, code: str, owner: str) -> HttpResponse:
    """The small multiples of the region's indicators (`owner` "region") or of one current
    member's own (its ISO code); 404 for anyone else."""
    region = roadmap.region_get(code)
    members = roadmap.members_current(region=region, user=request.user)
    key = roadmap.REGION_KEY if owner.lower() == roadmap.REGION_KEY else owner.upper()
    groups = roadmap.indicator_groups(
        region=region, members=members, only=key, limit=roadmap.PANELS_PER_CHART
    )
    if not groups:
        raise Http404("No such member of the region, or no indicator of its own.")
    years = list(roadmap.charted_years())
    svg = region_charts.indicators_svg(groups[0], years, get_language(), narrow=_narrow(request))
    return _svg(request, svg)


@require_GET
def region_ratings_chart(request: HttpRequest, code: str, who: str) -> HttpResponse:
    """The members' rating distributions: the Parties' own (`who` "party") or the
    Secretariat's."""
    if who not in WHO:
        raise Http404("No such chart.")
    region = roadmap.region_get(code)
    members = roadmap.members_current(region=region, user=request.user)
    mix = roadmap.ratings_mix(region=region, members=members)
    mixes = mix.party if who == "party" else mix.secretariat
    svg = region_charts.ratings_svg(mixes, who, get_language(), narrow=_narrow(request))
    return _svg(request, svg)


@require_GET
def region_indicators_export(request: HttpRequest, code: str, fmt: str) -> HttpResponse:
    """The indicators table of the region and its members as CSV or XLSX."""
    if fmt not in EXPORTS:
        raise Http404("No such format.")
    region = roadmap.region_get(code)
    members = roadmap.members_current(region=region, user=request.user)
    if fmt == "csv":
        # Machines get every indicator and its latest value; the years are the workbook's.
        groups = roadmap.indicator_groups(region=region, members=members, limit=None, years=())
        content = roadmap.indicators_csv(groups)
    else:
        groups = roadmap.indicator_groups(region=region, members=members, limit=None)
        content = roadmap.indicators_xlsx(region, groups)
    response = HttpResponse(content, content_type=EXPORTS[fmt])
    name = f"{region.code}-road-map-indicators.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
