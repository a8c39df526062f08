"""`tusk annex`: the Secretariat's annex table of a meeting, as CSV, XLSX, DOCX or PDF."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.core.management.base import CommandParser
from django.http import Http404

from tusk.core.commands import TuskCommand
from tusk.core.models import Meeting
from tusk.documents.annex_export import FORMATS, LANGUAGES, annex_export


class Command(TuskCommand):
    help = (
        "Write the annex table of a meeting (that meeting and the one before it that took "
        "progress reports): one row per Party, the share of its actions per rating. Published "
        "reports only, unless --user names a Secretariat account, whose view includes the "
        "unpublished ones."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--meeting", required=True, help="the meeting's code: SC70")
        parser.add_argument("--format", required=True, choices=list(FORMATS), dest="fmt")
        parser.add_argument("-o", "--output", required=True, help="the file to write")
        parser.add_argument("--language", choices=LANGUAGES, default="en")
        parser.add_argument("--user", help="compile the table as this user sees it")

    def handle(self, *args: Any, **options: Any) -> None:
        user: Any = AnonymousUser()
        if options["user"]:
            try:
                user = get_user_model().objects.get(username=options["user"])
            except get_user_model().DoesNotExist:
                self.fail(f"--user {options['user']}: no such user: check the user name")
        output = Path(options["output"])
        if not output.parent.is_dir():
            self.fail(f"{output}: the folder {output.parent} does not exist: create it first")
        started = time.perf_counter()
        try:
            content = annex_export(
                user=user, code=options["meeting"], fmt=options["fmt"], language=options["language"]
            )
        except Http404:
            known = ", ".join(m.code for m in Meeting.objects.filter(takes_niap_reports=True))
            self.fail(
                f"--meeting {options['meeting']}: no such meeting: "
                f"use one of {known or 'the meetings loaded (none yet: run tusk loadreference)'}"
            )
        output.write_bytes(content)
        seconds = time.perf_counter() - started
        self.stdout.write(f"{output}: {len(content)} bytes in {seconds:.2f} s")
