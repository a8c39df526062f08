"""Reads of the partners' pages: a need and its support, a partner's portfolio, and where other
partners already work.

Needs and support are public (design.md): anyone may read them. What depends on the user is
what it may change (its own support, or any for the Secretariat) and whether it may see the
action of a need, since an action of a draft plan stays with its Party and the Secretariat. Every
figure is summed per currency and never converted, and every page costs the same number of
queries whatever the number of needs and support records.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Case, Count, F, IntegerField, Q, QuerySet, Sum, Value, When
from django.http import Http404

from tusk.accounts.access import is_partner, is_secretariat
from tusk.core.models import Party
from tusk.core.spreadsheets import csv_bytes
from tusk.plans.models import Action
from tusk.plans.selectors import plan_list_for_user
from tusk.support.choices import SupportStage
from tusk.support.models import Need, Partner, Support
from tusk.support.services import FIRM_STAGES, STAGE_ORDER, may_write_support

ZERO = Decimal("0")
NEARBY_LIMIT = 30  # other partners' records shown near a need or an action
OVERLAP_LIMIT = 60  # other partners' records shown on a portfolio
# Parties in a portfolio's totals table: every NIAP Party (26 today) fits; a partner of many more
# gets the first ones and the CSV, so that the page stays light on a phone connection.
PARTY_ROWS_LIMIT = 60
PARTY_PARTNERS_LIMIT = 20  # partners named per Party
PORTFOLIO_PAGE_SIZE = 50
DISBURSED_STAGES = (SupportStage.DISBURSED, SupportStage.COMPLETED)
# How close another partner's support is to the need or action in view, closest first.
SAME_NEED, SAME_ACTION, SAME_PILLAR, SAME_PARTY = 0, 1, 2, 3

CSV_COLUMNS = (
    "support_id",
    "party_code",
    "party",
    "need_id",
    "action",
    "pillar",
    "standard_pillar",
    "stage",
    "role",
    "amount",
    "currency",
    "date",
    "period_start",
    "period_end",
    "description",
)


# --- Who may do what ---------------------------------------------------------------------------


def partner_of_user(*, user: Any) -> Partner:
    """The partner organisation `user` works for; 403 for anyone else (and for a partner account
    not yet linked to an organisation)."""
    if not is_partner(user) or not user.is_active or user.partner_id is None:
        raise PermissionDenied
    partner: Partner = user.partner
    return partner


def may_record_support(*, user: Any) -> bool:
    """Whether `user` may record support: a partner account linked to its organisation, or the
    Secretariat on a partner's behalf."""
    if is_secretariat(user):
        return True
    return is_partner(user) and user.is_active and user.partner_id is not None


def support_get_for_user(*, user: Any, pk: int) -> Support:
    """A support record `user` may change, or 404: a partner sees another partner's record on
    the public pages, but its edit page does not exist for it."""
    try:
        support = Support.objects.select_related(
            "partner", "party", "need", "action", "action__pillar"
        ).get(pk=pk)
    except Support.DoesNotExist:
        raise Http404("No such support.") from None
    if not may_write_support(actor=user, partner=support.partner):
        raise Http404("No such support.")
    return support


def need_get(*, pk: int) -> Need:
    """A need by id, with its Party and action, or 404. Every need is public."""
    try:
        return Need.objects.select_related("party", "action", "action__pillar", "action__plan").get(
            pk=pk
        )
    except Need.DoesNotExist:
        raise Http404("No such need.") from None


def action_shown_to(*, user: Any, action: Action | None) -> bool:
    """Whether `user` may see `action`: one of a plan it may see. One query."""
    if action is None:
        return False
    return plan_list_for_user(user=user).filter(pk=action.plan_id).exists()


def action_get_for_user(*, user: Any, code: str, pk: int) -> Action:
    """An action of the Party `code` in a plan `user` may see, or 404."""
    action = (
        Action.objects.filter(
            plan__in=plan_list_for_user(user=user), plan__party__country=code.upper()
        )
        .select_related("plan", "plan__party", "pillar")
        .filter(pk=pk)
        .first()
    )
    if action is None:
        raise Http404("No such action.")
    return action


