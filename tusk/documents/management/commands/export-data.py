"""`tusk export-data -o DIR`: write the open data set (public data only) into a folder."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

from django.core.management.base import CommandParser
from django.utils import timezone

from tusk.core.commands import TuskCommand
from tusk.documents.opendata import FORMATS, FolderSink, export_open_data


class Command(TuskCommand):
    help = (
        "Write the open data set into a folder: every public table as CSV and JSON, the data "
        "dictionary, each published report as interchange JSON, and a README."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("-o", "--output", required=True, help="the folder to write into")
        parser.add_argument(
            "--format", choices=["csv", "json", "both"], default="both", help="table formats"
        )
        parser.add_argument("--json", action="store_true", help="print the summary as JSON")

    def handle(self, *args: Any, **options: Any) -> None:
        folder = Path(options["output"])
        self._check_writable(folder)
        formats = FORMATS if options["format"] == "both" else (options["format"],)
        started = time.monotonic()
        try:
            summary = export_open_data(
                sink=FolderSink(folder), formats=formats, today=timezone.localdate()
            )
        except OSError as exc:
            self.fail(f"{folder}: cannot write ({exc.strerror}): choose a writable folder")
        seconds = time.monotonic() - started
        for problem in summary.skipped:
            self.stderr.write(f"warning: left out {problem}")
        if options["json"]:
            self.stdout.write(
                json.dumps(
                    {
                        "folder": str(folder),
                        "rows": summary.rows,
                        "reports": len(summary.report_files),
                        "skipped": summary.skipped,
                        "files": summary.files,
                        "seconds": round(seconds, 3),
                    },
                    indent=2,
                )
            )
            return
        for name, count in summary.rows.items():
            self.stdout.write(f"{name}: {count} rows")
        self.stdout.write(f"reports: {len(summary.report_files)} interchange files")
        self.stdout.write(f"{len(summary.files)} files written to {folder} in {seconds:.2f} s")

    def _check_writable(self, folder: Path) -> None:
        if folder.exists() and not folder.is_dir():
            self.fail(f"{folder}: not a folder: name a folder to write the files into")
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self.fail(f"{folder}: cannot be created ({exc.strerror}): choose a writable folder")
        if not os.access(folder, os.W_OK | os.X_OK):
            self.fail(f"{folder}: not writable: check its permissions or choose another folder")
