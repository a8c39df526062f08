"""The road map's figures, computed again here by hand: progress from baseline to target, the
members today, the rating shares averaged over members, the values by year, the downloads."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from openpyxl import load_workbook

from tusk.dashboards import region as roadmap
from tusk.dashboards.region import (
    BEHIND,
    FLAT,
    MEASURED,
    NO_BASELINE,
    NO_TARGET,
    NO_VALUE,
    ON_COURSE,
    REACHED,
    average_shares,
    half_up,
    progress_of,
)
from tusk.dashboards.tests.test_region_world import (
    KH_RATINGS,
    LA_RATINGS,
    build,
    indicator,
)

pytestmark = pytest.mark.django_db

ANYONE = AnonymousUser()


# Progress from baseline to target


def test_it_measures_progress_as_a_share_of_the_way_from_baseline_to_target() -> None:
    got = progress_of(
        baseline=Decimal(4),
        target=Decimal(10),
        latest=Decimal(8),
        baseline_year=2016,
        target_year=2025,
        latest_year=2024,
    )
    assert got.share == pytest.approx(4 / 6)
    assert got.percent == 67
    # A steady pace from 2016 to 2025 would be 8/9 of the way by 2024.
    assert got.expected == pytest.approx(8 / 9)
    assert got.state == BEHIND


def test_it_handles_a_target_below_the_baseline_like_a_rate_to_reduce() -> None:
    # SADC-2: the carcass ratio goes from 60% down to 40%; at 45% it is three quarters there.
    got = progress_of(
        baseline=Decimal(60),
        target=Decimal(40),
        latest=Decimal(45),
        baseline_year=2016,
        target_year=2025,
        latest_year=2020,
    )
    assert got.percent == 75
    assert got.state == ON_COURSE  # 4/9 of the time, 3/4 of the way
    worse = progress_of(baseline=Decimal(60), target=Decimal(40), latest=Decimal(65))
    assert worse.percent == -25
    assert worse.bar == 0
    beyond = progress_of(baseline=Decimal(60), target=Decimal(40), latest=Decimal(35))
    assert beyond.state == REACHED
    assert beyond.percent == 125
    assert beyond.bar == 100


@pytest.mark.parametrize(
    ("baseline", "target", "latest", "state"),
    [
        (None, Decimal(10), Decimal(5), NO_BASELINE),
        (Decimal(4), None, Decimal(5), NO_TARGET),
        (Decimal(4), Decimal(4), Decimal(5), FLAT),
        (Decimal(4), Decimal(10), None, NO_VALUE),
        (Decimal(4), Decimal(10), Decimal(7), MEASURED),  # no years: no pace to judge
    ],
)
def test_it_says_when_progress_cannot_be_measured(baseline, target, latest, state) -> None:
    got = progress_of(baseline=baseline, target=target, latest=latest)
    assert got.state == state
    assert (got.percent is None) == (state != MEASURED)
    assert str(got.label)


def test_it_rounds_percents_half_up() -> None:
    assert half_up(0.125) == 13
    assert half_up(0.135) == 14
    assert half_up(Decimal("0.005")) == 1


# Rating shares, each member counted once


def test_it_averages_shares_not_counts_so_a_long_plan_does_not_drown_a_short_one() -> None:
    ten = {"on_track": 5, "partial_progress": 3, "not_commenced": 2}
    sixty: dict[str | None, int] = {"achieved": 30, "on_track": 30}
    got = average_shares([ten, sixty])  # type: ignore[list-item]
    assert got == pytest.approx(
        {
            "on_track": (5 / 10 + 30 / 60) / 2,
            "partial_progress": (3 / 10) / 2,
            "not_commenced": (2 / 10) / 2,
            "achieved": (30 / 60) / 2,
        }
    )
    # Pooled counts would have given "achieved" 30 of 70 actions, not a quarter.
    assert got["achieved"] == pytest.approx(0.25)
    assert average_shares([{}, {}]) == {}


def test_it_combines_each_members_latest_published_report(cambodia) -> None:
    world = build(cambodia)
    members = roadmap.members_current(region=world["asean"], user=ANYONE)
    assert [m.code for m in members] == ["KH", "LA", "VN"]
    by_code = {m.code: m for m in members}
    # Cambodia's SC78 report is only submitted: SC77 is its latest published one.
    assert by_code["KH"].report_id == world["kh_report"].pk
    assert by_code["KH"].meeting == "SC77"
    assert by_code["VN"].report_id is None

    mix = roadmap.ratings_mix(region=world["asean"], members=members)
    average, kh, la = mix.party
    assert (kh.key, kh.actions, la.key, la.actions) == ("KH", 10, "LA", 60)
    expected = {
        code: (KH_RATINGS.count(code) / 10 + LA_RATINGS.count(code) / 60) / 2
        for code in set(KH_RATINGS) | set(LA_RATINGS)
    }
    assert average.shares == pytest.approx(expected)
    assert average.percent("achieved") == 25
    assert average.percent("on_track") == 50
    assert average.percent("partial_progress") == 15
    assert [m.code for m in mix.without_report] == ["VN"]
    # Only Cambodia's report carries Secretariat ratings: the Secretariat's average is its own.
    assert [m.key for m in mix.secretariat] == ["region", "KH"]
    assert mix.secretariat[0].shares == pytest.approx({"partial_progress": 1.0})
    assert [m.code for m in mix.without_assessment] == ["LA"]
    table = mix.table("party")
    assert table.codes == ["achieved", "on_track", "partial_progress", "not_commenced"]
    assert table.rows[0][1] == [25, 50, 15, 10]


# Indicators


def test_it_reads_the_latest_value_and_the_last_value_of_each_year(cambodia) -> None:
    world = build(cambodia)
    members = roadmap.members_current(region=world["asean"], user=ANYONE)
    groups = roadmap.indicator_groups(region=world["asean"], members=members)
    assert [g.key for g in groups] == ["region", "KH"]
    region = groups[0]
    # Natural order: ASEAN-2 before ASEAN-10.
    assert [line.indicator.code for line in region.lines] == ["ASEAN-1", "ASEAN-2", "ASEAN-10"]
    first, reduce, no_target = region.lines
    assert first.latest == Decimal(8)
    assert first.series == [(2017, Decimal(5)), (2019, Decimal(6)), (2024, Decimal(8))]
    assert first.progress.percent == 67
    assert first.progress.state == BEHIND
    # A value older than the charted years is left out of the chart, never of the latest.
    assert 2005 not in dict(reduce.series)
    assert reduce.latest == Decimal(45)
    assert reduce.progress.percent == 75
    assert no_target.progress.state == NO_TARGET
    own = groups[1].lines[0]
    assert own.progress.state == REACHED
    assert own.progress.percent == 100


def test_a_member_gone_keeps_its_indicators_out_of_the_road_map(cambodia) -> None:
    world = build(cambodia)
    members = roadmap.members_current(region=world["asean"], user=ANYONE)
    codes = {
        line.indicator.code
        for group in roadmap.indicator_groups(region=world["asean"], members=members)
        for line in group.lines
    }
    assert "TH-1" not in codes
    assert roadmap.indicator_groups(region=world["asean"], members=members, only="TH") == []


def test_a_group_charts_its_first_panels_and_counts_the_rest(cambodia) -> None:
    world = build(cambodia)
    for n in range(roadmap.PANELS_PER_CHART + 2):
        indicator(world["asean"], f"ASEAN-Z{n}")
    group = roadmap.indicator_groups(region=world["asean"], members=[], only="region")[0]
    assert len(group.lines) == roadmap.PANELS_PER_CHART + 5
    assert len(group.charted) == roadmap.PANELS_PER_CHART
    assert group.uncharted == 5


def test_the_regions_summary_counts_its_indicators_states(cambodia) -> None:
    build(cambodia)
    asean, sadc = roadmap.region_summaries()
    assert asean.region.code == "asean"
    assert [p.code for p in asean.members] == ["KH", "LA", "VN"]
    assert asean.indicators == 3
    assert asean.states == {BEHIND: 2, NO_TARGET: 1}
    assert "3 regional indicators: 0 reached, 0 on course, 2 behind schedule." in asean.status
    assert "Latest value: Dec. 31, 2024." in asean.status
    assert sadc.members == []
    assert sadc.status == "No regional indicator recorded yet."


# Downloads


def _groups(world: dict[str, Any]) -> list[Any]:
    members = roadmap.members_current(region=world["asean"], user=ANYONE)
    return roadmap.indicator_groups(region=world["asean"], members=members)


def test_the_csv_has_a_row_per_indicator_with_its_progress(cambodia) -> None:
    world = build(cambodia)
    rows = list(csv.DictReader(io.StringIO(roadmap.indicators_csv(_groups(world)).decode())))
    assert [r["code"] for r in rows] == ["ASEAN-1", "ASEAN-2", "ASEAN-10", "KH-1"]
    first = rows[0]
    assert first["scope"] == "region"
    assert first["owner_code"] == "ASEAN"
    assert (first["baseline"], first["target"], first["latest_value"]) == ("4", "10", "8")
    assert first["latest_date"] == "2024-12-31"
    assert first["progress_percent"] == "67"
    assert first["expected_percent"] == "89"
    assert first["status"] == "behind"
    assert rows[2]["target"] == ""
    assert rows[2]["status"] == "no_target"
    assert rows[3]["owner_code"] == "KH"
    assert rows[3]["status"] == "reached"


def test_the_downloads_never_carry_a_formula(cambodia) -> None:
    world = build(cambodia)
    indicator(world["asean"], "ASEAN-3", name='=HYPERLINK("http://x")', unit="@units")
    groups = _groups(world)
    text = roadmap.indicators_csv(groups).decode()
    assert "'=HYPERLINK" in text
    assert ",'@units," in text
    book = load_workbook(io.BytesIO(roadmap.indicators_xlsx(world["asean"], groups)))
    cells = [c.value for row in book.worksheets[0].iter_rows() for c in row]
    assert '\'=HYPERLINK("http://x")' in cells
    assert not any(isinstance(v, str) and v.startswith("=") for v in cells)
    values = book.worksheets[1]
    header = [c.value for c in values[1]]
    row = next(r for r in values.iter_rows(values_only=True) if r[0] == "ASEAN-1")
    assert row[header.index(2019)] == 6
    assert row[header.index(2024)] == 8
