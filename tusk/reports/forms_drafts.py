"""Forms of a Party's drafts: the upload, the edit page (header, synopsis, each action), revise."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from tusk.reports.choices import Rating
from tusk.reports.drafting import ActionInput, NeedInput, progress_lines
from tusk.reports.models import ActionProgress, ProgressReport
from tusk.support.choices import NeedKind

MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
CURRENCY = re.compile(r"^[A-Z]{3}$")


class UploadForm(forms.Form):
    """One file: the Party and the meeting come from the document itself."""

    file = forms.FileField(
        label=_("Report file"),
        help_text=_(
            "A Word file (.docx), a PDF saved from Word, converted text (.txt) or Tusk's "
            "interchange JSON. Tusk reads the Party and the meeting from the document."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".docx,.pdf,.txt,.json"}),
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        limit = settings.TUSK_MAX_REPORT_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                _(
                    "{name} is {size:.1f} MB, over the limit of {limit:.0f} MB: remove pictures "
                    "or split the annexes off."
                ).format(name=upload.name, size=upload.size / 1_048_576, limit=limit / 1_048_576)
            )
        return upload


def _text(value: str) -> str:
    """Text from a textarea: the browser's CRLF as LF, outer blank space off."""
    return value.replace("\r\n", "\n").replace("\r", "\n").strip()


class DraftHeaderForm(forms.Form):
    """The report's header and its synopsis (Part A), with the version the user opened."""

    lock_version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    source_sha256 = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)
    period_start = forms.CharField(
        label=_("Period from"),
        required=False,
        help_text=_("Year and month, as 2024-07."),
        widget=forms.TextInput(attrs={"placeholder": "YYYY-MM", "inputmode": "numeric"}),
    )
    period_end = forms.CharField(
        label=_("Period to"),
        required=False,
        help_text=_("Year and month, as 2025-06."),
        widget=forms.TextInput(attrs={"placeholder": "YYYY-MM", "inputmode": "numeric"}),
    )
    prepared_by = forms.CharField(label=_("Prepared by"), required=False, max_length=500)
    synopsis_overview = forms.CharField(
        label=_("Overview"), required=False, widget=forms.Textarea(attrs={"rows": 6})
    )
    synopsis_progress = forms.CharField(
        label=_("Progress to date"), required=False, widget=forms.Textarea(attrs={"rows": 6})
    )
    synopsis_outlook = forms.CharField(
        label=_("Future outlook"), required=False, widget=forms.Textarea(attrs={"rows": 6})
    )
    reason = forms.CharField(
        label=_("Why the ratings change"),
        required=False,
        max_length=1000,
        help_text=_(
            "This report was submitted before: say why any rating you change is changed. The "
            "reason is kept in the report's history."
        ),
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, report: ProgressReport, **kwargs: Any) -> None:
        kwargs.setdefault(
            "initial",
            {
                "lock_version": report.lock_version,
                "source_sha256": report.source_sha256,
                "period_start": report.period_start,
                "period_end": report.period_end,
                "prepared_by": report.prepared_by,
                "synopsis_overview": report.synopsis_overview,
                "synopsis_progress": report.synopsis_progress,
                "synopsis_outlook": report.synopsis_outlook,
            },
        )
        super().__init__(*args, **kwargs)
        self.report = report
        if report.revision <= 1:
            del self.fields["reason"]

    def _month(self, name: str) -> str:
        value: str = self.cleaned_data[name].strip()
        if value and not MONTH.match(value):
            raise forms.ValidationError(
                _("Write the year and month as YYYY-MM, for example 2024-07."), code="month"
            )
        return value

    def clean_period_start(self) -> str:
        return self._month("period_start")

    def clean_period_end(self) -> str:
        return self._month("period_end")

    def clean_synopsis_overview(self) -> str:
        return _text(self.cleaned_data["synopsis_overview"])

    def clean_synopsis_progress(self) -> str:
        return _text(self.cleaned_data["synopsis_progress"])

    def clean_synopsis_outlook(self) -> str:
        return _text(self.cleaned_data["synopsis_outlook"])

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("period_start"), cleaned.get("period_end")
        if start and end and start > end:
            self.add_error("period_end", _("The period ends before it starts."))
        return cleaned

    def header(self) -> dict[str, str]:
        """The report fields as the user left them."""
        names = (
            "period_start",
            "period_end",
            "prepared_by",
            "synopsis_overview",
            "synopsis_progress",
            "synopsis_outlook",
        )
        return {name: self.cleaned_data[name] for name in names}


