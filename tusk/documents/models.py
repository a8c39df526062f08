"""The documents app's own data: the Secretariat's recommendations for a meeting's overview."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tusk.core.models import Meeting, Party


class Recommendation(models.Model):
    """The Secretariat's recommendation on one Party for one meeting, as edited on the overview.

    When there is none, the overview shows a draft from the rules of `overview`; once stored,
    the text replaces that draft on the page and in every export.
    """

    meeting = models.ForeignKey(
        Meeting,
        on_delete=models.CASCADE,
        related_name="recommendations",
        verbose_name=_("meeting"),
    )
    party = models.ForeignKey(
        Party,
        on_delete=models.CASCADE,
        related_name="recommendations",
        verbose_name=_("Party"),
    )
    text = models.TextField(_("recommendation"), blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("updated by"),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "party"], name="one_recommendation_per_party_and_meeting"
            )
        ]
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")

    def __str__(self) -> str:
        return f"{self.meeting.code} – {self.party}"
