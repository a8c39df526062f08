"""The process overview in the access matrix: every URL is public, and what it shows of a report
depends on who asks.

Two secrets are planted: the code of a meeting that only Gabon's unpublished (assessed) report
goes to, and one that only Cambodia's draft goes to. The overview names the meeting of each
Party's latest report, so a leak of either report to someone who may not see it would show
its meeting's code.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.urls import reverse

from tusk.reports.models import Assessment, ProgressReport
from tusk.testing.access import EVERYONE, Entry, World
from tusk.testing.factories import (
    MeetingFactory,
    PartyFactory,
    PlanFactory,
    ProgressFactory,
    ReportFactory,
)

UNPUBLISHED_MEETING = 97
DRAFT_MEETING = 96

MATRIX: dict[str, Entry] = {
    "process-overview": (lambda w: reverse("process-overview"), EVERYONE),
    "process-ratings-chart": (lambda w: reverse("process-ratings-chart"), EVERYONE),
    "process-compliance-chart": (lambda w: reverse("process-compliance-chart"), EVERYONE),
    "process-table": (lambda w: reverse("process-table", args=["ratings", "csv"]), EVERYONE),
}

SECRETS = {
    f"SC{UNPUBLISHED_MEETING}": {"gaelle", "secretariat", "admin"},
    f"SC{DRAFT_MEETING}": {"chan", "secretariat", "admin"},
}


def plant(world: World) -> None:
    """Gabon's assessed report and Cambodia's draft, each for a meeting of its own, later
    than any other, so that each would be its Party's latest report for whoever sees it."""
    gabon = PartyFactory.create(country="GA")
    unpublished = _report(gabon, UNPUBLISHED_MEETING, datetime.date(2031, 2, 3), "assessed")
    for progress in unpublished.progress.all():
        Assessment.objects.create(progress=progress, rating="unclear", comment="")
    world.extra["process_unpublished"] = unpublished
    cambodia = world.kh_draft.party
    world.extra["process_draft"] = _report(
        cambodia, DRAFT_MEETING, datetime.date(2030, 2, 3), "draft"
    )


def _report(party: Any, number: int, start: datetime.date, status: str) -> ProgressReport:
    # Not a meeting that takes NIAP reports, so that no list of such meetings names it.
    meeting = MeetingFactory.create(
        number=number,
        start_date=start,
        end_date=start + datetime.timedelta(days=4),
        takes_niap_reports=False,
    )
    # A version of its own: the factories' sequence could otherwise give one already used.
    plan = PlanFactory.create(party=party, version=32_000 + number)
    report = ReportFactory.create(
        party=party,
        meeting=meeting,
        plan=plan,
        status=status,
        submitted_at=None
        if status == "draft"
        else datetime.datetime(2029, 1, 5, tzinfo=datetime.UTC),
    )
    for i, rating in enumerate(("on_track", "achieved"), start=1):
        ProgressFactory.create(report=report, code=f"9.{i}", rating=rating, order=i)
    return report
