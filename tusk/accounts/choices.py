"""The roles a Tusk user can hold (design.md, Roles)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """What a user may do; a focal point's Parties come from its memberships."""

    ADMIN = "admin", _("Administrator")
    SECRETARIAT = "secretariat", _("CITES Secretariat")
    FOCAL_POINT = "focal_point", _("Party focal point")
    PARTNER = "partner", _("Partner")
    READER = "reader", _("Reader")
