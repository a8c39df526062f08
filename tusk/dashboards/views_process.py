"""The process overview's page, its charts as SVG images and its tables as CSV and XLSX.

The views are thin: they read the filters from the query string, ask `tusk.dashboards.process`
for the figures the user may see and lay them out. The filters live in the query string so that
any view of the overview, its charts and its files can be shared as a link.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django import forms
from django.core.paginator import Page
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.utils.translation import get_language, gettext, gettext_lazy
from django.views.decorators.gzip import gzip_page
from django.views.decorators.http import require_GET

from tusk.accounts.access import is_secretariat
from tusk.core.chart_views import svg_response
from tusk.core.charts import rating_name, render_svg
from tusk.core.choices import Category, Stage
from tusk.core.datacache import cached, scope_of
from tusk.core.models import Meeting, Region
from tusk.core.spreadsheets import cell_safe, csv_bytes
from tusk.dashboards.process import (
    NO_CATEGORY,
    RATING_RANK,
    Divergence,
    Filters,
    LatestRatings,
    Overview,
    all_meetings,
    default_threshold,
    overview_for_user,
    party_page,
    ratings_for_user,
    scope_for_user,
)
from tusk.dashboards.process_charts import (
    compliance_spec,
    compliance_summary,
    latest_ratings_spec,
    latest_ratings_summary,
    state_label,
)
from tusk.dashboards.process_compliance import (
    COMPLIANCE_STATES,
    LATE,
    MISSING,
    NOT_YET_DUE,
    ON_TIME,
    compliance_for_user,
)

# The near-exit table shows this many Parties, the nearest first; the download has them all.
NEAR_EXIT_SHOWN = 50
FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


# --- the filters -----------------------------------------------------------------------------


class ProcessFilterForm(forms.Form):
    """The overview's filters, read from the query string so that a view can be shared."""

    category = forms.ChoiceField(
        label=gettext_lazy("Category"),
        required=False,
        choices=[
            ("", gettext_lazy("All categories")),
            *Category.choices,
            (NO_CATEGORY, gettext_lazy("No category")),
        ],
    )
    region = forms.ChoiceField(label=gettext_lazy("Region"), required=False)
    meeting = forms.ChoiceField(
        label=gettext_lazy("As of the meeting"),
        required=False,
        help_text=gettext_lazy("Reports up to this meeting; the latest when empty."),
    )
    threshold = forms.CharField(
        label=gettext_lazy("Near-exit threshold"),
        required=False,
        max_length=20,
        help_text=gettext_lazy("A share between 0 and 1, such as 0.8."),
    )

    def __init__(self, *args: Any, meetings: Sequence[Meeting] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        region_field: forms.ChoiceField = self.fields["region"]  # type: ignore[assignment]
        region_field.choices = [
            ("", gettext_lazy("All regions")),
            *((r.code, r.name) for r in Region.objects.order_by("name")),
        ]
        meeting_field: forms.ChoiceField = self.fields["meeting"]  # type: ignore[assignment]
        meeting_field.choices = [
            ("", gettext_lazy("Latest")),
            *((m.code, m.code) for m in reversed(meetings) if m.takes_niap_reports),
        ]
        self.fields["threshold"].widget.attrs.update(
            {"inputmode": "decimal", "placeholder": f"{default_threshold():g}"}
        )

    def clean_threshold(self) -> float | None:
        """A share in (0, 1]; anything else is refused with what to type instead."""
        raw = (self.cleaned_data.get("threshold") or "").strip()
        if not raw:
            return None
        try:
            value = float(raw.replace(",", "."))
        except ValueError:
            value = math.nan
        if not math.isfinite(value) or not 0 < value <= 1:
            raise forms.ValidationError(
                gettext(
                    "The near-exit threshold “%(value)s” is not a share between 0 and 1, such "
                    "as 0.7: the default, %(default)s, is used instead."
                )
                % {"value": raw[:20], "default": f"{default_threshold():g}"}
            )
        return value


def filters_from_query(
    query: QueryDict, meetings: Sequence[Meeting]
) -> tuple[ProcessFilterForm, Filters]:
    """The form bound to the query string and the filters it yields. A value that is not valid
    is dropped with a message naming it and the fix, never an error page. One query (the
    regions)."""
    form = ProcessFilterForm(query, meetings=meetings)
    form.is_valid()
    cleaned = getattr(form, "cleaned_data", {})
    problems = []
    for name, errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else name
        for error in errors:
            if name == "threshold":
                problems.append(str(error))
            else:
                problems.append(
                    gettext("%(filter)s: %(error)s This filter is ignored.")
                    % {"filter": label, "error": error}
                )
    by_code = {m.code: m for m in meetings}
    threshold = cleaned.get("threshold")
    filters = Filters(
        category=cleaned.get("category") or "",
        region=cleaned.get("region") or "",
        meeting=by_code.get(cleaned.get("meeting") or ""),
        threshold=threshold if threshold is not None else default_threshold(),
        problems=tuple(problems),
    )
    return form, filters


# --- the tables, for the page's downloads ------------------------------------------------------


@dataclass(frozen=True)
class Table:
    """One table of the overview as a download: machine column names (the CSV header), their
    names in words (the spreadsheet's header) and the rows, all of them, not one page."""

    key: str
    title: str
    columns: list[tuple[str, str]]
    rows: list[list[Any]]


TABLES: tuple[str, ...] = (
    "categories",
    "ratings",
    "compliance",
    "near-exit",
    "divergence-parties",
    "divergence-pillars",
)


def _blank(value: int | None) -> int | str:
    return "" if value is None else value


def _categories_table(overview: Overview) -> Table:
    stages = [(str(code), str(label)) for code, label in Stage.choices]
    return Table(
        key="categories",
        title=_titles()["categories"],
        columns=[("category", gettext("Category")), *stages, ("total", gettext("Total"))],
        rows=[[row.category, *row.counts(), row.total] for row in overview.categories],
    )


def _ratings_table(overview: Overview) -> Table:
    ratings = list(RATING_RANK)
    columns = [
        ("party_code", gettext("ISO code")),
        ("party", gettext("Party")),
        ("category", gettext("Category")),
        ("stage", gettext("Stage in the process")),
        ("trade_role", gettext("Trade role")),
        ("meeting", gettext("Meeting")),
        ("status", gettext("Status")),
        ("party_actions", gettext("Actions rated by the Party")),
        ("secretariat_actions", gettext("Actions rated by the Secretariat")),
    ]
    language = get_language() or "en"
    for code in ratings:
        name = rating_name(code, language)
        columns.append((f"{code}_party", gettext("%(rating)s, Party") % {"rating": name}))
        columns.append(
            (f"{code}_secretariat", gettext("%(rating)s, Secretariat") % {"rating": name})
        )
    rows = []
    for line in overview.ratings.latest:
        party = line.row.party
        report = line.report
        cells: list[Any] = [
            party.code,
            line.row.name,
            line.row.category,
            party.stage,
            party.trade_role,
            report.meeting.code if report else "",
            report.status if report else "",
            line.party_rated if report else "",
            line.secretariat_rated if line.secretariat_shown else "",
        ]
        for code in ratings:
            cells.append(_blank(line.party_percent(code)))
            cells.append(_blank(line.secretariat_percent(code)))
        rows.append(cells)
    return Table(key="ratings", title=_titles()["ratings"], columns=columns, rows=rows)


def _compliance_table(overview: Overview) -> Table:
    return Table(
        key="compliance",
        title=_titles()["compliance"],
        columns=[
            ("meeting", gettext("Meeting")),
            ("due_date", gettext("Due date")),
            ("expected", gettext("Expected")),
            (ON_TIME, gettext("On time")),
            (LATE, gettext("Late")),
            (MISSING, gettext("Missing")),
            (NOT_YET_DUE, gettext("Not yet due")),
            ("on_time_percent", gettext("On time (%)")),
        ],
        rows=[
            [
                row.meeting.code,
                row.due.isoformat() if row.due else "",
                row.expected,
                *(row.count(state) for state in COMPLIANCE_STATES),
                _blank(row.on_time_percent),
            ]
            for row in overview.compliance
        ],
    )


def _near_exit_table(overview: Overview) -> Table:
    threshold = overview.filters.threshold_percent
    return Table(
        key="near-exit",
        title=_titles()["near-exit"],
        columns=[
            ("party_code", gettext("ISO code")),
            ("party", gettext("Party")),
            ("category", gettext("Category")),
            ("stage", gettext("Stage in the process")),
            ("meeting", gettext("Meeting")),
            ("rated_by", gettext("Rated by")),
            ("rated_actions", gettext("Actions rated")),
            ("achieved_actions", gettext("Achieved or substantially achieved")),
            ("share_percent", gettext("Share (%)")),
            ("threshold_percent", gettext("Threshold (%)")),
        ],
        rows=[
            [
                near.row.party.code,
                near.row.name,
                near.row.category,
                near.row.party.stage,
                near.report.meeting.code,
                near.rated_by,
                near.rated,
                near.good,
                near.percent,
                threshold,
            ]
            for near in overview.ratings.near_exit
        ],
    )


def _divergence_table(key: str, title: str, first: list[tuple[str, str]], rows: Any) -> Table:
    return Table(
        key=key,
        title=title,
        columns=[
            *first,
            ("compared", gettext("Actions both rated")),
            ("same", gettext("Same rating")),
            ("party_more_optimistic", gettext("Party more optimistic")),
            ("party_more_pessimistic", gettext("Party more pessimistic")),
            ("differ_percent", gettext("Rated differently (%)")),
        ],
        rows=rows,
    )


def _figures(item: Divergence) -> list[int]:
    return [item.compared, item.same, item.optimistic, item.pessimistic, item.differ_percent]


def table_build(key: str, overview: Overview) -> Table:
    """The table `key` (one of TABLES) of the overview; KeyError for any other key."""
    if key == "divergence-parties":
        return _divergence_table(
            key,
            _titles()[key],
            [
                ("party_code", gettext("ISO code")),
                ("party", gettext("Party")),
                ("meeting", gettext("Meeting")),
            ],
            [
                [d.key, d.label, d.report.meeting.code if d.report else "", *_figures(d)]
                for d in overview.ratings.divergence_parties
            ],
        )
    if key == "divergence-pillars":
        return _divergence_table(
            key,
            _titles()[key],
            [("pillar", gettext("Code")), ("pillar_name", gettext("Standard pillar"))],
            [[d.key, d.label, *_figures(d)] for d in overview.ratings.divergence_pillars],
        )
    builders = {
        "categories": _categories_table,
        "ratings": _ratings_table,
        "compliance": _compliance_table,
        "near-exit": _near_exit_table,
    }
    return builders[key](overview)


# --- the files ---------------------------------------------------------------------------------


def table_csv(table: Table) -> bytes:
    """The table as CSV for machines: the machine column names, then every row."""
    return csv_bytes([name for name, _label in table.columns], table.rows)


def table_xlsx(table: Table) -> bytes:
    """The table as a workbook of one sheet: its title, the column names in words, the rows."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = table.key[:31]
    sheet.append([table.title])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append([label for _name, label in table.columns])
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for row in table.rows:
        sheet.append([cell_safe(value) for value in row])
        for cell in sheet[sheet.max_row]:
            # Text is text: never let a cell be read as a formula, whatever it starts with.
            if isinstance(cell.value, str):
                cell.data_type = "s"
    for index, (_name, label) in enumerate(table.columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = max(10, min(len(label), 30))
    sheet.freeze_panes = "A3"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# --- the views ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Download:
    """A table's download links, for the page."""

    key: str
    title: str


def _overview(
    request: HttpRequest, *, page: str | None = None
) -> tuple[ProcessFilterForm, Overview]:
    meetings = all_meetings()
    form, filters = filters_from_query(request.GET, meetings)
    # The figures change with the data only: cached under the data version.
    key = (repr(filters), page, scope_of(request.user), get_language())
    overview = cached(
        "process-overview",
        key,
        lambda: overview_for_user(user=request.user, filters=filters, meetings=meetings, page=page),
    )
    return form, overview


def _page_number(request: HttpRequest) -> str:
    return request.GET.get("page", "1")[:10]


def _with(query: str, **extra: Any) -> str:
    data = QueryDict(query, mutable=True)
    for key, value in extra.items():
        data[key] = str(value)
    return data.urlencode()


@require_GET
def process_overview(request: HttpRequest) -> HttpResponse:
    """The NIAP process overview, as the user may see it, for the filters in the URL."""
    number = _page_number(request)
    form, overview = _overview(request, page=number)
    page: Page[Any] = party_page(overview.ratings.latest, number)
    context = _page_context(
        overview,
        page,
        language=get_language() or "en",
        secretariat_view=is_secretariat(request.user),
    )
    return render(request, "dashboards/process.html", {"form": form, **context})


def _page_context(
    overview: Overview, page: Page[Any], *, language: str, secretariat_view: bool
) -> dict[str, Any]:
    """What the template lays out, with every label read once rather than once a row."""
    query = overview.filters.query()
    lines: list[LatestRatings] = list(page)
    used = {code for line in lines for code in (*line.party_counts, *line.secretariat_counts)}
    columns = [(code, rating_name(code, language)) for code in RATING_RANK if code in used]
    states = [
        (state, state_label(state, secretariat_view=secretariat_view))
        for state in COMPLIANCE_STATES
    ]
    stages = [str(label) for _code, label in Stage.choices]
    on_page = {line.row.party.code for line in lines}
    near = overview.ratings.near_exit
    return {
        "overview": overview,
        "page": page,
        # The page lists a page of Parties; every download holds them all.
        "divergence_parties": [d for d in overview.ratings.divergence_parties if d.key in on_page],
        "near_exit": near[:NEAR_EXIT_SHOWN],
        "near_exit_more": max(0, len(near) - NEAR_EXIT_SHOWN),
        "query": query,
        "page_query": _with(query, page=page.number),
        "columns": columns,
        "rows": [
            (line, [(label, line.cell(code), line.none(code)) for code, label in columns])
            for line in lines
        ],
        "category_rows": [
            (row, list(zip(stages, row.counts(), strict=True))) for row in overview.categories
        ],
        "compliance_rows": [
            (row, [(label, row.count(state)) for state, label in states])
            for row in overview.compliance
        ],
        "ratings_summary": latest_ratings_summary(lines, language),
        "compliance_summary": compliance_summary(
            overview.compliance, language, secretariat_view=secretariat_view
        ),
        "states": states,
        "stages": Stage.choices,
        "secretariat_view": secretariat_view,
        "downloads": {
            key.replace("-", "_"): Download(key, title) for key, title in _titles().items()
        },
        "formats": list(FORMATS),
    }


def _titles() -> dict[str, str]:
    return {
        "categories": gettext("Parties by category and stage"),
        "ratings": gettext("Latest ratings by Party"),
        "compliance": gettext("Reporting compliance by meeting"),
        "near-exit": gettext("Parties near exit"),
        "divergence-parties": gettext("Divergence of the ratings by Party"),
        "divergence-pillars": gettext("Divergence of the ratings by standard pillar"),
    }


def _narrow(request: HttpRequest) -> bool:
    """Whether the chart is asked for at a phone's width (`?layout=narrow`)."""
    return request.GET.get("layout") == "narrow"


@require_GET
@gzip_page
def process_ratings_chart(request: HttpRequest) -> HttpResponse:
    """The latest ratings of one page of Parties (`?page=`), Party against Secretariat, as SVG.
    Compressed: it is the heaviest thing the page loads, and carries no secret to guess."""
    meetings = all_meetings()
    _form, filters = filters_from_query(request.GET, meetings)
    number = _page_number(request)
    narrow = _narrow(request)
    language = get_language() or "en"

    def draw() -> str:
        scope = scope_for_user(user=request.user, filters=filters, meetings=meetings)
        shown = {row.party.pk for row in party_page(scope.parties, number)}
        ratings = ratings_for_user(
            user=request.user, scope=scope, threshold=filters.threshold, counted_for=shown
        )
        page = party_page(ratings.latest, number)
        return render_svg(latest_ratings_spec(list(page), language, narrow=narrow))

    # Building the spec costs more than reading it: the drawing is cached under the data version.
    key = (repr(filters), number, narrow, scope_of(request.user), language)
    return svg_response(request, cached("process-ratings-svg", key, draw))


@require_GET
@gzip_page
def process_compliance_chart(request: HttpRequest) -> HttpResponse:
    """Reporting compliance by meeting, as SVG."""
    meetings = all_meetings()
    _form, filters = filters_from_query(request.GET, meetings)
    narrow = _narrow(request)
    language = get_language() or "en"
    secretariat_view = is_secretariat(request.user)

    def draw() -> str:
        scope = scope_for_user(user=request.user, filters=filters, meetings=meetings)
        rows = compliance_for_user(user=request.user, scope=scope)
        spec = compliance_spec(rows, language, secretariat_view=secretariat_view, narrow=narrow)
        return render_svg(spec)

    key = (repr(filters), narrow, scope_of(request.user), language)
    return svg_response(request, cached("process-compliance-svg", key, draw))


@require_GET
def process_table(request: HttpRequest, table: str, fmt: str) -> HttpResponse:
    """One table of the overview, every row of it, as CSV or XLSX, for the filters in the URL."""
    if table not in TABLES or fmt not in FORMATS:
        raise Http404("No such table or format.")
    _form, overview = _overview(request)
    built = table_build(table, overview)
    content = table_csv(built) if fmt == "csv" else table_xlsx(built)
    response = HttpResponse(content, content_type=FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="tusk-process-{table}.{fmt}"'
    return response
