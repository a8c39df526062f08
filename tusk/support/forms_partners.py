"""Forms of the partners' pages: record support, move it forward, correct it.

The forms check what a person can fix on the spot (a currency with the amount, a period in
order); the services check everything again, with the rules of who may do what.
"""

from __future__ import annotations

import datetime
import re
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from tusk.support.choices import SupportRole, SupportStage
from tusk.support.models import Partner, Support
from tusk.support.services import STAGE_ORDER

CURRENCY = re.compile(r"^[A-Z]{3}$")


def _date_input() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class MoneyFields(forms.Form):
    """Amount, currency and period, checked together."""

    role = forms.ChoiceField(
        label=_("Role"),
        choices=SupportRole.choices,
        help_text=_(
            "Funding: you pay for it. Implementing: you carry out the work. Accountable: you "
            "answer for it (IATI organisation roles)."
        ),
    )
    amount = forms.DecimalField(
        label=_("Amount"),
        required=False,
        min_value=0,
        max_digits=14,
        decimal_places=2,
        help_text=_("Leave empty for support in kind, such as training by your own staff."),
        widget=forms.NumberInput(attrs={"inputmode": "decimal", "step": "0.01", "min": "0"}),
    )
    currency = forms.CharField(
        label=_("Currency"),
        required=False,
        max_length=3,
        help_text=_("Three letters, such as USD or EUR."),
        widget=forms.TextInput(attrs={"size": 4, "autocapitalize": "characters"}),
    )
    period_start = forms.DateField(label=_("Period from"), required=False, widget=_date_input())
    period_end = forms.DateField(label=_("Period to"), required=False, widget=_date_input())
    description = forms.CharField(
        label=_("What the support is"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example: the project's name and what it pays for."),
    )

    def clean_currency(self) -> str:
        currency: str = self.cleaned_data.get("currency", "").strip().upper()
        if currency and not CURRENCY.match(currency):
            raise forms.ValidationError(
                _("Give three letters, such as USD or EUR."), code="currency"
            )
        return currency

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("amount") is not None and not data.get("currency"):
            self.add_error("currency", _("Give the currency of the amount."))
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", _("The period ends before it starts."))
        return data


class SupportRecordForm(MoneyFields):
    """A new support record. The Secretariat also chooses the partner and says why."""

    partner = forms.ModelChoiceField(
        label=_("Partner"),
        queryset=Partner.objects.order_by("name"),
        help_text=_("The organisation whose support you record."),
    )
    stage = forms.ChoiceField(
        label=_("Stage"),
        choices=SupportStage.choices,
        help_text=_(
            "Pledged: promised. Committed: agreed in writing. Disbursed: paid. Completed: the "
            "work is done. Only committed support and later reduces the gap."
        ),
    )
    date = forms.DateField(
        label=_("Date of this stage"),
        required=False,
        widget=_date_input(),
        help_text=_("When the support reached this stage; empty for today."),
    )
    reason = forms.CharField(
        label=_("Why the Secretariat records it"),
        required=False,
        max_length=1000,
        help_text=_("For example: the partner's letter of 3 May 2026."),
    )
    field_order = [
        "partner",
        "stage",
        "date",
        "role",
        "amount",
        "currency",
        "period_start",
        "period_end",
        "description",
        "reason",
    ]

    def __init__(self, *args: Any, for_secretariat: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not for_secretariat:
            del self.fields["partner"]
            del self.fields["reason"]
        else:
            self.fields["reason"].required = True


class Seen(forms.CharField):
    """When the support was last saved as the person saw it, to refuse an edit over another."""

    widget = forms.HiddenInput

    def to_python(self, value: Any) -> datetime.datetime | None:  # type: ignore[override]
        text = super().to_python(value)
        if not text:
            return None
        try:
            return datetime.datetime.fromisoformat(text)
        except ValueError:
            raise forms.ValidationError(_("Open the page again and redo your change.")) from None


def seen_of(support: Support) -> str:
    """The value of the `seen` field for `support`."""
    return support.updated_at.isoformat()


class SupportStageForm(forms.Form):
    """Move support to a later stage; the Secretariat may set any stage, to correct a mistake,
    and always says why."""

    step = forms.CharField(widget=forms.HiddenInput, initial="stage")
    seen = Seen(required=False)
    stage = forms.ChoiceField(label=_("New stage"))
    date = forms.DateField(
        label=_("Date of this stage"),
        required=False,
        widget=_date_input(),
        help_text=_("When the support reached the new stage; empty for today."),
    )
    reason = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=1000,
        help_text=_("Anything the other partners and the Party should know."),
    )

    def __init__(self, *args: Any, support: Support, for_secretariat: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        labels = dict(SupportStage.choices)
        if for_secretariat:
            stages = [s for s in STAGE_ORDER if s != support.stage]
            self.fields["reason"].label = _("Why it changes")
            self.fields["reason"].help_text = _(
                "The Secretariat says why it changes a partner's support."
            )
            self.fields["reason"].required = True
        else:
            stages = list(STAGE_ORDER[STAGE_ORDER.index(support.stage) + 1 :])
        stage: forms.ChoiceField = self.fields["stage"]  # type: ignore[assignment]
        stage.choices = [(s, labels[s]) for s in stages]


class SupportCorrectForm(MoneyFields):
    """Correct what was recorded: the role, the amount, the currency, the period, the words."""

    step = forms.CharField(widget=forms.HiddenInput, initial="details")
    seen = Seen(required=False)
    reason = forms.CharField(
        label=_("Why it changes"),
        required=False,
        max_length=1000,
        help_text=_("Needed when the role, the amount, the currency or the period changes."),
    )
