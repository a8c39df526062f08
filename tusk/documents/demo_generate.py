"""Generated demo data: plans, progress reports, assessments, needs and support.

Plausible, not true. Each Party's plan and reports come from a random stream of its own (the
seed and its ISO code), so one Party's data does not depend on another's. Every action has a
hidden degree of completion that grows from report to report; the Party's rating follows it on
the report's scale, and the Secretariat, on some actions, rates one step apart with a reason.
Rows are built in memory and written in bulk, with their history rows, in dependency order.
"""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from random import Random
from typing import Any

from django.db import models
from django.utils import translation
from simple_history.utils import bulk_create_with_history

from niapdoc import scales
from tusk.accounts.models import User
from tusk.core.choices import Stage
from tusk.core.meetings import parse_meeting_code
from tusk.core.models import Meeting, Party, PartyCategory
from tusk.core.services import audit_record
from tusk.documents import demo_data as data
from tusk.documents.demo_data import MISSING, PINNED
from tusk.plans.choices import PlanStatus
from tusk.plans.models import Action, Pillar, Plan
from tusk.reports.choices import FindingCode, ReportStatus, Severity, SourceKind
from tusk.reports.models import ActionProgress, Assessment, Finding, ProgressReport
from tusk.support.choices import NeedKind, NeedStatus, PartnerKind, SupportRole, SupportStage
from tusk.support.models import Need, NeedTheme, Partner, Support
from tusk.support.themes import themes_guess

REASON = "demo data"
ACHIEVED_AT = 0.92
# Where a pinned rating puts an action's degree of completion.
LEVEL_OF = {
    scales.ACHIEVED: 0.95,
    scales.SUBSTANTIALLY_ACHIEVED: 0.82,
    scales.ON_TRACK: 0.6,
    scales.PARTIAL_PROGRESS: 0.35,
    scales.PENDING_OTHER_ACTION: 0.3,
    scales.NOT_COMMENCED: 0.1,
}
SEED_LEVEL = {
    scales.SUBSTANTIALLY_ACHIEVED: 0.8,
    scales.ON_TRACK: 0.55,
    scales.CHALLENGING: 0.25,
    scales.UNCLEAR: 0.15,
}
# One step better or worse, for the Secretariat; the other ratings move onto these ladders.
LADDERS = {
    scales.NIAP4: (scales.SUBSTANTIALLY_ACHIEVED, scales.ON_TRACK, scales.CHALLENGING),
    scales.NIAP6: (
        scales.ACHIEVED,
        scales.SUBSTANTIALLY_ACHIEVED,
        scales.ON_TRACK,
        scales.PARTIAL_PROGRESS,
        scales.NOT_COMMENCED,
    ),
}
OFF_LADDER = {scales.UNCLEAR: scales.CHALLENGING, scales.PENDING_OTHER_ACTION: scales.ON_TRACK}
PILLARS = {p.key: p for p in data.PILLARS}
# How many of a report's actions the Secretariat has assessed, by the report's status.
ASSESSED_SHARE: dict[str, float] = {
    ReportStatus.UNDER_REVIEW: 0.5,
    ReportStatus.ASSESSED: 1.0,
    ReportStatus.PUBLISHED: 1.0,
}
STAGES: tuple[tuple[str, type[models.Model]], ...] = (
    ("plans", Plan),
    ("revisions", Plan),
    ("pillars", Pillar),
    ("actions", Action),
    ("revised_actions", Action),
    ("reports", ProgressReport),
    ("progress", ActionProgress),
    ("assessments", Assessment),
    ("findings", Finding),
    ("needs", Need),
    ("need_themes", NeedTheme),
    ("support", Support),
)


def write_rows(model: type[models.Model], rows: list[Any]) -> None:
    """Insert `rows` in bulk with one history row each, as a save would have written."""
    if rows:
        bulk_create_with_history(rows, model, default_change_reason=REASON)


@dataclass
class _Act:
    """An action of a plan, as the generator follows it from report to report."""

    action: Action
    pillar: str
    level: float
    index: int | None = None
    depends: bool = False
    agency: str = ""


