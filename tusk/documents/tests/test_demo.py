"""`tusk loaddemo`: the demo data set around Cambodia's real SC66 report.

The data set is loaded once for the module, inside a transaction that is rolled back when the
module is done; each test runs in a savepoint of its own, so a test that clears or reloads the
data leaves it as it was for the next one.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.apps import apps
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.db import transaction
from django.test import RequestFactory, override_settings

from niapdoc.scales import SCALES
from tusk.accounts.models import User
from tusk.core.models import Meeting, Party
from tusk.documents.demo import PASSWORD, DemoSummary, demo_clear, demo_load
from tusk.reports.models import ActionProgress, Assessment, ProgressReport
from tusk.support.models import Need

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module", autouse=True)
def demo(
    django_db_setup: Any, django_db_blocker: Any, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[DemoSummary]:
    media: Path = tmp_path_factory.mktemp("media")
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=media),
        transaction.atomic(),
    ):
        yield demo_load()
        transaction.set_rollback(True)


def cambodia_sc66() -> ProgressReport:
    return ProgressReport.objects.get(party__country="KH", meeting__kind="SC", meeting__number=66)


def row_counts() -> dict[str, int]:
    """Rows of every table, the historical ones included."""
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()}


def demo_rows() -> dict[str, int]:
    counts = {
        model._meta.label: model._default_manager.filter(is_demo=True).count()
        for model in apps.get_models()
        if any(f.name == "is_demo" for f in model._meta.concrete_fields)
    }
    return {label: n for label, n in counts.items() if n}


def content() -> list[tuple[Any, ...]]:
    """What the generated reports say, without the ids a new load gives them."""
    return list(
        ActionProgress.objects.filter(report__is_demo=True)
        .order_by("report__party__country", "report__meeting__number", "order")
        .values_list(
            "report__party__country",
            "report__meeting__number",
            "report__status",
            "code",
            "title",
            "rating",
            "progress",
            "assessment__rating",
            "assessment__comment",
        )
    )


def test_it_loads_the_real_cambodia_report_as_published_with_13_actions(demo) -> None:
    report = cambodia_sc66()
    assert (report.status, report.is_demo, report.scale) == ("published", False, "niap4")
    assert report.submitted_at is not None and report.published_at is not None
    assert report.progress.count() == 13
    assessments = Assessment.objects.filter(progress__report=report)
    assert assessments.count() == 13
    assert {a.progress.code for a in assessments if a.differs} == {"2.3", "3.1", "5.2"}
    assert all(a.is_demo for a in assessments)
    assert demo.seed_report == "Cambodia SC66: published, 13 actions"


def test_it_rates_every_generated_report_only_on_its_own_scale() -> None:
    reports = ProgressReport.objects.filter(is_demo=True).select_related("meeting")
    assert reports.count() > 100
    for report in reports:
        assert report.scale == ("niap4" if report.meeting.number < 69 else "niap6")
        allowed = set(SCALES[report.scale]) | {None}
        for progress in report.progress.all():
            assert {progress.rating, progress.rating_part_b, progress.rating_part_c} <= allowed
            assessment = Assessment.objects.filter(progress=progress).first()
            assert assessment is None or assessment.rating in allowed


def test_it_dates_each_report_as_its_status_says() -> None:
    for report in ProgressReport.objects.filter(is_demo=True):
        assert (report.submitted_at is not None) == (report.status != "draft"), report
        assert (report.published_at is not None) == (report.status == "published"), report
        if report.published_at and report.submitted_at:
            assert report.submitted_at < report.published_at


def test_it_mixes_the_statuses_at_sc78() -> None:
    statuses = Counter(
        ProgressReport.objects.filter(meeting__number=78).values_list("status", flat=True)
    )
    assert statuses["returned"] == 1
    assert statuses["draft"] >= 2 and statuses["submitted"] and statuses["under_review"]
    assert "published" not in statuses
    expected = Party.objects.filter(in_niap_process=True).exclude(stage="exited").count()
    assert 0 < expected - sum(statuses.values()) <= 4


def test_it_gives_gabon_a_french_draft_for_sc78() -> None:
    report = ProgressReport.objects.get(party__country="GA", meeting__number=78)
    assert (report.status, report.language, report.scale) == ("draft", "fr", "niap6")
    assert "PANI" in report.synopsis_overview
    assert report.plan.pillars.first().name == "Législation et réglementation"
    assert report.created_by.username == "focal.ga"


def test_it_reproduces_the_annex_rows_of_sc70() -> None:
    def shares(code: str, number: int) -> tuple[list[int], list[int]]:
        report = ProgressReport.objects.get(party__country=code, meeting__number=number)
        rows = list(report.progress.select_related("assessment"))
        party = Counter(p.rating for p in rows)
        secretariat = Counter(p.assessment.rating for p in rows)
        return (
            [round(100 * party[r] / len(rows)) for r in SCALES["niap6"]],
            [round(100 * secretariat[r] / len(rows)) for r in SCALES["niap6"]],
        )

    assert shares("MW", 70) == ([58, 17, 17, 0, 8, 0], [42, 25, 25, 8, 0, 0])
    assert shares("MY", 70) == ([18, 55, 27, 0, 0, 0], [0, 27, 73, 0, 0, 0])
    assert shares("KH", 69) == ([15, 8, 0, 54, 0, 23], [8, 15, 0, 54, 0, 23])


def test_it_has_the_secretariat_differ_on_some_actions_with_a_reason() -> None:
    assessments = Assessment.objects.filter(is_demo=True).select_related("progress")
    differing = [a for a in assessments if a.differs]
    assert 0.12 < len(differing) / assessments.count() < 0.28
    assert all(a.comment for a in differing)


def test_it_leaves_livelihoods_and_awareness_short_of_support() -> None:
    def supported(needs: Any) -> float:
        return sum(n.support.exists() for n in needs) / needs.count()

    needs = Need.objects.filter(is_demo=True, action__isnull=False)
    outreach = needs.filter(action__pillar__standard="outreach")
    assert supported(outreach) < 0.3 < supported(needs.exclude(action__pillar__standard="outreach"))


def test_it_changes_nothing_when_run_a_second_time() -> None:
    before = row_counts()
    summary = demo_load()
    assert summary.loaded is False
    assert row_counts() == before


def test_it_makes_demo_accounts_that_can_log_in() -> None:
    request = RequestFactory().post("/accounts/login/", REMOTE_ADDR="192.0.2.20")
    for username in ("analyst", "focal.kh", "focal.ga", "partner", "admin"):
        user = authenticate(request, username=username, password=PASSWORD)
        assert user is not None and user.is_demo, username
    assert User.objects.get(username="analyst").get_full_name() == "Sofia Analyst"
    assert User.objects.get(username="analyst").is_secretariat
    assert [m.party.code for m in User.objects.get(username="focal.kh").memberships.all()] == ["KH"]
    assert [m.party.code for m in User.objects.get(username="focal.ga").memberships.all()] == ["GA"]
    assert User.objects.get(username="partner").partner.acronym == "UNODC"
    admin = User.objects.get(username="admin")
    assert admin.is_staff and admin.is_superuser and admin.role == "admin"


def test_it_clears_the_demo_accounts_and_rows() -> None:
    out = StringIO()
    call_command("loaddemo", "--clear", stdout=out)
    assert out.getvalue().startswith("demo data removed: ")
    assert demo_rows() == {}
    assert not User.objects.filter(username__in=["analyst", "focal.kh", "admin"]).exists()
    assert cambodia_sc66().status == "published"
    assert Meeting.objects.filter(kind="SC", number=78).exists()


def test_it_gives_the_same_data_for_the_same_seed() -> None:
    first = content()
    demo_clear()
    demo_load()
    assert content() == first


def test_it_prints_the_summary_with_the_logins() -> None:
    out = StringIO()
    call_command("loaddemo", stdout=out)
    text = out.getvalue()
    assert text.startswith("demo data already loaded: nothing changed")
    assert "focal.kh" in text and PASSWORD in text
    out = StringIO()
    call_command("loaddemo", "--json", stdout=out)
    data = json.loads(out.getvalue())
    assert data["reports"]["returned"] == 1
    assert {a["username"] for a in data["accounts"]} == {
        "analyst",
        "focal.kh",
        "focal.ga",
        "partner",
        "admin",
    }
