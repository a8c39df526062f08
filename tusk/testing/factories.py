"""factory_boy factories for Tusk's models: the smallest valid records, overridable per test."""

from __future__ import annotations

import datetime
from typing import Any

import factory
from factory.django import DjangoModelFactory

from tusk.accounts.choices import Role
from tusk.accounts.models import FocalPointMembership, User
from tusk.core.models import Meeting, Party, PartyCategory, Region, RegionMembership
from tusk.plans.choices import PlanStatus
from tusk.plans.models import Action, Pillar, Plan
from tusk.reports.choices import ReportStatus
from tusk.reports.models import ActionProgress, Assessment, ProgressReport
from tusk.support.models import Need, Partner, Support


class UserFactory(DjangoModelFactory[User]):
    class Meta:
        model = User
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    role = Role.READER
    password = factory.django.Password("correct horse battery staple")


class PartyFactory(DjangoModelFactory[Party]):
    class Meta:
        model = Party
        django_get_or_create = ("country",)

    country = "KH"


class RegionFactory(DjangoModelFactory[Region]):
    class Meta:
        model = Region
        django_get_or_create = ("code",)

    code = "asean"
    name = "Association of Southeast Asian Nations"


class RegionMembershipFactory(DjangoModelFactory[RegionMembership]):
    class Meta:
        model = RegionMembership

    region = factory.SubFactory(RegionFactory)
    party = factory.SubFactory(PartyFactory)
    start = datetime.date(1999, 4, 30)


class PartyCategoryFactory(DjangoModelFactory[PartyCategory]):
    class Meta:
        model = PartyCategory

    party = factory.SubFactory(PartyFactory)
    cycle = "CoP19"
    category = "B"


class MeetingFactory(DjangoModelFactory[Meeting]):
    class Meta:
        model = Meeting
        django_get_or_create = ("kind", "number")

    kind = "SC"
    number = 66
    start_date = datetime.date(2016, 1, 11)
    end_date = datetime.date(2016, 1, 15)
    place = "Geneva"
    takes_niap_reports = True


class PlanFactory(DjangoModelFactory[Plan]):
    class Meta:
        model = Plan

    party = factory.SubFactory(PartyFactory)
    version = factory.Sequence(lambda n: n + 1)
    status = PlanStatus.ADEQUATE


class PillarFactory(DjangoModelFactory[Pillar]):
    class Meta:
        model = Pillar

    plan = factory.SubFactory(PlanFactory)
    number = factory.Sequence(lambda n: str(n + 1))
    name = "Legislation"


class ActionFactory(DjangoModelFactory[Action]):
    class Meta:
        model = Action

    plan = factory.SubFactory(PlanFactory)
    pillar = factory.LazyAttribute(
        lambda a: Pillar.objects.get_or_create(
            plan=a.plan, number="1", defaults={"name": "Legislation"}
        )[0]
    )
    code = factory.Sequence(lambda n: f"1.{n + 1}")
    title = factory.Sequence(lambda n: f"Action {n + 1}")


class ReportFactory(DjangoModelFactory[ProgressReport]):
    class Meta:
        model = ProgressReport

    party = factory.SubFactory(PartyFactory)
    meeting = factory.SubFactory(MeetingFactory)
    plan = factory.LazyAttribute(lambda r: PlanFactory(party=r.party))
    scale = "niap4"
    status = ReportStatus.DRAFT
    synopsis_overview = "Overall, the implementation of the NIAP is on track."


class ProgressFactory(DjangoModelFactory[ActionProgress]):
    class Meta:
        model = ActionProgress

    report = factory.SubFactory(ReportFactory)
    code = factory.Sequence(lambda n: f"1.{n + 1}")
    pillar = "1"
    title = factory.Sequence(lambda n: f"Action {n + 1}")
    rating = "on_track"
    progress = factory.LazyFunction(lambda: ["Work has begun."])


class AssessmentFactory(DjangoModelFactory[Assessment]):
    class Meta:
        model = Assessment

    progress = factory.SubFactory(ProgressFactory)
    rating = "challenging"
    comment = "Little evidence of progress."


class PartnerFactory(DjangoModelFactory[Partner]):
    class Meta:
        model = Partner
        django_get_or_create = ("name",)

    name = "United Nations Office on Drugs and Crime"
    acronym = "UNODC"
    kind = "multilateral"


class NeedFactory(DjangoModelFactory[Need]):
    class Meta:
        model = Need

    party = factory.SubFactory(PartyFactory)
    kind = "training"
    description = "Training of customs officers in ivory identification."


class SupportFactory(DjangoModelFactory[Support]):
    class Meta:
        model = Support

    partner = factory.SubFactory(PartnerFactory)
    party = factory.SubFactory(PartyFactory)
    stage = "committed"


def report_with_actions(
    *, party: Party, meeting: Meeting | None = None, status: str = ReportStatus.DRAFT, **kw: Any
) -> ProgressReport:
    """A report with three rated actions of a real plan, for tests that need content."""
    plan = PlanFactory.create(party=party)
    pillar = PillarFactory.create(plan=plan, number="1", name="Legislation")
    report = ReportFactory.create(
        party=party, meeting=meeting or MeetingFactory.create(), plan=plan, status=status, **kw
    )
    for i, rating in enumerate(("on_track", "challenging", "substantially_achieved"), start=1):
        action = ActionFactory.create(
            plan=plan, pillar=pillar, code=f"1.{i}", title=f"Action 1.{i}"
        )
        ProgressFactory.create(
            report=report,
            action=action,
            code=action.code,
            title=action.title,
            rating=rating,
            rating_part_b=rating,
            rating_part_c=rating,
            order=i,
        )
    return report


def focal_point(username: str, party: Party) -> User:
    """A focal point of `party`."""
    user = UserFactory.create(username=username, role=Role.FOCAL_POINT)
    FocalPointMembership.objects.get_or_create(user=user, party=party)
    return user
