"""`tusk export-report --party KH --meeting SC66 --format docx -o FILE`: the report as a file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import CommandParser

from tusk.core.commands import TuskCommand
from tusk.core.meetings import parse_meeting_code
from tusk.documents.export import FORMATS, export_report
from tusk.reports.models import ProgressReport


class Command(TuskCommand):
    help = (
        "Write the current revision of a Party's progress report for a meeting (any status) "
        "as DOCX or PDF in the CITES layout, as XLSX, or as interchange JSON."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--party", required=True, help="the Party's ISO code, e.g. KH")
        parser.add_argument("--meeting", required=True, help="the meeting, e.g. SC66")
        parser.add_argument("--format", required=True, help=f"one of {', '.join(FORMATS)}")
        parser.add_argument("-o", "--output", required=True, help="the file to write")

    def handle(self, *args: Any, **options: Any) -> None:
        party = options["party"].strip().upper()
        meeting = options["meeting"].strip().upper().replace(" ", "")
        fmt = options["format"].strip().lower()
        if fmt not in FORMATS:
            self.fail(f"--format {options['format']}: not a format Tusk writes; use one of "
                      f"{', '.join(FORMATS)}")  # fmt: skip
        parsed = parse_meeting_code(meeting)
        if parsed is None:
            self.fail(f"--meeting {options['meeting']}: not a meeting code; write it as SC66")
        kind, number = parsed
        report = (
            ProgressReport.objects.filter(
                party__country=party, meeting__kind=kind, meeting__number=number, is_current=True
            )
            .select_related("party", "meeting", "plan")
            .first()
        )
        if report is None:
            self.fail(
                f"no progress report of the Party {party} for {meeting}: check the Party's ISO "
                "code and the meeting (tusk import-report stores one)"
            )
        output = Path(options["output"])
        try:
            output.write_bytes(export_report(report, fmt))
        except OSError as exc:
            self.fail(f"{output}: cannot be written ({exc.strerror}): check the folder")
        self.stdout.write(f"{output}: {report.party} {report.meeting} revision {report.revision}")
