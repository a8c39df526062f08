"""`tusk loadreference`: load or refresh meetings, Parties, categories and regions."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import CommandParser

from tusk.core.commands import TuskCommand
from tusk.core.reference_load import reference_load


class Command(TuskCommand):
    help = (
        "Load Tusk's reference data (meetings, Parties, categories, regions). "
        "Safe to run again: unchanged rows are left alone."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--json", action="store_true", help="Print the counts as JSON.")

    def handle(self, *args: Any, **options: Any) -> None:
        counts = reference_load()
        if options["json"]:
            self.stdout.write(json.dumps(counts, sort_keys=True))
            return
        self.stdout.write(
            "reference data: {meetings} meetings, {parties} Parties, {categories} categories, "
            "{regions} regions, {memberships} memberships "
            "({created} created, {updated} updated)".format(**counts)
        )