def schedule() -> dict[Party, list[Meeting]]:
    """The meetings each Party in the NIAP process reports to, from its entry to its exit."""
    meetings = list(
        Meeting.objects.filter(takes_niap_reports=True, start_date__isnull=False).order_by(
            "start_date"
        )
    )
    cops = {
        m.number: m.start_date
        for m in Meeting.objects.filter(kind="CoP", start_date__isnull=False)
        if m.start_date
    }
    first: dict[int, tuple[int, str]] = {}
    for row in PartyCategory.objects.all():
        parsed = parse_meeting_code(row.cycle)
        if parsed and parsed[1] in cops:
            first[row.party_id] = min(
                first.get(row.party_id, (parsed[1], row.category)), (parsed[1], row.category)
            )
    default = (min(cops), "B") if cops else None
    result: dict[Party, list[Meeting]] = {}
    for party in Party.objects.filter(in_niap_process=True).order_by("country"):
        cycle = first.get(party.pk, default)
        entry = datetime.date.min
        if cycle is not None:
            entry = cops[cycle[0]] + datetime.timedelta(days=data.FIRST_REPORT_AFTER[cycle[1]])
        last = (
            data.EXITS.get(party.code, data.DEFAULT_EXIT) if party.stage == Stage.EXITED else None
        )
        result[party] = [
            m
            for m in meetings
            if party.stage != Stage.DEVELOPING
            and m.start_date
            and m.start_date >= entry
            and (last is None or m.number <= last)
        ]
    return result


def missing_reports() -> int:
    """How many reports the schedule expects that no Party has made."""
    present = set(
        ProgressReport.objects.filter(is_current=True).values_list("party_id", "meeting_id")
    )
    return sum(
        (party.pk, meeting.pk) not in present
        for party, meetings in schedule().items()
        for meeting in meetings
    )


def generate(
    *,
    seed: int,
    seed_report: ProgressReport,
    partners: dict[str, Partner],
    analyst: User | None,
    focal_points: dict[str, User],
) -> None:
    """Generate and write the demo plans, reports, assessments, needs and support."""
    planned = schedule()
    every = [m for meetings in planned.values() for m in meetings]
    latest = max(every, key=lambda m: m.start_date or datetime.date.min, default=None)
    builder = _Builder(
        partners=partners,
        analyst=analyst,
        focal_points=focal_points,
        latest=latest,
        latest_status=_latest_statuses(seed, planned, latest),
    )
    real_reports = set(
        ProgressReport.objects.filter(is_demo=False).values_list("party_id", "meeting_id")
    )
    real_plans = set(Plan.objects.filter(is_demo=False).values_list("party_id", flat=True))
    for party, meetings in planned.items():
        rng = Random(f"{seed}:{party.code}")
        skip = {meeting for party_id, meeting in real_reports if party_id == party.pk}
        if party.pk == seed_report.party_id:
            builder.party(party, meetings, rng, skip, seed_report.plan, _seed_acts(seed_report))
        elif party.pk not in real_plans:
            builder.party(party, meetings, rng, skip)
    builder.write()


def _latest_statuses(
    seed: int, planned: dict[Party, list[Meeting]], latest: Meeting | None
) -> dict[str, str]:
    codes = sorted(party.code for party, meetings in planned.items() if latest in meetings)
    others = [code for code in codes if code not in data.LATEST_FIXED]
    Random(f"{seed}:latest").shuffle(others)
    statuses: dict[str, str] = {
        code: data.LATEST_FIXED[code] for code in codes if code in data.LATEST_FIXED
    }
    for i, code in enumerate(others):
        statuses[code] = (
            data.LATEST_ORDER[i] if i < len(data.LATEST_ORDER) else ReportStatus.SUBMITTED
        )
    return statuses


def _seed_acts(report: ProgressReport) -> list[_Act]:
    """Cambodia's real plan, each action starting where the real report rated it."""
    ratings = {p.code: p.rating for p in report.progress.all()}
    return [
        _Act(
            action=action,
            pillar=(action.pillar.standard if action.pillar else "") or "collaboration",
            level=SEED_LEVEL.get(ratings.get(action.code) or "", 0.3),
            agency="Forestry Administration",
        )
        for action in report.plan.actions.select_related("pillar").order_by("order", "id")
    ]


def _month(day: datetime.date) -> int:
    return day.year * 12 + day.month - 1


def _yyyy_mm(month: int) -> str:
    return f"{month // 12:04d}-{month % 12 + 1:02d}"


def _month_words(month: int, lang: str) -> str:
    return f"{data.MONTHS[lang][month % 12]} {month // 12}"


