"""The road map's charts as Vega-Lite specs (Altair), rendered to SVG by `tusk.core.charts`.

Two kinds: small multiples of indicator values over the years, one panel per indicator with
its own vertical scale (units differ), its baseline and its target; and 100% stacked bars of
the members' rating distributions, the region's average first. Both are pure: numbers in, a
spec out. A rating keeps the colour it has everywhere in Tusk (`RATING_COLOURS`).
"""

from __future__ import annotations

import hashlib
import json
import textwrap
from collections.abc import Callable, Sequence
from typing import Any

from django.core.cache import cache
from django.utils import translation
from django.utils.translation import gettext as _

from tusk.core.charts import RATING_COLOURS, RATING_ORDER, house_style, rating_name, render_svg
from tusk.dashboards.region import IndicatorGroup, Mix, half_up

_DARK = "#1d2327"
_MUTED = "#5a646b"
# Okabe-Ito as the rating colours: blue for the values, vermilion for the target.
_VALUE = "#0072b2"
_TARGET = "#d55e00"
_BASELINE = "#5a646b"
_PANEL_WIDTH = 210
_PANEL_HEIGHT = 110
_NARROW_PANEL_WIDTH = 250
_BAR_WIDTH = 300
_NARROW_BAR_WIDTH = 190
# Where a count on a bar segment is written in white rather than dark ink.
_WHITE_ON = {"achieved", "on_track", "challenging", "unclear"}
_DATA = "rows"
# Bump when a spec changes shape, so that no cached drawing of the old shape is served.
_VERSION = "2"
_CACHE_SECONDS = 24 * 3600
# How far beyond the charted years a target year still widens the panels.
_TARGET_REACH = 10


def _language(language: str | None) -> str:
    short = (language or "en").split("-")[0].lower()
    return short if short in {"en", "fr", "es"} else "en"


def _number(value: Any) -> str:
    """A value as written in a caption: no trailing zeros (12, 12.5)."""
    text = f"{float(value):,.2f}".rstrip("0").rstrip(".")
    return text or "0"


def _panel_label(code: str, name: str, unit: str) -> str:
    """The panel's heading: the code and unit, then the name on short lines, '|' between lines
    (split again inside the chart)."""
    first = f"{code} ({unit})" if unit else code
    lines = textwrap.wrap(name, width=34)[:3]
    return "|".join([first, *lines]).replace("'", "’")


def _title(title: str, subtitle: str, width: int) -> Any:
    """A title and subtitle wrapped at `width` characters, so that a long region name never
    makes a chart wider than its panels (Vega does not wrap titles itself)."""
    import altair as alt

    return alt.TitleParams(
        text=textwrap.wrap(title, width) or [""],
        subtitle=textwrap.wrap(subtitle, width + 8) or [""],
        anchor="start",
    )


def _with_rows(chart: Any, rows: list[dict[str, Any]]) -> dict[str, Any]:
    """The chart's spec with its rows as a named data set, added after Altair is done: Altair
    copies inline rows at every step, which made a chart of a few hundred points slow."""
    spec: dict[str, Any] = chart.to_dict(validate=False)
    spec["datasets"] = {_DATA: rows}
    return spec


def _configure(chart: Any) -> Any:
    return house_style(chart, view_stroke="#d4d9dd")


def _x_domain(group: IndicatorGroup, years: Sequence[int]) -> tuple[int, int]:
    """The years every panel of a group spans: its values, baselines and targets within reach
    of the charted years."""
    seen: list[int] = []
    for line in group.charted:
        seen += [year for year, _value in line.series]
        ind = line.indicator
        if ind.baseline is not None and ind.baseline_year and ind.baseline_year >= years[0]:
            seen.append(ind.baseline_year)
        reach = years[-1] + _TARGET_REACH
        if ind.target is not None and ind.target_year and years[0] <= ind.target_year <= reach:
            seen.append(ind.target_year)
    if not seen:
        return years[0], years[-1]
    low, high = min(seen), max(seen)
    return (low, high) if high > low else (low - 1, high + 1)


