"""The country dashboard's reads: each action's history across reports and plan revisions,
stalled and overdue actions, the Secretariat's ratings by meeting, and the Party's needs."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from tusk.core.charts import RatingCount
from tusk.core.pages_selectors import party_page_for_user
from tusk.dashboards.country import (
    Progress,
    active_partners,
    progress_build,
    secretariat_counts,
    support_build,
)
from tusk.dashboards.tests.test_country_data import (
    meetings,
    money,
    plan_with_actions,
    report_on,
)
from tusk.testing.factories import NeedFactory, PartnerFactory, SupportFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 21)


def _progress(user, party, today: datetime.date = TODAY) -> Progress:
    page = party_page_for_user(user=user, code=party.code)
    return progress_build(user=user, party=party, page=page, today=today)


def _said(row) -> list[tuple[str | None, str | None] | None]:
    return [None if c is None else (c.party, c.secretariat) for c in row.cells]


# History across reports and revisions


def test_it_follows_an_action_through_a_plan_revision_in_one_row(cambodia) -> None:
    m1, m2, m3 = meetings(3)
    v1, (a, b, c) = plan_with_actions(cambodia, actions=3, pillars=1)
    report_on(v1, m1, [a, b, c], ["not_commenced", "on_track", "partial_progress"])
    report_on(v1, m2, [a, b, c], ["partial_progress", "on_track", "on_track"])
    # The revision renumbers 1.3 as 1.1, drops 1.1 and 1.2, and adds a new 1.2.
    v2, (carried, new) = plan_with_actions(cambodia, actions=2, pillars=1, version=2, replacing=[c])
    report_on(v2, m3, [carried, new], ["achieved", "not_commenced"])

    progress = _progress(None, cambodia)

    assert [c.meeting.code for c in progress.columns] == ["SC74", "SC77", "SC78"]
    rows = {r.code: r for r in progress.rows}
    assert list(rows) == ["1.1", "1.2"]
    assert [c.party if c else None for c in rows["1.1"].cells] == [
        "partial_progress",
        "on_track",
        "achieved",
    ]
    assert [(v.code, v.plan_version) for v in rows["1.1"].earlier] == [("1.3", 1)]
    assert [c.party if c else None for c in rows["1.2"].cells] == [None, None, "not_commenced"]
    assert rows["1.2"].earlier == []
    dropped = {r.code: r for r in progress.dropped}
    assert list(dropped) == ["1.1", "1.2"]
    assert [c.party if c else None for c in dropped["1.1"].cells] == [
        "not_commenced",
        "partial_progress",
        None,
    ]
    assert not any(r.in_current_plan for r in progress.dropped)


def test_it_follows_an_action_through_three_versions_and_into_a_split(cambodia) -> None:
    m1, m2, m3 = meetings(3)
    v1, (a,) = plan_with_actions(cambodia, actions=1, pillars=1)
    report_on(v1, m1, [a], ["not_commenced"])
    v2, (b,) = plan_with_actions(cambodia, actions=1, pillars=1, version=2, replacing=[a])
    report_on(v2, m2, [b], ["partial_progress"])
    # Version 3 splits the action in two: both carry its history.
    v3, (c, d) = plan_with_actions(cambodia, actions=2, pillars=1, version=3, replacing=[b, b])
    report_on(v3, m3, [c, d], ["on_track", "achieved"])

    rows = {r.code: r for r in _progress(None, cambodia).rows}

    assert [x.party for x in rows["1.1"].cells] == ["not_commenced", "partial_progress", "on_track"]
    assert [x.party for x in rows["1.2"].cells] == ["not_commenced", "partial_progress", "achieved"]
    assert [(v.code, v.plan_version) for v in rows["1.1"].earlier] == [("1.1", 1), ("1.1", 2)]
    assert [(v.code, v.plan_version) for v in rows["1.2"].earlier] == [("1.1", 1), ("1.1", 2)]


def test_it_shows_each_user_the_reports_and_assessments_it_may_see(
    cambodia, chan, gaelle, sofia
) -> None:
    m77, m78 = meetings(2)
    plan, actions = plan_with_actions(cambodia, actions=2, pillars=1)
    report_on(plan, m77, actions, ["on_track"], ["partial_progress"], status="published")
    report_on(plan, m78, actions, ["achieved"], ["not_commenced"], status="assessed")

    public = _progress(None, cambodia)
    assert [c.meeting.code for c in public.columns] == ["SC77"]
    assert _said(public.rows[0]) == [("on_track", "partial_progress")]
    assert _said(_progress(gaelle, cambodia).rows[0]) == [("on_track", "partial_progress")]

    # The Party sees its assessed report, without the Secretariat's ratings until published.
    own = _progress(chan, cambodia)
    assert [c.assessments_shown for c in own.columns] == [True, False]
    assert _said(own.rows[0]) == [("on_track", "partial_progress"), ("achieved", None)]
    assert own.unpublished_shown and not public.unpublished_shown

    secretariat = _progress(sofia, cambodia)
    assert _said(secretariat.rows[0]) == [
        ("on_track", "partial_progress"),
        ("achieved", "not_commenced"),
    ]


def test_it_shows_a_returned_reports_assessment_to_its_party(cambodia, chan) -> None:
    (m78,) = meetings(1)
    plan, actions = plan_with_actions(cambodia, actions=1, pillars=1)
    report_on(plan, m78, actions, ["on_track"], ["not_commenced"], status="returned")

    assert _said(_progress(chan, cambodia).rows[0]) == [("on_track", "not_commenced")]
    assert _progress(None, cambodia).columns == []


# Stalled actions


def test_it_calls_stalled_the_same_rating_below_substantially_achieved_twice_running(
    cambodia,
) -> None:
    m1, m2, m3 = meetings(3)
    plan, actions = plan_with_actions(cambodia, actions=5, pillars=1)
    # 1.1: the Secretariat's rating counts: partial progress, then on track twice.
    # 1.2: the Party says on track twice, the Secretariat differs each time.
    # 1.3: substantially achieved three times: never stalled.
    # 1.4: partial progress three times: stalled for three reports.
    # 1.5: not rated at all.
    report_on(
        plan,
        m1,
        actions,
        ["on_track", "partial_progress", "substantially_achieved", "partial_progress", None],
        ["partial_progress", "on_track", "substantially_achieved", None, None],
    )
    report_on(
        plan,
        m2,
        actions,
        ["on_track", "on_track", "substantially_achieved", "partial_progress", None],
        ["on_track", "partial_progress", "substantially_achieved", None, None],
    )
    report_on(
        plan,
        m3,
        actions,
        ["on_track", "on_track", "substantially_achieved", "partial_progress", None],
        ["on_track", "not_commenced", "substantially_achieved", None, None],
    )

    progress = _progress(None, cambodia)

    assert [(r.code, r.stalled_for) for r in progress.rows] == [
        ("1.1", 2),
        ("1.2", 1),
        ("1.3", 0),
        ("1.4", 3),
        ("1.5", 0),
    ]
    assert [(r.code, r.stalled_rating) for r in progress.stalled] == [
        ("1.4", "partial_progress"),
        ("1.1", "on_track"),
    ]


def test_it_breaks_the_run_where_a_report_does_not_rate_the_action(cambodia) -> None:
    m1, m2, m3 = meetings(3)
    plan, (a, b) = plan_with_actions(cambodia, actions=2, pillars=1)
    report_on(plan, m1, [a, b], ["on_track"])
    report_on(plan, m2, [b], ["on_track"])
    report_on(plan, m3, [a], ["on_track"])

    rows = {r.code: r for r in _progress(None, cambodia).rows}

    assert rows["1.1"].stalled_for == 1  # missing from the report between
    assert rows["1.2"].stalled_for == 0  # missing from the latest report
    assert _progress(None, cambodia).stalled == []


def test_it_counts_an_unpublished_assessment_for_no_one(cambodia, sofia) -> None:
    m1, m2 = meetings(2)
    plan, actions = plan_with_actions(cambodia, actions=1, pillars=1)
    report_on(plan, m1, actions, ["on_track"], ["on_track"], status="published")
    report_on(plan, m2, actions, ["on_track"], ["partial_progress"], status="assessed")

    # The Secretariat sees its own rating of the newer report, but the Party's counts until
    # the report is published, as it does for the Party.
    row = _progress(sofia, cambodia).rows[0]
    assert row.cells[1].secretariat == "partial_progress"
    assert row.cells[1].counted == "on_track"
    assert row.stalled_for == 2


# Overdue actions


def test_it_lists_actions_past_their_timeframe_and_not_achieved(cambodia) -> None:
    m1, m2 = meetings(2)
    timeframes = (
        "By December 2017",  # 1.1 on track: overdue
        "2016-2017",  # 1.2 achieved: done
        "Ongoing",  # 1.3: no end
        "By December 2030",  # 1.4: not yet due
        "",  # 1.5: no timeframe
        "D'ici décembre 2019",  # 1.6: the Party says achieved, the Secretariat does not
        "2016",  # 1.7: never reported
        "Short term",  # 1.8: achieved, so not listed as unknown either
    )
    plan, actions = plan_with_actions(
        cambodia, actions=8, pillars=1, timeframes=timeframes, title="Action"
    )
    rated = actions[:6] + actions[7:]
    report_on(plan, m1, rated, ["on_track"], ["on_track"])
    report_on(
        plan,
        m2,
        rated,
        ["on_track", "achieved", "on_track", "on_track", "on_track", "achieved", "achieved"],
        ["on_track", "achieved", "on_track", "on_track", "on_track", "on_track", None],
    )

    progress = _progress(None, cambodia)

    assert [(r.code, r.end) for r in progress.overdue] == [
        ("1.7", datetime.date(2016, 12, 31)),
        ("1.1", datetime.date(2017, 12, 31)),
        ("1.6", datetime.date(2019, 12, 31)),
    ]
    assert [r.code for r in progress.end_unknown] == ["1.3", "1.5"]
    assert [(t, [r.code for r in rows]) for t, rows in progress.end_unknown_by_timeframe] == [
        ("", ["1.5"]),
        ("Ongoing", ["1.3"]),
    ]
    assert [r.code for r in progress.achieved] == ["1.2", "1.8"]
    # The day before the timeframe ends, it is not overdue yet.
    early = _progress(None, cambodia, today=datetime.date(2017, 12, 31))
    assert [r.code for r in early.overdue] == ["1.7"]


def test_it_counts_substantially_achieved_as_achieved_on_the_four_level_scale(cambodia) -> None:
    (m1,) = meetings(1)
    plan, actions = plan_with_actions(
        cambodia, actions=2, pillars=1, timeframes=("2015",), title="Action"
    )
    report_on(plan, m1, actions, ["substantially_achieved", "on_track"], scale="niap4")
    old = _progress(None, cambodia)
    assert [r.code for r in old.achieved] == ["1.1"]
    assert [r.code for r in old.overdue] == ["1.2"]


def test_it_never_counts_an_action_of_a_dropped_version_as_overdue(cambodia) -> None:
    (m1,) = meetings(1)
    v1, (a, b) = plan_with_actions(cambodia, actions=2, pillars=1, timeframes=("2015",))
    report_on(v1, m1, [a, b], ["on_track"])
    plan_with_actions(
        cambodia, actions=1, pillars=1, version=2, replacing=[a], timeframes=("2015",)
    )

    progress = _progress(None, cambodia)
    assert [r.code for r in progress.overdue] == ["1.1"]
    assert [r.code for r in progress.dropped] == ["1.2"]


# The Secretariat's ratings by meeting


def test_it_counts_the_secretariats_ratings_by_meeting_for_what_the_user_may_read(
    cambodia, sofia
) -> None:
    m1, m2, m3 = meetings(3)
    plan, actions = plan_with_actions(cambodia, actions=4, pillars=2)
    report_on(plan, m1, actions, ["on_track"], ["on_track", "on_track", "partial_progress", None])
    report_on(plan, m2, actions, ["on_track"])  # published, never assessed
    report_on(plan, m3, actions, ["on_track"], ["achieved"], status="assessed")

    page = party_page_for_user(user=None, code="KH")
    public = progress_build(user=None, party=cambodia, page=page, today=TODAY)
    counted = sorted(
        (c.meeting, c.rating or "", c.count) for c in secretariat_counts(public.columns)
    )
    assert counted == [
        ("SC74", "", 1),
        ("SC74", "on_track", 2),
        ("SC74", "partial_progress", 1),
        ("SC77", "", 4),
    ]
    # The same from the rows already read as from a read of its own.
    assert sorted(secretariat_counts(public.columns, public.reported), key=str) == sorted(
        secretariat_counts(public.columns), key=str
    )
    page = party_page_for_user(user=sofia, code="KH")
    everything = progress_build(user=sofia, party=cambodia, page=page, today=TODAY)
    assert RatingCount("SC78", "achieved", 4) in secretariat_counts(everything.columns)


# Needs, support and partners


def test_it_sums_the_partys_needs_per_currency_and_never_converts(cambodia, gabon) -> None:
    unodc = PartnerFactory.create()
    wwf = PartnerFactory.create(name="World Wide Fund for Nature", acronym="WWF", kind="ngo")
    big = NeedFactory.create(party=cambodia, amount=money(100_000), currency="USD")
    small = NeedFactory.create(party=cambodia, amount=money(30_000), currency="USD")
    euros = NeedFactory.create(party=cambodia, amount=money(50_000), currency="EUR")
    bare = NeedFactory.create(party=cambodia, kind="technical_assistance")  # no amount
    NeedFactory.create(party=cambodia, amount=money(9_999), currency="USD", status="withdrawn")
    NeedFactory.create(party=gabon, amount=money(777_000), currency="USD")
    for partner, need, stage, amount in (
        (unodc, big, "pledged", 5_000),
        (unodc, big, "committed", 20_000),
        (wwf, big, "disbursed", 10_000),
        (wwf, small, "completed", 30_000),
        (unodc, euros, "committed", 60_000),
    ):
        SupportFactory.create(
            partner=partner,
            party=cambodia,
            need=need,
            stage=stage,
            amount=money(amount),
            currency=need.currency,
        )

    support = support_build(party=cambodia, today=TODAY)

    figures = {m.currency: (m.needed, m.committed, m.disbursed, m.gap) for m in support.money}
    assert figures == {
        # Committed counts committed, disbursed and completed; disbursed the last two.
        "EUR": (money(50_000), money(60_000), money(0), money(0)),
        "USD": (money(130_000), money(60_000), money(40_000), money(70_000)),
    }
    assert support.needs_count == 4  # the withdrawn need left out
    assert support.unsupported_count == 1
    # `small` and `euros` have no gap left, though their status still says open; the need
    # without an amount comes last.
    assert [(line.need.pk, line.gap) for line in support.top_needs] == [
        (big.pk, money(70_000)),
        (bare.pk, None),
    ]
    assert support.open_needs == 4


def test_it_ranks_the_largest_gaps_of_each_currency_first(cambodia) -> None:
    needs = {
        (currency, amount): NeedFactory.create(
            party=cambodia, amount=money(amount), currency=currency
        )
        for currency, amount in (
            ("USD", 10),
            ("USD", 300),
            ("USD", 200),
            ("EUR", 5),
            ("EUR", 50),
            ("XOF", 1_000_000),
        )
    }
    NeedFactory.create(party=cambodia, amount=money(1), currency="USD", status="met")
    top = support_build(party=cambodia, today=TODAY).top_needs
    assert [(line.need.currency, line.gap) for line in top] == [
        ("EUR", money(50)),
        ("USD", money(300)),
        ("XOF", money(1_000_000)),
        ("EUR", money(5)),
        ("USD", money(200)),
    ]
    assert needs  # every need above was created


def test_it_lists_the_partners_whose_support_is_not_completed(cambodia, gabon) -> None:
    running = PartnerFactory.create(name="Running", acronym="RUN")
    done = PartnerFactory.create(name="Done", acronym="DONE")
    ended = PartnerFactory.create(name="Ended", acronym="END")
    elsewhere = PartnerFactory.create(name="Elsewhere", acronym="ELS")
    SupportFactory.create(partner=running, party=cambodia, stage="committed")
    SupportFactory.create(
        partner=running,
        party=cambodia,
        stage="pledged",
        period_start=datetime.date(2025, 1, 1),
        period_end=datetime.date(2027, 1, 1),
    )
    SupportFactory.create(partner=done, party=cambodia, stage="completed")
    SupportFactory.create(
        partner=ended,
        party=cambodia,
        stage="disbursed",
        period_start=datetime.date(2019, 1, 1),
        period_end=datetime.date(2020, 1, 1),
    )
    SupportFactory.create(partner=elsewhere, party=gabon, stage="committed")

    partners = active_partners(party=cambodia, today=TODAY)

    # A support past its period still counts until marked completed, and the partner says so.
    assert [(p.acronym, p.supports, p.stages, p.ended) for p in partners] == [
        ("END", 1, ["Disbursed"], datetime.date(2020, 1, 1)),
        ("RUN", 2, ["Pledged", "Committed"], None),
    ]


def test_it_counts_needs_of_a_party_without_any(cambodia) -> None:
    support = support_build(party=cambodia, today=TODAY)
    assert support.needs_count == 0 and support.money == [] and support.top_needs == []
    assert Decimal(0) == sum((m.gap for m in support.money), Decimal(0))
