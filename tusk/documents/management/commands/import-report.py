"""`tusk import-report FILE`: store a progress report as its Party's draft for the meeting."""

from __future__ import annotations

import argparse
import datetime
import json
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import CommandParser

from niapdoc.errors import ReportError
from tusk.core.commands import TuskCommand
from tusk.core.errors import ServiceError
from tusk.documents.services import report_import
from tusk.reports.choices import status_phrase
from tusk.support.suggestions import suggestion_notes, suggestions_pending_count, suggestions_url


def _date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a date: write it as 2015-10-13"
        ) from None


class Command(TuskCommand):
    help = (
        "Import a progress report (tusk.progress-report.v1 JSON) as the draft of its Party for "
        "its meeting, creating the Party, meeting and plan when needed. Refuses a file already "
        "imported."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="the report file")
        parser.add_argument("--submit", action="store_true", help="submit the draft at once")
        parser.add_argument("--meeting", help="the meeting, when the report names none: SC66")
        parser.add_argument(
            "--submitted-on",
            type=_date,
            help="with --submit, the day the Party really sent it (YYYY-MM-DD), for past reports",
        )
        parser.add_argument("--json", action="store_true", help="print the result as JSON")

    def handle(self, *args: Any, **options: Any) -> None:
        path: str = options["file"]
        if options["submitted_on"] and not options["submit"]:
            self.fail("--submitted-on says when a report was sent: use it with --submit")
        raw = self.read_input(path, limit=settings.TUSK_MAX_REPORT_BYTES)
        try:
            result = report_import(
                raw=raw,
                filename=Path(path).name,
                submit=options["submit"],
                meeting_code=options["meeting"],
                submitted_on=options["submitted_on"],
            )
        except (ReportError, ServiceError) as exc:
            self.fail(str(exc) if str(exc).startswith(Path(path).name) else f"{path}: {exc}")
        report = result.report
        suggested = suggestions_pending_count(report=report)
        if options["json"]:
            self.stdout.write(
                json.dumps(
                    {
                        "report": report.pk,
                        "party": report.party.code,
                        "meeting": report.meeting.code,
                        "revision": report.revision,
                        "status": report.status,
                        "actions": report.progress.count(),
                        "findings": [f.__dict__ for f in result.findings],
                        "created": result.created,
                        "needs_suggested": suggested,
                        "needs_suggested_url": suggestions_url(report),
                    },
                    ensure_ascii=False,
                    indent=2,
                )
            )
            return
        self.stdout.write(
            f"imported {path} as report #{report.pk}: {report.party} {report.meeting}, "
            f"revision {report.revision}, {status_phrase(report.get_status_display())}, "
            f"{report.progress.count()} actions, {len(result.findings)} findings"
        )
        if result.created:
            self.stdout.write("created: " + ", ".join(result.created))
        for finding in result.findings:
            where = (
                f" [{finding.action or finding.pillar}]" if finding.action or finding.pillar else ""
            )
            self.stdout.write(f"{finding.severity}: {finding.code}{where}: {finding.message}")
        if suggested:
            them = "it" if suggested == 1 else "them"
            self.stdout.write(
                f"{suggested} need{'s' if suggested != 1 else ''} suggested: confirm {them} at "
                f"{suggestions_url(report)}"
            )
        for note in suggestion_notes(report=report):
            self.stdout.write(f'note: {note.message}: "{note.evidence}"')