def _indicator_values(
    group: IndicatorGroup, domain: tuple[int, int], names: dict[str, str]
) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for line in group.charted:
        ind = line.indicator
        panel = _panel_label(ind.code, ind.name, ind.unit)
        rows += [
            {"panel": panel, "year": year, "value": float(value), "series": names["value"]}
            for year, value in line.series
        ]
        since = ind.baseline_year
        if ind.baseline is not None and since and domain[0] <= since <= domain[1]:
            rows.append(
                {
                    "panel": panel,
                    "year": since,
                    "value": float(ind.baseline),
                    "series": names["baseline"],
                }
            )
        if ind.target is not None:
            rows.append(
                {
                    "panel": panel,
                    "target": float(ind.target),
                    "series": names["target"],
                    "note": _("Target %(year)s: %(value)s")
                    % {"year": ind.target_year or "", "value": _number(ind.target)}
                    if ind.target_year
                    else _number(ind.target),
                    "right": domain[1],
                }
            )
    return rows


def indicators_spec(
    group: IndicatorGroup, years: Sequence[int], language: str, *, narrow: bool = False
) -> dict[str, Any]:
    """Small multiples of `group`'s charted indicators: the last value of each year as a line,
    the baseline as a diamond, the target as a dashed line, each panel on its own scale. Two
    panels a row, or one for a phone (`narrow`)."""
    import altair as alt

    language = _language(language)
    with translation.override(language):
        names = {"value": _("Value"), "baseline": _("Baseline"), "target": _("Target")}
        title = _("%(owner)s: indicators over the years") % {"owner": group.label}
        subtitle = _("Last value of each year; each panel has its own scale")
        year_title = _("Year")
        series_title = _("Shown")
        domain = _x_domain(group, years)
        rows = _indicator_values(group, domain, names)
        if not rows:
            empty = alt.Chart(alt.Data(values=[{"text": _("No value recorded yet.")}]))
            spec: dict[str, Any] = _configure(
                empty.mark_text(fontSize=13, color=_MUTED)
                .encode(text="text:N")
                .properties(width=_PANEL_WIDTH * 2, height=40, title=title)
            ).to_dict(validate=False)
            return spec
    panels = list(dict.fromkeys(r["panel"] for r in rows))
    colour = alt.Color(
        "series:N",
        title=series_title,
        scale=alt.Scale(
            domain=[names["value"], names["baseline"], names["target"]],
            range=[_VALUE, _BASELINE, _TARGET],
        ),
        legend=alt.Legend(orient="top", direction="horizontal"),
    )
    # Padded scales, so that a point on the edge of a panel (a baseline, often) shows whole.
    x_scale = alt.Scale(domain=list(domain), nice=False, zero=False, padding=8)
    x = alt.X(
        "year:Q",
        title=year_title,
        scale=x_scale,
        axis=alt.Axis(format="d", tickMinStep=1, tickCount=4, labelAngle=0),
    )
    y = alt.Y("value:Q", title=None, scale=alt.Scale(zero=False, nice=True, padding=8))
    kind = alt.datum.series
    values = (
        alt.Chart()
        .transform_filter(kind == names["value"])
        .mark_line(point=alt.OverlayMarkDef(filled=True, size=36), strokeWidth=2)
        .encode(x=x, y=y, color=colour)
    )
    baseline = (
        alt.Chart()
        .transform_filter(kind == names["baseline"])
        .mark_point(shape="diamond", filled=True, size=70)
        .encode(x=x, y=y, color=colour)
    )
    targets = alt.Chart().transform_filter(kind == names["target"])
    target = targets.mark_rule(strokeDash=[5, 3], strokeWidth=2).encode(
        y=alt.Y("target:Q"), color=colour
    )
    note = targets.mark_text(align="right", baseline="bottom", dy=-3, fontSize=10).encode(
        x=alt.X("right:Q", scale=x_scale),
        y=alt.Y("target:Q"),
        text="note:N",
        color=alt.value(_TARGET),
    )
    width = _NARROW_PANEL_WIDTH if narrow else _PANEL_WIDTH
    layered = alt.layer(values, baseline, target, note, data=alt.Data(name=_DATA)).properties(
        width=width, height=_PANEL_HEIGHT
    )
    chart = (
        layered.facet(
            facet=alt.Facet(
                "panel:N",
                sort=panels,
                title=None,
                header=alt.Header(
                    labelExpr="split(datum.value, '|')",
                    labelAlign="left",
                    labelAnchor="start",
                    labelFontSize=11,
                    labelColor=_DARK,
                    labelLimit=width + 40,
                ),
            ),
            columns=1 if narrow else 2,
        )
        .resolve_scale(y="independent")
        .properties(title=_title(title, subtitle, 36 if narrow else 80))
    )
    return _with_rows(_configure(chart), rows)


