"""The vocabulary of the access matrix (`tusk/core/tests/test_access_matrix.py`), shared with
the matrix's extensions.

An app adds its URLs to the matrix with a module `tusk/<app>/tests/access_<topic>.py` that
defines any of:

- `MATRIX`: url name -> (build the URL from the world, expected GET status per persona);
- `WRITERS`: url name -> (build the URL, the personas that may POST to it);
- `SECRETS`: text -> the personas that may ever receive it;
- `plant(world)`: add records to `world.extra` (and plant its secrets) before each check.

The matrix test finds these modules by their name, so that helpers adding URLs in different
apps never edit the same file.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

PERSONAS = ("anonymous", "partner", "chan", "gaelle", "secretariat", "admin")
LOGIN = 302  # sent to the login page


@dataclass
class World:
    """The records every URL of the matrix is tried against."""

    kh_draft: Any
    kh_submitted: Any
    kh_published: Any
    ga_draft: Any
    personas: dict[str, Any] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)


def statuses(*codes: int) -> dict[str, int]:
    """Expected statuses in the order of PERSONAS."""
    return dict(zip(PERSONAS, codes, strict=True))


EVERYONE = statuses(200, 200, 200, 200, 200, 200)
DRAFT_READERS = statuses(404, 404, 200, 404, 200, 200)
FOCAL_EDIT = statuses(LOGIN, 404, 200, 404, 403, 200)
SECRETARIAT_ONLY = statuses(LOGIN, 403, 403, 403, 200, 200)

Entry = tuple[Callable[[World], str], dict[str, int]]
Writer = tuple[Callable[[World], str], set[str]]
