"""Choices of the support app, with the IATI vocabulary where one exists."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class NeedKind(models.TextChoices):
    """What an action still needs."""

    FUNDING = "funding", _("Funding")
    TECHNICAL_ASSISTANCE = "technical_assistance", _("Technical assistance")
    EQUIPMENT = "equipment", _("Equipment")
    TRAINING = "training", _("Training")
    LEGAL_DRAFTING = "legal_drafting", _("Legal drafting")


class NeedStatus(models.TextChoices):
    """How far a need is met."""

    OPEN = "open", _("Open")
    PARTLY_MET = "partly_met", _("Partly met")
    MET = "met", _("Met")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class PartnerKind(models.TextChoices):
    """What kind of organisation a partner is."""

    GOVERNMENT = "government", _("Government donor")
    MULTILATERAL = "multilateral", _("Multilateral organisation")
    NGO = "ngo", _("Non-governmental organisation")
    FOUNDATION = "foundation", _("Foundation")
    PRIVATE = "private", _("Private sector")
    OTHER = "other", _("Other")


class SupportStage(models.TextChoices):
    """How firm a contribution is, as IATI's transaction types distinguish them, and whether
    the work it paid for is done. Support moves forward only: pledged → committed → disbursed →
    completed."""

    PLEDGED = "pledged", _("Pledged")
    COMMITTED = "committed", _("Committed")
    DISBURSED = "disbursed", _("Disbursed")
    COMPLETED = "completed", _("Completed")


class SupportRole(models.TextChoices):
    """The partner's role in the support (IATI organisation roles)."""

    FUNDING = "funding", _("Funding")
    IMPLEMENTING = "implementing", pgettext_lazy("role of a partner", "Implementing")
    ACCOUNTABLE = "accountable", _("Accountable")


class Theme(models.TextChoices):
    """What a need is about, across pillars: the tags partners ask to see support by."""

    LIVELIHOODS = "livelihoods", _("Livelihoods")
    DEMAND_REDUCTION = "demand_reduction", _("Demand reduction")
    AWARENESS = "awareness", _("Public awareness")
    FORENSICS = "forensics", _("Forensics")
    PROSECUTION = "prosecution", _("Prosecution and courts")
    BORDER_CONTROL = "border_control", _("Border control")
    INTELLIGENCE = "intelligence", _("Intelligence and investigations")
    LEGISLATION = "legislation", _("Legislation")
    STOCKPILES = "stockpiles", _("Stockpile management")
    COORDINATION = "coordination", _("Inter-agency coordination")
    CAPACITY = "capacity", _("Capacity building")


class SuggestionReason(models.TextChoices):
    """Why Tusk thinks a report asks for a need."""

    FLAGGED_ACTION = "flagged_action", _("The action is marked with an asterisk")
    FUNDING_SENTENCE = "funding_sentence", _("The report asks for support for the action")


class SuggestionStatus(models.TextChoices):
    """What the focal point decided about a suggested need."""

    PENDING = "pending", _("To decide")
    CONFIRMED = "confirmed", _("Confirmed")
    DISCARDED = "discarded", _("Discarded")
