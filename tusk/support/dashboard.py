"""Reads of the needs dashboard: what the filtered needs ask for, and what partners give.

Needs and support are public (design.md), so nothing here depends on the user. Every figure is
summed in the database, per currency and never converted, so that a page costs the same number of
queries whatever the number of needs. Only support recorded against one of the filtered needs
counts; support given to an action or a Party as a whole is not matched to a need.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django import forms
from django.db.models import Count, DecimalField, F, Q, QuerySet, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tusk.core.models import Party, Region
from tusk.plans.choices import StandardPillar
from tusk.support.choices import NeedKind, NeedStatus, SupportStage
from tusk.support.models import Need, Support

PAGE_SIZE = 50
COMMITTED_STAGES = (SupportStage.COMMITTED, SupportStage.DISBURSED, SupportStage.COMPLETED)
DISBURSED_STAGES = (SupportStage.DISBURSED, SupportStage.COMPLETED)
ZERO = Decimal("0")
NO_PILLAR = ""

CSV_COLUMNS = (
    "need_id",
    "party_code",
    "party",
    "action",
    "standard_pillar",
    "kind",
    "status",
    "description",
    "amount",
    "currency",
    "needed_by",
    "committed",
    "disbursed",
)


class NeedFilterForm(forms.Form):
    """The dashboard's filters, read from the query string so that a view can be shared."""

    party = forms.ChoiceField(label=_("Party"), required=False)
    region = forms.ChoiceField(label=_("Region"), required=False)
    pillar = forms.ChoiceField(
        label=_("Standard pillar"),
        required=False,
        choices=[("", _("All pillars")), *StandardPillar.choices],
    )
    kind = forms.ChoiceField(
        label=_("Kind of need"), required=False, choices=[("", _("All kinds")), *NeedKind.choices]
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All but withdrawn")), *NeedStatus.choices],
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        parties = sorted(Party.objects.all(), key=lambda p: p.display_name.casefold())
        party_field: forms.ChoiceField = self.fields["party"]  # type: ignore[assignment]
        party_field.choices = [("", _("All Parties")), *((p.code, p.display_name) for p in parties)]
        region_field: forms.ChoiceField = self.fields["region"]  # type: ignore[assignment]
        region_field.choices = [
            ("", _("All regions")),
            *((r.code, r.name) for r in Region.objects.order_by("name")),
        ]


def needs_filtered(data: dict[str, str]) -> QuerySet[Need]:
    """The needs that cleaned filter values select; withdrawn needs only when asked for."""
    needs = Need.objects.all()
    if data.get("party"):
        needs = needs.filter(party__country=data["party"])
    if data.get("region"):
        today = timezone.localdate()
        needs = needs.filter(
            party__region_memberships__region__code=data["region"],
            party__region_memberships__start__lte=today,
        ).filter(
            Q(party__region_memberships__end__isnull=True)
            | Q(party__region_memberships__end__gte=today)
        )
        # A Party could hold two memberships of a region: keep each need once.
        needs = Need.objects.filter(pk__in=needs.values("pk"))
    if data.get("pillar"):
        needs = needs.filter(action__pillar__standard=data["pillar"])
    if data.get("kind"):
        needs = needs.filter(kind=data["kind"])
    if data.get("status"):
        needs = needs.filter(status=data["status"])
    else:
        needs = needs.exclude(status=NeedStatus.WITHDRAWN)
    return needs


@dataclass
class Money:
    """What needs in one currency ask for and what partners committed and disbursed to them."""

    currency: str
    needed: Decimal = ZERO
    committed: Decimal = ZERO
    disbursed: Decimal = ZERO

    @property
    def gap(self) -> Decimal:
        """What is still uncommitted; never below zero, even when partners give more."""
        return max(self.needed - self.committed, ZERO)


@dataclass
class Row:
    """One line of a table: a Party or a standard pillar, its needs count and money by currency."""

    key: str
    label: str
    needs: int = 0
    money: dict[str, Money] = field(default_factory=dict)

    def add(self, currency: str, **amounts: Decimal | None) -> None:
        money = self.money.setdefault(currency, Money(currency))
        for name, amount in amounts.items():
            setattr(money, name, getattr(money, name) + (amount or ZERO))

    @property
    def currencies(self) -> list[Money]:
        return [self.money[c] for c in sorted(self.money)]


@dataclass
class Dashboard:
    """Everything the dashboard page shows, for one set of filters."""

    needs_count: int
    unsupported_count: int
    totals: Row
    by_party: list[Row]
    by_pillar: list[Row]


def _sum(name: str, **filters: Any) -> Coalesce:
    condition = Q(**filters) if filters else Q()
    return Coalesce(
        Sum(name, filter=condition),
        Value(ZERO),
        output_field=DecimalField(max_digits=16, decimal_places=2),
    )


def _support_of(needs: QuerySet[Need]) -> QuerySet[Support]:
    return Support.objects.filter(need__in=needs.values("pk"), amount__isnull=False).exclude(
        currency=""
    )


def _money_of(needs: QuerySet[Need]) -> QuerySet[Need]:
    return needs.filter(amount__isnull=False).exclude(currency="")


def _fill(
    rows: dict[str, Row],
    key_need: str,
    key_support: str,
    needs: QuerySet[Need],
    label: Any,
) -> None:
    """Add the counts and the money per currency of `needs` to rows keyed by a field. Three
    queries.
    """
    for item in needs.order_by().values(key_need).annotate(n=Count("pk", distinct=True)):
        key = item[key_need] or NO_PILLAR
        rows.setdefault(str(key), Row(str(key), label(key))).needs += item["n"]
    for item in (
        _money_of(needs).order_by().values(key_need, "currency").annotate(needed=Sum("amount"))
    ):
        key = str(item[key_need] or NO_PILLAR)
        rows.setdefault(key, Row(key, label(key))).add(item["currency"], needed=item["needed"])
    for item in (
        _support_of(needs)
        .order_by()
        .values(key_support, "currency")
        .annotate(
            committed=_sum("amount", stage__in=COMMITTED_STAGES),
            disbursed=_sum("amount", stage__in=DISBURSED_STAGES),
        )
    ):
        key = str(item[key_support] or NO_PILLAR)
        rows.setdefault(key, Row(key, label(key))).add(
            item["currency"], committed=item["committed"], disbursed=item["disbursed"]
        )


def dashboard_build(needs: QuerySet[Need]) -> Dashboard:
    """The totals and tables of the dashboard for `needs`. A fixed number of queries."""
    totals: dict[str, Row] = {}
    # Grouped by a field of two values only to reuse _fill; the groups are added up just below.
    _fill(totals, "is_demo", "need__is_demo", needs, lambda _key: "")
    total = Row("all", "", sum(r.needs for r in totals.values()))
    for row in totals.values():
        for money in row.money.values():
            total.add(
                money.currency,
                needed=money.needed,
                committed=money.committed,
                disbursed=money.disbursed,
            )

    party_rows: dict[str, Row] = {}
    _fill(party_rows, "party_id", "need__party_id", needs, lambda _key: "")
    parties = Party.objects.in_bulk([int(k) for k in party_rows])
    for key, row in party_rows.items():
        party = parties[int(key)]
        row.key, row.label = party.code, party.display_name
    by_party = sorted(party_rows.values(), key=lambda r: r.label.casefold())

    pillar_rows: dict[str, Row] = {}
    labels = dict(StandardPillar.choices)
    _fill(
        pillar_rows,
        "action__pillar__standard",
        "need__action__pillar__standard",
        needs,
        lambda key: str(labels.get(key, _("No standard pillar"))),
    )
    order = [p.value for p in StandardPillar] + [NO_PILLAR]
    by_pillar = sorted(pillar_rows.values(), key=lambda r: order.index(r.key))

    unsupported_count = needs.filter(support__isnull=True).count()
    return Dashboard(total.needs, unsupported_count, total, by_party, by_pillar)


def needs_unsupported(needs: QuerySet[Need]) -> QuerySet[Need]:
    """The needs of `needs` that no partner supports at all, ready to show."""
    return (
        needs.filter(support__isnull=True)
        .select_related("party", "action", "action__pillar")
        .order_by("party__name", "party__country", "needed_by", "pk")
    )


def _cell(value: Any) -> Any:
    # A text starting with = + - @ would run as a formula in a spreadsheet.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def needs_csv(needs: QuerySet[Need]) -> bytes:
    """A row per need, with what partners committed and disbursed in the need's currency. One
    query.
    """
    rows = (
        needs.select_related("party", "action", "action__pillar")
        .annotate(
            committed=_sum(
                "support__amount",
                support__stage__in=COMMITTED_STAGES,
                support__currency=F("currency"),
            ),
            disbursed=_sum(
                "support__amount",
                support__stage__in=DISBURSED_STAGES,
                support__currency=F("currency"),
            ),
        )
        .order_by("party__country", "pk")
    )
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for need in rows:
        writer.writerow(_csv_row(need))
    return out.getvalue().encode("utf-8")


def _csv_row(need: Any) -> Iterable[Any]:
    action = need.action
    pillar = action.pillar if action and action.pillar_id else None
    values = [
        need.pk,
        need.party.code,
        need.party.display_name,
        action.code if action else "",
        pillar.standard if pillar else "",
        need.kind,
        need.status,
        need.description,
        "" if need.amount is None else need.amount,
        need.currency,
        need.needed_by.isoformat() if need.needed_by else "",
        need.committed if need.currency else "",
        need.disbursed if need.currency else "",
    ]
    return [_cell(v) for v in values]
