"""The chart of the themes where support lags: a bar per theme, the committed share of what its
needs ask for, lowest first, the lagging themes in the colour Tusk uses for trouble.

`theme_lag_spec` is pure: it turns the figures of `Figures.lag` into a Vega-Lite spec, which
`tusk.core.charts.render_svg` draws on the server; the page shows the same numbers as a table.
"""

from __future__ import annotations

from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _

from tusk.core.charts import CHART_WIDTH, RATING_COLOURS, house_style
from tusk.support.dashboard import ThemeLag

# Tusk's colours for trouble and for the rest (tusk.css, Okabe-Ito): a theme that lags is
# drawn like a challenging action, the others in the plain blue of the palette.
LAGS_COLOUR = RATING_COLOURS["challenging"]
OTHER_COLOUR = RATING_COLOURS["achieved"]
RULE_COLOUR = "#1d2327"
BAR_STEP = 24
# A phone's screen is about 360 pixels wide: the labels and the plot share it.
NARROW_PLOT = 150
NARROW_LABELS = 150


def _label(line_label: str, currency: str, several: bool) -> str:
    return f"{line_label} ({currency})" if several else line_label


def theme_lag_summary(lag: ThemeLag) -> str:
    """The chart in one sentence, for its alt text."""
    if not lag.lines:
        return _("No theme has a needed amount to compare with.")
    several = len({line.currency for line in lag.lines}) > 1
    parts = ", ".join(
        f"{_label(line.label, line.currency, several)} {line.percent}%" for line in lag.lines
    )
    return _("Committed share of the needed amount by theme, lowest first: %(parts)s.") % {
        "parts": parts
    }


def theme_lag_spec(lag: ThemeLag, language: str, *, narrow: bool = False) -> dict[str, Any]:
    """A Vega-Lite spec: one horizontal bar per theme (and currency, when amounts cannot be
    converted), lowest share first, each labelled with its percentage, and a rule at the share
    of all needs when there is one currency. `narrow` fits a phone's width without shrinking
    the words."""
    import altair as alt

    with translation.override(language):
        lags_name, other_name = _("Lags most"), _("Does not lag")
        title = _("Share of the needed amount that is committed, by theme")
        subtitle = _("Lowest first. A theme lags when its share is under half that of all needs.")
        if narrow:
            title, subtitle = _("Committed share by theme"), _("Lowest first")
        share_title = _("Committed share")
        all_needs = _("All needs")
    several = len({line.currency for line in lag.lines}) > 1
    values: list[dict[str, Any]] = [
        {
            "theme": _label(line.label, line.currency, several),
            "share": float(line.share),
            "text": f"{line.percent}%",
            "status": lags_name if line.lags else other_name,
        }
        for line in lag.lines
    ]
    order = [str(v["theme"]) for v in values]
    top = max([1.0, *(float(v["share"]) for v in values)])
    y = alt.Y(
        "theme:N",
        sort=order,
        title=None,
        axis=alt.Axis(labelLimit=NARROW_LABELS if narrow else 240),
    )
    x = alt.X(
        "share:Q",
        title=share_title,
        scale=alt.Scale(domain=[0, top]),
        axis=alt.Axis(format="%", tickCount=5),
    )
    base = alt.Chart(alt.Data(values=values))
    bars = base.mark_bar(height=16).encode(
        x=x,
        y=y,
        color=alt.Color(
            "status:N",
            title=None,
            scale=alt.Scale(domain=[lags_name, other_name], range=[LAGS_COLOUR, OTHER_COLOUR]),
            legend=alt.Legend(orient="top", symbolType="square"),
        ),
    )
    texts = base.mark_text(align="left", dx=4, fontSize=11, color=RULE_COLOUR).encode(
        x=x, y=y, text="text:N"
    )
    layers: list[Any] = [bars, texts]
    currencies = {line.currency for line in lag.lines}
    if len(currencies) == 1 and next(iter(currencies)) in lag.overall:
        share = float(lag.overall[next(iter(currencies))])
        rule_data = alt.Data(
            values=[{"share": share, "text": f"{all_needs}: {round(share * 100)}%"}]
        )
        rule = alt.Chart(rule_data)
        layers.append(
            rule.mark_rule(color=RULE_COLOUR, strokeDash=[4, 3]).encode(x=alt.X("share:Q"))
        )
        layers.append(
            rule.mark_text(align="left", dx=4, dy=-6, fontSize=11, color=RULE_COLOUR).encode(
                x=alt.X("share:Q"), y=alt.value(0), text="text:N"
            )
        )
    chart = alt.layer(*layers).properties(
        width=NARROW_PLOT if narrow else CHART_WIDTH - 200,
        height=alt.Step(BAR_STEP),
        title=alt.TitleParams(text=title, subtitle=subtitle, anchor="start"),
    )
    spec: dict[str, Any] = house_style(chart).to_dict()
    return spec
