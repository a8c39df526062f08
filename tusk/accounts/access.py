"""Who a user is in Tusk's terms: the one place that turns a user into the Parties it acts for."""

from __future__ import annotations

from typing import Any

from tusk.accounts.choices import Role


def is_secretariat(user: Any) -> bool:
    """Secretariat analysts and administrators read and assess everything."""
    return bool(getattr(user, "is_authenticated", False) and getattr(user, "is_secretariat", False))


def is_admin(user: Any) -> bool:
    """Administrators may do everything."""
    return bool(getattr(user, "is_authenticated", False) and getattr(user, "is_admin", False))


def is_partner(user: Any) -> bool:
    """A partner organisation's user."""
    return bool(getattr(user, "is_authenticated", False) and user.role == Role.PARTNER)


def focal_party_ids(user: Any) -> frozenset[int]:
    """The ids of the Parties `user` is a focal point of (none for anyone else).

    Cached on the user object for the request, since every page asks it.
    """
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return frozenset()
    if user.role != Role.FOCAL_POINT:
        return frozenset()
    cached: frozenset[int] | None = getattr(user, "_tusk_focal_party_ids", None)
    if cached is None:
        cached = frozenset(user.memberships.values_list("party_id", flat=True))
        user._tusk_focal_party_ids = cached
    return cached
