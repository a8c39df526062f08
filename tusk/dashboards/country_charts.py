"""The country page's and report card's charts: the Secretariat's ratings by meeting, and the
latest report's ratings by the Party and by the Secretariat side by side.

Both use the colours, order and names of `tusk.core.charts`, so that a rating has one colour in
every chart, table and badge of Tusk. The specs are pure: counts in, Vega-Lite out.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

from django.core.cache import cache
from django.utils import translation
from django.utils.translation import gettext as _

from tusk.core.charts import (
    RATING_COLOURS,
    RATING_ORDER,
    RatingCount,
    TableLine,
    chart_summary,
    house_style,
    rating_name,
    ratings_over_meetings_spec,
    render_svg,
    table_lines,
)

_DARK = "#1d2327"
# The colours on which a count is written in white (the others take dark ink).
_WHITE_ON = frozenset({"achieved", "on_track", "challenging", "unclear"})
CARD_CHART_WIDTH = 420
CARD_BAR_STEP = 38
_CACHE_SECONDS = 24 * 3600


@dataclass(frozen=True)
class SecretariatChart:
    """The Secretariat's ratings by meeting: the table's lines and the alt text."""

    lines: list[TableLine]
    summary: str


def _language(language: str | None) -> str:
    short = (language or "en").split("-")[0].lower()
    return short if short in {"en", "fr", "es"} else "en"


def secretariat_chart(rows: list[RatingCount], language: str) -> SecretariatChart:
    """The numbers and the one-sentence summary that the page shows beside the chart."""
    language = _language(language)
    with translation.override(language):
        lead = _("The Secretariat's assessments.")
    return SecretariatChart(
        lines=table_lines(rows, language), summary=f"{lead} {chart_summary(rows, language)}"
    )


def secretariat_ratings_spec(
    rows: list[RatingCount], language: str, *, party_name: str = ""
) -> dict[str, Any]:
    """The Party's ratings chart (same bars, colours and legend) drawn from the Secretariat's
    ratings, with its own title, so that the two charts read alike."""
    language = _language(language)
    spec = ratings_over_meetings_spec(rows, language)
    with translation.override(language):
        title = _("The Secretariat's ratings by meeting")
        subtitle = _("Share of the actions of each report, by the Secretariat's rating")
    if party_name:
        title = f"{party_name}: {title}"
    spec["title"] = {**spec.get("title", {}), "text": title, "subtitle": subtitle}
    return spec


def _code(rating: str | None) -> str:
    return rating if rating in RATING_COLOURS else "none"


def _bar_values(who: str, rows: list[RatingCount], language: str) -> list[dict[str, Any]]:
    """One bar's segments, best rating first, with where each starts and ends."""
    total = sum(r.count for r in rows)
    counts: dict[str | None, int] = defaultdict(int)
    for row in rows:
        counts[row.rating if row.rating in RATING_ORDER else None] += row.count
    values = []
    start = 0.0
    for rating in RATING_ORDER:
        count = counts.get(rating, 0)
        if not count or not total:
            continue
        share = count / total
        values.append(
            {
                "who": who,
                "code": _code(rating),
                "rating": rating_name(rating, language),
                "count": count,
                "x0": start,
                "x1": start + share,
                "mid": start + share / 2,
                "ink": "#ffffff" if _code(rating) in _WHITE_ON else _DARK,
                "label": str(count) if share >= 0.05 else "",
            }
        )
        start += share
    return values