# --- Money -------------------------------------------------------------------------------------


@dataclass
class Money:
    """What one need, Party or partner holds in one currency, by stage. `needed` is known only in
    the need's own currency."""

    currency: str
    needed: Decimal | None = None
    by_stage: dict[str, Decimal] = field(default_factory=dict)
    records: dict[str, int] = field(default_factory=dict)

    def add(self, stage: str, amount: Decimal | None, records: int = 1) -> None:
        self.by_stage[stage] = self.by_stage.get(stage, ZERO) + (amount or ZERO)
        self.records[stage] = self.records.get(stage, 0) + records

    @property
    def pledged(self) -> Decimal:
        return self.by_stage.get(SupportStage.PLEDGED, ZERO)

    @property
    def firm(self) -> Decimal:
        """Committed or later: what the gap and the need's status count."""
        return sum((self.by_stage.get(s, ZERO) for s in FIRM_STAGES), ZERO)

    @property
    def disbursed(self) -> Decimal:
        return sum((self.by_stage.get(s, ZERO) for s in DISBURSED_STAGES), ZERO)

    @property
    def gap(self) -> Decimal | None:
        """What is still not firmly supported; never below zero; unknown without a need."""
        if self.needed is None:
            return None
        return max(self.needed - self.firm, ZERO)

    @property
    def stages(self) -> list[tuple[str, str, Decimal, int]]:
        """(stage, its name, amount, records) in the order support moves through."""
        labels = dict(SupportStage.choices)
        return [
            (s, str(labels[s]), self.by_stage.get(s, ZERO), self.records.get(s, 0))
            for s in STAGE_ORDER
        ]


def _money_lines(lines: dict[str, Money], first: str = "") -> list[Money]:
    """Currencies in order, `first` (the need's) first and support with no amount last."""
    return sorted(
        lines.values(),
        key=lambda m: (not first or m.currency != first, m.currency == "", m.currency),
    )


# --- Where others already work -----------------------------------------------------------------


@dataclass(frozen=True)
class PartyPartner:
    """A partner working in a Party: how many records it has there, and on how many actions."""

    name: str
    records: int
    actions: int


@dataclass
class Nearby:
    """Other partners' support close to a need or an action, closest first, and every partner
    working in the same Party."""

    rows: list[Any]
    total: int
    partners: list[PartyPartner]
    partners_total: int

    @property
    def more(self) -> int:
        return self.total - len(self.rows)


def _closeness(need: Need | None, action: Action | None) -> Case:
    whens = []
    if need is not None:
        whens.append(When(need_id=need.pk, then=Value(SAME_NEED)))
    if action is not None:
        whens.append(When(action_id=action.pk, then=Value(SAME_ACTION)))
        if action.pillar_id is not None:
            whens.append(When(action__pillar_id=action.pillar_id, then=Value(SAME_PILLAR)))
    return Case(*whens, default=Value(SAME_PARTY), output_field=IntegerField())


def nearby_support(
    *,
    party: Party,
    need: Need | None = None,
    action: Action | None = None,
    exclude_partner: Partner | None = None,
    exclude_need: Need | None = None,
) -> Nearby:
    """The support of `party` on the same need, the same action or the same pillar, closest
    first, and the partners working in the Party; so that a partner sees duplication before it
    pledges. Three queries."""
    others = Support.objects.filter(party=party)
    if exclude_partner is not None:
        others = others.exclude(partner=exclude_partner)
    close = Q(pk__in=[])
    if need is not None:
        close |= Q(need_id=need.pk)
    if action is not None:
        close |= Q(action_id=action.pk)
        if action.pillar_id is not None:
            close |= Q(action__pillar_id=action.pillar_id)
    rows = others.filter(close)
    if exclude_need is not None:
        rows = rows.exclude(need_id=exclude_need.pk)
    rows = rows.annotate(closeness=_closeness(need, action))
    shown = list(
        rows.select_related("partner", "need", "action", "action__pillar").order_by(
            "closeness", "-date", "-pk"
        )[:NEARBY_LIMIT]
    )
    total = rows.count()
    partners = _party_partners(others)
    return Nearby(shown, total, partners[:PARTY_PARTNERS_LIMIT], len(partners))


