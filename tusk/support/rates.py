"""Exchange rates: the Secretariat records them, the dashboards convert with them and say so.

A rate is what one unit of a currency is worth in US dollars from a date. The dashboards use the
rate in force on a day (the latest one from on or before it), never a rate from anywhere else:
without one, they show totals per currency only and name the currency that lacks a rate. The
US dollar needs no rate: one dollar is one dollar.
"""

from __future__ import annotations

import datetime
import decimal
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pycountry
from django import forms
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tusk.core.errors import Duplicate, ServiceError
from tusk.core.services import audit_record, history_note, snapshot
from tusk.support.models import ExchangeRate

USD = "USD"
RATE_FIELDS = ("currency", "usd_per_unit", "valid_from", "source")
# What the model's field holds: 18 digits, 8 of them after the point.
MAX_DECIMALS = 8
MAX_WHOLE_DIGITS = 10
SOURCE_LENGTH = 300
_CODE = re.compile(r"^[A-Z]{3}$")


def rate_text(value: Decimal) -> str:
    """A rate as the active language writes numbers, without trailing zeros or an exponent."""
    plain = Decimal(format(value.normalize(), "f"))
    return str(formats.number_format(plain))


@dataclass(frozen=True)
class Rate:
    """The rate a dashboard converts a currency with; the dollar's own has no date."""

    currency: str
    usd_per_unit: Decimal
    valid_from: datetime.date | None = None

    def label(self) -> str:
        """The rate in words, with the date it holds from, for the caption of a converted
        figure."""
        if self.valid_from is None:
            return ""
        return _("1 %(currency)s = %(rate)s USD (from %(date)s)") % {
            "currency": self.currency,
            "rate": rate_text(self.usd_per_unit),
            "date": formats.date_format(self.valid_from),
        }


@dataclass(frozen=True)
class Conversion:
    """The rates in force for a set of currencies, and the currencies that have none."""

    rates: dict[str, Rate]
    missing: tuple[str, ...]

    @property
    def complete(self) -> bool:
        """Every currency has a rate (and there is at least one currency)."""
        return bool(self.rates) and not self.missing

    @property
    def converts(self) -> bool:
        """A US dollar total tells something the per-currency totals do not: every currency
        has a rate and one of them is not the dollar."""
        return self.complete and any(code != USD for code in self.rates)

    def usd(self, amount: Decimal, currency: str) -> Decimal:
        """`amount` of `currency` in US dollars, to the cent."""
        return (amount * self.rates[currency].usd_per_unit).quantize(Decimal("0.01"))

    def labels(self) -> list[str]:
        """Each rate used, in words, in the order of the currencies."""
        return [self.rates[c].label() for c in sorted(self.rates) if c != USD]

    def dates(self) -> str:
        """The rates for a download's cell: `EUR 1.08 from 2026-10-01; XAF …`."""
        return "; ".join(
            f"{code} {format(rate.usd_per_unit.normalize(), 'f')} from {rate.valid_from:%Y-%m-%d}"
            for code, rate in sorted(self.rates.items())
            if rate.valid_from is not None
        )


def rates_list() -> QuerySet[ExchangeRate]:
    """Every rate the Secretariat recorded, by currency, the latest first."""
    return ExchangeRate.objects.order_by("currency", "-valid_from", "-pk")


def rates_in_force(*, currencies: Iterable[str], on: datetime.date) -> Conversion:
    """The rate of each of `currencies` in force on `on`: the latest from on or before that
    day. One query, whatever the number of currencies."""
    wanted = sorted({c for c in currencies if c})
    rates: dict[str, Rate] = {}
    if USD in wanted:
        rates[USD] = Rate(USD, Decimal(1))
    others = [c for c in wanted if c != USD]
    if others:
        found = ExchangeRate.objects.filter(currency__in=others, valid_from__lte=on).order_by(
            "currency", "-valid_from"
        )
        for row in found.values("currency", "usd_per_unit", "valid_from"):
            if row["currency"] not in rates:
                rates[row["currency"]] = Rate(
                    row["currency"], row["usd_per_unit"], row["valid_from"]
                )
    missing = tuple(c for c in wanted if c not in rates)
    return Conversion(rates=rates, missing=missing)


def currency_name(code: str) -> str:
    """The ISO 4217 name of a currency code, or an empty text for an unknown code."""
    found = pycountry.currencies.get(alpha_3=code)
    return str(found.name) if found is not None else ""