def latest_ratings_spec(
    party: list[RatingCount], secretariat: list[RatingCount], language: str, *, meeting: str
) -> dict[str, Any]:
    """A Vega-Lite spec: the newest report's actions as two 100% bars, the Party's ratings and
    the Secretariat's (left out when not shown), a segment per rating in its colour, each
    labelled with its count. Narrow enough for half an A4 page."""
    import altair as alt

    language = _language(language)
    with translation.override(language):
        party_word = _("Party")
        secretariat_word = _("Secretariat")
        title = _("Ratings in the report for %(meeting)s") % {"meeting": meeting}
        share_title = _("Share of actions")
        rating_title = _("Rating")
    values = _bar_values(party_word, party, language)
    if secretariat:
        values += _bar_values(secretariat_word, secretariat, language)
    present = [c for c in RATING_ORDER if any(v["code"] == _code(c) for v in values)]
    bars_order = [party_word, secretariat_word] if secretariat else [party_word]
    y = alt.Y("who:N", sort=bars_order, title=None, axis=alt.Axis(labelFontSize=12))
    base = alt.Chart(alt.Data(values=values))
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
                range=[RATING_COLOURS[_code(c)] for c in present],
            ),
            legend=alt.Legend(orient="bottom", columns=2, labelLimit=230, symbolType="square"),
        ),
    )
    counts = base.mark_text(fontSize=11, baseline="middle").encode(
        y=y, x="mid:Q", text="label:N", color=alt.Color("ink:N", scale=None)
    )
    chart = alt.layer(bars, counts).properties(
        width=CARD_CHART_WIDTH,
        height=alt.Step(CARD_BAR_STEP),
        title=alt.TitleParams(text=title, anchor="start"),
    )
    spec: dict[str, Any] = house_style(chart, title_size=13).to_dict()
    return spec


@dataclass(frozen=True)
class LatestLine:
    """One rating of the newest report: how many actions the Party and the Secretariat gave
    it."""

    code: str
    rating: str
    party: int
    secretariat: int | None


def latest_lines(
    party: list[RatingCount], secretariat: list[RatingCount] | None, language: str
) -> list[LatestLine]:
    """The numbers of the card's chart as a table, best rating first; the Secretariat's column
    None when its ratings are not shown."""
    language = _language(language)
    by_party = {r.rating: r.count for r in party}
    by_secretariat = {r.rating: r.count for r in secretariat or []}
    return [
        LatestLine(
            code=_code(rating),
            rating=rating_name(rating, language),
            party=by_party.get(rating, 0),
            secretariat=by_secretariat.get(rating, 0) if secretariat else None,
        )
        for rating in RATING_ORDER
        if by_party.get(rating) or by_secretariat.get(rating)
    ]


def cached_svg(name: str, inputs: Any, build: Callable[[], dict[str, Any]]) -> str:
    """The SVG of the spec that `build` makes from `inputs`, cached under the inputs: building
    a spec with Altair (which validates it) costs far more than the page's queries."""
    key = hashlib.sha256(json.dumps(inputs, sort_keys=True, default=str).encode()).hexdigest()
    cache_key = f"tusk:country:{name}:{key}"
    svg = cache.get(cache_key)
    if svg is None:
        svg = render_svg(build())
        cache.set(cache_key, svg, _CACHE_SECONDS)
    return str(svg)


def counts_key(rows: list[RatingCount]) -> list[dict[str, Any]]:
    """Rows as plain data, in a stable order, for a cache key."""
    return sorted((asdict(r) for r in rows), key=lambda r: (r["meeting"], str(r["rating"])))


def secretariat_ratings_svg(rows: list[RatingCount], language: str, *, party_name: str) -> str:
    """The Secretariat's ratings chart as SVG, built once per distinct content."""
    language = _language(language)
    return cached_svg(
        "secretariat",
        [counts_key(rows), language, party_name],
        lambda: secretariat_ratings_spec(rows, language, party_name=party_name),
    )


def latest_ratings_svg(
    party: list[RatingCount], secretariat: list[RatingCount], language: str, *, meeting: str
) -> str:
    """The card's chart as SVG, built once per distinct content."""
    language = _language(language)
    return cached_svg(
        "latest",
        [counts_key(party), counts_key(secretariat), language, meeting],
        lambda: latest_ratings_spec(party, secretariat, language, meeting=meeting),
    )
