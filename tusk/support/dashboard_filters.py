"""The needs dashboard's filters: read from the query string, so that a view can be shared.

A value that names nothing Tusk knows (a Party code mistyped in a shared link, a partner since
removed) is dropped on its own with a note the page shows, and the other filters still apply:
a shared link never fails.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tusk.core.models import Party, Region, RegionMembership
from tusk.plans.choices import StandardPillar
from tusk.support.choices import NeedKind, NeedStatus, Theme
from tusk.support.models import Need, NeedTheme, Partner, Support

# The status filter's value for every need, the withdrawn ones too.
ANY_STATUS = "any"
NAMES = ("party", "region", "pillar", "theme", "kind", "status", "partner", "currency")


class NeedFilterForm(forms.Form):
    """Every dimension of the dashboard as a select; the choices that come from the database
    (Parties, regions, partners, currencies) are read once per request."""

    party = forms.ChoiceField(label=_("Party"), required=False)
    region = forms.ChoiceField(label=_("Region"), required=False)
    pillar = forms.ChoiceField(
        label=_("Standard pillar"),
        required=False,
        choices=[("", _("All pillars")), *StandardPillar.choices],
    )
    theme = forms.ChoiceField(
        label=_("Theme"), required=False, choices=[("", _("All themes")), *Theme.choices]
    )
    kind = forms.ChoiceField(
        label=_("Kind of need"), required=False, choices=[("", _("All kinds")), *NeedKind.choices]
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[
            ("", _("All but withdrawn")),
            *NeedStatus.choices,
            (ANY_STATUS, _("All, withdrawn too")),
        ],
    )
    partner = forms.ChoiceField(label=_("Partner"), required=False)
    currency = forms.ChoiceField(label=_("Currency"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        parties = sorted(Party.objects.all(), key=lambda p: p.display_name.casefold())
        self._choose("party", _("All Parties"), ((p.code, p.display_name) for p in parties))
        regions = Region.objects.order_by("name").values_list("code", "name")
        self._choose("region", _("All regions"), regions)
        partners = sorted(Partner.objects.all(), key=lambda p: str(p).casefold())
        self._choose("partner", _("All partners"), ((str(p.pk), str(p)) for p in partners))
        self._choose("currency", _("All currencies"), ((c, c) for c in currencies_recorded()))

    def _choose(self, name: str, everything: Any, choices: Any) -> None:
        choice_field: forms.ChoiceField = self.fields[name]  # type: ignore[assignment]
        choice_field.choices = [("", everything), *choices]


def currencies_recorded() -> list[str]:
    """Every currency a need is given in: one query. (Support in a currency no need asks
    for is rare enough not to cost a scan of every support record on each page.)"""
    needs = Need.objects.order_by().values_list("currency", flat=True).distinct()
    return sorted(c for c in needs if c)


@dataclass
class Filters:
    """The filter values that hold, and a note for each value that was dropped."""

    form: NeedFilterForm
    values: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    @property
    def query(self) -> str:
        """The query string of the values that hold, in a steady order, for links that keep
        the view (downloads, the chart, the pages of a list)."""
        return urlencode([(name, self.values[name]) for name in NAMES if name in self.values])


def filters_read(query: Mapping[str, Any]) -> Filters:
    """The filters of a query string; unknown parameters are ignored, unknown values dropped."""
    given = {name: str(query.get(name, "")).strip() for name in NAMES}
    given = {name: value for name, value in given.items() if value}
    form = NeedFilterForm(given or None)
    filters = Filters(form=form)
    if not given:
        return filters
    form.is_valid()
    for name, value in given.items():
        if name in form.errors:
            label = form.fields[name].label
            filters.notes.append(
                gettext("The filter “%(filter)s” has no value “%(value)s”; it was left out.")
                % {"filter": label, "value": value[:40]}
            )
        elif form.cleaned_data.get(name):
            filters.values[name] = form.cleaned_data[name]
    return filters


def need_conditions(values: Mapping[str, str], to_need: str = "") -> Q:
    """The conditions on a need that the filter values set, written from the need itself
    (`to_need` empty) or from a record that points to it (`to_need="need__"`), so that support
    is filtered through the join it needs anyway. Withdrawn needs only when asked for.

    Filters on a relation that may hold several rows per need (regions, themes, partners) go
    through a subquery, so that each need counts once and later groupings start afresh."""
    key = f"{to_need}pk" if to_need else "pk"
    conditions = Q(need__isnull=False) if to_need else Q()
    if values.get("party"):
        conditions &= Q(**{f"{to_need}party__country": values["party"]})
    if values.get("region"):
        conditions &= Q(**{f"{to_need}party_id__in": _region_party_ids(values["region"])})
    if values.get("pillar"):
        conditions &= Q(**{f"{to_need}action__pillar__standard": values["pillar"]})
    if values.get("theme"):
        tagged = NeedTheme.objects.filter(theme=values["theme"]).values("need_id")
        conditions &= Q(**{f"{key}__in": tagged})
    if values.get("kind"):
        conditions &= Q(**{f"{to_need}kind": values["kind"]})
    status = values.get("status", "")
    if status and status != ANY_STATUS:
        conditions &= Q(**{f"{to_need}status": status})
    elif not status:
        kept = [s for s in NeedStatus.values if s != NeedStatus.WITHDRAWN]
        conditions &= Q(**{f"{to_need}status__in": kept})
    if values.get("partner"):
        supported = Support.objects.filter(partner_id=values["partner"]).values("need_id")
        conditions &= Q(**{f"{key}__in": supported})
    if values.get("currency"):
        conditions &= Q(**{f"{to_need}currency": values["currency"]})
    return conditions


def needs_filtered(values: Mapping[str, str]) -> QuerySet[Need]:
    """The needs that the filter values select."""
    return Need.objects.filter(need_conditions(values))


def _region_party_ids(region: str) -> QuerySet[RegionMembership, int]:
    """The Parties that are members of `region` today."""
    return memberships_current().filter(region__code=region).values_list("party_id", flat=True)


def memberships_current() -> QuerySet[RegionMembership]:
    """The region memberships that hold today."""
    today = timezone.localdate()
    return RegionMembership.objects.filter(start__lte=today).exclude(end__lt=today)


def support_filtered(values: Mapping[str, str]) -> QuerySet[Support]:
    """The support the figures count: every partner's support recorded against one of the
    filtered needs, in the filtered currency if one is chosen. Support given to an action or a
    Party as a whole is not matched to a need, and is left out."""
    support = Support.objects.filter(need_conditions(values, "need__"))
    if values.get("currency"):
        support = support.filter(currency=values["currency"])
    return support


def support_of_partner(values: Mapping[str, str]) -> QuerySet[Support]:
    """The support the partner matrices show: as `support_filtered`, and of the filtered partner
    only."""
    support = support_filtered(values)
    if values.get("partner"):
        support = support.filter(partner_id=values["partner"])
    return support
