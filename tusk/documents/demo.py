"""The demo data set: Cambodia's real SC66 report, published, with generated data around it.

`demo_load` loads the reference data, imports Cambodia's progress report for SC66 (real data,
so not marked as demo) and takes it through the Secretariat's workflow, then generates plans,
progress reports, assessments, needs, partners' support and road-map indicators for the
Parties in the NIAP process, every generated row marked `is_demo`, and the demo accounts.
The same seed gives the same data, and a second load changes nothing. `demo_clear` removes
all of it again except the real report and the reference data.
"""

from __future__ import annotations

import datetime
import time
from dataclasses import dataclass, field
from decimal import Decimal
from importlib import resources
from random import Random
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models import Count, ProtectedError, Q

from tusk.accounts.choices import Role
from tusk.accounts.models import FocalPointMembership, User
from tusk.core.models import (
    AuditEvent,
    Meeting,
    Party,
    PartyCategory,
    Region,
    RegionMembership,
)
from tusk.core.reference_load import reference_load
from tusk.core.services import audit_record, history_note
from tusk.documents import demo_generate as gen
from tusk.documents.demo_data import (
    COUNTRY_INDICATORS,
    INDICATOR_PARTIES,
    PARTNERS,
    REGION_INDICATORS,
    IndicatorText,
)
from tusk.documents.services import report_import
from tusk.plans.choices import IndicatorScope
from tusk.plans.models import Action, Indicator, IndicatorValue, Pillar, Plan
from tusk.reports import services as report_services
from tusk.reports.choices import ReportStatus
from tusk.reports.models import ActionProgress, Assessment, Finding, ProgressReport
from tusk.support.choices import NeedStatus, SupportStage
from tusk.support.models import Need, Partner, Support

SEED = 20160111
# Public on purpose: `tusk loaddemo` prints it beside the demo logins.
PASSWORD = "tusk-demo-2026"  # noqa: S105
REASON = gen.REASON
SEED_REPORT = "cambodia-sc66.json"


@dataclass(frozen=True)
class DemoAccount:
    """A demo login: who it is and what it may do."""

    username: str
    role: str
    name: str
    acts_for: str = ""


@dataclass
class DemoSummary:
    """What the demo data set holds after a load, and whether this load wrote it."""

    loaded: bool
    seed: int
    seconds: float
    seed_report: str
    parties: int
    plans: int
    actions: int
    reports: dict[str, int]
    missing_reports: int
    assessments: int
    assessments_differing: int
    needs: dict[str, int]
    partners: int
    support: dict[str, int]
    indicators: int
    indicator_values: int
    accounts: list[DemoAccount]
    password: str = PASSWORD
    notes: list[str] = field(default_factory=list)


# username, role, first name, last name; FOCAL_POINTS and PARTNER_ACCOUNT say whom they act for.
ACCOUNTS: tuple[tuple[str, str, str, str], ...] = (
    ("analyst", Role.SECRETARIAT, "Sofia", "Analyst"),
    ("focal.kh", Role.FOCAL_POINT, "Chan", "Sopheak"),
    ("focal.ga", Role.FOCAL_POINT, "Gaëlle", "Mba"),
    ("partner", Role.PARTNER, "Pat", "Partner"),
    ("admin", Role.ADMIN, "Ada", "Admin"),
)
FOCAL_POINTS = {
    "focal.kh": ("KH", "Forestry Administration", datetime.date(2015, 1, 1)),
    "focal.ga": ("GA", "Agence nationale des parcs nationaux", datetime.date(2017, 1, 1)),
}
PARTNER_ACCOUNT = ("partner", "United Nations Office on Drugs and Crime")

# The Secretariat's view of Cambodia's SC66 report: where it rates an action differently.
SEED_ASSESSMENT = {
    "2.3": ("challenging", "Not started, and the funding it needs is not yet found."),
    "3.1": ("challenging", "The workshop for prosecutors has slipped for lack of funds."),
    "5.2": ("unclear", "Part C gives no rating and the report says nothing has started."),
}


