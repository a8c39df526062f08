"""The world the road map's tests share (no test of its own here): ASEAN with members old, new,
gone and to come, two members' published reports of 10 and 60 actions, indicators with values."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from tusk.core.models import Party, Region
from tusk.plans.models import Indicator, IndicatorValue
from tusk.testing.factories import (
    AssessmentFactory,
    MeetingFactory,
    NeedFactory,
    PartyFactory,
    ProgressFactory,
    RegionFactory,
    RegionMembershipFactory,
    ReportFactory,
    SupportFactory,
)

D = datetime.date
# Cambodia's latest published report: 10 actions. Lao PDR's: 60.
KH_RATINGS = ["on_track"] * 5 + ["partial_progress"] * 3 + ["not_commenced"] * 2
LA_RATINGS = ["achieved"] * 30 + ["on_track"] * 30


def meeting(number: int, year: int) -> Any:
    return MeetingFactory.create(number=number, start_date=D(year, 3, 1), end_date=D(year, 3, 5))


def report(party: Party, number: int, year: int, ratings: list[str | None], **kw: Any) -> Any:
    """A report of `party` for SC`number` with one action per rating."""
    kw.setdefault("status", "published")
    made = ReportFactory.create(party=party, meeting=meeting(number, year), scale="niap6", **kw)
    for i, rating in enumerate(ratings, start=1):
        ProgressFactory.create(report=made, code=f"{i}", rating=rating, order=i)
    return made


def indicator(owner: Party | Region, code: str, **kw: Any) -> Indicator:
    """An indicator of a region or a Party, with `values` ({date: value}) if given."""
    values = kw.pop("values", {})
    fields: dict[str, Any] = {
        "code": code,
        "name": kw.pop("name", f"Indicator {code}"),
        "unit": kw.pop("unit", "%"),
        "baseline": kw.pop("baseline", Decimal(4)),
        "baseline_year": kw.pop("baseline_year", 2016),
        "target": kw.pop("target", Decimal(10)),
        "target_year": kw.pop("target_year", 2025),
        **kw,
    }
    if isinstance(owner, Region):
        made = Indicator.objects.create(scope="region", region=owner, **fields)
    else:
        made = Indicator.objects.create(scope="country", party=owner, **fields)
    IndicatorValue.objects.bulk_create(
        IndicatorValue(indicator=made, date=day, value=Decimal(value), source="Survey")
        for day, value in values.items()
    )
    return made


def build(cambodia: Party) -> dict[str, Any]:
    """The world: see the module's docstring."""
    asean = RegionFactory.create(code="asean", name="Association of Southeast Asian Nations")
    RegionFactory.create(code="sadc", name="Southern African Development Community")
    laos = PartyFactory.create(country="LA")
    thailand = PartyFactory.create(country="TH")
    myanmar = PartyFactory.create(country="MM")
    vietnam = PartyFactory.create(country="VN")
    RegionMembershipFactory.create(region=asean, party=cambodia, start=D(1999, 4, 30))
    RegionMembershipFactory.create(region=asean, party=laos, start=D(1997, 7, 23))
    # Gone in 2020, and one to come in 2030: neither is a member today (2026).
    RegionMembershipFactory.create(
        region=asean, party=thailand, start=D(1967, 8, 8), end=D(2020, 1, 1)
    )
    RegionMembershipFactory.create(region=asean, party=myanmar, start=D(2030, 1, 1))
    # Left and came back: one member, counted once.
    RegionMembershipFactory.create(
        region=asean, party=vietnam, start=D(1995, 7, 28), end=D(2001, 1, 1)
    )
    RegionMembershipFactory.create(region=asean, party=vietnam, start=D(2005, 1, 1))

    old = report(cambodia, 74, 2022, ["achieved"] * 4)
    kh = report(cambodia, 77, 2023, KH_RATINGS)
    for progress in kh.progress.all():
        AssessmentFactory.create(progress=progress, rating="partial_progress")
    report(cambodia, 78, 2025, ["achieved"] * 3, status="submitted")  # not published
    la = report(laos, 78, 2025, LA_RATINGS)
    report(thailand, 77, 2023, ["achieved"] * 7)  # no longer a member

    regional = indicator(
        asean,
        "ASEAN-1",
        name="Member States with a plan in force",
        unit="Member States",
        values={D(2017, 12, 31): 5, D(2019, 6, 30): 5, D(2019, 12, 31): 6, D(2024, 12, 31): 8},
    )
    reduce = indicator(
        asean,
        "ASEAN-2",
        name="Elephant carcass ratio",
        baseline=Decimal(60),
        target=Decimal(40),
        values={D(2005, 12, 31): 70, D(2024, 6, 30): 45},
    )
    no_target = indicator(asean, "ASEAN-10", target=None, values={D(2024, 1, 1): 9})
    own = indicator(
        cambodia,
        "KH-1",
        name="Prosecutions concluded",
        unit="cases a year",
        baseline=Decimal(5),
        target=Decimal(40),
        values={D(2020, 12, 31): 12, D(2023, 12, 31): 40},
    )
    indicator(thailand, "TH-1", values={D(2024, 1, 1): 7})  # not a member any more

    need = NeedFactory.create(party=cambodia, amount=Decimal(1000), currency="USD")
    SupportFactory.create(party=cambodia, need=need, amount=Decimal(400), currency="USD")
    NeedFactory.create(party=laos, amount=Decimal(500), currency="EUR")
    NeedFactory.create(party=thailand, amount=Decimal(9999), currency="USD")
    return {
        "asean": asean,
        "laos": laos,
        "vietnam": vietnam,
        "thailand": thailand,
        "kh_report": kh,
        "kh_old": old,
        "la_report": la,
        "regional": regional,
        "reduce": reduce,
        "no_target": no_target,
        "own": own,
    }


def grow(asean: Region, start: int = 0) -> None:
    """More of everything: members with reports, indicators with many values, needs."""
    for i, code in enumerate(("ID", "MY", "PH", "SG", "BN")):
        party = PartyFactory.create(country=code)
        RegionMembershipFactory.create(region=asean, party=party, start=D(1990, 1, 1))
        made = report(party, 80 + i, 2024, ["on_track", "achieved", None] * 4)
        for progress in made.progress.all()[:3]:
            AssessmentFactory.create(progress=progress, rating="achieved")
        for n in range(3):
            indicator(
                party,
                f"{code}-{n}",
                values={D(2010 + y, 1 + m, 1): y * 10 + m for y in range(16) for m in range(12)},
            )
        need = NeedFactory.create(party=party, amount=Decimal(100), currency="USD")
        SupportFactory.create(party=party, need=need, amount=Decimal(50), currency="USD")
    for n in range(start, start + 15):
        indicator(
            asean,
            f"ASEAN-X{n}",
            values={D(2000 + y, 1 + m, 1): y + m for y in range(27) for m in range(12)},
        )
