"""The forms of the suggestions page: confirm a suggested need (completing it) or discard it."""

from __future__ import annotations

import re
from typing import Any

import pycountry
from django import forms
from django.utils.translation import gettext_lazy as _

from tusk.support.choices import NeedKind, Theme

_CURRENCY = re.compile(r"^[A-Za-z]{3}$")


class ConfirmForm(forms.Form):
    """What the focal point says the need is: prefilled from the report, changed at will."""

    kind = forms.ChoiceField(label=_("Kind of need"), choices=NeedKind.choices)
    description = forms.CharField(
        label=_("Description"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    amount = forms.DecimalField(
        label=_("Amount"),
        required=False,
        min_value=0,
        max_digits=14,
        decimal_places=2,
        widget=forms.NumberInput(attrs={"inputmode": "decimal", "step": "0.01"}),
    )
    currency = forms.CharField(
        label=_("Currency"),
        required=False,
        help_text=_("ISO 4217 code, for example USD or EUR."),
        widget=forms.TextInput(attrs={"size": 4, "maxlength": 3, "autocapitalize": "characters"}),
    )
    needed_by = forms.DateField(
        label=_("Needed by"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    themes = forms.MultipleChoiceField(
        label=_("Themes"),
        required=False,
        choices=Theme.choices,
        widget=forms.CheckboxSelectMultiple,
    )

    def clean_currency(self) -> str:
        currency = str(self.cleaned_data.get("currency") or "").strip()
        if currency and not _CURRENCY.match(currency):
            raise forms.ValidationError(
                _("Write the currency as its three-letter ISO code, for example USD or EUR.")
            )
        if currency and pycountry.currencies.get(alpha_3=currency.upper()) is None:
            raise forms.ValidationError(
                _("%(code)s is not an ISO 4217 currency code: write USD, EUR, XAF or another.")
                % {"code": currency.upper()}
            )
        return currency.upper()

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if (
            cleaned.get("amount") is not None
            and not cleaned.get("currency")
            and "currency" not in self.errors
        ):
            self.add_error(
                "currency", _("Give the currency of the amount, for example USD or EUR.")
            )
        return cleaned


class DiscardForm(forms.Form):
    """Why the suggestion is set aside; optional, but it helps the Secretariat later."""

    reason = forms.CharField(
        label=_("Why (optional)"),
        required=False,
        max_length=500,
        help_text=_("For example: the funding was secured already."),
    )
