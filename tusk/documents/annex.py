"""The Secretariat's annex table (SC70 Doc. 27.4 Annex 1, Table 1), computed from the reports.

`annex_facts_for_user` is the one selector: with five queries, whatever the number of Parties,
it fetches what `user` may see of the chosen meeting and the one before it. Everything after
is pure: `annex_build` turns those facts into rows of shares, marks and footnotes that the page
and every export (`annex_export`) lay out alike.

The rules, so that the table can be checked by hand:

- **The meeting before** is the latest meeting of the same kind that takes NIAP reports and
  starts before the chosen one (by number when a meeting has no dates).
- **A Party's category** is the one of the ETIS cycle current at the meeting: its newest
  PartyCategory whose cycle's CoP number is at most that of the last CoP that started before
  the meeting. With no dated CoP before the meeting, its newest category of all.
- **Rows**: one per Party with a report the user may see at either meeting (drafts never
  count), grouped by category A, B, C, then uncategorised; by name within a group.
- **Shares**: of the actions the Party rated, and of those the Secretariat rated, so that each
  share is of its own count; rounded half up to a whole percent.
- **Blank cells**: no report for that meeting, or a plan revised since the meeting before
  (the report's plan is not the one reported on at the meeting before): the earlier
  meeting's cells are then blank, with a footnote.
"""

from __future__ import annotations

import datetime
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db.models import Min
from django.http import Http404
from django.utils.translation import gettext

from niapdoc import scales
from tusk.accounts.access import is_secretariat
from tusk.core.choices import Category
from tusk.core.meetings import parse_meeting_code
from tusk.core.models import Meeting, Party, PartyCategory
from tusk.core.pages_selectors import cycle_number
from tusk.reports.choices import Rating, ReportStatus
from tusk.reports.models import ActionProgress
from tusk.reports.selectors import assessments_visible, current_reports, report_list_for_user

# Every rating code of both scales, in the fixed order of the CSV columns and of the headers:
# the six-level scale best first, then the two codes only the four-level scale has.
RATING_ORDER: tuple[str, ...] = tuple(Rating.values)

# The kinds of footnote, in the order they are numbered.
UNPUBLISHED, LATE, FIRST, REVISED, COUNTS = "unpublished", "late", "first", "revised", "counts"
NOTE_KINDS = (UNPUBLISHED, LATE, FIRST, REVISED, COUNTS)
UNCATEGORISED = ""


def note_text(kind: str) -> str:
    """What a footnote of `kind` says, in the active language."""
    texts = {
        UNPUBLISHED: gettext("Not yet published: shown to the Secretariat only."),
        LATE: gettext("Report submitted after the due date."),
        FIRST: gettext("First progress report of this Party."),
        REVISED: gettext(
            "Plan revised since this meeting: the earlier figures are not comparable and are "
            "left blank."
        ),
        COUNTS: gettext(
            "The Party and the Secretariat rated different numbers of actions; each share is "
            "of its own count, the Secretariat's in brackets."
        ),
    }
    return texts[kind]


def percent(count: int, total: int) -> int:
    """`count` as a whole percent of `total`, rounded half up (12.5 gives 13, never 12)."""
    if total <= 0:
        return 0
    exact = Decimal(count) * 100 / Decimal(total)
    return int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def share_text(party: int | None, secretariat: int | None) -> str:
    """A cell as the SC document writes it: `58% (42%)`, `-` for none, brackets only if they
    differ."""
    if party is None and secretariat is None:
        return ""
    own = f"{party}%" if party else "-"
    if secretariat is None or secretariat == party:
        return own
    other = f"{secretariat}%" if secretariat else "-"
    return f"{own} ({other})"


def count_text(party: int, secretariat: int | None) -> str:
    """The numbers of actions rated: `12`, or `19 (21)` when the Secretariat counts others."""
    if secretariat is None or secretariat == party:
        return str(party)
    return f"{party} ({secretariat})"


# --- what the selector fetches -------------------------------------------------------------


@dataclass(frozen=True)
class ReportFacts:
    """What the annex needs of one report: who, when, which plan, and every rating in it."""

    party_id: int
    meeting_id: int
    plan_id: int
    scale: str
    published: bool
    submitted: datetime.date | None
    party_ratings: tuple[str, ...]
    secretariat_ratings: tuple[str, ...] | None  # None: the user may not see the assessment


@dataclass(frozen=True)
class AnnexFacts:
    """Everything the selector fetched; `annex_build` needs nothing more."""

    meeting: Meeting
    previous: Meeting | None
    parties: dict[int, Party]
    categories: dict[int, str]
    reports: list[ReportFacts]
    first_dates: dict[int, datetime.date | None]
    show_unpublished: bool


def _starts_before(a: Meeting, b: Meeting) -> bool:
    if a.start_date and b.start_date:
        return a.start_date < b.start_date
    return a.kind == b.kind and a.number < b.number


def meeting_before(meeting: Meeting, meetings: Iterable[Meeting]) -> Meeting | None:
    """The latest meeting of the same kind that takes NIAP reports and starts before
    `meeting`."""
    earlier = [
        m
        for m in meetings
        if m.pk != meeting.pk
        and m.kind == meeting.kind
        and m.takes_niap_reports
        and _starts_before(m, meeting)
    ]
    return max(earlier, key=lambda m: (m.start_date or datetime.date.min, m.number), default=None)