def _at(day: datetime.date, hour: int) -> datetime.datetime:
    return datetime.datetime(day.year, day.month, day.day, hour, tzinfo=datetime.UTC)


def _join(items: list[str], lang: str) -> str:
    if len(items) < 2:
        return "".join(items)
    return ", ".join(items[:-1]) + (" et " if lang == "fr" else " and ") + items[-1]


def _advance(acts: list[_Act], rng: Random) -> None:
    for act in acts:
        if rng.random() >= 0.15:
            act.level = min(1.0, act.level + rng.uniform(0.03, 0.22))


def _party_rating(act: _Act, scale: str, rng: Random) -> str:
    if scale == scales.NIAP4:
        if rng.random() < 0.05:
            return scales.UNCLEAR
        if act.level >= 0.7:
            return scales.SUBSTANTIALLY_ACHIEVED
        # On the four-level scale Parties called most actions that had started "on track".
        if act.level >= 0.4 or (act.level >= 0.1 and rng.random() < 0.7):
            return scales.ON_TRACK
        return scales.CHALLENGING
    if act.depends and act.level < 0.5:
        return scales.PENDING_OTHER_ACTION
    for floor, rating in (
        (ACHIEVED_AT, scales.ACHIEVED),
        (0.75, scales.SUBSTANTIALLY_ACHIEVED),
        (0.5, scales.ON_TRACK),
        (0.2, scales.PARTIAL_PROGRESS),
    ):
        if act.level >= floor:
            return rating
    return scales.NOT_COMMENCED


def _one_step_apart(rating: str, scale: str, rng: Random) -> str:
    if rating in OFF_LADDER:
        return OFF_LADDER[rating]
    ladder = LADDERS[scale]
    i = ladder.index(rating)
    worse = rng.random() < 0.8
    if (worse and i + 1 < len(ladder)) or i == 0:
        return ladder[i + 1]
    return ladder[i - 1]


def _comment(party: str, secretariat: str, scale: str, rng: Random) -> str:
    if party == secretariat:
        return ""
    order = scales.SCALES[scale]
    lower = order.index(secretariat) > order.index(party)
    return rng.choice(data.COMMENTS_LOWER if lower else data.COMMENTS_HIGHER)


def _expand(counts: tuple[int, ...], scale: str) -> list[str]:
    return [
        rating for rating, n in zip(scales.SCALES[scale], counts, strict=True) for _ in range(n)
    ]


