"""Choices of the core app: the Party's place in the NIAP process and the meetings' kinds."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class TradeRole(models.TextChoices):
    """Where a Party sits in the ivory trade chain."""

    SOURCE = "source", _("Source")
    TRANSIT = "transit", _("Transit")
    DESTINATION = "destination", _("Destination")
    SOURCE_TRANSIT = "source_transit", _("Source and transit")
    TRANSIT_DESTINATION = "transit_destination", _("Transit and destination")


class Stage(models.TextChoices):
    """A Party's step in the NIAP process."""

    DEVELOPING = "developing", _("Developing its plan")
    ADEQUATE = "adequate", _("Plan judged adequate")
    IMPLEMENTING = "implementing", pgettext_lazy("stage of a Party", "Implementing")
    ACHIEVED = "achieved", _("Plan achieved")
    EXITED = "exited", _("Exited the process")


class Category(models.TextChoices):
    """The NIAP categories the Standing Committee assigns after each ETIS analysis.

    Before SC69 (2017) A, B and C were called 'primary concern', 'secondary concern' and
    'importance to watch'.
    """

    A = "A", _("Category A")
    B = "B", _("Category B")
    C = "C", _("Category C")


class MeetingKind(models.TextChoices):
    """Standing Committee or Conference of the Parties."""

    SC = "SC", _("Standing Committee")
    COP = "CoP", _("Conference of the Parties")
