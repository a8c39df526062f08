"""`tusk check-report FILE`: print a report's quality findings; exit 1 if any is an error."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from typing import Any

from django.core.management.base import CommandParser

from tusk.core.commands import TuskCommand


class Command(TuskCommand):
    help = (
        "Read a progress report and print its quality findings, one a line; exit 1 when a "
        "finding is an error, 0 when there is none, 2 when the file cannot be read."
    )
    requires_system_checks: list[str] = []
    requires_migrations_checks = False

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="the report file")
        parser.add_argument("--json", action="store_true", help="print the findings as JSON")

    def handle(self, *args: Any, **options: Any) -> None:
        path: str = options["file"]
        report = self.read_document(path)
        findings = report.findings
        if options["json"]:
            self.stdout.write(
                json.dumps([asdict(f) for f in findings], ensure_ascii=False, indent=2)
            )
        else:
            for f in findings:
                where = f" [{f.action or f.pillar}]" if f.action or f.pillar else ""
                self.stdout.write(f"{f.severity}: {f.code}{where}: {f.message}")
            errors = sum(f.severity == "error" for f in findings)
            plural = "" if errors == 1 else "s"
            summary = (
                f"{path}: {report.party} {report.meeting or '(no meeting)'}, "
                f"{len(report.actions)} actions, {len(findings)} findings ({errors} error{plural})"
            )
            self.stderr.write(summary)
        if any(f.severity == "error" for f in findings):
            sys.exit(1)
