"""Charts: Vega-Lite specs built with Altair and rendered to SVG or PNG on the server
(vl-convert), so that the same chart shows in a page, a PDF and a DOCX without any script.

`ratings_over_meetings_spec` is pure: it turns counts into a spec. The reads that feed it are
scoped to the user (`party_ratings_rows`) or, for an exported document, to what is public plus
the report being exported (`chart_for_report_documents`).
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.db.models import Count, F, Q
from django.utils import translation
from django.utils.translation import gettext as _

from niapdoc.scales import RATINGS
from tusk.core.models import Party
from tusk.reports.choices import ReportStatus
from tusk.reports.models import ActionProgress, ProgressReport
from tusk.reports.selectors import current_reports, report_list_for_user

# Every rating, best first, in the order the chart stacks and the legend lists them; None is
# an action the report does not rate.
RATING_ORDER: tuple[str | None, ...] = (
    "achieved",
    "substantially_achieved",
    "on_track",
    "partial_progress",
    "pending_other_action",
    "not_commenced",
    "challenging",
    "unclear",
    None,
)

# The strong colours of tusk.css's `.rating-<code>` (Okabe-Ito, safe for colour-blind readers),
# so that a rating has one colour everywhere; "none" is tusk.css's --line.
RATING_COLOURS: dict[str, str] = {
    "achieved": "#0072b2",
    "substantially_achieved": "#56b4e9",
    "on_track": "#009e73",
    "partial_progress": "#c9b800",
    "pending_other_action": "#cc79a7",
    "not_commenced": "#e69f00",
    "challenging": "#d55e00",
    "unclear": "#7a7a7a",
    "none": "#d4d9dd",
}
# The colour of the count written on each colour: white only where it is legible.
_INK_ON: dict[str, str] = {
    "achieved": "#ffffff",
    "on_track": "#ffffff",
    "challenging": "#ffffff",
    "unclear": "#ffffff",
}
_DARK = "#1d2327"
_MUTED = "#5a646b"
_FONT = "DejaVu Sans, Liberation Sans, sans-serif"
_CACHE_SECONDS = 24 * 3600
CHART_WIDTH = 560
CHART_HEIGHT = 260


@dataclass(frozen=True)
class RatingCount:
    """How many actions of a Party's report for `meeting` carry `rating` (None: unrated)."""

    meeting: str
    rating: str | None
    count: int


@dataclass(frozen=True)
class TableLine:
    """One line of the table beside the chart: the same numbers, in words."""

    meeting: str
    rating: str
    code: str
    count: int
    share: float

    @property
    def percent(self) -> int:
        """The share as a whole percentage."""
        return round(self.share * 100)


@dataclass(frozen=True)
class RatingsChart:
    """What the Party page needs for the chart: its numbers and a summary for the alt text."""

    lines: list[TableLine]
    summary: str


def _code(rating: str | None) -> str:
    return rating if rating in RATING_COLOURS else "none"


def _rank(rating: str | None) -> int:
    return RATING_ORDER.index(rating) if rating in RATING_ORDER else len(RATING_ORDER)


def _language(language: str | None) -> str:
    short = (language or "en").split("-")[0].lower()
    return short if short in {"en", "fr", "es"} else "en"


def rating_name(rating: str | None, language: str) -> str:
    """A rating's name in `language`; "Not rated" for none."""
    if rating in RATINGS:
        return RATINGS[rating].label(language)
    with translation.override(language):
        return _("Not rated")


def _meetings(rows: list[RatingCount]) -> list[str]:
    return list(dict.fromkeys(r.meeting for r in rows))


def table_lines(rows: list[RatingCount], language: str) -> list[TableLine]:
    """The rows with each rating's share of its meeting's actions, meetings in order, best
    rating first."""
    language = _language(language)
    totals: dict[str, int] = defaultdict(int)
    for row in rows:
        totals[row.meeting] += row.count
    order = {m: i for i, m in enumerate(_meetings(rows))}
    lines = [
        TableLine(
            meeting=row.meeting,
            rating=rating_name(row.rating, language),
            code=_code(row.rating),
            count=row.count,
            share=row.count / totals[row.meeting] if totals[row.meeting] else 0.0,
        )
        for row in sorted(rows, key=lambda r: (order[r.meeting], _rank(r.rating)))
        if row.count > 0
    ]
    return lines