def _party_partners(support: QuerySet[Support]) -> list[PartyPartner]:
    """Each partner of `support` with its records and actions, busiest first. One query."""
    counted = (
        support.order_by()
        .values("partner_id", "partner__name", "partner__acronym")
        .annotate(records=Count("pk"), actions=Count("action", distinct=True))
        .order_by("-records", "partner__name")
    )
    return [
        PartyPartner(
            row["partner__acronym"] or row["partner__name"], row["records"], row["actions"]
        )
        for row in counted
    ]


# --- A need's page -----------------------------------------------------------------------------


@dataclass
class NeedPage:
    """Everything the page of a need shows."""

    need: Need
    action_shown: bool
    themes: list[str]
    support: list[Support]
    money: list[Money]
    nearby: Nearby
    can_record: bool
    editable: set[int]

    @property
    def gap(self) -> Decimal | None:
        """The gap in the need's own currency, if it has an amount."""
        for money in self.money:
            if money.needed is not None:
                return money.gap
        return None


def need_page(*, user: Any, need: Need) -> NeedPage:
    """A need with every partner's support, the money per currency and the support nearby.
    A fixed number of queries."""
    support = list(
        need.support.select_related("partner").order_by(
            Case(
                *(When(stage=s, then=Value(i)) for i, s in enumerate(reversed(STAGE_ORDER))),
                output_field=IntegerField(),
            ),
            "-date",
            "pk",
        )
    )
    lines: dict[str, Money] = {}
    if need.amount is not None and need.currency:
        lines[need.currency] = Money(need.currency, needed=need.amount)
    for item in support:
        lines.setdefault(item.currency, Money(item.currency)).add(item.stage, item.amount)
    shown = action_shown_to(user=user, action=need.action)
    return NeedPage(
        need=need,
        action_shown=shown,
        themes=[t.get_theme_display() for t in need.themes.all()],
        support=support,
        money=_money_lines(lines, need.currency),
        nearby=nearby_support(
            party=need.party, action=need.action if shown else None, exclude_need=need
        ),
        can_record=may_record_support(user=user),
        editable={s.pk for s in support if may_write_support(actor=user, partner=s.partner)},
    )


# --- A partner's portfolio ---------------------------------------------------------------------


@dataclass
class PartyBlock:
    """A Party the partner supports: its totals per currency and stage, and the others there."""

    party: Party
    money: list[Money]
    records: int = 0
    other_partners: int = 0
    other_close: int = 0


@dataclass
class Portfolio:
    """A partner's own support grouped by Party, its totals, and where others already work."""

    partner: Partner
    parties: list[PartyBlock]
    totals: list[Money]
    records: int
    overlaps: list[Any]
    overlaps_total: int

    @property
    def overlaps_more(self) -> int:
        return self.overlaps_total - len(self.overlaps)

    @property
    def parties_shown(self) -> list[PartyBlock]:
        return self.parties[:PARTY_ROWS_LIMIT]

    @property
    def parties_more(self) -> int:
        return max(len(self.parties) - PARTY_ROWS_LIMIT, 0)


def _party_order(parties: list[Party]) -> Case | F:
    """An ordering that lists `parties` in the given order (their names in the reader's
    language, which the database cannot sort by)."""
    if not parties:
        # A CASE without a WHEN is a constant, which PostgreSQL reads as a column position.
        return F("party_id")
    return Case(
        *(When(party_id=party.pk, then=Value(i)) for i, party in enumerate(parties)),
        default=Value(len(parties)),
        output_field=IntegerField(),
    )


def portfolio_support(*, partner: Partner, parties: list[Party]) -> QuerySet[Support]:
    """The partner's own support, by Party in the order of `parties`, then latest first, ready
    to list."""
    return (
        Support.objects.filter(partner=partner)
        .select_related("party", "need", "action", "action__pillar")
        .order_by(_party_order(parties), "-date", "-pk")
    )