def cop_before(meeting: Meeting, meetings: Iterable[Meeting]) -> int | None:
    """The number of the last CoP that started before `meeting`, None if none is known."""
    if meeting.start_date is None:
        return None
    numbers = [
        m.number
        for m in meetings
        if m.kind == "CoP" and m.start_date and m.start_date < meeting.start_date
    ]
    return max(numbers, default=None)


def category_at(rows: Iterable[tuple[str, str]], cop: int | None) -> str:
    """The category of the newest (cycle, category) whose cycle is at most CoP `cop`."""
    eligible = [(cycle_number(c), cat) for c, cat in rows if cop is None or cycle_number(c) <= cop]
    return max(eligible)[1] if eligible else UNCATEGORISED


def annex_facts_for_user(*, user: Any, code: str) -> AnnexFacts:
    """What `user` may see for the annex of the meeting `code` and the meeting before it.

    Published reports only, except for the Secretariat, who also sees the unpublished ones
    (never drafts). Five queries, however many Parties report. Http404 for an unknown code.
    """
    parsed = parse_meeting_code(code)
    meetings = list(Meeting.objects.all())
    meeting = next((m for m in meetings if parsed and (m.kind, m.number) == parsed), None)
    if meeting is None:
        raise Http404(f"No meeting {code}.")
    previous = meeting_before(meeting, meetings)
    ids = [meeting.pk] + ([previous.pk] if previous else [])

    secretariat = is_secretariat(user)
    visible = current_reports(report_list_for_user(user=user)).exclude(status=ReportStatus.DRAFT)
    if not secretariat:
        visible = visible.filter(status=ReportStatus.PUBLISHED)
    reports = list(visible.filter(meeting_id__in=ids).order_by("pk"))
    ratings: dict[int, list[tuple[str | None, str | None]]] = {r.pk: [] for r in reports}
    for report_id, own, theirs in (
        ActionProgress.objects.filter(report__in=[r.pk for r in reports])
        .order_by("report_id", "order")
        .values_list("report_id", "rating", "assessment__rating")
    ):
        ratings[report_id].append((own, theirs))

    party_ids = {r.party_id for r in reports}
    cycles: dict[int, list[tuple[str, str]]] = {}
    for party_id, cycle, category in PartyCategory.objects.filter(
        party_id__in=party_ids
    ).values_list("party_id", "cycle", "category"):
        cycles.setdefault(party_id, []).append((cycle, category))
    cop = cop_before(meeting, meetings)
    first_dates = dict(
        visible.filter(party_id__in=party_ids)
        .values("party_id")
        .annotate(first=Min("meeting__start_date"))
        .values_list("party_id", "first")
    )
    facts = [
        ReportFacts(
            party_id=r.party_id,
            meeting_id=r.meeting_id,
            plan_id=r.plan_id,
            scale=r.scale,
            published=r.is_published,
            submitted=r.submitted_at.date() if r.submitted_at else None,
            party_ratings=tuple(own for own, _ in ratings[r.pk] if own),
            secretariat_ratings=(
                tuple(theirs for _, theirs in ratings[r.pk] if theirs)
                if assessments_visible(user=user, report=r)
                else None
            ),
        )
        for r in reports
    ]
    return AnnexFacts(
        meeting=meeting,
        previous=previous,
        parties={r.party_id: r.party for r in reports},
        categories={pid: category_at(cycles.get(pid, []), cop) for pid in party_ids},
        reports=facts,
        first_dates=first_dates,
        show_unpublished=secretariat,
    )


# --- the table ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    """One Party at one meeting: the counts, a share per rating, and the footnote kinds."""

    meeting: Meeting
    scale: str | None = None
    party_actions: int | None = None
    secretariat_actions: int | None = None
    party_shares: dict[str, int] = field(default_factory=dict)
    secretariat_shares: dict[str, int] | None = None
    notes: tuple[str, ...] = ()

    @property
    def blank(self) -> bool:
        """Whether the cells are left empty (no report, or a plan revised since)."""
        return self.scale is None

    def share(self, code: str) -> tuple[int | None, int | None]:
        """The Party's and the Secretariat's percent for rating `code`; None off the scale."""
        if self.scale is None or code not in scales.ratings_of(self.scale):
            return None, None
        theirs = self.secretariat_shares.get(code) if self.secretariat_shares is not None else None
        return self.party_shares.get(code, 0), theirs

    def cell(self, code: str) -> str:
        """The text of the cell for rating `code`."""
        return share_text(*self.share(code))

    @property
    def actions_cell(self) -> str:
        """The text of the cell of counts."""
        if self.party_actions is None:
            return ""
        return count_text(self.party_actions, self.secretariat_actions)


@dataclass(frozen=True)
class AnnexRow:
    """One Party: its category and a column per meeting, the earlier meeting first."""

    party: Party
    category: str
    columns: tuple[Column, ...]


