"""The road map's chart specs: what they draw is the numbers of the page, in the colours and
language of the rest of Tusk."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import translation

from tusk.core.charts import RATING_COLOURS, rating_name
from tusk.dashboards import region as roadmap
from tusk.dashboards.region_charts import (
    indicators_spec,
    indicators_summary,
    ratings_spec,
    ratings_summary,
)
from tusk.dashboards.tests.test_region_world import build

pytestmark = pytest.mark.django_db


def _rows(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """The rows a spec draws, wherever Altair put them."""
    if "datasets" in spec:
        (rows,) = spec["datasets"].values()
        return list(rows)
    return list(spec["data"]["values"])


def _world(cambodia: Any) -> tuple[Any, Any]:
    translation.activate("en")  # names of the Parties in English, whatever ran before
    world = build(cambodia)
    members = roadmap.members_current(region=world["asean"], user=AnonymousUser())
    return world, members


def test_each_panel_draws_the_values_by_year_the_baseline_and_the_target(cambodia) -> None:
    world, members = _world(cambodia)
    group = roadmap.indicator_groups(region=world["asean"], members=members, only="region")[0]
    years = list(roadmap.charted_years())
    spec = indicators_spec(group, years, "en")
    rows = _rows(spec)
    panels: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
    for row in rows:
        code = row["panel"].split(" ")[0]
        panels[code][row["series"]].append(row)
    assert list(panels) == ["ASEAN-1", "ASEAN-2", "ASEAN-10"]
    first = panels["ASEAN-1"]
    assert [(r["year"], r["value"]) for r in first["Value"]] == [(2017, 5), (2019, 6), (2024, 8)]
    assert [(r["year"], r["value"]) for r in first["Baseline"]] == [(2016, 4)]
    assert [r["target"] for r in first["Target"]] == [10]
    assert first["Target"][0]["note"] == "Target 2025: 10"
    # No target, no target line.
    assert "Target" not in panels["ASEAN-10"]
    assert spec["facet"]["field"] == "panel"
    assert spec["columns"] == 2
    assert spec["resolve"]["scale"]["y"] == "independent"
    assert indicators_spec(group, years, "en", narrow=True)["columns"] == 1
    summary = indicators_summary(group, "en")
    assert "ASEAN-1 latest 8, target 10" in summary
    assert "ASEAN-10 latest 9, target none" in summary


def test_a_group_without_values_gets_a_chart_that_says_so(cambodia) -> None:
    group = roadmap.IndicatorGroup("region", "Nowhere", None, [], "NW")
    spec = indicators_spec(group, list(roadmap.charted_years()), "en")
    assert _rows(spec) == [{"text": "No value recorded yet."}]
    assert indicators_summary(group, "en") == "No indicator to chart."


def test_each_ratings_bar_fills_the_width_in_the_ratings_colours(cambodia) -> None:
    world, members = _world(cambodia)
    mix = roadmap.ratings_mix(region=world["asean"], members=members)
    spec = ratings_spec(mix.party, "party", "fr")
    rows = _rows(spec)
    bars: dict[str, float] = defaultdict(float)
    for row in rows:
        bars[row["bar"]] += row["share"]
    assert list(bars) == ["ASEAN average", "Cambodia (SC77)", "Laos (SC78)"]
    assert all(total == pytest.approx(1.0) for total in bars.values())
    average = {r["rating"]: r["share"] for r in rows if r["bar"] == "ASEAN average"}
    assert average[rating_name("achieved", "fr")] == pytest.approx(0.25)
    colour = spec["layer"][0]["encoding"]["color"]["scale"]
    assert colour["domain"][0] == rating_name("achieved", "fr")
    assert colour["range"][0] == RATING_COLOURS["achieved"]
    # The segments follow one another, best rating first.
    cambodia_bar = [r for r in rows if r["bar"] == "Cambodia (SC77)"]
    assert [round(r["x0"], 2) for r in cambodia_bar] == [0.0, 0.5, 0.8]
    assert ratings_spec(mix.party, "party", "en", narrow=True)["width"] < spec["width"]
    summary = ratings_summary(mix.party, "en")
    assert summary.startswith("ASEAN average: 25% Achieved, 50% On track")


def test_no_published_rating_gives_a_chart_that_says_so() -> None:
    spec = ratings_spec([], "secretariat", "en")
    assert _rows(spec) == [{"text": "No published rating yet."}]
    assert ratings_summary([], "en") == "No published rating yet."
