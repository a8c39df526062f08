"""The world-scale benchmark's database file: its own SQLite file (never Tusk's database),
built aside by `tusk.documents.worldgen.world_generate` and moved into place when complete,
reused while the generator's version and the sizes are the same."""

from __future__ import annotations

import datetime
import json
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections

from tusk.documents.worldgen import (
    WORLD_ALIAS,
    WORLD_VERSION,
    WorldError,
    WorldSize,
    world_generate,
)


@dataclass
class WorldFile:
    """The world database on disk, and whether this run built it or found it up to date."""

    path: Path
    reused: bool
    generated_seconds: float
    migrate_seconds: float
    size_bytes: int
    generated_at: str
    counts: dict[str, int]
    missing_reports: int


def world_default_path() -> Path:
    """Where `make bench` keeps the world: beside Tusk's other files, never its database."""
    return Path(settings.VAR_DIR) / "bench" / "world.sqlite3"


@contextmanager
def world_database(path: Path, alias: str = WORLD_ALIAS) -> Iterator[str]:
    """A connection named `alias` to the SQLite file `path` for as long as the block runs, so
    that the world is written there and the default database is never touched."""
    if alias in connections.settings:
        raise WorldError(f"a database named {alias!r} is already configured")
    connections.settings[alias] = {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(path),
        "OPTIONS": {"timeout": 20},
    }
    connections.configure_settings(connections.settings)
    try:
        yield alias
    finally:
        connections[alias].close()
        del connections[alias]
        del connections.settings[alias]


def world_file(*, path: Path, size: WorldSize | None = None, force: bool = False) -> WorldFile:
    """Migrate the world database at `path`, generating it first unless it is up to date (made
    by this WORLD_VERSION with the same sizes) or `force` asks for a new one."""
    size = size or WorldSize()
    path = path.resolve()
    _refuse_default_database(path)
    meta_path = path.with_name(path.name + ".json")
    meta = _meta_read(meta_path)
    fresh = meta.get("version") == WORLD_VERSION and meta.get("size") == size.as_dict()
    if path.exists() and fresh and not force:
        started = time.perf_counter()
        with world_database(path) as alias:
            call_command("migrate", database=alias, interactive=False, verbosity=0)
        return WorldFile(
            path=path,
            reused=True,
            generated_seconds=float(meta.get("seconds", 0.0)),
            migrate_seconds=round(time.perf_counter() - started, 1),
            size_bytes=path.stat().st_size,
            generated_at=str(meta.get("generated_at", "")),
            counts=dict(meta.get("counts", {})),
            missing_reports=int(meta.get("missing_reports", 0)),
        )
    return _world_build(path, meta_path, size)


def _world_build(path: Path, meta_path: Path, size: WorldSize) -> WorldFile:
    path.parent.mkdir(parents=True, exist_ok=True)
    building = path.with_name(path.name + ".building")
    for stale in (building, meta_path):
        stale.unlink(missing_ok=True)
    started = time.perf_counter()
    with world_database(building) as alias:
        call_command("migrate", database=alias, interactive=False, verbosity=0)
        migrated = round(time.perf_counter() - started, 1)
        with connections[alias].cursor() as cursor:
            # A half-built file is thrown away, never reused: no need to survive a crash.
            cursor.execute("PRAGMA journal_mode = MEMORY")
            cursor.execute("PRAGMA synchronous = OFF")
        summary = world_generate(size=size, using=alias)
    os.replace(building, path)
    generated_at = datetime.datetime.now(tz=datetime.UTC).isoformat(timespec="seconds")
    meta = {
        "version": WORLD_VERSION,
        "size": size.as_dict(),
        "seconds": summary.seconds,
        "generated_at": generated_at,
        "counts": summary.counts,
        "missing_reports": summary.missing_reports,
    }
    meta_path.write_text(json.dumps(meta, indent=2) + "\n")
    return WorldFile(
        path=path,
        reused=False,
        generated_seconds=summary.seconds,
        migrate_seconds=migrated,
        size_bytes=path.stat().st_size,
        generated_at=generated_at,
        counts=summary.counts,
        missing_reports=summary.missing_reports,
    )


def _refuse_default_database(path: Path) -> None:
    name = str(settings.DATABASES[DEFAULT_DB_ALIAS].get("NAME") or "")
    if name and not name.startswith(":") and Path(name).resolve() == path:
        raise WorldError(
            f"{path} is Tusk's own database (DATABASE_URL): give the world a file of its own"
        )


def _meta_read(path: Path) -> dict[str, Any]:
    try:
        found = json.loads(path.read_text())
    except (OSError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}
