"""The needs dashboard's data: what actions still need, the partners, and their support."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tusk.support.choices import NeedKind, NeedStatus, PartnerKind, SupportRole, SupportStage

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
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    is_demo = models.BooleanField(_("demo data"), default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["party", "action", "id"]
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
    date = models.DateField(_("date"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    is_demo = models.BooleanField(_("demo data"), default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["party", "-date", "id"]
        verbose_name = _("support")
        verbose_name_plural = _("support")

    def __str__(self) -> str:
        return f"{self.partner} → {self.party} ({self.get_stage_display()})"

    def clean(self) -> None:
        if self.amount is not None and not self.currency:
            raise ValidationError({"currency": _("Give the currency of the amount.")})
        if self.need_id and self.need and self.need.party_id != self.party_id:
            raise ValidationError({"need": _("The need belongs to another Party.")})