def _close_to(mine: QuerySet[Support]) -> tuple[Q, Case]:
    """Support on the same need, action or pillar as any of `mine`, and how close it is."""
    needs = mine.filter(need__isnull=False).values("need_id")
    actions = mine.filter(action__isnull=False).values("action_id")
    pillars = mine.filter(action__pillar__isnull=False).values("action__pillar_id")
    close = Q(need_id__in=needs) | Q(action_id__in=actions) | Q(action__pillar_id__in=pillars)
    closeness = Case(
        When(need_id__in=needs, then=Value(SAME_NEED)),
        When(action_id__in=actions, then=Value(SAME_ACTION)),
        default=Value(SAME_PILLAR),
        output_field=IntegerField(),
    )
    return close, closeness


def portfolio_build(*, partner: Partner) -> Portfolio:
    """The partner's totals by Party, stage and currency, and the other partners' support on the
    same Parties' same needs, actions and pillars. Five queries, whatever the data."""
    mine = Support.objects.filter(partner=partner).order_by()
    blocks: dict[int, PartyBlock] = {}
    lines: dict[int, dict[str, Money]] = {}
    totals: dict[str, Money] = {}
    records = 0
    sums = mine.values("party_id", "stage", "currency").annotate(
        amount=Sum("amount"), records=Count("pk")
    )
    for row in sums:
        party_lines = lines.setdefault(row["party_id"], {})
        party_lines.setdefault(row["currency"], Money(row["currency"])).add(
            row["stage"], row["amount"], row["records"]
        )
        totals.setdefault(row["currency"], Money(row["currency"])).add(
            row["stage"], row["amount"], row["records"]
        )
        records += row["records"]
    parties = Party.objects.in_bulk(list(lines))
    for party_id, party_lines in lines.items():
        blocks[party_id] = PartyBlock(
            party=parties[party_id],
            money=_money_lines(party_lines),
            records=sum(sum(m.records.values()) for m in party_lines.values()),
        )
    others = Support.objects.filter(party_id__in=mine.values("party_id")).exclude(partner=partner)
    close, closeness = _close_to(mine)
    for near in (
        others.order_by()
        .values("party_id")
        .annotate(partners=Count("partner", distinct=True), close=Count("pk", filter=close))
    ):
        block = blocks[near["party_id"]]
        block.other_partners, block.other_close = near["partners"], near["close"]
    ordered = sorted(blocks.values(), key=lambda b: b.party.display_name.casefold())
    overlaps = list(
        others.filter(close)
        .annotate(closeness=closeness)
        .select_related("partner", "party", "need", "action", "action__pillar")
        .order_by(
            _party_order([b.party for b in ordered]), "closeness", "action__code", "-date", "pk"
        )[:OVERLAP_LIMIT]
    )
    return Portfolio(
        partner=partner,
        parties=ordered,
        totals=_money_lines(totals),
        records=records,
        overlaps=overlaps,
        overlaps_total=sum(b.other_close for b in ordered),
    )


# --- The portfolio as CSV ----------------------------------------------------------------------


def _csv_row(support: Support) -> Iterable[Any]:
    action = support.action
    pillar = action.pillar if action is not None else None
    values = [
        support.pk,
        support.party.code,
        support.party.display_name,
        support.need_id or "",
        action.code if action is not None else "",
        pillar.number if pillar is not None else "",
        pillar.standard if pillar is not None else "",
        support.stage,
        support.role,
        "" if support.amount is None else support.amount,
        support.currency,
        support.date.isoformat() if support.date else "",
        support.period_start.isoformat() if support.period_start else "",
        support.period_end.isoformat() if support.period_end else "",
        support.description,
    ]
    return values


def portfolio_csv(*, partner: Partner) -> bytes:
    """Every support record of the partner, one a row, by Party then latest first, amounts in
    their own currency. Two queries."""
    parties = sorted(
        Party.objects.filter(support__partner=partner).distinct(),
        key=lambda p: p.display_name.casefold(),
    )
    rows = (_csv_row(support) for support in portfolio_support(partner=partner, parties=parties))
    return csv_bytes(CSV_COLUMNS, rows)
