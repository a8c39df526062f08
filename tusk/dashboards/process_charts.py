"""The process overview's charts as Vega-Lite specs (Altair), rendered to SVG on the server.

Pure functions: figures from `tusk.dashboards.process` in, a spec out. Each rating keeps the
colour it has everywhere in Tusk (`tusk.core.charts.RATING_COLOURS`, Okabe-Ito), and every spec
carries the exact numbers it draws, so that the table beside it and the chart cannot disagree.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.utils import translation
from django.utils.translation import gettext

from tusk.core.charts import RATING_COLOURS, RATING_ORDER, house_style, rating_name
from tusk.dashboards.process import (
    LatestRatings,
)
from tusk.dashboards.process_compliance import (
    COMPLIANCE_STATES,
    LATE,
    MISSING,
    NOT_YET_DUE,
    ON_TIME,
    ComplianceRow,
)

_DARK = "#1d2327"
_MUTED = "#5a646b"
# Okabe-Ito again: green for on time, orange for late, vermillion for missing, grey for later.
STATE_COLOURS: dict[str, str] = {
    ON_TIME: "#009e73",
    LATE: "#e69f00",
    MISSING: "#d55e00",
    NOT_YET_DUE: "#d4d9dd",
}
_INK_ON: dict[str, str] = {
    "achieved": "#ffffff",
    "on_track": "#ffffff",
    "challenging": "#ffffff",
    "unclear": "#ffffff",
    ON_TIME: "#ffffff",
    MISSING: "#ffffff",
}
PARTY, SECRETARIAT = "party", "secretariat"


@dataclass(frozen=True)
class _Layout:
    """The sizes of a chart: for a page, or for a phone's narrow screen."""

    width: int
    label_limit: int
    min_label_share: float
    legend_columns: int
    title_size: int
    # The compliance chart: a fixed plot for up to MEETINGS_FIXED meetings, a step beyond.
    plot: int
    step: int


WIDE = _Layout(
    width=400,
    label_limit=180,
    min_label_share=0.1,
    legend_columns=2,
    title_size=14,
    plot=440,
    step=36,
)
NARROW = _Layout(
    width=190,
    label_limit=96,
    min_label_share=0.2,
    legend_columns=1,
    title_size=12,
    plot=250,
    step=24,
)
MEETINGS_FIXED = 12


def _language(language: str | None) -> str:
    short = (language or "en").split("-")[0].lower()
    return short if short in {"en", "fr", "es"} else "en"


def state_label(state: str, *, secretariat_view: bool = True) -> str:
    """A compliance state in words, in the active language. For anyone who sees published
    reports only, "missing" says what it is: no published report."""
    labels = {
        ON_TIME: gettext("On time"),
        LATE: gettext("Late"),
        MISSING: gettext("Missing") if secretariat_view else gettext("No published report"),
        NOT_YET_DUE: gettext("Not yet due"),
    }
    return labels[state]


def _configured(
    chart: Any,
    title: str,
    subtitle: str,
    datasets: dict[str, list[dict[str, Any]]],
    *,
    right: int = 8,
    layout: _Layout | None = None,
) -> dict[str, Any]:
    """The chart as a spec, its data added as named datasets once Altair has checked the
    rest: checking hundreds of data rows against the schema would cost more than drawing."""
    import altair as alt

    padding = {"left": 8, "top": 8, "bottom": 8, "right": right}
    spec: dict[str, Any] = house_style(
        chart.properties(title=alt.TitleParams(text=title, subtitle=subtitle, anchor="start")),
        title_size=(layout or WIDE).title_size,
        padding=padding,
    ).to_dict()
    spec["datasets"] = datasets
    return spec


def _side_values(
    line: LatestRatings, side: str, language: str, min_label_share: float
) -> list[dict[str, Any]]:
    """The segments of one bar: each rating's share of the actions that side rated."""
    counts = line.party_counts if side == PARTY else line.secretariat_counts
    total = sum(counts.values())
    values = []
    start = 0.0
    for code in RATING_ORDER:
        if code is None or not counts.get(code):
            continue
        share = counts[code] / total
        values.append(
            {
                "party": line.row.name,
                "side": side,
                "code": code,
                "rating": rating_name(code, language),
                "count": counts[code],
                "share": share,
                "x0": start,
                "x1": start + share,
                "mid": start + share / 2,
                "ink": _INK_ON.get(code, _DARK),
                "label": f"{round(share * 100)}%" if share >= min_label_share else "",
            }
        )
        start += share
    return values


