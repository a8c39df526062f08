"""A Party's NIAP: its versions, pillars and actions, and the road map's indicators."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tusk.plans.choices import IndicatorScope, PlanStatus, StandardPillar


class Plan(models.Model):
    """One version of a Party's National Ivory Action Plan; a revision is a new Plan."""

    party = models.ForeignKey(
        "core.Party", on_delete=models.PROTECT, related_name="plans", verbose_name=_("Party")
    )
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    title = models.CharField(_("title"), max_length=300, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=PlanStatus.choices, default=PlanStatus.DRAFT
    )
    adopted = models.DateField(_("adopted on"), null=True, blank=True)
    previous = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="revision",
        verbose_name=_("revises"),
    )
    is_demo = models.BooleanField(_("demo data"), default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["party", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["party", "version"], name="one_plan_per_version")
        ]
        verbose_name = _("plan")
        verbose_name_plural = _("plans")

    def __str__(self) -> str:
        return self.title or f"{self.party} NIAP v{self.version}"


class Pillar(models.Model):
    """A group of actions as the plan numbers and names it, mapped to a standard pillar."""

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="pillars", verbose_name=_("plan")
    )
    number = models.CharField(_("number"), max_length=10)
    name = models.CharField(_("name"), max_length=300, blank=True)
    standard = models.CharField(
        _("standard pillar"), max_length=20, choices=StandardPillar.choices, blank=True
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "order", "number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="one_pillar_per_number")
        ]
        verbose_name = _("pillar")
        verbose_name_plural = _("pillars")

    def __str__(self) -> str:
        return f"{self.number}. {self.name}" if self.name else self.number


class Action(models.Model):
    """One action of a plan, with what it replaces in the plan version before."""

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="actions", verbose_name=_("plan")
    )
    pillar = models.ForeignKey(
        Pillar,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="actions",
        verbose_name=_("pillar"),
    )
    code = models.CharField(_("code"), max_length=20)
    title = models.TextField(_("title"))
    flagged = models.BooleanField(
        _("flagged"), default=False, help_text=_("Marked with an asterisk in the plan.")
    )
    lead_agency = models.CharField(_("lead agency"), max_length=300, blank=True)
    timeframe = models.CharField(_("timeframe"), max_length=200, blank=True)
    milestones = models.TextField(_("milestones"), blank=True)
    indicators = models.TextField(_("indicators"), blank=True)
    replaces = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="replaced_by",
        verbose_name=_("replaces"),
        help_text=_("The action of the previous plan version that this one carries on."),
    )
    order = models.PositiveIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "order", "id"]
        constraints = [models.UniqueConstraint(fields=["plan", "code"], name="one_action_per_code")]
        verbose_name = _("action")
        verbose_name_plural = _("actions")

    def __str__(self) -> str:
        return f"{self.code} {self.title[:80]}"

    def clean(self) -> None:
        if self.pillar_id and self.pillar and self.pillar.plan_id != self.plan_id:
            raise ValidationError({"pillar": _("The pillar belongs to another plan.")})
        if self.replaces_id and self.replaces and self.replaces.plan.party_id != self.plan.party_id:
            raise ValidationError({"replaces": _("An action can only replace one of its Party.")})


class Indicator(models.Model):
    """A road-map goal with its baseline and target, for a country or for a region."""

    scope = models.CharField(_("scope"), max_length=10, choices=IndicatorScope.choices)
    party = models.ForeignKey(
        "core.Party",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="indicators",
        verbose_name=_("Party"),
    )
    region = models.ForeignKey(
        "core.Region",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="indicators",
        verbose_name=_("region"),
    )
    code = models.CharField(_("code"), max_length=30)
    name = models.CharField(_("name"), max_length=300)
    unit = models.CharField(_("unit"), max_length=50, blank=True)
    standard = models.CharField(
        _("standard pillar"), max_length=20, choices=StandardPillar.choices, blank=True
    )
    baseline = models.DecimalField(
        _("baseline"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    baseline_year = models.PositiveSmallIntegerField(_("baseline year"), null=True, blank=True)
    target = models.DecimalField(
        _("target"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    target_year = models.PositiveSmallIntegerField(_("target year"), null=True, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["scope", "code"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(scope="country", party__isnull=False, region__isnull=True)
                    | models.Q(scope="region", region__isnull=False, party__isnull=True)
                ),
                name="indicator_scope_matches_owner",
            )
        ]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class IndicatorValue(models.Model):
    """A measured value of an indicator at a date, and where the figure comes from."""

    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="values", verbose_name=_("indicator")
    )
    date = models.DateField(_("date"))
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2)
    source = models.CharField(_("source"), max_length=300, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator", "date"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "date"], name="one_value_per_date")
        ]
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.date}: {self.value}"
