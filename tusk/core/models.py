"""Parties, regions, meetings and the audit trail: what every other app refers to."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django_countries.fields import Country, CountryField
from simple_history.models import HistoricalRecords

from tusk.core.choices import Category, MeetingKind, Stage, TradeRole

# ISO names of countries by (code, language), filled as pages ask for them.
_COUNTRY_NAMES: dict[tuple[str, str], str] = {}


class Region(models.Model):
    """A regional body or grouping of Parties (ASEAN, SADC, ECOWAS, …)."""

    code = models.SlugField(_("code"), max_length=20, unique=True)
    name = models.CharField(_("name"), max_length=200)
    is_demo = models.BooleanField(_("demo data"), default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["code"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self) -> str:
        return self.code.upper() if len(self.code) <= 6 else self.name


class Party(models.Model):
    """A CITES Party (or territory such as Hong Kong SAR) taking part in the NIAP process."""

    country = CountryField(_("country"), unique=True)
    name = models.CharField(
        _("name"), max_length=200, blank=True, help_text=_("Leave empty to use the ISO name.")
    )
    trade_role = models.CharField(
        _("trade role"), max_length=30, choices=TradeRole.choices, blank=True
    )
    stage = models.CharField(
        _("stage in the process"), max_length=20, choices=Stage.choices, default=Stage.DEVELOPING
    )
    in_niap_process = models.BooleanField(_("in the NIAP process"), default=True)
    focal_points = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        through="accounts.FocalPointMembership",
        related_name="focal_parties",
        verbose_name=_("focal points"),
        blank=True,
    )
    is_demo = models.BooleanField(_("demo data"), default=False)
    history = HistoricalRecords(m2m_fields=[])

    class Meta:
        ordering = ["name"]
        verbose_name = _("Party")
        verbose_name_plural = _("Parties")

    def __str__(self) -> str:
        return self.display_name

    @property
    def code(self) -> str:
        """The ISO 3166-1 alpha-2 code."""
        return str(self._country.code)

    @property
    def display_name(self) -> str:
        """The name Tusk shows: the stored one, else the ISO name in the active language."""
        if self.name:
            return self.name
        # django-countries looks the name up on every call (~60 µs); pages list thousands.
        key = (str(self.country), translation.get_language() or "")
        name = _COUNTRY_NAMES.get(key)
        if name is None:
            name = _COUNTRY_NAMES[key] = str(self._country.name)
        return name

    @property
    def _country(self) -> Country:
        # The field's descriptor gives a Country object; the stubs type it as text.
        country: Country = self.country  # type: ignore[assignment]
        return country


class PartyCategory(models.Model):
    """A Party's NIAP category in one ETIS analysis cycle, and the document that set it."""

    party = models.ForeignKey(
        Party, on_delete=models.CASCADE, related_name="categories", verbose_name=_("Party")
    )
    cycle = models.CharField(
        _("ETIS cycle"), max_length=20, help_text=_("The CoP whose ETIS analysis set it: CoP19.")
    )
    category = models.CharField(_("category"), max_length=1, choices=Category.choices)
    source = models.CharField(_("source document"), max_length=300, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["party", "cycle"]
        constraints = [
            models.UniqueConstraint(fields=["party", "cycle"], name="one_category_per_cycle")
        ]
        verbose_name = _("Party category")
        verbose_name_plural = _("Party categories")

    def __str__(self) -> str:
        return f"{self.party} {self.cycle}: {self.category}"


class RegionMembership(models.Model):
    """A Party's membership of a region, from a date and, if it ended, to a date."""

    region = models.ForeignKey(
        Region, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("region")
    )
    party = models.ForeignKey(
        Party, on_delete=models.CASCADE, related_name="region_memberships", verbose_name=_("Party")
    )
    start = models.DateField(_("member since"))
    end = models.DateField(_("member until"), null=True, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["region", "party"]
        constraints = [
            models.UniqueConstraint(
                fields=["region", "party", "start"], name="one_membership_per_start"
            )
        ]
        verbose_name = _("region membership")
        verbose_name_plural = _("region memberships")

    def __str__(self) -> str:
        return f"{self.party} in {self.region} from {self.start}"

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        if self.end and self.end < self.start:
            raise ValidationError({"end": _("A membership cannot end before it starts.")})


class Meeting(models.Model):
    """A Standing Committee meeting or Conference of the Parties, and its report due date."""

    kind = models.CharField(_("kind"), max_length=3, choices=MeetingKind.choices)
    number = models.PositiveSmallIntegerField(_("number"))
    start_date = models.DateField(_("first day"), null=True, blank=True)
    end_date = models.DateField(_("last day"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    takes_niap_reports = models.BooleanField(
        _("takes NIAP progress reports"),
        default=False,
        help_text=_("Regular Standing Committee meetings do; those held beside a CoP do not."),
    )
    report_due = models.DateField(
        _("report due date"),
        null=True,
        blank=True,
        help_text=_("Leave empty for the default: 90 days before the meeting."),
    )
    dates_note = models.CharField(_("note on the dates"), max_length=200, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["start_date", "kind", "number"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "number"], name="one_meeting_per_number")
        ]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")

    def __str__(self) -> str:
        return self.code

    @property
    def code(self) -> str:
        """The short name reports use: SC66, CoP19."""
        return f"{self.kind}{self.number}"

    @property
    def due_date(self) -> datetime.date | None:
        """When progress reports are due: the set date, else the configured days before."""
        if self.report_due:
            return self.report_due
        if self.start_date is None:
            return None
        return self.start_date - datetime.timedelta(days=settings.TUSK_REPORT_DUE_DAYS)

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("A meeting cannot end before it starts.")})


class AuditEvent(models.Model):
    """One deliberate change: who did what to which record, when, why, and what it was before.

    django-simple-history keeps every row's versions; these events add the reason and the
    business verb ("report.submit", "assessment.rate") that a history of rows cannot tell.
    """

    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="audit_events",
        verbose_name=_("who"),
    )
    verb = models.CharField(_("what"), max_length=60, db_index=True)
    target_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, verbose_name=_("record type")
    )
    target_id = models.CharField(_("record id"), max_length=40)
    target_repr = models.CharField(_("record"), max_length=300)
    party = models.ForeignKey(
        Party,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="audit_events",
        verbose_name=_("Party"),
        help_text=_("The Party whose data changed, so that its history can be shown to it."),
    )
    before = models.JSONField(_("before"), null=True, blank=True)
    after = models.JSONField(_("after"), null=True, blank=True)
    reason = models.TextField(_("why"), blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["target_type", "target_id"], name="audit_target_idx")]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")

    def __str__(self) -> str:
        return (
            f"{self.created_at:%Y-%m-%d %H:%M} {self.actor or '-'} {self.verb} {self.target_repr}"
        )