def _side_note(line: LatestRatings, side: str) -> str:
    """What a bar with nothing to draw says instead."""
    if line.report is None:
        return gettext("No report you may read") if side == PARTY else ""
    if side == PARTY:
        return "" if line.party_counts else gettext("No action rated")
    if not line.secretariat_shown:
        return gettext("Assessment not published")
    return "" if line.secretariat_counts else gettext("Not assessed yet")


def _small_text(name: str, *, dx: int, colour: str) -> Any:
    import altair as alt

    return alt.Chart(alt.NamedData(name=name)).mark_text(
        fontSize=10, align="left", baseline="middle", dx=dx, color=colour, aria=False
    )


def _ratings_data(
    lines: Sequence[LatestRatings], language: str, layout: _Layout
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    """The segments of every bar, the side named at the end of each bar, and the notes that
    bars with nothing to draw show instead."""
    sides = {PARTY: gettext("Party"), SECRETARIAT: gettext("Secretariat")}
    values: list[dict[str, Any]] = []
    sides_of: list[dict[str, Any]] = []
    notes: list[dict[str, Any]] = []
    for line in lines:
        for side in (PARTY, SECRETARIAT):
            values.extend(_side_values(line, side, language, layout.min_label_share))
            where = {"party": line.row.name, "side": side}
            sides_of.append({**where, "who": sides[side]})
            if text := _side_note(line, side):
                notes.append({**where, "note": text})
    return values, sides_of, notes


def latest_ratings_spec(
    lines: Sequence[LatestRatings], language: str, *, narrow: bool = False
) -> dict[str, Any]:
    """Two 100% bars per Party, its own ratings and the Secretariat's, a segment per rating in
    its fixed colour, best rating first; a Party's name once, beside its pair of bars. Narrow:
    the same at a phone's width."""
    import altair as alt

    language = _language(language)
    layout = NARROW if narrow else WIDE
    with translation.override(language):
        values, sides_of, notes = _ratings_data(lines, language, layout)
        title = gettext("Latest ratings, the Party's and the Secretariat's")
        subtitle = gettext(
            "Share of the actions each side rated, by rating, in each Party's latest report"
        )
        share_title = gettext("Share of rated actions")
        rating_title = gettext("Rating")
    names = [line.row.name for line in lines]
    present = [c for c in RATING_ORDER if c and any(v["code"] == c for v in values)]
    y = alt.Y(
        "party:N",
        sort=names,
        title=None,
        axis=alt.Axis(labelLimit=layout.label_limit, grid=False, labelFontSize=11),
    )
    offset = alt.YOffset("side:N", sort=[PARTY, SECRETARIAT])
    base = alt.Chart(alt.NamedData(name="bars"))
    bars = base.mark_bar(stroke="#ffffff", strokeWidth=0.5, aria=False).encode(
        y=y,
        yOffset=offset,
        x=alt.X(
            "x0:Q",
            title=share_title,
            scale=alt.Scale(domain=[0, 1]),
            axis=alt.Axis(format="%", tickCount=5 if not narrow else 3, orient="top"),
        ),
        x2="x1:Q",
        color=alt.Color(
            "rating:N",
            title=rating_title,
            scale=alt.Scale(
                domain=[rating_name(c, language) for c in present],
                range=[RATING_COLOURS[c] for c in present if c],
            ),
            legend=alt.Legend(
                orient="bottom",
                columns=layout.legend_columns,
                labelLimit=260,
                symbolType="square",
            ),
        ),
    )
    labels = base.mark_text(fontSize=10, baseline="middle", aria=False).encode(
        y=y, yOffset=offset, x="mid:Q", text="label:N", color=alt.Color("ink:N", scale=None)
    )
    who = _small_text("sides", dx=4, colour=_MUTED).encode(
        y=y, yOffset=offset, x=alt.datum(1), text="who:N"
    )
    note = _small_text("notes", dx=2, colour=_DARK).encode(
        y=y, yOffset=offset, x=alt.datum(0), text="note:N"
    )
    chart = alt.layer(bars, labels, who, note).properties(width=layout.width, height=alt.Step(15))
    # The side's name is written past the end of the bars: leave it room.
    datasets = {"bars": values, "sides": sides_of, "notes": notes}
    return _configured(chart, title, "" if narrow else subtitle, datasets, right=72, layout=layout)


def latest_ratings_summary(lines: Sequence[LatestRatings], language: str) -> str:
    """The ratings chart in a few sentences, for its alt text."""
    language = _language(language)
    with translation.override(language):
        if not lines:
            return gettext("No Party matches these filters.")
        parts = []
        for line in lines:
            name = line.row.name
            if line.report is None:
                parts.append(gettext("%(party)s: no report") % {"party": name})
                continue
            party = ", ".join(
                f"{rating_name(code, language)} {line.party_percent(code)}%"
                for code in RATING_ORDER
                if code and line.party_counts.get(code)
            )
            parts.append(
                gettext("%(party)s (%(meeting)s): %(ratings)s")
                % {"party": name, "meeting": line.report.meeting.code, "ratings": party or "-"}
            )
        return gettext("The Parties' own ratings in their latest report. %(parts)s.") % {
            "parts": "; ".join(parts)
        }


def compliance_spec(
    rows: Sequence[ComplianceRow], language: str, *, secretariat_view: bool, narrow: bool = False
) -> dict[str, Any]:
    """A stacked bar per meeting: the Parties expected to report, on time, late, missing (and
    not yet due), each counted on its segment."""
    import altair as alt

    language = _language(language)
    with translation.override(language):
        names = {s: state_label(s, secretariat_view=secretariat_view) for s in COMPLIANCE_STATES}
        title = gettext("Reporting compliance by meeting")
        subtitle = gettext("Parties expected to report, by when their report came")
        meeting_title = gettext("Meeting")
        count_title = gettext("Parties")
        state_title = gettext("Report")
    values: list[dict[str, Any]] = []
    # A count is written on its segment only where the segment is tall enough to hold it.
    smallest = max((row.expected for row in rows), default=0) * 0.06
    for row in rows:
        top = 0
        for state in COMPLIANCE_STATES:
            count = row.count(state)
            if not count:
                continue
            values.append(
                {
                    "meeting": row.meeting.code,
                    "state": names[state],
                    "count": count,
                    "y0": top,
                    "y1": top + count,
                    "mid": top + count / 2,
                    "ink": _INK_ON.get(state, _DARK),
                    "label": str(count) if count >= smallest else "",
                }
            )
            top += count
    meetings = [row.meeting.code for row in rows]
    present = [s for s in COMPLIANCE_STATES if any(row.count(s) for row in rows)]
    # Every meeting on the axis, even one where nobody was expected.
    x = alt.X(
        "meeting:N",
        sort=meetings,
        title=meeting_title,
        scale=alt.Scale(domain=meetings),
        axis=alt.Axis(labelAngle=0),
    )
    # Both layers share the axis: give each the same, in whole Parties.
    tallest = max((row.expected for row in rows), default=0)
    every = max(1, math.ceil(tallest / 5))
    counts_axis = alt.Axis(values=list(range(0, tallest + every, every)), format="d")
    y = alt.Y("y0:Q", title=count_title, axis=counts_axis)
    base = alt.Chart(alt.NamedData(name="counts"))
    bars = base.mark_bar(stroke="#ffffff", strokeWidth=1, aria=False).encode(
        x=x,
        y=y,
        y2="y1:Q",
        color=alt.Color(
            "state:N",
            title=state_title,
            scale=alt.Scale(
                domain=[names[s] for s in present], range=[STATE_COLOURS[s] for s in present]
            ),
            legend=alt.Legend(orient="bottom", symbolType="square"),
        ),
    )
    counts = base.mark_text(fontSize=10, baseline="middle", aria=False).encode(
        x=x,
        y=alt.Y("mid:Q", title=count_title, axis=counts_axis),
        text="label:N",
        color=alt.Color("ink:N", scale=None),
    )
    layout = NARROW if narrow else WIDE
    width = layout.plot if len(rows) <= MEETINGS_FIXED else alt.Step(layout.step)
    chart = alt.layer(bars, counts).properties(width=width, height=220)
    return _configured(chart, title, "" if narrow else subtitle, {"counts": values}, layout=layout)


def compliance_summary(
    rows: Sequence[ComplianceRow], language: str, *, secretariat_view: bool
) -> str:
    """The compliance chart in a few sentences, for its alt text."""
    language = _language(language)
    with translation.override(language):
        if not rows:
            return gettext("No meeting to chart.")
        parts = []
        for row in rows:
            words = ", ".join(
                f"{row.count(s)} {state_label(s, secretariat_view=secretariat_view).lower()}"
                for s in COMPLIANCE_STATES
                if row.count(s)
            )
            parts.append(
                gettext("%(meeting)s: %(expected)s expected, %(states)s")
                % {"meeting": row.meeting.code, "expected": row.expected, "states": words or "-"}
            )
        return gettext("Parties expected to report at each meeting. %(parts)s.") % {
            "parts": "; ".join(parts)
        }
