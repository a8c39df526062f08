"""The world-scale data set of `make bench`: every CITES Party in the NIAP process at once.

Generated, not true. The 54 Parties of `tusk.core.reference` keep their real names, categories
and region memberships; the other Parties up to 183 are real ISO 3166 countries with a generated
category and nothing else real. Every plan, report, rating, need, support record, partner past
the twelve of the demo and indicator value is invented, marked `is_demo`, and plainly worded
as generated. It exists so that pages can be timed at the size a global deployment would
reach, and it goes into a database of its own, never the demo's or a real one.

Rows are written with plain `bulk_create` in one transaction, with no history rows (a
synthetic set has no past to keep), in dependency order. Each Party draws from a random stream
of its own (the seed and its ISO code), so the same seed and sizes give the same data.
"""

from __future__ import annotations

import datetime
import time
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from functools import cache
from itertools import islice
from random import Random
from typing import Any

from django.contrib.auth.hashers import make_password
from django.db import DEFAULT_DB_ALIAS, models, transaction
from django_countries import countries

from niapdoc import scales
from tusk.accounts.choices import Role
from tusk.accounts.models import FocalPointMembership, User
from tusk.core import reference as ref
from tusk.core.choices import Category, Stage, TradeRole
from tusk.core.models import Meeting, Party, PartyCategory, Region, RegionMembership
from tusk.documents import demo_data as data
from tusk.plans.choices import IndicatorScope, PlanStatus
from tusk.plans.models import Action, Indicator, IndicatorValue, Pillar, Plan
from tusk.reports.choices import ReportStatus, SourceKind
from tusk.reports.models import ActionProgress, Assessment, ProgressReport
from tusk.support.choices import NeedStatus, PartnerKind, SupportRole, SupportStage
from tusk.support.models import ExchangeRate, Need, NeedTheme, Partner, Support
from tusk.support.themes import themes_guess

# Raise it whenever the data the generator writes changes, so that a stored set is rebuilt.
WORLD_VERSION = 1
WORLD_ALIAS = "world"
SOURCE = "Generated for the world-scale benchmark"
# Accounts of the benchmark database only, so that it can time pages as a logged-in user.
BENCH_PASSWORD = "tusk-bench-2026"  # noqa: S105
INDICATOR_END = datetime.date(2026, 10, 31)
# The five standard pillars; the demo's prosecution actions join enforcement, their pillar.
PILLAR_KEYS = ("legislation", "collaboration", "enforcement", "outreach", "reporting")
ACTION_POOL = {
    key: [
        a
        for a in data.ACTIONS
        if a.pillar == key or (key, a.pillar) == ("enforcement", "prosecution")
    ]
    for key in PILLAR_KEYS
}
PILLAR_TEXT = {p.key: p for p in data.PILLARS}
# US dollars per unit: rough 2024 values, good enough for synthetic amounts, not for use.
CURRENCIES: dict[str, Decimal] = {
    "USD": Decimal("1"),
    "EUR": Decimal("1.08"),
    "GBP": Decimal("1.27"),
    "JPY": Decimal("0.0067"),
    "CHF": Decimal("1.13"),
    "CAD": Decimal("0.73"),
    "AUD": Decimal("0.66"),
    "SEK": Decimal("0.095"),
}
CURRENCY_WEIGHTS = (60, 18, 10, 3, 3, 2, 2, 2)
# Territories and other ISO 3166 entries that are not States, so cannot be CITES Parties.
_NOT_STATES = (
    "AI AQ AS AW AX BL BM BQ BV CC CK CW CX EH FK FO GF GG GI GL GP GS GU HM IM IO JE KY MF MO "
    "MP MQ MS NC NF NU PF PM PN PR PS RE SH SJ SX TC TF TK TW UM VA VG VI WF YT"
)
NOT_STATES = frozenset(_NOT_STATES.split())
# Where the reports to the latest meeting stand: the rest of the workflow, some missing.
MISSING = "missing"
LATEST_STATUSES = (
    (ReportStatus.PUBLISHED, 35),
    (ReportStatus.ASSESSED, 10),
    (ReportStatus.UNDER_REVIEW, 15),
    (ReportStatus.SUBMITTED, 15),
    (ReportStatus.RETURNED, 5),
    (ReportStatus.DRAFT, 10),
    (MISSING, 10),
)
ASSESSED_SHARE: dict[str, float] = {
    ReportStatus.UNDER_REVIEW: 0.5,
    ReportStatus.ASSESSED: 1.0,
    ReportStatus.PUBLISHED: 1.0,
}
NIAP6 = scales.SCALES[scales.NIAP6]


