"""The needs dashboard's data: what actions still need, the partners, and their support."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tusk.support.choices import (
    NeedKind,
    NeedStatus,
    PartnerKind,
    SuggestionReason,
    SuggestionStatus,
    SupportRole,
    SupportStage,
    Theme,
)

CURRENCY_HELP = _("ISO 4217 code, for example USD or EUR.")


class Partner(models.Model):
    """A donor or implementing organisation that supports NIAP actions."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=PartnerKind.choices)
    website = models.URLField(_("website"), blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    def __str__(self) -> str:
        return self.acronym or self.name


class Need(models.Model):
    """What a Party's action (or its plan as a whole) still needs to be carried out."""

    party = models.ForeignKey(
        "core.Party", on_delete=models.PROTECT, related_name="needs", verbose_name=_("Party")
    )
    action = models.ForeignKey(
        "plans.Action",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="needs",
        verbose_name=_("action"),
    )
    kind = models.CharField(_("kind"), max_length=30, choices=NeedKind.choices)
    description = models.TextField(_("description"))
    amount = models.DecimalField(
        _("amount"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    currency = models.CharField(_("currency"), max_length=3, blank=True, help_text=CURRENCY_HELP)
    needed_by = models.DateField(_("needed by"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=NeedStatus.choices, default=NeedStatus.OPEN
    )
    source_report = models.ForeignKey(
        "reports.ProgressReport",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="needs_confirmed",
        verbose_name=_("from the report"),
        help_text=_("The progress report the need was suggested from, if any."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    is_demo = models.BooleanField(_("demo data"), default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["party", "action", "id"]
        indexes = [
            # The needs dashboard sums needs by these, without reading the table itself.
            models.Index(
                fields=["status", "party", "currency", "amount", "action", "kind"],
                name="need_dashboard_cover",
            )
        ]
        verbose_name = _("need")
        verbose_name_plural = _("needs")

    def __str__(self) -> str:
        where = self.action.code if self.action_id and self.action else str(self.party)
        return f"{where}: {self.get_kind_display()}"

    def clean(self) -> None:
        if self.amount is not None and not self.currency:
            raise ValidationError({"currency": _("Give the currency of the amount.")})
        if self.action_id and self.action and self.action.plan.party_id != self.party_id:
            raise ValidationError({"action": _("The action belongs to another Party's plan.")})


class Support(models.Model):
    """A partner's pledge, commitment or disbursement against a need, an action or a Party."""

    partner = models.ForeignKey(
        Partner, on_delete=models.PROTECT, related_name="support", verbose_name=_("partner")
    )
    party = models.ForeignKey(
        "core.Party", on_delete=models.PROTECT, related_name="support", verbose_name=_("Party")
    )
    need = models.ForeignKey(
        Need,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="support",
        verbose_name=_("need"),
    )
    action = models.ForeignKey(
        "plans.Action",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="support",
        verbose_name=_("action"),
    )
    stage = models.CharField(_("stage"), max_length=20, choices=SupportStage.choices)
    role = models.CharField(
        _("role"), max_length=20, choices=SupportRole.choices, default=SupportRole.FUNDING
    )
    description = models.TextField(_("description"), blank=True)
    amount = models.DecimalField(
        _("amount"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    currency = models.CharField(_("currency"), max_length=3, blank=True, help_text=CURRENCY_HELP)
    date = models.DateField(
        _("date"), null=True, blank=True, help_text=_("When the support reached its stage.")
    )
    period_start = models.DateField(_("from"), null=True, blank=True)
    period_end = models.DateField(_("to"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    is_demo = models.BooleanField(_("demo data"), default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["party", "-date", "id"]
        indexes = [
            # The needs dashboard sums support per need, currency and stage from this alone.
            models.Index(
                fields=["need", "currency", "stage", "amount", "partner"],
                name="support_dashboard_cover",
            )
        ]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(period_start__isnull=True)
                    | models.Q(period_end__isnull=True)
                    | models.Q(period_end__gte=models.F("period_start"))
                ),
                name="support_period_in_order",
            )
        ]
        verbose_name = _("support")
        verbose_name_plural = _("support")

    def __str__(self) -> str:
        return f"{self.partner} → {self.party} ({self.get_stage_display()})"

    def clean(self) -> None:
        if self.amount is not None and not self.currency:
            raise ValidationError({"currency": _("Give the currency of the amount.")})
        if self.need_id and self.need and self.need.party_id != self.party_id:
            raise ValidationError({"need": _("The need belongs to another Party.")})
        if self.action_id and self.action and self.action.plan.party_id != self.party_id:
            raise ValidationError({"action": _("The action belongs to another Party's plan.")})
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": _("The period ends before it starts.")})


class NeedTheme(models.Model):
    """One theme a need is tagged with; a need may carry several."""

    need = models.ForeignKey(
        Need, on_delete=models.CASCADE, related_name="themes", verbose_name=_("need")
    )
    theme = models.CharField(_("theme"), max_length=30, choices=Theme.choices)
    history = HistoricalRecords()

    class Meta:
        ordering = ["need", "theme"]
        constraints = [models.UniqueConstraint(fields=["need", "theme"], name="one_tag_per_theme")]
        verbose_name = _("need theme")
        verbose_name_plural = _("need themes")

    def __str__(self) -> str:
        return f"{self.need_id}: {self.get_theme_display()}"


class NeedSuggestion(models.Model):
    """A need that an imported report seems to ask for, waiting for its focal point to confirm
    (which creates the Need) or discard it. Nothing becomes a need unconfirmed."""

    report = models.ForeignKey(
        "reports.ProgressReport",
        on_delete=models.CASCADE,
        related_name="need_suggestions",
        verbose_name=_("report"),
    )
    party = models.ForeignKey(
        "core.Party",
        on_delete=models.CASCADE,
        related_name="need_suggestions",
        verbose_name=_("Party"),
    )
    action = models.ForeignKey(
        "plans.Action",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="need_suggestions",
        verbose_name=_("action"),
    )
    action_code = models.CharField(_("action code"), max_length=20, blank=True)
    reason = models.CharField(_("reason"), max_length=30, choices=SuggestionReason.choices)
    evidence = models.TextField(
        _("what the report says"), blank=True, help_text=_("The words the suggestion comes from.")
    )
    kind = models.CharField(
        _("kind"), max_length=30, choices=NeedKind.choices, default=NeedKind.FUNDING
    )
    description = models.TextField(_("description"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=SuggestionStatus.choices,
        default=SuggestionStatus.PENDING,
    )
    need = models.OneToOneField(
        Need,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="suggestion",
        verbose_name=_("need"),
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["report", "action_code", "reason", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["report", "action_code", "reason"], name="one_suggestion_per_reason"
            )
        ]
        verbose_name = _("need suggestion")
        verbose_name_plural = _("need suggestions")

    def __str__(self) -> str:
        return f"{self.report_id} {self.action_code}: {self.get_reason_display()}"


class ExchangeRate(models.Model):
    """What one unit of a currency is worth in US dollars from a date, as the Secretariat
    maintains it. Dashboards convert with these rates only, and say so; without a rate they
    show totals per currency."""

    currency = models.CharField(_("currency"), max_length=3, help_text=CURRENCY_HELP)
    usd_per_unit = models.DecimalField(
        _("US dollars per unit"),
        max_digits=18,
        decimal_places=8,
        validators=[MinValueValidator(0)],
    )
    valid_from = models.DateField(_("valid from"))
    source = models.CharField(_("source"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["currency", "-valid_from"]
        constraints = [
            models.UniqueConstraint(fields=["currency", "valid_from"], name="one_rate_per_day")
        ]
        verbose_name = _("exchange rate")
        verbose_name_plural = _("exchange rates")

    def __str__(self) -> str:
        return f"1 {self.currency} = {self.usd_per_unit} USD ({self.valid_from})"
