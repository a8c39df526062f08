"""Fixtures shared by every test: the personas of style.md and a private media folder.

The personas: Chan, focal point of Cambodia; Gaëlle, focal point of Gabon; Sofia, analyst
at the CITES Secretariat; Pat, who works for a partner; Ada, an administrator; and the
anonymous visitor (the test client without a login).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tusk.accounts.choices import Role
from tusk.testing import factories as f


@pytest.fixture(autouse=True)
def _private_media(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _empty_cache() -> None:
    """Each test starts with an empty cache: a rolled-back test gives its ids back (SQLite), so
    the next test's data version could repeat with other data."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def cambodia(db: None) -> Any:
    return f.PartyFactory(country="KH")


@pytest.fixture
def gabon(db: None) -> Any:
    return f.PartyFactory(country="GA")


@pytest.fixture
def chan(cambodia: Any) -> Any:
    return f.focal_point("chan", cambodia)


@pytest.fixture
def gaelle(gabon: Any) -> Any:
    return f.focal_point("gaelle", gabon)


@pytest.fixture
def sofia(db: None) -> Any:
    return f.UserFactory(username="sofia", role=Role.SECRETARIAT)


@pytest.fixture
def pat(db: None) -> Any:
    return f.UserFactory(username="pat", role=Role.PARTNER, partner=f.PartnerFactory())


@pytest.fixture
def ada(db: None) -> Any:
    return f.UserFactory(username="ada", role=Role.ADMIN, is_staff=True, is_superuser=True)


@pytest.fixture
def personas(chan: Any, gaelle: Any, sofia: Any, pat: Any, ada: Any) -> dict[str, Any]:
    """Every persona by name; None stands for the anonymous visitor."""
    return {
        "anonymous": None,
        "partner": pat,
        "chan": chan,
        "gaelle": gaelle,
        "secretariat": sofia,
        "admin": ada,
    }
