"""`tusk parse-report FILE`: print a report's interchange JSON; touches no database."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import CommandParser

from niapdoc.errors import ReportError
from niapdoc.reading import read_report
from tusk.core.commands import TuskCommand, time_limit


class Command(TuskCommand):
    help = "Read a progress report (text, DOCX, PDF or JSON) and print it as interchange JSON."
    requires_system_checks: list[str] = []
    requires_migrations_checks = False

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="the report file")
        parser.add_argument("--compact", action="store_true", help="one line of JSON")

    def handle(self, *args: Any, **options: Any) -> None:
        path: str = options["file"]
        raw = self.read_input(path, limit=settings.TUSK_MAX_REPORT_BYTES)
        try:
            with time_limit(path):
                report = read_report(raw, filename=Path(path).name)
        except ReportError as exc:
            self.fail(str(exc))
        self.stdout.write(report.to_json(indent=None if options["compact"] else 2))
