"""`tusk generate-world [--db PATH]`: build the world-scale benchmark database, or reuse it."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from django.core.management.base import CommandParser

from tusk.core.commands import TuskCommand
from tusk.documents.worldfile import WorldFile, world_default_path, world_file
from tusk.documents.worldgen import WORLD_VERSION, WorldError, WorldSize

SIZES = ("parties", "meetings", "actions", "needs", "support", "partners", "indicator_values")


class Command(TuskCommand):
    help = (
        "Build the world-scale data set of the benchmark (every NIAP Party, ten meetings, "
        "about a million rows, all generated and marked as demo data) into a SQLite file of "
        "its own, never Tusk's database; migrate it and leave it as it is when it is up to date."
    )
    # The world needs the models only: a page being edited elsewhere must not stop it.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--db",
            type=Path,
            default=None,
            help=f"the SQLite file to build (default: {world_default_path()})",
        )
        parser.add_argument(
            "--force", action="store_true", help="build it again even when it is up to date"
        )
        defaults = WorldSize()
        for name in SIZES:
            parser.add_argument(
                "--" + name.replace("_", "-"),
                type=int,
                default=getattr(defaults, name),
                help=f"default {getattr(defaults, name)}",
            )
        parser.add_argument("--seed", type=int, default=defaults.seed, help="the random seed")
        parser.add_argument("--json", action="store_true", help="print the result as JSON")

    def handle(self, *args: Any, **options: Any) -> None:
        values = {name: options[name] for name in SIZES}
        if min(values.values()) < 0 or options["parties"] < 1 or options["actions"] < 5:
            self.fail("sizes must be positive, with at least one Party and five actions a plan")
        size = WorldSize(**values, seed=options["seed"])
        path: Path = options["db"] or world_default_path()
        if not options["json"]:
            self.stdout.write(f"world data set (generator version {WORLD_VERSION}): {path}")
            self.stdout.flush()
        try:
            found = world_file(path=path, size=size, force=options["force"])
        except WorldError as exc:
            self.fail(str(exc))
        except OSError as exc:
            self.fail(f"{path}: cannot be written ({exc.strerror}): choose another --db")
        if options["json"]:
            self.stdout.write(json.dumps(asdict(found), default=str, indent=2))
            return
        for line in _lines(found):
            self.stdout.write(line)


def _lines(found: WorldFile) -> list[str]:
    how = (
        f"up to date (generated {found.generated_at} in {found.generated_seconds:.0f} s): reused"
        if found.reused
        else f"generated in {found.generated_seconds:.1f} s (after {found.migrate_seconds:.1f} s "
        "of migrations), with no history rows"
    )
    counts = ", ".join(f"{n:,} {label}" for label, n in found.counts.items())
    return [
        how,
        f"size on disk: {found.size_bytes / 1_048_576:.0f} MB",
        f"rows: {counts}; {found.missing_reports} reports missing on purpose",
    ]
