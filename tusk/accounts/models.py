"""Users, their roles, and which Parties a focal point speaks for."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tusk.accounts.choices import Role


class User(AbstractUser):
    """A person who logs in to Tusk, with one role.

    A focal point acts for the Parties of its memberships; a partner records support in the
    name of its organisation.
    """

    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.READER)
    partner = models.ForeignKey(
        "support.Partner",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
        verbose_name=_("partner organisation"),
    )
    is_demo = models.BooleanField(_("demo account"), default=False)
    history = HistoricalRecords(excluded_fields=["password", "last_login"])

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @property
    def is_secretariat(self) -> bool:
        """Secretariat analysts and administrators see and assess every report."""
        return self.is_active and (self.role in {Role.SECRETARIAT, Role.ADMIN} or self.is_superuser)

    @property
    def is_admin(self) -> bool:
        """Administrators may do everything, in the Django admin too."""
        return self.is_active and (self.role == Role.ADMIN or self.is_superuser)


class FocalPointMembership(models.Model):
    """A user who keeps a Party's plan and reports for it."""

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("user")
    )
    party = models.ForeignKey(
        "core.Party", on_delete=models.CASCADE, related_name="memberships", verbose_name=_("Party")
    )
    agency = models.CharField(_("agency"), max_length=200, blank=True)
    since = models.DateField(_("since"), null=True, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "party"], name="one_membership_per_party")
        ]
        verbose_name = _("focal point membership")
        verbose_name_plural = _("focal point memberships")

    def __str__(self) -> str:
        return f"{self.user} for {self.party}"
