"""Builders for the country dashboard's tests (this module holds no test itself): plans with
actions, reports over many meetings, made fast with bulk inserts."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from tusk.core.models import Meeting, Party
from tusk.plans.models import Action, Pillar, Plan
from tusk.reports.models import ActionProgress, Assessment, ProgressReport
from tusk.testing.factories import MeetingFactory, PlanFactory

# The regular meetings that take reports, with their first days (domain.md).
MEETINGS: tuple[tuple[int, datetime.date], ...] = (
    (62, datetime.date(2012, 7, 23)),
    (65, datetime.date(2014, 7, 7)),
    (66, datetime.date(2016, 1, 11)),
    (67, datetime.date(2016, 9, 23)),
    (69, datetime.date(2017, 11, 27)),
    (70, datetime.date(2018, 10, 1)),
    (73, datetime.date(2021, 5, 31)),
    (74, datetime.date(2022, 3, 7)),
    (77, datetime.date(2023, 11, 6)),
    (78, datetime.date(2025, 2, 3)),
)


def meetings(count: int) -> list[Meeting]:
    """The last `count` meetings of MEETINGS, oldest first."""
    return [
        MeetingFactory.create(number=number, start_date=start, end_date=start)
        for number, start in MEETINGS[-count:]
    ]


def plan_with_actions(
    party: Party,
    *,
    actions: int,
    version: int = 1,
    status: str = "adequate",
    pillars: int = 5,
    timeframes: Sequence[str] = ("",),
    replacing: Sequence[Action] = (),
    title: str = "Strengthen the enforcement of the law against the ivory trade, action",
) -> tuple[Plan, list[Action]]:
    """A plan with `actions` actions spread over `pillars` pillars, numbered per pillar; the
    first actions carry on `replacing` in order."""
    plan = PlanFactory.create(party=party, version=version, status=status)
    made = Pillar.objects.bulk_create(
        Pillar(plan=plan, number=str(n), name=f"Pillar name {n}", order=n)
        for n in range(1, pillars + 1)
    )
    rows = []
    for i in range(actions):
        pillar = made[i % pillars]
        rows.append(
            Action(
                plan=plan,
                pillar=pillar,
                code=f"{pillar.number}.{i // pillars + 1}",
                title=f"{title} {i + 1}",
                timeframe=timeframes[i % len(timeframes)],
                replaces=replacing[i] if i < len(replacing) else None,
                order=i,
            )
        )
    return plan, Action.objects.bulk_create(rows)


def report_on(
    plan: Plan,
    meeting: Meeting,
    actions: Sequence[Action],
    party_ratings: Sequence[str | None],
    secretariat: Sequence[str | None] | None = None,
    *,
    status: str = "published",
    scale: str = "niap6",
) -> ProgressReport:
    """A report on `plan` for `meeting` rating `actions` in order (ratings repeat when fewer),
    with the Secretariat's ratings when given (None: the Secretariat did not rate it)."""
    report = ProgressReport.objects.create(
        party=plan.party, meeting=meeting, plan=plan, status=status, scale=scale
    )
    progress = ActionProgress.objects.bulk_create(
        ActionProgress(
            report=report,
            action=action,
            code=action.code,
            pillar=action.code.split(".")[0],
            title=action.title,
            rating=party_ratings[i % len(party_ratings)],
            order=i,
        )
        for i, action in enumerate(actions)
    )
    if secretariat is not None:
        Assessment.objects.bulk_create(
            Assessment(progress=item, rating=secretariat[i % len(secretariat)])
            for i, item in enumerate(progress)
        )
    return report


def large_party(party: Party, *, actions: int = 60, reports: int = 10) -> dict[str, Any]:
    """A Party with a plan of `actions` actions reported on at `reports` meetings, every
    report published and assessed, and a mix of ratings, timeframes and stalled actions."""
    _plan, made = plan_with_actions(
        party,
        actions=actions,
        timeframes=("2016-2017", "By December 2030", "Ongoing", "Short term", "Q3 2019"),
    )
    plan = made[0].plan
    ratings = ["on_track", "partial_progress", "not_commenced", "achieved", "on_track"]
    secretariat = ["partial_progress", "partial_progress", "not_commenced", "on_track"]
    made_reports = [
        report_on(plan, meeting, made, ratings[i % 2 :], secretariat[i % 3 :])
        for i, meeting in enumerate(meetings(reports))
    ]
    return {"plan": plan, "actions": made, "reports": made_reports}


def money(value: int | str) -> Decimal:
    """An amount as the database stores it."""
    return Decimal(value).quantize(Decimal("0.01"))