class WorldError(Exception):
    """The world data set cannot be generated where it was asked to be."""


@dataclass(frozen=True)
class WorldSize:
    """How big the world is; the defaults are the benchmark's, the tests pass tiny ones."""

    parties: int = 183
    meetings: int = 10
    actions: int = 60
    needs: int = 20_000
    support: int = 50_000
    partners: int = 150
    indicators_per_party: int = 5
    indicator_values: int = 1_000_000
    revised_share: float = 0.2
    seed: int = 20261121

    def as_dict(self) -> dict[str, Any]:
        """The sizes as plain data, to store beside the database and compare later."""
        return asdict(self)


@dataclass
class WorldSummary:
    """What a generation wrote, and how long it took."""

    size: WorldSize
    seconds: float
    counts: dict[str, int] = field(default_factory=dict)
    missing_reports: int = 0


@dataclass
class _Act:
    """An action as the generator follows it from report to report."""

    action: Action
    pillar: str
    text: data.ActionText
    level: float
    depends: bool
    carries: _Act | None = None


@dataclass
class _PartyWorld:
    """One Party's plans, their actions, and where it stands in the meetings."""

    party: Party
    rng: Random
    lang: str
    acts: list[_Act] = field(default_factory=list)
    plan: Plan | None = None
    revised: tuple[Plan, list[_Act]] | None = None
    revise_at: int | None = None


def world_generate(*, size: WorldSize | None = None, using: str = DEFAULT_DB_ALIAS) -> WorldSummary:
    """Generate the world into the empty, migrated database `using`, in one transaction."""
    size = size or WorldSize()
    started = time.perf_counter()
    with transaction.atomic(using=using):
        if Party.objects.using(using).exists():
            raise WorldError(
                "the database already holds Parties: generate the world into an empty one"
            )
        world = _World(size, using)
        world.build()
    summary = WorldSummary(size=size, seconds=round(time.perf_counter() - started, 1))
    summary.counts = world_counts(using=using)
    summary.missing_reports = world.missing
    return summary


def world_counts(*, using: str = DEFAULT_DB_ALIAS) -> dict[str, int]:
    """Rows of each generated table in the database `using`."""
    # fmt: off
    tables: tuple[type[models.Model], ...] = (
        Party, PartyCategory, RegionMembership, Meeting, Plan, Action, ProgressReport,
        ActionProgress, Assessment, Need, NeedTheme, Partner, Support, ExchangeRate, Indicator,
        IndicatorValue,
    )
    # fmt: on
    return {
        str(model._meta.verbose_name_plural): model._default_manager.using(using).count()
        for model in tables
    }


def _chunks(rows: Iterable[Any], size: int) -> Iterator[list[Any]]:
    iterator = iter(rows)
    while batch := list(islice(iterator, size)):
        yield batch


@cache
def _themes(title: str, standard: str) -> tuple[str, ...]:
    return tuple(themes_guess(title, standard))