def demo_load(*, seed: int = SEED) -> DemoSummary:
    """Load the demo data set in one transaction, or change nothing if it is already loaded."""
    started = time.perf_counter()
    with transaction.atomic():
        if _is_loaded():
            return demo_summary(seed=seed, loaded=False, started=started)
        reference_load()
        seed_report = _seed_report_publish()
        partners = _partners_load()
        users, notes = _accounts_load(partners)
        if not Plan.objects.filter(is_demo=True).exists():
            gen.generate(
                seed=seed,
                seed_report=seed_report,
                partners=partners,
                analyst=users.get("analyst"),
                focal_points={FOCAL_POINTS[u][0]: users[u] for u in FOCAL_POINTS if u in users},
            )
            _indicators_load(Random(f"{seed}:indicators"))
        else:
            notes.append("generated data already present: left as it was")
        summary = demo_summary(seed=seed, loaded=True, started=started, notes=notes)
        if "analyst" in users:
            audit_record(
                actor=None,
                verb="demo.load",
                target=users["analyst"],
                after={"seed": seed, "reports": summary.reports, "needs": summary.needs},
                reason=f"loaded the demo data set (seed {seed})",
            )
    summary.seconds = round(time.perf_counter() - started, 2)
    return summary


def _is_loaded() -> bool:
    return (
        User.objects.filter(username="analyst", is_demo=True).exists()
        and _seed_report_find() is not None
    )


def _seed_report_find() -> ProgressReport | None:
    return (
        ProgressReport.objects.filter(
            party__country="KH", meeting__kind="SC", meeting__number=66, is_current=True
        )
        .select_related("party", "meeting", "plan")
        .first()
    )


def _seed_report_publish() -> ProgressReport:
    """Import Cambodia's SC66 report if it is missing, then assess and publish it."""
    report = _seed_report_find()
    if report is None:
        raw = (resources.files("niapdoc.tests") / "fixtures" / SEED_REPORT).read_bytes()
        report = report_import(raw=raw, filename=SEED_REPORT, is_demo=False).report
    if report.status == ReportStatus.DRAFT:
        report = report_services.report_submit(report=report, actor=None, reason=REASON)
    if report.status == ReportStatus.SUBMITTED:
        report = report_services.report_start_review(report=report, actor=None)
    if report.status == ReportStatus.UNDER_REVIEW:
        for progress in report.progress.all():
            rating, comment = SEED_ASSESSMENT.get(progress.code, (progress.rating, ""))
            # Made first so that the rating the service records is marked as demo data.
            Assessment.objects.get_or_create(progress=progress, defaults={"is_demo": True})
            report_services.assessment_rate(
                progress=progress, actor=None, rating=rating, comment=comment, reason=REASON
            )
        report = report_services.report_mark_assessed(report=report, actor=None)
    if report.status == ReportStatus.ASSESSED:
        report = report_services.report_publish(report=report, actor=None)
    if (
        report.status == ReportStatus.PUBLISHED
        and not Assessment.objects.filter(progress__report=report).exists()
    ):
        gen.write_rows(
            Assessment,
            [
                Assessment(
                    progress=p,
                    rating=SEED_ASSESSMENT.get(p.code, (p.rating, ""))[0],
                    comment=SEED_ASSESSMENT.get(p.code, (p.rating, ""))[1],
                    is_demo=True,
                )
                for p in report.progress.all()
            ],
        )
    return ProgressReport.objects.select_related("party", "meeting", "plan").get(pk=report.pk)


def _indicators_load(rng: Random) -> None:
    """The regions' road-map indicators (ASEAN's first) and some countries' own, year by year."""
    indicators: list[Indicator] = []
    values: list[IndicatorValue] = []
    owners: list[tuple[IndicatorText, str, int, Party | None, Region | None]] = []
    for body in Region.objects.filter(code__in=REGION_INDICATORS).order_by("code"):
        owners += [(words, words.code, 2016, None, body) for words in REGION_INDICATORS[body.code]]
    for country in Party.objects.filter(country__in=INDICATOR_PARTIES).order_by("country"):
        for words in rng.sample(COUNTRY_INDICATORS, rng.randint(2, 3)):
            since = rng.choice((2016, 2017, 2018))
            owners.append((words, f"{country.code}-{words.code}", since, country, None))
    for words, code, since, party, region in owners:
        indicator = Indicator(
            scope=IndicatorScope.REGION if region else IndicatorScope.COUNTRY,
            party=party,
            region=region,
            code=code,
            name=words.name,
            unit=words.unit,
            standard=words.standard,
            baseline=Decimal(words.baseline),
            baseline_year=since,
            target=Decimal(words.target),
            target_year=2025,
            is_demo=True,
        )
        indicators.append(indicator)
        value = words.baseline
        for year in range(since + 1, 2025):
            share = (year - since) / (2025 - since) * rng.uniform(0.6, 1.0)
            found = round(words.baseline + (words.target - words.baseline) * share)
            value = max(value, found) if "cumulative" in words.unit else found
            values.append(
                IndicatorValue(
                    indicator=indicator,
                    date=datetime.date(year, 12, 31),
                    value=Decimal(value),
                    source="Demo data",
                    is_demo=True,
                )
            )
    gen.write_rows(Indicator, indicators)
    gen.write_rows(IndicatorValue, values)