def indicators_summary(group: IndicatorGroup, language: str) -> str:
    """The chart in words, for its alt text: each indicator's latest value against its
    target."""
    language = _language(language)
    with translation.override(language):
        parts = []
        for line in group.charted:
            ind = line.indicator
            latest = _number(line.latest) if line.latest is not None else _("none")
            target = _number(ind.target) if ind.target is not None else _("none")
            parts.append(
                _("%(code)s latest %(latest)s, target %(target)s")
                % {"code": ind.code, "latest": latest, "target": target}
            )
        if not parts:
            return _("No indicator to chart.")
        return _("Indicators of %(owner)s over the years: %(parts)s.") % {
            "owner": group.label,
            "parts": "; ".join(parts),
        }


def _bar_values(mixes: Sequence[Mix], language: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for mix in mixes:
        start = 0.0
        label = f"{mix.label} ({mix.meeting})" if mix.meeting else mix.label
        for code in RATING_ORDER:
            share = mix.shares.get(code, 0.0)
            if share <= 0:
                continue
            colour_code = code or "none"
            rows.append(
                {
                    "bar": label,
                    "rating": rating_name(code, language),
                    "share": share,
                    "x0": start,
                    "x1": start + share,
                    "mid": start + share / 2,
                    "ink": "#ffffff" if colour_code in _WHITE_ON else _DARK,
                    "label": f"{half_up(share)}%" if share >= 0.09 else "",
                }
            )
            start += share
    return rows


def ratings_spec(
    mixes: Sequence[Mix], who: str, language: str, *, narrow: bool = False
) -> dict[str, Any]:
    """100% stacked bars, one per member and the region's average on top (its name in bold),
    a segment per rating in its fixed colour, best rating on the left; shorter bars and names
    for a phone (`narrow`)."""
    import altair as alt

    language = _language(language)
    rows = _bar_values(mixes, language)
    present = [
        c for c in RATING_ORDER if any(r["rating"] == rating_name(c, language) for r in rows)
    ]
    with translation.override(language):
        titles = {"party": _("The Parties' own ratings")}
        title = titles.get(who) or _("The Secretariat's ratings")
        subtitle = _("Share of the actions of each member's latest published report")
        share_title = _("Share of actions")
        rating_title = _("Rating")
        if not rows:
            empty = alt.Chart(alt.Data(values=[{"text": _("No published rating yet.")}]))
            spec: dict[str, Any] = _configure(
                empty.mark_text(fontSize=13, color=_MUTED)
                .encode(text="text:N")
                .properties(width=_BAR_WIDTH, height=40, title=title)
            ).to_dict(validate=False)
            return spec
    bars_order = list(dict.fromkeys(r["bar"] for r in rows))
    average = json.dumps(bars_order[0])
    y = alt.Y(
        "bar:N",
        sort=bars_order,
        title=None,
        axis=alt.Axis(
            labelLimit=130 if narrow else 190,
            labelFontWeight={
                "condition": {"test": f"datum.value == {average}", "value": "bold"},
                "value": "normal",
            },
        ),
    )
    base = alt.Chart(alt.Data(name=_DATA))
    bars = base.mark_bar(stroke="#ffffff", strokeWidth=1).encode(
        y=y,
        x=alt.X(
            "x0:Q",
            title=share_title,
            scale=alt.Scale(domain=[0, 1]),
            axis=alt.Axis(format="%", tickCount=5),
        ),
        x2="x1:Q",
        color=alt.Color(
            "rating:N",
            title=rating_title,
            scale=alt.Scale(
                domain=[rating_name(c, language) for c in present],
                range=[RATING_COLOURS[c or "none"] for c in present],
            ),
            legend=alt.Legend(
                orient="bottom", columns=1 if narrow else 2, labelLimit=260, symbolType="square"
            ),
        ),
    )
    counts = base.mark_text(fontSize=10, baseline="middle").encode(
        y=y, x="mid:Q", text="label:N", color=alt.Color("ink:N", scale=None)
    )
    chart = alt.layer(bars, counts).properties(
        width=_NARROW_BAR_WIDTH if narrow else _BAR_WIDTH,
        height=alt.Step(26),
        title=_title(title, subtitle, 44 if narrow else 80),
    )
    return _with_rows(_configure(chart), rows)


def ratings_summary(mixes: Sequence[Mix], language: str) -> str:
    """The region's average in words, for the chart's alt text; the members' bars are in the
    table beside it."""
    language = _language(language)
    with translation.override(language):
        if not mixes:
            return _("No published rating yet.")
        average = mixes[0]
        parts = ", ".join(
            f"{half_up(average.shares[code])}% {rating_name(code, language)}"
            for code in RATING_ORDER
            if average.shares.get(code, 0) > 0
        )
        return _("%(label)s: %(parts)s. Each member's shares are in the table.") % {
            "label": average.label,
            "parts": parts,
        }


def _cached_svg(inputs: Any, build: Callable[[], dict[str, Any]]) -> str:
    """The SVG drawn from `build()`, cached under the inputs that decide the spec: Altair takes
    a tenth of a second to build a spec, which the inputs' hash saves on every later request."""
    text = json.dumps([_VERSION, inputs], sort_keys=True, default=str)
    key = "tusk:region-chart:" + hashlib.sha256(text.encode()).hexdigest()
    svg = cache.get(key)
    if svg is None:
        svg = render_svg(build())
        cache.set(key, svg, _CACHE_SECONDS)
    return str(svg)


def indicators_svg(
    group: IndicatorGroup, years: Sequence[int], language: str, *, narrow: bool = False
) -> str:
    """`indicators_spec` drawn as SVG, built only when its numbers or words changed."""
    language = _language(language)
    inputs = [
        "indicators",
        group.label,
        list(years),
        language,
        narrow,
        [
            [
                line.indicator.code,
                line.indicator.name,
                line.indicator.unit,
                line.indicator.baseline,
                line.indicator.baseline_year,
                line.indicator.target,
                line.indicator.target_year,
                line.latest,
                line.series,
            ]
            for line in group.charted
        ],
    ]
    return _cached_svg(inputs, lambda: indicators_spec(group, years, language, narrow=narrow))


def ratings_svg(mixes: Sequence[Mix], who: str, language: str, *, narrow: bool = False) -> str:
    """`ratings_spec` drawn as SVG, built only when its numbers or words changed."""
    language = _language(language)
    inputs = [
        "ratings",
        who,
        language,
        narrow,
        [[m.key, m.label, m.meeting, m.actions, sorted(m.shares.items(), key=str)] for m in mixes],
    ]
    return _cached_svg(inputs, lambda: ratings_spec(mixes, who, language, narrow=narrow))
