"""Cached reads of the dashboards, never stale.

A dashboard aggregates every report, assessment, need and support record: at world scale a few
hundred milliseconds of SQL, for figures that change a few times a day. So the figures are
cached under the *data version*: the newest history row of every domain table and the newest
audit event. Every save and delete of a domain record writes a history row
(django-simple-history) and every service writes an audit event, so any change gives a new
version and the next read computes afresh; nothing has to remember to invalidate anything.
Reading the version is one query of index lookups (MAX of primary keys), whatever the data.

The cache is Django's (per process unless CACHES says otherwise); with the version in the key,
several processes never disagree, they only compute once each.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import cache
from typing import Any, TypeVar

from django.apps import apps
from django.core.cache import cache as django_cache
from django.db import connection

T = TypeVar("T")
TIMEOUT_SECONDS = 3600
_APPS = ("core", "accounts", "plans", "reports", "support", "documents")


@cache
def _version_sql() -> str:
    """One SELECT of the newest id of every history table and of the audit trail."""
    tables = sorted(
        model._meta.db_table
        for model in apps.get_models()
        if model._meta.app_label in _APPS and model.__name__.startswith("Historical")
    )
    # Table names from the model registry, quoted: no outside text reaches this SQL.
    quote = connection.ops.quote_name
    parts = [f"(SELECT MAX(history_id) FROM {quote(t)})" for t in tables]  # noqa: S608
    parts.append(f"(SELECT MAX(id) FROM {quote('core_auditevent')})")  # noqa: S608
    return "SELECT " + ", ".join(parts)


def data_version() -> str:
    """A short text that changes whenever any domain record is saved or deleted."""
    with connection.cursor() as cursor:
        cursor.execute(_version_sql())
        row = cursor.fetchone()
    return hashlib.sha256(repr(row).encode()).hexdigest()[:16]


def scope_of(user: Any) -> str:
    """What a user may see, as a cache key part: users of one scope see the same dashboards."""
    from tusk.accounts.access import focal_party_ids

    if user is None or not getattr(user, "is_authenticated", False):
        return "public"
    if getattr(user, "is_secretariat", False):
        return "all"
    parties = sorted(focal_party_ids(user))
    return "fp:" + ",".join(map(str, parties)) if parties else "public"


def cached(name: str, parts: tuple[Any, ...], compute: Callable[[], T], *, version: str = "") -> T:
    """`compute()`, or its value from the cache when `name`, `parts` and the data version are
    the same as when it was stored. `parts` must hold everything the value depends on besides
    the data (filters, the user's scope, the language)."""
    version = version or data_version()
    digest = hashlib.sha256(repr((name, parts)).encode()).hexdigest()[:24]
    key = f"tusk:data:{version}:{digest}"
    sentinel = object()
    value = django_cache.get(key, sentinel)
    if value is sentinel:
        value = compute()
        django_cache.set(key, value, TIMEOUT_SECONDS)
    return value
