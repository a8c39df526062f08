"""`tusk parse-report FILE`: print a report's interchange JSON; touches no database."""

from __future__ import annotations

from typing import Any

from django.core.management.base import CommandParser

from tusk.core.commands import TuskCommand


class Command(TuskCommand):
    help = "Read a progress report (text, DOCX, PDF or JSON) and print it as interchange JSON."
    requires_system_checks: list[str] = []
    requires_migrations_checks = False

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="the report file")
        parser.add_argument("--compact", action="store_true", help="one line of JSON")

    def handle(self, *args: Any, **options: Any) -> None:
        path: str = options["file"]
        report = self.read_document(path)
        self.stdout.write(report.to_json(indent=None if options["compact"] else 2))