def _partners_load() -> dict[str, Partner]:
    partners: dict[str, Partner] = {}
    for text in PARTNERS:
        partner = Partner.objects.filter(name=text.name).first()
        if partner is None:
            partner = Partner(
                name=text.name,
                acronym=text.acronym,
                kind=text.kind,
                website=text.website,
                is_demo=True,
            )
            history_note(partner, actor=None, reason=REASON)
            partner.save()
        partners[text.name] = partner
    return partners


def _accounts_load(partners: dict[str, Partner]) -> tuple[dict[str, User], list[str]]:
    """The demo accounts, made where missing; a real account of the same name is left alone."""
    users: dict[str, User] = {}
    notes: list[str] = []
    for username, role, first_name, last_name in ACCOUNTS:
        user = User.objects.filter(username=username).first()
        if user is not None and not user.is_demo:
            notes.append(f"a real account named {username!r} exists: no demo account made")
            continue
        if user is None:
            user = User(
                username=username,
                first_name=first_name,
                last_name=last_name,
                email=f"{username}@example.org",
                role=role,
                is_staff=role == Role.ADMIN,
                is_superuser=role == Role.ADMIN,
                partner=partners[PARTNER_ACCOUNT[1]] if username == PARTNER_ACCOUNT[0] else None,
                is_demo=True,
            )
            user.set_password(PASSWORD)
            history_note(user, actor=None, reason=REASON)
            user.save()
        users[username] = user
        if username in FOCAL_POINTS:
            code, agency, since = FOCAL_POINTS[username]
            party = Party.objects.get(country=code)
            if not FocalPointMembership.objects.filter(user=user, party=party).exists():
                membership = FocalPointMembership(
                    user=user, party=party, agency=agency, since=since, is_demo=True
                )
                history_note(membership, actor=None, reason=REASON)
                membership.save()
    return users, notes


def demo_summary(
    *, seed: int = SEED, loaded: bool = False, started: float = 0.0, notes: list[str] | None = None
) -> DemoSummary:
    """Count what the demo data set holds now (the real Cambodia report apart)."""
    reports = ProgressReport.objects.filter(is_demo=True)
    assessments = Assessment.objects.filter(is_demo=True)
    seed_report = _seed_report_find()
    return DemoSummary(
        loaded=loaded,
        seed=seed,
        seconds=round(time.perf_counter() - started, 2) if started else 0.0,
        seed_report=(
            f"{seed_report.party} {seed_report.meeting}: {seed_report.status}, "
            f"{seed_report.progress.count()} actions"
            if seed_report
            else "not loaded"
        ),
        parties=Party.objects.filter(Q(plans__is_demo=True) | Q(reports__is_demo=True))
        .distinct()
        .count(),
        plans=Plan.objects.filter(is_demo=True).count(),
        actions=Action.objects.filter(plan__is_demo=True).count(),
        reports=_by(reports, "status", [s.value for s in ReportStatus]),
        missing_reports=gen.missing_reports(),
        assessments=assessments.count(),
        assessments_differing=assessments.exclude(rating=models.F("progress__rating")).count(),
        needs=_by(Need.objects.filter(is_demo=True), "status", [s.value for s in NeedStatus]),
        partners=Partner.objects.filter(is_demo=True).count(),
        support=_by(Support.objects.filter(is_demo=True), "stage", [s.value for s in SupportStage]),
        indicators=Indicator.objects.filter(is_demo=True).count(),
        indicator_values=IndicatorValue.objects.filter(is_demo=True).count(),
        accounts=[
            DemoAccount(
                username=u.username,
                role=str(u.get_role_display()),
                name=u.get_full_name(),
                acts_for=", ".join(str(m.party) for m in u.memberships.all())
                or (str(u.partner) if u.partner else ""),
            )
            for u in User.objects.filter(is_demo=True)
            .select_related("partner")
            .prefetch_related("memberships__party")
            .order_by("id")
        ],
        notes=list(notes or []),
    )


def _by(queryset: models.QuerySet[Any], name: str, order: list[str]) -> dict[str, int]:
    counts = {row[name]: row["n"] for row in queryset.values(name).annotate(n=Count("id"))}
    return {key: counts[key] for key in order if counts.get(key)}