@dataclass(frozen=True)
class Group:
    """The rows of one category."""

    category: str
    label: str
    rows: list[AnnexRow]


@dataclass(frozen=True)
class Annex:
    """The whole table: meetings (the earlier first), the ratings shown per meeting, the
    groups, and the footnotes used, numbered."""

    meeting: Meeting
    meetings: tuple[Meeting, ...]
    ratings: tuple[tuple[str, ...], ...]
    groups: list[Group]
    notes: dict[str, int]
    show_unpublished: bool

    @property
    def footnotes(self) -> list[tuple[int, str]]:
        """(number, text) of every footnote the table uses, in the active language."""
        return [(number, note_text(kind)) for kind, number in self.notes.items()]

    def marks(self, column: Column) -> list[int]:
        """The footnote numbers a column carries."""
        return [self.notes[kind] for kind in column.notes]

    @property
    def rows(self) -> list[AnnexRow]:
        """Every row, group after group."""
        return [row for group in self.groups for row in group.rows]


def _column(
    meeting: Meeting, report: ReportFacts, *, first: bool, show_unpublished: bool
) -> Column:
    notes = []
    if show_unpublished and not report.published:
        notes.append(UNPUBLISHED)
    due = meeting.due_date
    if report.submitted and due and report.submitted > due:
        notes.append(LATE)
    if first:
        notes.append(FIRST)
    own = Counter(report.party_ratings)
    theirs = Counter(report.secretariat_ratings or ())
    party_total = sum(own.values())
    secretariat_total = sum(theirs.values()) if report.secretariat_ratings else None
    if secretariat_total is not None and secretariat_total != party_total:
        notes.append(COUNTS)
    codes = scales.ratings_of(report.scale)
    return Column(
        meeting=meeting,
        scale=report.scale,
        party_actions=party_total,
        secretariat_actions=secretariat_total,
        party_shares={c: percent(own[c], party_total) for c in codes},
        secretariat_shares=(
            {c: percent(theirs[c], secretariat_total) for c in codes} if secretariat_total else None
        ),
        notes=tuple(notes),
    )


def _is_first(facts: AnnexFacts, report: ReportFacts, meeting: Meeting) -> bool:
    first = facts.first_dates.get(report.party_id)
    return first is None or meeting.start_date is None or first >= meeting.start_date


def annex_build(facts: AnnexFacts) -> Annex:
    """The annex table from the facts: pure, so every rule is tested without a database."""
    meetings = tuple(m for m in (facts.previous, facts.meeting) if m is not None)
    by_key = {(r.party_id, r.meeting_id): r for r in facts.reports}
    rows = []
    for party_id, party in facts.parties.items():
        columns = []
        for meeting in meetings:
            report = by_key.get((party_id, meeting.pk))
            if report is None:
                columns.append(Column(meeting=meeting))
                continue
            columns.append(
                _column(
                    meeting,
                    report,
                    first=_is_first(facts, report, meeting),
                    show_unpublished=facts.show_unpublished,
                )
            )
        current = by_key.get((party_id, facts.meeting.pk))
        earlier = by_key.get((party_id, facts.previous.pk)) if facts.previous else None
        if current and earlier and current.plan_id != earlier.plan_id:
            columns[0] = Column(meeting=columns[0].meeting, notes=(REVISED,))
        rows.append(
            AnnexRow(party=party, category=facts.categories[party_id], columns=tuple(columns))
        )

    order = {code: i for i, code in enumerate(Category.values)}
    rows.sort(key=lambda r: (order.get(r.category, len(order)), _sort_name(r.party)))
    labels = dict(Category.choices)
    groups: list[Group] = []
    for row in rows:
        if not groups or groups[-1].category != row.category:
            label = str(labels[row.category]) if row.category else gettext("No category")
            groups.append(Group(category=row.category, label=label, rows=[]))
        groups[-1].rows.append(row)

    used = {kind for row in rows for column in row.columns for kind in column.notes}
    notes = {kind: i for i, kind in enumerate((k for k in NOTE_KINDS if k in used), start=1)}
    return Annex(
        meeting=facts.meeting,
        meetings=meetings,
        ratings=tuple(_ratings_shown(m, facts.reports) for m in meetings),
        groups=groups,
        notes=notes,
        show_unpublished=facts.show_unpublished,
    )


def _sort_name(party: Party) -> str:
    # Égypte sorts with the Es, not after Zimbabwe.
    decomposed = unicodedata.normalize("NFKD", party.display_name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _ratings_shown(meeting: Meeting, reports: list[ReportFacts]) -> tuple[str, ...]:
    used = {r.scale for r in reports if r.meeting_id == meeting.pk}
    codes = {code for scale in (used or {scales.NIAP6}) for code in scales.ratings_of(scale)}
    return tuple(code for code in RATING_ORDER if code in codes)


def annex_for_user(*, user: Any, code: str) -> Annex:
    """The annex table of meeting `code` as `user` may see it."""
    return annex_build(annex_facts_for_user(user=user, code=code))


def rating_label(code: str, language: str) -> str:
    """A rating's name in `language`, from the reader's own table of words."""
    return scales.RATINGS[code].label(language)