def chart_summary(rows: list[RatingCount], language: str) -> str:
    """The chart in one sentence, for its alt text: each meeting and its counts by rating."""
    language = _language(language)
    by_meeting: dict[str, list[str]] = defaultdict(list)
    for line in table_lines(rows, language):
        by_meeting[line.meeting].append(f"{line.count} {line.rating}")
    with translation.override(language):
        if not by_meeting:
            return _("No rated report to chart.")
        parts = "; ".join(f"{m}: {', '.join(words)}" for m, words in by_meeting.items())
        return _("Ratings of the actions by meeting. %(parts)s.") % {"parts": parts}


def ratings_over_meetings_spec(
    rows: list[RatingCount], language: str, *, party_name: str = ""
) -> dict[str, Any]:
    """A Vega-Lite spec: one 100% stacked bar per meeting, a segment per rating in its fixed
    colour, the best rating on top, each segment labelled with its count, and a legend in
    `language`."""
    import altair as alt

    language = _language(language)
    meetings = _meetings(rows)
    values: list[dict[str, Any]] = []
    lines = table_lines(rows, language)
    # The stack is computed here, so that the spec carries the exact shares it draws.
    top: dict[str, float] = defaultdict(float)
    for line in lines:
        start = top[line.meeting]
        end = start + line.share
        top[line.meeting] = end
        values.append(
            {
                "meeting": line.meeting,
                "code": line.code,
                "rating": line.rating,
                "rank": RATING_ORDER.index(None if line.code == "none" else line.code),
                "count": line.count,
                "share": line.share,
                "y0": 1.0 - start,
                "y1": 1.0 - end,
                "mid": 1.0 - (start + end) / 2,
                "ink": _INK_ON.get(line.code, _DARK),
                "label": str(line.count) if line.share >= 0.06 else "",
            }
        )
    present = [c for c in RATING_ORDER if any(v["code"] == _code(c) for v in values)]
    domain = [rating_name(c, language) for c in present]
    colours = [RATING_COLOURS[_code(c)] for c in present]
    with translation.override(language):
        title = _("Ratings of the actions by meeting")
        subtitle = _("Share of the actions of each report, by the Party's rating")
        if party_name:
            title = f"{party_name}: {title}"
        meeting_title = _("Meeting")
        share_title = _("Share of actions")
        rating_title = _("Rating")
    x = alt.X("meeting:N", sort=meetings, title=meeting_title, axis=alt.Axis(labelAngle=0))
    base = alt.Chart(alt.Data(values=values))
    bars = base.mark_bar(stroke="#ffffff", strokeWidth=1).encode(
        x=x,
        y=alt.Y(
            "y0:Q",
            title=share_title,
            scale=alt.Scale(domain=[0, 1]),
            axis=alt.Axis(format="%", tickCount=5),
        ),
        y2="y1:Q",
        color=alt.Color(
            "rating:N",
            title=rating_title,
            scale=alt.Scale(domain=domain, range=colours),
            legend=alt.Legend(orient="right", labelLimit=260, symbolType="square"),
        ),
    )
    counts = base.mark_text(fontSize=11, baseline="middle").encode(
        x=x,
        y="mid:Q",
        text="label:N",
        color=alt.Color("ink:N", scale=None),
    )
    chart = alt.layer(bars, counts).properties(
        width=_width(len(meetings)),
        height=CHART_HEIGHT,
        title=alt.TitleParams(text=title, subtitle=subtitle, anchor="start"),
    )
    spec: dict[str, Any] = house_style(chart).to_dict()
    return spec


def house_style(
    chart: Any,
    *,
    title_size: int = 14,
    padding: dict[str, int] | None = None,
    view_stroke: str | None = None,
) -> Any:
    """`chart` in Tusk's look, the same in every chart: the font, dark text on white, light
    grid lines; a frame around the plot only when `view_stroke` is given."""
    base = {"font": _FONT, "background": "#ffffff"}
    if padding is not None:
        base["padding"] = padding  # type: ignore[assignment]
    return (
        chart.configure(**base)
        .configure_view(stroke=view_stroke)
        .configure_axis(labelColor=_DARK, titleColor=_DARK, grid=True, gridColor="#eef0f2")
        .configure_legend(labelColor=_DARK, titleColor=_DARK)
        .configure_title(color=_DARK, subtitleColor=_MUTED, fontSize=title_size)
    )