def _check(currency: str, usd_per_unit: Decimal, source: str) -> None:
    if not _CODE.match(currency):
        raise ServiceError(
            _("“%(code)s” is not a currency code: give its three letters, for example EUR.")
            % {"code": currency}
        )
    if currency == USD:
        raise ServiceError(_("The US dollar needs no rate: amounts in USD are never converted."))
    if not currency_name(currency):
        raise ServiceError(
            _("%(code)s is not an ISO 4217 currency code. Check the code, for example XAF.")
            % {"code": currency}
        )
    if not usd_per_unit.is_finite() or usd_per_unit <= 0:
        raise ServiceError(_("A rate must be a number above zero, for example 1.08."))
    exponent = usd_per_unit.normalize().as_tuple().exponent
    decimals = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    if decimals > MAX_DECIMALS:
        raise ServiceError(
            _("Give the rate with at most %(places)s decimals.") % {"places": MAX_DECIMALS}
        )
    if usd_per_unit >= Decimal(10) ** MAX_WHOLE_DIGITS:
        raise ServiceError(_("That rate is too large: give US dollars per one unit."))
    if len(source) > SOURCE_LENGTH:
        raise ServiceError(
            _("Keep the source under %(count)s characters.") % {"count": SOURCE_LENGTH}
        )


@transaction.atomic
def exchange_rate_create(
    *,
    actor: Any,
    currency: str,
    usd_per_unit: Decimal,
    valid_from: datetime.date,
    source: str = "",
) -> ExchangeRate:
    """Record that one unit of `currency` is worth `usd_per_unit` US dollars from `valid_from`.

    A rate is never overwritten: a new rate gets a new date, so that a figure converted before
    can still be explained. Refused, with nothing written, for a code that is not ISO 4217, the
    dollar itself, a rate not above zero, or a second rate for the same currency and day."""
    currency = currency.strip().upper()
    source = source.strip()
    _check(currency, usd_per_unit, source)
    existing = ExchangeRate.objects.filter(currency=currency, valid_from=valid_from).first()
    if existing is not None:
        raise Duplicate(
            _(
                "There is already a rate for %(code)s from %(date)s (1 %(code)s = %(rate)s USD). "
                "Choose another date, or ask an administrator to correct that rate."
            )
            % {
                "code": currency,
                "date": formats.date_format(valid_from),
                "rate": rate_text(existing.usd_per_unit),
            }
        )
    rate = ExchangeRate(
        currency=currency, usd_per_unit=usd_per_unit, valid_from=valid_from, source=source
    )
    history_note(rate, actor=actor)
    try:
        with transaction.atomic():
            rate.save()
    except IntegrityError as error:  # another request recorded the same day just now
        raise Duplicate(
            _("A rate for %(code)s from that day was just recorded.") % {"code": currency}
        ) from error
    audit_record(
        actor=actor, verb="exchange_rate.create", target=rate, after=snapshot(rate, RATE_FIELDS)
    )
    return rate


class ExchangeRateForm(forms.Form):
    """The form of the rates page; the service checks the values again and says what is
    wrong."""

    currency = forms.CharField(
        label=gettext_lazy("Currency"),
        max_length=3,
        min_length=3,
        help_text=gettext_lazy("Three letters (ISO 4217), for example EUR or XAF."),
    )
    usd_per_unit = forms.CharField(
        label=gettext_lazy("US dollars for one unit"),
        max_length=30,
        help_text=gettext_lazy("For example 1.08 for the euro, or 0.00165 for the CFA franc."),
    )
    valid_from = forms.DateField(
        label=gettext_lazy("Valid from"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=gettext_lazy("The first day the rate applies to."),
    )
    source = forms.CharField(
        label=gettext_lazy("Source"),
        max_length=SOURCE_LENGTH,
        required=False,
        help_text=gettext_lazy("Where the rate comes from, for example the UN operational rate."),
    )

    def clean_currency(self) -> str:
        return str(self.cleaned_data["currency"]).strip().upper()

    def clean_usd_per_unit(self) -> Decimal:
        """A number written with a point or a comma, without thousands separators."""
        text = str(self.cleaned_data["usd_per_unit"]).strip().replace(" ", "")
        if "," in text and "." not in text:
            text = text.replace(",", ".")
        try:
            value = Decimal(text)
        except decimal.InvalidOperation:
            raise forms.ValidationError(
                _("Write the rate as a number, for example 1.08.")
            ) from None
        if not value.is_finite():
            raise forms.ValidationError(_("Write the rate as a number, for example 1.08."))
        return value
