"""The world-scale generator of `make bench`, run at a tiny scale so that it cannot silently break.

The full-scale run (a million rows) belongs to `make bench`, never to the test suite.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.db import transaction

from tusk.core.models import Meeting, Party, PartyCategory, RegionMembership
from tusk.documents.worldfile import world_file
from tusk.documents.worldgen import (
    CURRENCIES,
    WORLD_VERSION,
    WorldError,
    WorldSize,
    world_generate,
)
from tusk.plans.choices import PlanStatus
from tusk.plans.models import Action, IndicatorValue, Plan
from tusk.reports.choices import ReportStatus
from tusk.reports.models import ActionProgress, Assessment, ProgressReport
from tusk.support.choices import NeedStatus, SupportStage
from tusk.support.models import ExchangeRate, Need, Partner, Support

pytestmark = pytest.mark.django_db

TINY = WorldSize(
    parties=3,
    meetings=3,
    actions=5,
    needs=20,
    support=40,
    partners=5,
    indicators_per_party=2,
    indicator_values=100,
    revised_share=1.0,
)
TINY_OPTIONS = [
    "--parties=3",
    "--meetings=3",
    "--actions=5",
    "--needs=20",
    "--support=40",
    "--partners=5",
    "--indicator-values=100",
]


@pytest.fixture
def world() -> Any:
    return world_generate(size=TINY)


def fingerprint() -> list[tuple[Any, ...]]:
    """What the generated data says, by natural keys, so that two runs can be compared."""
    return sorted(
        (
            p.report.party.code,
            p.report.meeting.number,
            p.report.status,
            p.code,
            p.rating,
            getattr(getattr(p, "assessment", None), "rating", None),
        )
        for p in ActionProgress.objects.select_related(
            "report__party", "report__meeting", "assessment"
        )
    ) + sorted(
        (n.party.code, n.kind, n.amount, n.currency, n.status)
        for n in Need.objects.select_related("party")
    )


def test_it_makes_the_parties_meetings_and_groupings_asked_for(world: Any) -> None:
    codes = set(Party.objects.values_list("country", flat=True))
    assert len(codes) == 3 and {"KH", "GA"} <= codes
    assert all(PartyCategory.objects.filter(party__country=code).exists() for code in codes)
    regions = set(RegionMembership.objects.values_list("party__country", "region__code"))
    assert {("KH", "asean"), ("GA", "eccas")} <= regions
    taking = Meeting.objects.filter(takes_niap_reports=True)
    assert sorted(m.code for m in taking) == ["SC76", "SC77", "SC78"]
    assert Partner.objects.count() == 5


def test_it_makes_one_report_per_party_and_meeting_or_counts_it_missing(world: Any) -> None:
    pairs = Counter(ProgressReport.objects.values_list("party_id", "meeting_id"))
    assert all(n == 1 for n in pairs.values())
    assert len(pairs) + world.missing_reports == 3 * 3
    assert world.counts["progress reports"] == len(pairs)


def test_it_rates_every_action_of_the_plan_a_report_is_made_on(world: Any) -> None:
    for report in ProgressReport.objects.select_related("plan"):
        assert report.plan.party_id == report.party_id
        actions = set(report.plan.actions.values_list("pk", flat=True))
        rated = list(report.progress.values_list("action_id", flat=True))
        assert sorted(rated) == sorted(actions) and len(actions) == 5


def test_it_assesses_only_reports_the_secretariat_has_reviewed(world: Any) -> None:
    for report in ProgressReport.objects.all():
        assessed = Assessment.objects.filter(progress__report=report).count()
        if report.status in {ReportStatus.ASSESSED, ReportStatus.PUBLISHED}:
            assert assessed == 5
        elif report.status != ReportStatus.UNDER_REVIEW:
            assert assessed == 0


def test_it_revises_plans_with_their_action_lineage(world: Any) -> None:
    revisions = list(Plan.objects.filter(version=2).select_related("previous"))
    assert len(revisions) == 3
    for plan in revisions:
        assert plan.previous is not None
        assert plan.previous.party_id == plan.party_id
        assert plan.previous.status == PlanStatus.SUPERSEDED
        carried = Action.objects.filter(plan=plan, replaces__isnull=False)
        assert all(
            a.replaces is not None and a.replaces.plan_id == plan.previous.pk for a in carried
        )
    assert Action.objects.filter(replaces__isnull=False).exists()
    # Reports use the revision from the meeting it was adopted for, the first plan before.
    for party in Party.objects.all():
        versions = [
            r.plan.version
            for r in ProgressReport.objects.filter(party=party)
            .select_related("plan")
            .order_by("meeting__start_date")
        ]
        assert versions == sorted(versions)


def test_it_makes_the_needs_and_support_asked_for_in_known_currencies(world: Any) -> None:
    assert Need.objects.count() == 20
    assert Support.objects.count() == 40
    assert IndicatorValue.objects.count() == 100
    used = set(Need.objects.values_list("currency", flat=True)) | set(
        Support.objects.values_list("currency", flat=True)
    )
    assert used <= set(CURRENCIES)
    assert used <= set(ExchangeRate.objects.values_list("currency", flat=True))
    for need in Need.objects.select_related("action__plan"):
        assert need.action is None or need.action.plan.party_id == need.party_id
    for item in Support.objects.select_related("need", "action__plan"):
        assert item.need is None or item.need.party_id == item.party_id
        assert item.action is None or item.action.plan.party_id == item.party_id


def test_it_sets_a_need_met_only_when_firm_support_covers_it(world: Any) -> None:
    for need in Need.objects.all():
        firm = sum(
            (
                s.amount or Decimal(0)
                for s in need.support.exclude(stage=SupportStage.PLEDGED)
                if s.currency == need.currency
            ),
            Decimal(0),
        )
        assert need.amount is not None
        if need.status == NeedStatus.MET:
            assert firm >= need.amount
        elif need.status == NeedStatus.PARTLY_MET:
            assert 0 < firm < need.amount
        else:
            assert firm == 0


def test_it_gives_the_same_world_for_the_same_seed() -> None:
    with transaction.atomic():
        world_generate(size=TINY)
        first = fingerprint()
        transaction.set_rollback(True)
    world_generate(size=TINY)
    assert fingerprint() == first and first


def test_it_refuses_a_database_that_holds_parties(world: Any) -> None:
    with pytest.raises(WorldError, match="empty one"):
        world_generate(size=TINY)


def generate_world(path: Path, tmp_path: Path) -> str:
    """Run `tusk generate-world` as a user would, in a process of its own, with a default
    database of its own that it must leave untouched."""
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'default.sqlite3'}",
        "TUSK_VAR_DIR": str(tmp_path),
    }
    done = subprocess.run(
        [sys.executable, "-m", "tusk", "generate-world", "--db", str(path), *TINY_OPTIONS],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_the_command_builds_the_file_once_then_reuses_it(tmp_path: Path) -> None:
    path = tmp_path / "world.sqlite3"
    assert "generated in" in generate_world(path, tmp_path)
    meta = json.loads(path.with_name("world.sqlite3.json").read_text())
    assert meta["version"] == WORLD_VERSION and meta["counts"]["needs"] == 20
    assert not path.with_name("world.sqlite3.building").exists()
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT count(*) FROM support_need").fetchone() == (20,)
    assert "reused" in generate_world(path, tmp_path)
    assert not (tmp_path / "default.sqlite3").exists()


def test_it_refuses_to_build_over_the_default_database(monkeypatch: Any, tmp_path: Path) -> None:
    path = tmp_path / "tusk.sqlite3"
    monkeypatch.setitem(settings.DATABASES["default"], "NAME", str(path))
    with pytest.raises(WorldError, match="Tusk's own database"):
        world_file(path=path, size=TINY)
    assert not path.exists()