def _width(meetings: int) -> Any:
    """Bars of a steady width for a few meetings, a fixed plot for more, a step beyond 12."""
    import altair as alt

    if meetings <= 5:
        return alt.Step(72)
    return CHART_WIDTH - 200 if meetings <= 12 else alt.Step(36)


def spec_key(spec: dict[str, Any]) -> str:
    """The sha256 of the spec's canonical JSON: what a render is cached under."""
    return hashlib.sha256(json.dumps(spec, sort_keys=True).encode()).hexdigest()


def render_svg(spec: dict[str, Any]) -> str:
    """The chart as an SVG document, rendered once per distinct spec."""
    key = f"tusk:chart:svg:{spec_key(spec)}"
    svg = cache.get(key)
    if svg is None:
        import vl_convert

        svg = str(vl_convert.vegalite_to_svg(spec))
        cache.set(key, svg, _CACHE_SECONDS)
    return str(svg)


def render_png(spec: dict[str, Any], *, scale: float = 2) -> bytes:
    """The chart as a PNG at `scale` times its size (for Word), rendered once per spec."""
    key = f"tusk:chart:png{scale}:{spec_key(spec)}"
    png = cache.get(key)
    if png is None:
        import vl_convert

        png = bytes(vl_convert.vegalite_to_png(spec, scale=scale))
        cache.set(key, png, _CACHE_SECONDS)
    return bytes(png)


def svg_data_uri(svg: str) -> str:
    """An SVG as a `data:` URI, for an `<img>` in the print template (CSP allows `data:`)."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


def _rows(reports: Any) -> list[RatingCount]:
    """Counts of the actions of `reports` by meeting and rating: one query."""
    counted = (
        ActionProgress.objects.filter(report__in=reports.values("pk"))
        .values(
            "rating",
            kind=F("report__meeting__kind"),
            number=F("report__meeting__number"),
            start=F("report__meeting__start_date"),
        )
        .annotate(n=Count("pk"))
        .order_by(F("start").asc(nulls_last=True), "kind", "number")
    )
    return [
        RatingCount(meeting=f"{row['kind']}{row['number']}", rating=row["rating"], count=row["n"])
        for row in counted
    ]


def party_ratings_rows(*, user: Any, party: Party) -> list[RatingCount]:
    """The Party's ratings by meeting, from the current revision of each report `user` may
    see. One query, whatever the number of meetings."""
    reports = current_reports(report_list_for_user(user=user)).filter(party=party)
    return _rows(reports)


def party_ratings_chart(*, user: Any, party: Party, language: str) -> RatingsChart:
    """The numbers and the summary that the Party page shows beside the chart."""
    rows = party_ratings_rows(user=user, party=party)
    return RatingsChart(lines=table_lines(rows, language), summary=chart_summary(rows, language))


def report_document_rows(report: ProgressReport) -> list[RatingCount]:
    """The ratings an exported report charts: its Party's published reports up to its meeting,
    and the report itself, whoever exports it (a document may be passed on to anyone)."""
    public = current_reports(report_list_for_user(user=AnonymousUser())).filter(
        party_id=report.party_id, status=ReportStatus.PUBLISHED
    )
    start = report.meeting.start_date
    if start is not None:
        public = public.filter(meeting__start_date__lte=start)
    reports = ProgressReport.objects.filter(
        Q(pk=report.pk) | Q(pk__in=public.exclude(meeting_id=report.meeting_id).values("pk"))
    )
    return _rows(reports)


def chart_for_report_documents(report: ProgressReport) -> tuple[str, bytes]:
    """The chart for an exported report, in the report's language: SVG for the PDF, PNG for
    Word."""
    language = _language(report.language)
    with translation.override(language):
        party_name = str(report.party.display_name)
    spec = ratings_over_meetings_spec(report_document_rows(report), language, party_name=party_name)
    return render_svg(spec), render_png(spec)
