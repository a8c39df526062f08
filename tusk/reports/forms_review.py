"""Forms of the Secretariat's review: ratings per action, returning a report, and the upload and
confirmation of an assessment file."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from tusk.reports.assessing import MAX_CSV_BYTES, RatingEntry
from tusk.reports.choices import Rating
from tusk.reports.models import ActionProgress, Assessment

MAX_COMMENT = 4000
MAX_REASON = 1000


class DescribedErrorsForm(forms.Form):
    """A form whose fields in error point at their message (`<id>-error`), for screen readers."""

    def full_clean(self) -> None:
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                ids = [f"{self[name].auto_id}-error"]
                if self.fields[name].help_text:
                    ids.append(f"{self[name].auto_id}_helptext")
                self.fields[name].widget.attrs["aria-describedby"] = " ".join(ids)


class ActionAssessmentForm(DescribedErrorsForm):
    """The Secretariat's rating and comment on one action, and why an earlier rating changes.

    One form per action, prefixed by the action's id, so that a page of many actions is sent
    in one POST and each row keeps its own errors.
    """

    rating = forms.ChoiceField(label=_("Secretariat's rating"), required=False)
    comment = forms.CharField(
        label=_("Secretariat's comment"),
        required=False,
        max_length=MAX_COMMENT,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    reason = forms.CharField(
        label=_("Why the rating changes"),
        required=False,
        max_length=MAX_REASON,
    )

    def __init__(
        self,
        data: Mapping[str, Any] | None = None,
        *,
        progress: ActionProgress,
        assessment: Assessment | None,
        scale: str,
    ) -> None:
        self.progress = progress
        self.assessment = assessment
        initial = {
            "rating": assessment.rating or "" if assessment else "",
            "comment": assessment.comment if assessment else "",
        }
        super().__init__(data, prefix=f"a{progress.pk}", initial=initial)
        self.fields["rating"].choices = [("", _("Not rated")), *Rating.of(scale)]  # type: ignore[attr-defined]

    @property
    def old_rating(self) -> str | None:
        """The rating the Secretariat gave before, if any."""
        return self.assessment.rating if self.assessment else None

    @property
    def shown_rating(self) -> str | None:
        """The rating the row shows: what was just sent, else what is stored."""
        if self.is_bound:
            return self.data.get(self.add_prefix("rating")) or None
        return self.old_rating

    @property
    def diverges(self) -> bool:
        """Whether the rating shown differs from the Party's."""
        shown = self.shown_rating
        return shown is not None and shown != self.progress.rating

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        rating = cleaned.get("rating") or None
        if (
            self.old_rating
            and rating != self.old_rating
            and not (cleaned.get("reason") or "").strip()
        ):
            self.add_error(
                "reason",
                _("Say why the Secretariat's rating changes."),
            )
        return cleaned

    def entry(self) -> RatingEntry | None:
        """The change to store, or None when the row says what is already stored."""
        rating = self.cleaned_data.get("rating") or None
        comment = (self.cleaned_data.get("comment") or "").strip()
        old_comment = self.assessment.comment if self.assessment else ""
        if rating == self.old_rating and comment == old_comment:
            return None
        return RatingEntry(
            progress=self.progress,
            rating=rating,
            comment=comment,
            reason=(self.cleaned_data.get("reason") or "").strip(),
        )


class ReturnForm(DescribedErrorsForm):
    """Why a report goes back to its Party; the Party reads it."""

    reason = forms.CharField(
        label=_("What the Party should change"),
        max_length=MAX_COMMENT,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": _("Say why the report is returned, so that the Party can fix it.")
        },
    )

    def __init__(self, data: Mapping[str, Any] | None = None) -> None:
        super().__init__(data, prefix="return")


class AssessmentUploadForm(DescribedErrorsForm):
    """An assessment file to preview."""

    file = forms.FileField(
        label=_("Assessment file (CSV)"),
        help_text=_("A CSV file of at most 1 MB, saved as UTF-8 or Latin-1."),
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if Path(upload.name or "").suffix.lower() not in {".csv", ".txt"}:
            raise forms.ValidationError(
                _("{name} is not a CSV file: save the sheet as CSV and send that file.").format(
                    name=upload.name
                )
            )
        if upload.size > MAX_CSV_BYTES:
            raise forms.ValidationError(
                _("{name} is over the limit of 1 MB: split it into several files.").format(
                    name=upload.name
                )
            )
        return upload


class ImportConfirmForm(forms.Form):
    """The previewed file, carried back in the page so that nothing is stored before it is
    confirmed, and the fingerprint of the preview the user saw."""

    content = forms.CharField(widget=forms.HiddenInput, max_length=MAX_CSV_BYTES * 2)
    filename = forms.CharField(widget=forms.HiddenInput, max_length=255)
    digest = forms.CharField(widget=forms.HiddenInput, max_length=64, min_length=64)

    @staticmethod
    def carry(raw: bytes) -> str:
        """The file's bytes as text a hidden field can hold unchanged."""
        return base64.b64encode(raw).decode("ascii")

    def clean_content(self) -> bytes:
        try:
            raw = base64.b64decode(self.cleaned_data["content"], validate=True)
        except (binascii.Error, ValueError):
            raise forms.ValidationError(
                _("The file did not come back intact: upload it again.")
            ) from None
        if len(raw) > MAX_CSV_BYTES:
            raise forms.ValidationError(_("The file is over the limit of 1 MB."))
        return raw
