"""`tusk import-assessment FILE`: store the Secretariat's ratings from a CSV file, all or none."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import CommandParser

from tusk.accounts.access import is_secretariat
from tusk.accounts.models import User
from tusk.core.commands import TuskCommand
from tusk.core.errors import ServiceError
from tusk.reports.assessing import (
    CHANGED,
    ERROR,
    MAX_CSV_BYTES,
    NEW,
    ImportPlan,
    ImportRefused,
    ImportRow,
    assessment_import_apply,
    assessment_import_plan,
)


class Command(TuskCommand):
    help = (
        "Import the Secretariat's ratings from a CSV file with the columns "
        "party,meeting,action,rating,comment and optionally reason. Prints what changes; a "
        "file with any error stores nothing and exits 2."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="the CSV file")
        parser.add_argument(
            "--dry-run", action="store_true", help="say what would change, store nothing"
        )
        parser.add_argument("--json", action="store_true", help="print the result as JSON")
        parser.add_argument(
            "--user", help="the Secretariat user to record as the assessor (default: none)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path: str = options["file"]
        actor = self._actor(options["user"])
        raw = self.read_input(path, limit=MAX_CSV_BYTES)
        filename = Path(path).name
        plan = assessment_import_plan(raw=raw, filename=filename)
        applied = False
        if plan.ok and not options["dry_run"]:
            try:
                plan = assessment_import_apply(raw=raw, filename=filename, actor=actor)
            except ImportRefused as exc:
                plan = exc.plan
            except ServiceError as exc:
                self.fail(f"{path}: nothing was stored: {exc}")
            applied = plan.ok
        self._print(plan, options, applied=applied)
        if not plan.ok:
            errors = len(plan.errors)
            summary = f"{errors} of {len(plan.rows)} rows have errors, " if errors else ""
            self.fail(f"{path}: {summary}nothing was stored: {plan.first_problem()}")

    def _actor(self, username: str | None) -> User | None:
        if not username:
            return None
        user = User.objects.filter(username=username).first()
        if user is None:
            self.fail(f"--user {username}: no such user: check the name")
        if not is_secretariat(user):
            self.fail(f"--user {username}: not a Secretariat user: name an analyst")
        return user

    def _print(self, plan: ImportPlan, options: dict[str, Any], *, applied: bool) -> None:
        if options["json"]:
            self.stdout.write(
                json.dumps(
                    {
                        "file": plan.filename,
                        "applied": applied,
                        "dry_run": bool(options["dry_run"]),
                        "problem": plan.problem,
                        "counts": plan.counts,
                        "rows": [row.as_dict() for row in plan.rows],
                    },
                    ensure_ascii=False,
                    indent=2,
                )
            )
            return
        for row in plan.rows:
            self.stdout.write(_line(row))
        if not plan.ok:
            return
        counts = plan.counts
        tally = f"{counts[NEW]} new, {counts[CHANGED]} changed, {counts['unchanged']} unchanged"
        if applied:
            self.stdout.write(f"applied {plan.filename}: {tally}")
        else:
            self.stdout.write(f"dry run of {plan.filename}: {tally}; nothing was stored")


def _line(row: ImportRow) -> str:
    where = (
        f"{row.party.code if row.party else row.party_text or '-'} "
        f"{row.meeting.code if row.meeting else row.meeting_text or '-'} "
        f"{row.progress.code if row.progress else row.action_text or '-'}"
    )
    if row.outcome == ERROR:
        return f"row {row.number}: {where}: error: {row.message}"
    if row.outcome == NEW:
        what = f"new rating {row.new_rating}"
    elif row.rating_changes:
        what = f"changed {row.old_rating} -> {row.new_rating} (reason: {row.reason})"
    elif row.outcome == CHANGED:
        what = f"comment changed, rating {row.new_rating}"
    else:
        what = f"unchanged {row.new_rating}"
    return f"row {row.number}: {where}: {what}"