@transaction.atomic
def demo_clear() -> dict[str, int]:
    """Delete every demo row and the demo accounts, and their history; keep real data.

    Cambodia's real report stays (published, without the demo assessments), and so does the
    reference data. A demo account that real records still refer to is deactivated instead.
    """
    _forget_audit_events()
    removed: dict[str, int] = {}
    steps: tuple[tuple[str, models.QuerySet[Any]], ...] = (
        ("support", Support.objects.filter(is_demo=True)),
        ("needs", Need.objects.filter(is_demo=True)),
        ("indicator values", IndicatorValue.objects.filter(is_demo=True)),
        ("indicators", Indicator.objects.filter(is_demo=True)),
        ("assessments", Assessment.objects.filter(is_demo=True)),
    )
    for label, queryset in steps:
        removed[label] = queryset.delete()[1].get(queryset.model._meta.label, 0)
    removed["reports"] = _delete_newest_first(
        ProgressReport.objects.filter(is_demo=True), "revision"
    )
    removed["actions"] = _delete_newest_first(
        Action.objects.filter(plan__is_demo=True), "plan__version"
    )
    Pillar.objects.filter(plan__is_demo=True).delete()
    removed["plans"] = _delete_newest_first(Plan.objects.filter(is_demo=True), "version")
    removed["memberships"] = FocalPointMembership.objects.filter(is_demo=True).delete()[0]
    removed["accounts"], kept = _accounts_delete()
    if kept:
        removed["accounts kept, deactivated"] = kept
    removed["partners"] = Partner.objects.filter(is_demo=True).delete()[0]
    for model in (RegionMembership, PartyCategory, Region, Meeting, Party):
        count = model._default_manager.filter(is_demo=True).delete()[0]
        if count:
            removed[str(model._meta.verbose_name_plural)] = count
    removed["history rows"] = _forget_history()
    return removed


def _delete_newest_first(queryset: models.QuerySet[Any], order: str) -> int:
    """Delete rows that protect their predecessors (revisions, lineage) newest first."""
    total = 0
    for value in sorted(set(queryset.values_list(order, flat=True)), reverse=True):
        total += queryset.filter(**{order: value}).delete()[1].get(queryset.model._meta.label, 0)
    return total


def _accounts_delete() -> tuple[int, int]:
    deleted = kept = 0
    for user in User.objects.filter(is_demo=True):
        try:
            with transaction.atomic():
                user.delete()
            deleted += 1
        except ProtectedError:
            user.is_active = False
            user.set_unusable_password()
            history_note(user, actor=None, reason="demo data cleared")
            user.save()
            kept += 1
    return deleted, kept


def _forget_audit_events() -> None:
    """Drop the audit events about demo rows, which would otherwise point at nothing."""
    targets: list[tuple[type[models.Model], models.QuerySet[Any]]] = [
        (ProgressReport, ProgressReport.objects.filter(is_demo=True)),
        (Assessment, Assessment.objects.filter(is_demo=True)),
        (User, User.objects.filter(is_demo=True)),
        (Plan, Plan.objects.filter(is_demo=True)),
        (Need, Need.objects.filter(is_demo=True)),
        (Support, Support.objects.filter(is_demo=True)),
    ]
    for model, queryset in targets:
        ids = [str(pk) for pk in queryset.values_list("pk", flat=True)]
        content_type = ContentType.objects.get_for_model(model)
        for start in range(0, len(ids), 500):
            AuditEvent.objects.filter(
                target_type=content_type, target_id__in=ids[start : start + 500]
            ).delete()


def _forget_history() -> int:
    """Delete the historical rows of demo rows now gone, the rows the deletions wrote included."""
    removed = 0
    demo_plans = Plan.history.filter(is_demo=True).values("id")
    demo_reports = ProgressReport.history.filter(is_demo=True).values("id")
    for rows in (
        Action.history.filter(plan_id__in=demo_plans),
        Pillar.history.filter(plan_id__in=demo_plans),
        ActionProgress.history.filter(report_id__in=demo_reports),
        Finding.history.filter(report_id__in=demo_reports),
    ):
        removed += rows.delete()[0]
    for model in (
        Support,
        Need,
        IndicatorValue,
        Indicator,
        Assessment,
        ProgressReport,
        Plan,
        FocalPointMembership,
        User,
        Partner,
        RegionMembership,
        PartyCategory,
        Region,
        Meeting,
        Party,
    ):
        gone = model.history.filter(is_demo=True).exclude(
            id__in=model._default_manager.values("id")
        )
        removed += gone.delete()[0]
    return removed