class _World:
    """Builds the world table by table and writes each in bulk as soon as it is complete."""

    def __init__(self, size: WorldSize, using: str) -> None:
        self.size = size
        self.using = using
        self.parties: list[_PartyWorld] = []
        self.meetings: list[Meeting] = []
        self.partners: list[Partner] = []
        self.analyst: User | None = None
        self.missing = 0

    def write(self, model: type[models.Model], rows: Iterable[Any]) -> None:
        """Insert `rows` in batches, without history rows."""
        for batch in _chunks(rows, 20_000):
            model._default_manager.using(self.using).bulk_create(batch)

    def build(self) -> None:
        self.reference()
        self.accounts()
        self.plans()
        for index in range(len(self.meetings)):
            self.reports(index)
        self.needs_and_support()
        self.indicators()

    # Reference data: meetings, Parties, categories, regions.

    def reference(self) -> None:
        """The real meetings, the Parties (real names, generated roles) and their groupings."""
        sc = sorted((m for m in ref.MEETINGS if m.kind == ref.SC), key=lambda m: m.start_date)
        taking = {(m.kind, m.number) for m in sc[-self.size.meetings :]}
        meetings = [
            Meeting(
                kind=m.kind,
                number=m.number,
                start_date=m.start_date,
                end_date=m.end_date,
                place=m.place,
                takes_niap_reports=(m.kind, m.number) in taking,
                dates_note=m.dates_note,
                is_demo=((m.kind, m.number) in taking) != m.takes_niap_reports,
            )
            for m in ref.MEETINGS
        ]
        self.write(Meeting, meetings)
        self.meetings = sorted(
            (m for m in meetings if m.takes_niap_reports),
            key=lambda m: m.start_date or datetime.date.min,
        )
        self.parties_make()
        self.groupings()

    def parties_make(self) -> None:
        known = {p.country: p for p in ref.PARTIES}
        # Cambodia and Gabon first: the pages and personas everyone times and tests use them.
        codes = ["KH", "GA", *sorted(c for c in known if c not in {"KH", "GA"})]
        others = sorted(c for c, _name in countries if c not in known and c not in NOT_STATES)
        Random(f"{self.size.seed}:countries").shuffle(others)
        codes = (codes + others)[: self.size.parties]
        if len(codes) < self.size.parties:
            raise WorldError(f"only {len(codes)} countries are known: ask for fewer Parties")
        roles = list(TradeRole.values)
        parties = []
        for code in codes:
            rng = Random(f"{self.size.seed}:{code}")
            real = known.get(code)
            party = Party(
                country=code,
                name=real.name if real else "",
                trade_role=(real.trade_role if real else "") or rng.choice(roles),
                stage=Stage.IMPLEMENTING,
                in_niap_process=True,
                is_demo=True,
            )
            parties.append(party)
            lang = "fr" if code in data.FRANCOPHONE else "en"
            self.parties.append(_PartyWorld(party=party, rng=rng, lang=lang))
        self.write(Party, parties)

    def groupings(self) -> None:
        """Real categories and memberships where known; a generated CoP19 category otherwise."""
        by_code = {w.party.code: w.party for w in self.parties}
        categories = [
            PartyCategory(
                party=by_code[c.country], cycle=c.cycle, category=c.category, source=c.source
            )
            for c in ref.CATEGORIES
            if c.country in by_code
        ]
        rated = {c.party.code for c in categories if c.cycle == "CoP19"}
        for world in self.parties:
            if world.party.code not in rated:
                category = world.rng.choices(Category.values, weights=(15, 30, 55))[0]
                categories.append(
                    PartyCategory(
                        party=world.party,
                        cycle="CoP19",
                        category=category,
                        source=SOURCE,
                        is_demo=True,
                    )
                )
        self.write(PartyCategory, categories)
        regions = [Region(code=r.code, name=r.name) for r in ref.REGIONS]
        self.write(Region, regions)
        self.write(
            RegionMembership,
            [
                RegionMembership(region=region, party=by_code[m.country], start=m.start, end=m.end)
                for region, r in zip(regions, ref.REGIONS, strict=True)
                for m in r.members
                if m.country in by_code
            ],
        )

    def accounts(self) -> None:
        """The partners, the exchange rates, and two logins for timing pages as a user."""
        kinds = list(PartnerKind.values)
        partners = [
            Partner(name=p.name, acronym=p.acronym, kind=p.kind, website=p.website, is_demo=True)
            for p in data.PARTNERS[: self.size.partners]
        ]
        for i in range(len(partners), self.size.partners):
            partners.append(
                Partner(
                    name=f"Generated partner {i + 1:03d}",
                    acronym=f"GP{i + 1:03d}",
                    kind=kinds[i % len(kinds)],
                    is_demo=True,
                )
            )
        self.write(Partner, partners)
        self.partners = partners
        self.write(
            ExchangeRate,
            [
                ExchangeRate(
                    currency=code,
                    usd_per_unit=rate,
                    valid_from=datetime.date(2024, 1, 1),
                    source=SOURCE + ": rough values, not for use",
                )
                for code, rate in CURRENCIES.items()
            ],
        )
        password = make_password(BENCH_PASSWORD)
        analyst = User(username="analyst", role=Role.SECRETARIAT, password=password, is_demo=True)
        focal = User(username="focal.kh", role=Role.FOCAL_POINT, password=password, is_demo=True)
        self.write(User, [analyst, focal])
        self.analyst = analyst
        self.write(
            FocalPointMembership,
            [
                FocalPointMembership(user=focal, party=w.party, agency=SOURCE, is_demo=True)
                for w in self.parties[:1]
            ],
        )

    # Plans: one per Party, and a revision for some.

    def plans(self) -> None:
        first = self.meetings[0].start_date if self.meetings else datetime.date(2017, 11, 27)
        assert first is not None
        pillars: list[Pillar] = []
        actions: list[Action] = []
        for world in self.parties:
            adopted = first - datetime.timedelta(days=world.rng.randint(150, 400))
            world.plan = self.plan_make(world, 1, adopted)
            world.acts = self.fill(world, world.plan, pillars, actions, [])
            count = len(self.meetings)
            if count >= 3 and world.rng.random() < self.size.revised_share:
                world.revise_at = world.rng.randint(1, count - 1)
                world.plan.status = PlanStatus.SUPERSEDED
        self.write(Plan, [w.plan for w in self.parties])
        self.write(Pillar, pillars)
        self.write(Action, actions)
        revised = [w for w in self.parties if w.revise_at is not None]
        pillars, actions = [], []
        for world in revised:
            assert world.plan is not None and world.revise_at is not None
            start = self.meetings[world.revise_at - 1].start_date
            assert start is not None
            plan = self.plan_make(
                world, 2, start + datetime.timedelta(days=world.rng.randint(30, 120))
            )
            plan.previous = world.plan
            world.revised = (plan, self.fill(world, plan, pillars, actions, world.acts))
        self.write(Plan, [w.revised[0] for w in revised if w.revised])
        self.write(Pillar, pillars)
        self.write(Action, actions)

    def plan_make(self, world: _PartyWorld, version: int, adopted: datetime.date) -> Plan:
        name = world.party.name or str(countries.name(world.party.code))
        title = f"Generated NIAP of {name}" + (f" (revised {adopted.year})" if version > 1 else "")
        return Plan(
            party=world.party,
            version=version,
            title=title,
            status=PlanStatus.ADEQUATE,
            adopted=adopted,
            is_demo=True,
        )

    def fill(
        self,
        world: _PartyWorld,
        plan: Plan,
        pillars: list[Pillar],
        actions: list[Action],
        old: list[_Act],
    ) -> list[_Act]:
        """A plan's five pillars and its actions; a revision carries most old actions on."""
        rng = world.rng
        carried = [a for a in old if rng.random() < 0.85]
        per = [self.size.actions // 5 + (i < self.size.actions % 5) for i in range(5)]
        acts: list[_Act] = []
        year = plan.adopted.year if plan.adopted else 2017
        for number, (key, count) in enumerate(zip(PILLAR_KEYS, per, strict=True), 1):
            words = PILLAR_TEXT[key]
            pillar = Pillar(
                plan=plan,
                number=str(number),
                name=words.fr if world.lang == "fr" else words.en,
                standard=words.standard,
                order=number - 1,
            )
            pillars.append(pillar)
            mine = [a for a in carried if a.pillar == key]
            pool = ACTION_POOL[key]
            for j in range(count):
                before = mine[j] if j < len(mine) else None
                text = before.text if before else pool[rng.randrange(len(pool))]
                title = text.fr if world.lang == "fr" else text.en
                if j >= len(pool):
                    title += f" (phase {j // len(pool) + 1})"
                action = Action(
                    plan=plan,
                    pillar=pillar,
                    code=f"{number}.{j + 1}",
                    title=title,
                    flagged=rng.random() < 0.3,
                    lead_agency=rng.choice(
                        words.agencies_fr if world.lang == "fr" else words.agencies_en
                    ),
                    timeframe=f"{year}–{rng.randint(2019, 2028)}",
                    indicators=words.indicator_fr if world.lang == "fr" else words.indicator_en,
                    replaces=before.action if before else None,
                    order=len(acts),
                )
                actions.append(action)
                acts.append(
                    _Act(
                        action=action,
                        pillar=key,
                        text=text,
                        level=before.level if before else rng.uniform(0.05, 0.35),
                        depends=before.depends if before else rng.random() < 0.1,
                        carries=before,
                    )
                )
        return acts

    # Reports: one per Party and meeting, with progress and the Secretariat's assessments.

    def reports(self, index: int) -> None:
        """Every Party's report to the meeting at `index`, written meeting by meeting."""
        meeting = self.meetings[index]
        latest = index == len(self.meetings) - 1
        reports: list[ProgressReport] = []
        progress: list[ActionProgress] = []
        assessments: list[Assessment] = []
        for world in self.parties:
            rng = world.rng
            if index:
                for act in world.acts:
                    if rng.random() >= 0.15:
                        act.level = min(1.0, act.level + rng.uniform(0.02, 0.12))
            if index == world.revise_at and world.revised:
                world.plan, world.acts = world.revised
                # A carried-on action starts where the old one has got to by now.
                for act in world.acts:
                    act.level = act.carries.level if act.carries else act.level
            if latest:
                names, weights = zip(*LATEST_STATUSES, strict=True)
                status = rng.choices(names, weights=weights)[0]
            else:
                status = MISSING if index and rng.random() < 0.04 else ReportStatus.PUBLISHED
            if status == MISSING:
                self.missing += 1
                continue
            report = self.report_make(world, meeting, status)
            reports.append(report)
            self.progress_make(world, report, progress, assessments)
        self.write(ProgressReport, reports)
        self.write(ActionProgress, progress)
        self.write(Assessment, assessments)

    def report_make(self, world: _PartyWorld, meeting: Meeting, status: str) -> ProgressReport:
        rng = world.rng
        due = meeting.due_date
        start = meeting.start_date
        assert due is not None and start is not None
        submitted = published = None
        if status != ReportStatus.DRAFT:
            # About one report in eight arrives late, after its due date.
            days = rng.randint(5, 60) if rng.random() < 0.12 else -rng.randint(0, 25)
            submitted = _at(due + datetime.timedelta(days=days), 10)
        if status == ReportStatus.PUBLISHED:
            published = _at(start - datetime.timedelta(days=14), 15)
        assert world.plan is not None
        return ProgressReport(
            party=world.party,
            meeting=meeting,
            plan=world.plan,
            status=status,
            scale=scales.NIAP6,
            language=world.lang,
            period_start=f"{due.year - 1:04d}-{due.month:02d}",
            period_end=f"{due.year:04d}-{due.month:02d}",
            prepared_by=f"CITES Management Authority ({SOURCE.lower()})",
            synopsis_overview=f"{SOURCE}: {len(world.acts)} actions, ratings invented.",
            source_kind=SourceKind.DEMO,
            submitted_at=submitted,
            published_at=published,
            is_demo=True,
        )

    def progress_make(
        self,
        world: _PartyWorld,
        report: ProgressReport,
        progress: list[ActionProgress],
        assessments: list[Assessment],
    ) -> None:
        rng = world.rng
        share = ASSESSED_SHARE.get(report.status, 0.0)
        for order, act in enumerate(world.acts):
            rating = _rating(act)
            row = ActionProgress(
                report=report,
                action=act.action,
                code=act.action.code,
                pillar=act.action.pillar.number if act.action.pillar else "",
                title=act.action.title,
                flagged=act.action.flagged,
                rating=rating,
                rating_part_b=rating,
                rating_part_c=rating,
                progress=_bullets(act, world.lang, rng),
                order=order,
            )
            progress.append(row)
            if share and rng.random() < share:
                other = _one_step(rating, rng) if rng.random() < 0.2 else rating
                comment = ""
                if other != rating:
                    lower = NIAP6.index(other) > NIAP6.index(rating)
                    comment = rng.choice(data.COMMENTS_LOWER if lower else data.COMMENTS_HIGHER)
                assessments.append(
                    Assessment(
                        progress=row,
                        rating=other,
                        comment=comment,
                        assessed_by=self.analyst,
                        is_demo=True,
                    )
                )

    # Needs and the partners' support.

    def needs_and_support(self) -> None:
        """The needs of each Party's open actions, then support spread over them."""
        needs: list[Need] = []
        themes: list[NeedTheme] = []
        count = len(self.parties)
        for i, world in enumerate(self.parties):
            rng = Random(f"{self.size.seed}:{world.party.code}:needs")
            share = self.size.needs // count + (i < self.size.needs % count)
            for _ in range(share):
                need, tags = self.need_make(world, rng)
                needs.append(need)
                themes += [NeedTheme(need=need, theme=t) for t in tags]
        support = self.support_make(needs)
        firm: dict[int, Decimal] = {}
        for item in support:
            helped = item.need
            if (
                helped
                and item.amount
                and item.currency == helped.currency
                and item.stage != "pledged"
            ):
                firm[id(helped)] = firm.get(id(helped), Decimal(0)) + item.amount
        rng = Random(f"{self.size.seed}:status")
        for need in needs:
            given = firm.get(id(need), Decimal(0))
            if need.amount is not None and given >= need.amount:
                need.status = NeedStatus.MET
            elif given:
                need.status = NeedStatus.PARTLY_MET
            elif rng.random() < 0.05:
                need.status = NeedStatus.WITHDRAWN
        self.write(Need, needs)
        self.write(NeedTheme, themes)
        self.write(Support, support)

    def need_make(self, world: _PartyWorld, rng: Random) -> tuple[Need, tuple[str, ...]]:
        open_acts = [a for a in world.acts if a.level < 0.92] or world.acts
        act = rng.choice(open_acts) if rng.random() < 0.9 else None
        text = act.text if act else None
        kind, title = (text.need, act.action.title) if act and text else rng.choice(data.PLAN_NEEDS)
        currency = rng.choices(list(CURRENCIES), weights=CURRENCY_WEIGHTS)[0]
        low, high = data.NEED_AMOUNTS[kind]
        usd = rng.randrange(low, high + 1, 1000)
        amount = Decimal(max(1000, round(usd / float(CURRENCIES[currency]) / 1000) * 1000))
        need = Need(
            party=world.party,
            action=act.action if act else None,
            kind=kind,
            description=data.NEED_TEXT[kind].format(title=title),
            amount=amount,
            currency=currency,
            needed_by=datetime.date(rng.randint(2025, 2028), rng.randint(1, 12), 1),
            status=NeedStatus.OPEN,
            is_demo=True,
        )
        standard = PILLAR_TEXT[act.pillar].standard if act else ""
        return need, _themes(text.en if text else title, standard)

    def support_make(self, needs: list[Need]) -> list[Support]:
        """Most support answers a need (a third of the needs get none); the rest goes to an
        action or a Party as a whole. A few large partners give much, most give little."""
        rng = Random(f"{self.size.seed}:support")
        total = self.size.support
        helped = [n for n in needs if rng.random() < 0.65] or needs[:1]
        against_needs = min(total, round(total * 0.85)) if helped else 0
        targets: list[Need | None] = list(helped[:against_needs])
        targets += [rng.choice(helped) for _ in range(against_needs - len(targets))]
        targets += [None] * (total - len(targets))
        weights = [1 / (rank + 1) for rank in range(len(self.partners))]
        stages = list(SupportStage.values)
        worlds = self.parties
        rows = []
        for need in targets:
            partner = rng.choices(self.partners, weights=weights)[0]
            world = None if need is not None else rng.choice(worlds)
            party = need.party if need is not None else world.party if world else None
            assert party is not None
            action = need.action if need is not None else None
            if world is not None and rng.random() < 0.6:
                action = rng.choice(world.acts).action
            currency = (
                need.currency
                if need is not None and rng.random() < 0.9
                else rng.choices(list(CURRENCIES), weights=CURRENCY_WEIGHTS)[0]
            )
            base = need.amount if need is not None and need.amount else Decimal(100_000)
            start = datetime.date(2019, 1, 1) + datetime.timedelta(days=rng.randint(0, 2500))
            rows.append(
                Support(
                    partner=partner,
                    party=party,
                    need=need,
                    action=action,
                    stage=rng.choices(stages, weights=(3, 3, 3, 2))[0],
                    role=rng.choices(SupportRole.values, weights=(7, 2, 1))[0],
                    description=f"{SOURCE}: support record",
                    amount=Decimal(max(500, round(float(base) * rng.uniform(0.15, 0.8), -2))),
                    currency=currency,
                    date=start + datetime.timedelta(days=rng.randint(0, 90)),
                    period_start=start,
                    period_end=start + datetime.timedelta(days=rng.choice((180, 365, 730, 1095))),
                    is_demo=True,
                )
            )
        return rows

    # Road-map indicators and their values.

    def indicators(self) -> None:
        """The regions' indicators and each Party's, with values day by day up to a date."""
        owners: list[tuple[data.IndicatorText, str, Party | None, Region | None]] = []
        for region in Region.objects.using(self.using).order_by("code"):
            owners += [
                (w, w.code, None, region) for w in data.REGION_INDICATORS.get(region.code, ())
            ]
        per = min(self.size.indicators_per_party, len(data.COUNTRY_INDICATORS))
        for world in self.parties:
            code = world.party.code
            owners += [
                (w, f"{code}-{w.code}", world.party, None) for w in data.COUNTRY_INDICATORS[:per]
            ]
        indicators = [
            Indicator(
                scope=IndicatorScope.REGION if region else IndicatorScope.COUNTRY,
                party=party,
                region=region,
                code=code,
                name=words.name,
                unit=words.unit,
                standard=words.standard,
                baseline=Decimal(words.baseline),
                baseline_year=2016,
                target=Decimal(words.target),
                target_year=2030,
                is_demo=True,
            )
            for words, code, party, region in owners
        ]
        self.write(Indicator, indicators)
        if indicators:
            self.write(IndicatorValue, self.values(indicators))

    def values(self, indicators: list[Indicator]) -> Iterator[IndicatorValue]:
        """`indicator_values` values shared out among the indicators, one a day, ending on
        INDICATOR_END, drifting from the baseline towards the target with some noise."""
        total, count = self.size.indicator_values, len(indicators)
        rng = Random(f"{self.size.seed}:values")
        for i, indicator in enumerate(indicators):
            days = total // count + (i < total % count)
            baseline = float(indicator.baseline or 0)
            step = (float(indicator.target or 0) - baseline) / max(days, 1) * rng.uniform(0.4, 0.9)
            cumulative = "cumulative" in indicator.unit
            value = baseline
            first = INDICATOR_END - datetime.timedelta(days=days - 1)
            for day in range(days):
                noise = 0.0 if cumulative else rng.gauss(0, abs(step) * 20 + 0.5)
                value = value + step if cumulative else baseline + step * day + noise
                yield IndicatorValue(
                    indicator=indicator,
                    date=first + datetime.timedelta(days=day),
                    value=Decimal(f"{max(value, 0):.2f}"),
                    source=SOURCE,
                    is_demo=True,
                )


def _at(day: datetime.date, hour: int) -> datetime.datetime:
    return datetime.datetime(day.year, day.month, day.day, hour, tzinfo=datetime.UTC)


def _rating(act: _Act) -> str:
    """The Party's rating on the six-level scale, from how far the action has come."""
    if act.depends and act.level < 0.5:
        return scales.PENDING_OTHER_ACTION
    for floor, rating in (
        (0.92, scales.ACHIEVED),
        (0.75, scales.SUBSTANTIALLY_ACHIEVED),
        (0.5, scales.ON_TRACK),
        (0.2, scales.PARTIAL_PROGRESS),
    ):
        if act.level >= floor:
            return rating
    return scales.NOT_COMMENCED


def _one_step(rating: str, rng: Random) -> str:
    """The Secretariat's rating one step apart, lower four times in five."""
    ladder = [r for r in NIAP6 if r != scales.PENDING_OTHER_ACTION]
    if rating not in ladder:
        return scales.ON_TRACK
    i = ladder.index(rating)
    worse = rng.random() < 0.8
    return ladder[i + 1] if (worse and i + 1 < len(ladder)) or i == 0 else ladder[i - 1]


def _bullets(act: _Act, lang: str, rng: Random) -> list[str]:
    """One or two progress bullets fitting how far the action has come."""
    if act.level < 0.2:
        options = data.EARLY_BULLETS[:2]
    else:
        key = "prosecution" if act.text.pillar == "prosecution" else act.pillar
        options = data.BULLETS[key, "high" if act.level >= 0.75 else "mid"]
    n = rng.randint(3, 40)
    values = {
        "agency": act.action.lead_agency,
        "partner": "UNODC",
        "month": data.MONTHS[lang][rng.randrange(12)],
        "year": rng.randint(2017, 2025),
        "n": n,
        "m": rng.randint(2, n),
    }
    picks = rng.sample(options, min(len(options), rng.randint(1, 2)))
    return [pick[1 if lang == "fr" else 0].format(**values) for pick in picks]