class _Builder:
    """Builds the demo rows in memory, Party by Party, then writes them in bulk."""

    def __init__(
        self,
        *,
        partners: dict[str, Partner],
        analyst: User | None,
        focal_points: dict[str, User],
        latest: Meeting | None,
        latest_status: dict[str, str],
    ) -> None:
        self.partners = partners
        self.analyst = analyst
        self.focal_points = focal_points
        self.latest = latest
        self.latest_status = latest_status
        self.rows: dict[str, list[Any]] = {name: [] for name, _ in STAGES}
        self.returned: list[ProgressReport] = []

    def write(self) -> None:
        for name, model in STAGES:
            write_rows(model, self.rows[name])
        for report in self.returned:
            audit_record(
                actor=None,
                verb="report.return",
                target=report,
                before={"status": ReportStatus.UNDER_REVIEW},
                after={"status": ReportStatus.RETURNED},
                reason=data.RETURN_REASON,
            )

    def party(
        self,
        party: Party,
        meetings: list[Meeting],
        rng: Random,
        skip: set[int],
        plan: Plan | None = None,
        acts: list[_Act] | None = None,
    ) -> None:
        """A Party's plan (one or two versions), its reports and its needs."""
        lang = "fr" if party.code in data.FRANCOPHONE else "en"
        with translation.override(lang):
            name = str(party.display_name)
        pins = [i for i, m in enumerate(meetings) if (party.code, m.number) in PINNED]
        revise_at = None
        if plan is None or acts is None:
            first = meetings[0].start_date if meetings else None
            first = first or datetime.date(2024, 6, 1)
            size = sum(PINNED[party.code, meetings[pins[0]].number][0]) if pins else 0
            adopted = first - datetime.timedelta(days=rng.randint(150, 400))
            plan, acts = self.new_plan(party, name, lang, adopted, size or rng.randint(8, 20), rng)
            if not meetings:
                plan.status, plan.adopted = PlanStatus.DRAFT, None
            revise_at = self._revision_point(meetings, pins, rng)
        start = _month(plan.adopted) + 1 if plan.adopted else None
        for i, meeting in enumerate(meetings):
            if i:
                _advance(acts, rng)
            if i == revise_at:
                plan, acts = self.revise(
                    party, name, lang, plan, acts, meetings[i - 1 : i + 1], rng
                )
            end = _month(meeting.due_date or meeting.start_date or datetime.date.min) - 1
            status = self._status(meeting, i, pins, party.code, rng)
            if meeting.pk not in skip and status != MISSING:
                opens = end - 11 if start is None else min(start, end)
                self.report(party, name, lang, plan, acts, meeting, status, (opens, end), rng)
            start = end + 1
        if party.stage != Stage.EXITED:
            self.needs(party, acts, rng)

    def _revision_point(self, meetings: list[Meeting], pins: list[int], rng: Random) -> int | None:
        if len(meetings) < 4 or rng.random() >= 0.4:
            return None
        low = max(2, max(pins, default=0) + 1)
        return rng.randint(low, len(meetings) - 1) if low < len(meetings) else None

    def _status(self, meeting: Meeting, i: int, pins: list[int], code: str, rng: Random) -> str:
        if meeting == self.latest:
            return self.latest_status.get(code, ReportStatus.SUBMITTED)
        if i and i not in pins and rng.random() < 0.05:
            return MISSING
        return ReportStatus.PUBLISHED

    def new_plan(
        self, party: Party, name: str, lang: str, adopted: datetime.date, size: int, rng: Random
    ) -> tuple[Plan, list[_Act]]:
        six = rng.random() < 0.6
        keys = [p.key for p in data.PILLARS if six or p.key != "prosecution"]
        pool = {k: [i for i, a in enumerate(data.ACTIONS) if a.pillar == k] for k in keys}
        chosen = {k: rng.sample(pool[k], 1) for k in keys}
        rest = [i for k in keys for i in pool[k] if i not in chosen[k]]
        rng.shuffle(rest)
        for i in rest[: max(0, size - len(keys))]:
            chosen[data.ACTIONS[i].pillar].append(i)
        items: dict[str, list[tuple[int, _Act | None]]] = {
            k: [(i, None) for i in sorted(chosen[k])] for k in keys
        }
        title = data.PLAN_TITLE[lang][0].format(party=name)
        plan = Plan(
            party=party,
            version=1,
            title=title,
            status=PlanStatus.ADEQUATE,
            adopted=adopted,
            is_demo=True,
        )
        self.rows["plans"].append(plan)
        return plan, self._fill(plan, lang, items, rng)

    def revise(
        self,
        party: Party,
        name: str,
        lang: str,
        old: Plan,
        acts: list[_Act],
        between: list[Meeting],
        rng: Random,
    ) -> tuple[Plan, list[_Act]]:
        """A revised plan: achieved actions dropped, the others carried on, a few new ones."""
        old.status = PlanStatus.SUPERSEDED
        before, after = (m.start_date or datetime.date.min for m in between)
        adopted = before + (after - before) / 2
        kept = [a for a in acts if a.level < ACHIEVED_AT]
        keys = list(dict.fromkeys(a.pillar for a in acts))
        used = {a.index for a in acts}
        fresh = [i for i, a in enumerate(data.ACTIONS) if a.pillar in keys and i not in used]
        rng.shuffle(fresh)
        extra = max(rng.randint(2, 4), 8 - len(kept))
        items: dict[str, list[tuple[int, _Act | None]]] = {k: [] for k in keys}
        for act in kept:
            items[act.pillar].append((act.index or 0, act))
        for i in fresh[: min(extra, 20 - len(kept))]:
            items[data.ACTIONS[i].pillar].append((i, None))
        title = data.PLAN_TITLE[lang][1].format(party=name, year=adopted.year)
        plan = Plan(
            party=party,
            version=old.version + 1,
            title=title,
            status=PlanStatus.ADEQUATE,
            adopted=adopted,
            previous=old,
            is_demo=True,
        )
        self.rows["revisions"].append(plan)
        return plan, self._fill(plan, lang, {k: v for k, v in items.items() if v}, rng)

    def _fill(
        self,
        plan: Plan,
        lang: str,
        items: dict[str, list[tuple[int, _Act | None]]],
        rng: Random,
    ) -> list[_Act]:
        """Make a plan's pillars and actions; an action that carries an old one on says so."""
        acts: list[_Act] = []
        year = plan.adopted.year if plan.adopted else 2015
        for number, (key, entries) in enumerate(items.items(), 1):
            words = PILLARS[key]
            pillar = Pillar(
                plan=plan,
                number=str(number),
                name=words.fr if lang == "fr" else words.en,
                standard=words.standard,
                order=number - 1,
            )
            self.rows["pillars"].append(pillar)
            agencies = words.agencies_fr if lang == "fr" else words.agencies_en
            for j, (index, old) in enumerate(entries, 1):
                title = data.ACTIONS[index]
                agency = old.agency if old else "; ".join(rng.sample(agencies, rng.randint(1, 2)))
                action = Action(
                    plan=plan,
                    pillar=pillar,
                    code=f"{number}.{j}",
                    title=title.fr if lang == "fr" else title.en,
                    flagged=old.action.flagged if old else rng.random() < 0.3,
                    lead_agency=agency,
                    timeframe=rng.choice(data.TIMEFRAME[lang]).format(
                        a=year, b=year + rng.randint(1, 4)
                    ),
                    indicators=words.indicator_fr if lang == "fr" else words.indicator_en,
                    replaces=old.action if old else None,
                    order=len(acts),
                )
                self.rows["actions" if plan.version == 1 else "revised_actions"].append(action)
                acts.append(
                    _Act(
                        action=action,
                        pillar=key,
                        level=old.level if old else rng.uniform(0.05, 0.35),
                        index=index,
                        depends=old.depends if old else rng.random() < 0.1,
                        agency=agency,
                    )
                )
        return acts

    def _ratings(
        self, code: str, meeting: Meeting, acts: list[_Act], scale: str, rng: Random
    ) -> list[tuple[str, str, str]]:
        """Each action's rating by the Party, by the Secretariat, and the Secretariat's reason."""
        pin = PINNED.get((code, meeting.number))
        if pin and sum(pin[0]) == len(acts):
            ranked = sorted(range(len(acts)), key=lambda i: -acts[i].level)
            party, secretariat = _expand(pin[0], scale), _expand(pin[1], scale)
            result: list[tuple[str, str, str]] = [("", "", "")] * len(acts)
            for rank, i in enumerate(ranked):
                comment = _comment(party[rank], secretariat[rank], scale, rng)
                result[i] = (party[rank], secretariat[rank], comment)
                acts[i].level = LEVEL_OF[party[rank]]
                acts[i].depends = party[rank] == scales.PENDING_OTHER_ACTION
            return result
        differ = rng.uniform(0.15, 0.25)
        result = []
        for act in acts:
            rating = _party_rating(act, scale, rng)
            other = _one_step_apart(rating, scale, rng) if rng.random() < differ else rating
            result.append((rating, other, _comment(rating, other, scale, rng)))
        return result

    def report(
        self,
        party: Party,
        name: str,
        lang: str,
        plan: Plan,
        acts: list[_Act],
        meeting: Meeting,
        status: str,
        period: tuple[int, int],
        rng: Random,
    ) -> None:
        """A progress report with its actions' progress, and the Secretariat's assessments."""
        scale = scales.NIAP4 if meeting.number < data.NIAP6_FROM else scales.NIAP6
        ratings = self._ratings(party.code, meeting, acts, scale, rng)
        overview, progress, outlook = self._synopsis(
            acts, [r[0] for r in ratings], scale, lang, period
        )
        submitted, published = self._times(meeting, status, rng)
        report = ProgressReport(
            party=party,
            meeting=meeting,
            plan=plan,
            status=status,
            scale=scale,
            language=lang,
            period_start=_yyyy_mm(period[0]),
            period_end=_yyyy_mm(period[1]),
            prepared_by=data.PREPARED_BY[lang].format(party=name),
            synopsis_overview=overview,
            synopsis_progress=progress,
            synopsis_outlook=outlook,
            source_kind=SourceKind.DEMO,
            created_by=self.focal_points.get(party.code),
            submitted_at=submitted,
            published_at=published,
            is_demo=True,
        )
        self.rows["reports"].append(report)
        if status == ReportStatus.RETURNED:
            self.returned.append(report)
        blank = -1
        if status == ReportStatus.DRAFT and rng.random() < 0.6:
            blank = rng.randrange(len(acts))
        for order, (act, rated) in enumerate(zip(acts, ratings, strict=True)):
            self._progress(report, order, act, rated, order == blank, lang, period, rng)

    def _progress(
        self,
        report: ProgressReport,
        order: int,
        act: _Act,
        rated: tuple[str, str, str],
        blank: bool,
        lang: str,
        period: tuple[int, int],
        rng: Random,
    ) -> None:
        """What a report says of one action; the Secretariat's assessment once it reviews it."""
        rating, secretariat, comment = rated
        given = None if blank else rating
        row = ActionProgress(
            report=report,
            action=act.action,
            code=act.action.code,
            pillar=act.action.pillar.number if act.action.pillar else "",
            title=act.action.title,
            flagged=act.action.flagged,
            rating=given,
            rating_part_b=given,
            rating_part_c=given,
            progress=self._bullets(act, lang, period, rng),
            order=order,
        )
        self.rows["progress"].append(row)
        share = ASSESSED_SHARE.get(report.status, 0.0)
        if share and rng.random() < share:
            self.rows["assessments"].append(
                Assessment(
                    progress=row,
                    rating=secretariat,
                    comment=comment,
                    assessed_by=self.analyst,
                    is_demo=True,
                )
            )
        if given is None:
            self.rows["findings"].append(
                Finding(
                    report=report,
                    code=FindingCode.RATING_MISSING,
                    severity=Severity.ERROR,
                    action_code=row.code,
                    message=f"Action {row.code} has no rating yet: choose one before submitting.",
                )
            )

    def _times(
        self, meeting: Meeting, status: str, rng: Random
    ) -> tuple[datetime.datetime | None, datetime.datetime | None]:
        """When a report was submitted and published: around its due date, before the meeting."""
        if status == ReportStatus.DRAFT or meeting.due_date is None or meeting.start_date is None:
            return None, None
        days = rng.randint(5, 45) if rng.random() < 0.12 else -rng.randint(0, 25)
        submitted = _at(meeting.due_date + datetime.timedelta(days=days), 10)
        if status != ReportStatus.PUBLISHED:
            return submitted, None
        return submitted, _at(meeting.start_date - datetime.timedelta(days=21), 15)

    def _synopsis(
        self, acts: list[_Act], ratings: list[str], scale: str, lang: str, period: tuple[int, int]
    ) -> tuple[str, str, str]:
        mean = sum(a.level for a in acts) / len(acts)
        state = "good" if mean >= 0.6 else "fair" if mean >= 0.35 else "slow"
        template, states = data.OVERVIEW[lang]
        overview = template.format(
            state=states[state],
            n=len(acts),
            start=_month_words(period[0], lang),
            end=_month_words(period[1], lang),
        )
        counts = Counter(ratings)
        parts = [
            data.COUNT_PART[lang].format(k=counts[r], label=scales.RATINGS[r].label(lang).lower())
            for r in scales.SCALES[scale]
            if counts[r]
        ]
        progress = data.COUNTS[lang].format(n=len(acts), parts=_join(parts, lang))
        best = [
            a.action.code
            for a, r in zip(acts, ratings, strict=True)
            if r in {scales.ACHIEVED, scales.SUBSTANTIALLY_ACHIEVED}
        ]
        if best:
            highlight = data.HIGHLIGHT[lang][len(best) > 1]
            progress += " " + highlight.format(codes=_join(best[:3], lang))
        behind = sorted(acts, key=lambda a: a.level)
        outlook = data.OUTLOOK[lang].format(
            code=behind[0].action.code,
            title=behind[0].action.title,
            codes=_join([a.action.code for a in behind[:3]], lang),
        )
        return overview, progress, outlook

    def _bullets(self, act: _Act, lang: str, period: tuple[int, int], rng: Random) -> list[str]:
        """One to three bullets of progress, as far as the action has come."""
        if act.depends and act.level < 0.5:
            options = data.EARLY_BULLETS[2:]
        elif act.level < 0.2:
            options = data.EARLY_BULLETS[:2]
        else:
            options = data.BULLETS[act.pillar, "high" if act.level >= 0.75 else "mid"]
        count = rng.randint(1, 3)
        picks = list(rng.sample(options, min(count, len(options))))
        if len(picks) < count:
            closing = data.CLOSING_BULLETS[:2] if act.level >= 0.75 else data.CLOSING_BULLETS
            picks.append(rng.choice(closing))
        month = rng.randint(*period)
        n = rng.randint(3, 40)
        partner = rng.choice(data.PARTNERS)
        values = {
            "agency": act.agency,
            "partner": partner.acronym or partner.name,
            "month": data.MONTHS[lang][month % 12],
            "year": month // 12,
            "n": n,
            "m": rng.randint(2, n),
        }
        return [pick[1 if lang == "fr" else 0].format(**values) for pick in picks]

    def needs(self, party: Party, acts: list[_Act], rng: Random) -> None:
        """What the Party's open actions still need; awareness and livelihoods find few funders."""
        candidates = [a for a in acts if a.level < ACHIEVED_AT]
        if not candidates:
            return
        chosen = rng.sample(candidates, min(len(candidates), rng.randint(4, 9)))
        outreach = [a for a in candidates if a.pillar == "outreach"]
        if outreach and not any(a.pillar == "outreach" for a in chosen):
            chosen[-1] = rng.choice(outreach)
        for act in chosen:
            words = data.ACTIONS[act.index] if act.index is not None else None
            kind = words.need if words else data.NEED_OF_PILLAR.get(act.pillar, NeedKind.FUNDING)
            title = words.en if words else act.action.title
            gap = act.pillar == "outreach" or bool(words and words.livelihood)
            description = data.NEED_TEXT[kind].format(title=title)
            self._need(party, act.action, act.pillar, kind, description, gap, rng)
        if rng.random() < 0.35:
            kind, description = rng.choice(data.PLAN_NEEDS)
            self._need(party, None, "", kind, description, False, rng)

    def _support(self, partner: Partner, need: Need, amount: Decimal, rng: Random) -> Support:
        """A partner's pledge, commitment or disbursement against a need."""
        stage = rng.choices(list(SupportStage), weights=(3, 3, 3, 2))[0]
        start = datetime.date(2019, 1, 1) + datetime.timedelta(days=rng.randint(0, 1800))
        end = start + datetime.timedelta(days=rng.choice((180, 365, 730, 1095)))
        implementing = partner.kind in {PartnerKind.NGO, PartnerKind.MULTILATERAL}
        support = Support(
            partner=partner,
            party=need.party,
            need=need,
            action=need.action,
            stage=stage,
            role=(
                SupportRole.IMPLEMENTING
                if implementing and rng.random() < 0.4
                else SupportRole.FUNDING
            ),
            description=data.SUPPORT_TEXT[stage],
            amount=amount,
            currency="USD",
            date=start + datetime.timedelta(days=rng.randint(0, 90)),
            period_start=start,
            period_end=end,
            is_demo=True,
        )
        self.rows["support"].append(support)
        return support

    def _need(
        self,
        party: Party,
        action: Action | None,
        pillar: str,
        kind: str,
        description: str,
        gap: bool,
        rng: Random,
    ) -> None:
        low, high = data.NEED_AMOUNTS[kind]
        amount = Decimal(rng.randrange(low, high + 1, 1000))
        needed_by = datetime.date(rng.randint(2025, 2027), rng.randint(1, 12), 1)
        need = Need(
            party=party,
            action=action,
            kind=kind,
            description=description,
            amount=amount,
            currency="USD",
            needed_by=needed_by,
            is_demo=True,
        )
        self.rows["needs"].append(need)
        title = action.title if action is not None else description
        for theme in themes_guess(title, PILLARS[pillar].standard if pillar in PILLARS else ""):
            self.rows["need_themes"].append(NeedTheme(need=need, theme=theme))
        if rng.random() >= (0.15 if gap else 0.7):
            need.status = NeedStatus.WITHDRAWN if rng.random() < 0.08 else NeedStatus.OPEN
            return
        names = [p.name for p in data.PARTNERS if pillar in p.pillars]
        names = names or [p.name for p in data.PARTNERS]
        count = 1 if rng.random() < 0.6 else 2
        share = rng.uniform(0.3, 1.15) / count
        firm = Decimal(0)
        for partner_name in rng.sample(names, min(count, len(names))):
            value = Decimal(max(1000, round(float(amount) * share / 1000) * 1000))
            support = self._support(self.partners[partner_name], need, value, rng)
            if support.stage != SupportStage.PLEDGED:
                firm += value
        need.status = (
            NeedStatus.MET if firm >= amount else NeedStatus.PARTLY_MET if firm else NeedStatus.OPEN
        )
