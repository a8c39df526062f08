"""Choices of the plans app."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class StandardPillar(models.TextChoices):
    """The five pillars of the NIAP guidelines, to compare plans that number them differently."""

    LEGISLATION = "legislation", _("Legislation and regulations")
    COLLABORATION = (
        "collaboration",
        _("National-level inter-agency and international enforcement collaboration"),
    )
    ENFORCEMENT = "enforcement", _("Enforcement operations")
    OUTREACH = "outreach", _("Outreach, public awareness and education")
    REPORTING = "reporting", _("Reporting")


class PlanStatus(models.TextChoices):
    """Where a plan version stands with the Secretariat."""

    DRAFT = "draft", _("Draft")
    ADEQUATE = "adequate", _("Adequate")
    SUPERSEDED = "superseded", _("Superseded by a revision")


class IndicatorScope(models.TextChoices):
    """Whether a road-map indicator measures one country or a region."""

    COUNTRY = "country", _("Country")
    REGION = "region", _("Region")