class ActionForm(forms.Form):
    """One action of the draft: its rating on the report's scale, its progress, a new need."""

    rating = forms.ChoiceField(label=_("Rating"), required=False)
    progress = forms.CharField(
        label=_("Progress, one item a line"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    need_kind = forms.ChoiceField(
        label=_("What is needed"),
        required=False,
        choices=[("", _("Choose…")), *NeedKind.choices],
    )
    need_description = forms.CharField(
        label=_("Description of the need"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    need_amount = forms.DecimalField(
        label=_("Amount (optional)"), required=False, min_value=0, max_digits=14, decimal_places=2
    )
    need_currency = forms.CharField(
        label=_("Currency"),
        required=False,
        max_length=3,
        help_text=_("ISO 4217 code, for example USD or EUR."),
        widget=forms.TextInput(attrs={"size": 4, "autocapitalize": "characters"}),
    )

    def __init__(self, *args: Any, progress: ActionProgress, scale: str, **kwargs: Any) -> None:
        kwargs.setdefault(
            "initial",
            {
                "rating": progress.rating or "",
                "progress": "\n".join(progress_lines(progress.progress)),
            },
        )
        super().__init__(*args, **kwargs)
        self.stored = progress
        lines = len(progress_lines(progress.progress))
        self.fields["progress"].widget.attrs["rows"] = max(3, min(lines * 2 + 1, 14))
        rating = self.fields["rating"]
        assert isinstance(rating, forms.ChoiceField)
        rating.choices = [("", _("Not rated")), *Rating.of(scale)]

    def clean_need_currency(self) -> str:
        value: str = self.cleaned_data["need_currency"].strip().upper()
        if value and not CURRENCY.match(value):
            raise forms.ValidationError(_("Give a three-letter ISO 4217 code, such as USD."))
        return value

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        kind, description = cleaned.get("need_kind"), (cleaned.get("need_description") or "")
        amount, currency = cleaned.get("need_amount"), cleaned.get("need_currency")
        if description.strip() and not kind:
            self.add_error("need_kind", _("Choose what kind of need this is."))
        if kind and not description.strip():
            self.add_error("need_description", _("Describe the need."))
        if amount is not None and not currency:
            self.add_error("need_currency", _("Give the currency of the amount."))
        if (amount is not None or currency) and not (kind or description.strip()):
            self.add_error("need_description", _("Describe the need the amount is for."))
        return cleaned

    @property
    def rating_changed(self) -> bool:
        """Whether the user gives the action another rating than the stored one."""
        return (self.cleaned_data.get("rating") or None) != self.stored.rating

    def action_input(self) -> ActionInput:
        """What the form says of the action, for the draft's save."""
        data = self.cleaned_data
        need = None
        if data.get("need_kind") and (data.get("need_description") or "").strip():
            need = NeedInput(
                kind=data["need_kind"],
                description=_text(data["need_description"]),
                amount=data.get("need_amount"),
                currency=data.get("need_currency") or "",
            )
        return ActionInput(
            progress=self.stored,
            rating=data.get("rating") or None,
            items=progress_lines([data.get("progress") or ""]),
            need=need,
        )


class DraftForm:
    """The whole edit page as one form: the header and one sub-form per action."""

    def __init__(
        self,
        data: Any = None,
        *,
        report: ProgressReport,
        progress: Sequence[ActionProgress],
    ) -> None:
        self.report = report
        self.header = DraftHeaderForm(data, report=report)
        self.actions = [
            ActionForm(data, progress=p, scale=report.scale, prefix=f"a{p.pk}") for p in progress
        ]

    @property
    def asks_reason(self) -> bool:
        """Whether the page has a field for the reason of a rating change."""
        return "reason" in self.header.fields

    def is_valid(self) -> bool:
        valid = self.header.is_valid()
        valid = all([form.is_valid() for form in self.actions]) and valid
        if valid and self.asks_reason and not self.header.cleaned_data.get("reason", "").strip():
            changed = [f.stored.code for f in self.actions if f.rating_changed]
            if changed:
                self.header.add_error(
                    "reason",
                    _("Say why the rating of {codes} changes.").format(codes=", ".join(changed)),
                )
                valid = False
        return valid

    @property
    def error_count(self) -> int:
        """How many fields hold an error, for the summary at the top of the page."""
        forms_ = [self.header, *self.actions]
        return sum(len(f.errors) for f in forms_)


class SubmitForm(forms.Form):
    """The confirmation of a submit, tied to the version of the draft the user looked at."""

    lock_version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


class ReviseForm(forms.Form):
    """Why a new revision is started; the reason goes into the report's history."""

    reason = forms.CharField(
        label=_("Why a new revision"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example: to answer the Secretariat's comments on actions 2.4 and 5.2."),
    )
