"""`tusk loaddemo`: load the demo data set, or remove it with `--clear`."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from django.conf import settings
from django.core.management.base import CommandParser
from django.db.models import ProtectedError

from niapdoc.errors import ReportError
from tusk.core.commands import TuskCommand
from tusk.core.errors import ServiceError
from tusk.documents.demo import SEED, DemoSummary, demo_clear, demo_load
from tusk.reports.choices import ReportStatus
from tusk.support.choices import NeedStatus, SupportStage


class Command(TuskCommand):
    help = (
        "Load the demo data set: Cambodia's real SC66 report, published with assessments, and "
        "generated plans, reports, needs, partners and support, marked as demo, with demo "
        "logins. Safe to run again: a loaded data set is left as it is. Not for a server open "
        "to the public: the demo logins, an administrator among them, share a published "
        "password."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--clear",
            action="store_true",
            help="remove the demo data and accounts (the real report and reference data stay)",
        )
        parser.add_argument("--seed", type=int, default=SEED, help="the random seed")
        parser.add_argument("--json", action="store_true", help="print the result as JSON")

    def handle(self, *args: Any, **options: Any) -> None:
        # The demo's workflow moves would mail the demo accounts; keep those letters in memory.
        settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
        try:
            if options["clear"]:
                removed = demo_clear()
            else:
                summary = demo_load(seed=options["seed"])
        except (ReportError, ServiceError) as exc:
            self.fail(f"the demo data could not be loaded: {exc}")
        except ProtectedError as exc:
            names = sorted({str(obj) for obj in exc.protected_objects})[:3]
            self.fail(
                "the demo data could not be removed: real records refer to it "
                f"({', '.join(names)}): remove or reassign them first"
            )
        if options["clear"]:
            if options["json"]:
                self.stdout.write(json.dumps({"removed": removed}, indent=2))
                return
            parts = ", ".join(f"{count} {label}" for label, count in removed.items() if count)
            self.stdout.write(f"demo data removed: {parts or 'there was none'}")
            return
        if options["json"]:
            self.stdout.write(json.dumps(asdict(summary), ensure_ascii=False, indent=2))
            return
        for line in _lines(summary):
            self.stdout.write(line)


def _counts(counts: dict[str, int], labels: dict[str, Any]) -> str:
    total = sum(counts.values())
    detail = ", ".join(f"{_lower_first(str(labels[key]))} {n}" for key, n in counts.items())
    return f"{total} ({detail})" if detail else "0"


def _lower_first(label: str) -> str:
    return label[:1].lower() + label[1:]


def _lines(summary: DemoSummary) -> list[str]:
    if summary.loaded:
        head = f"demo data loaded in {summary.seconds:.1f} s (seed {summary.seed})"
    else:
        head = "demo data already loaded: nothing changed"
    lines = [
        head,
        f"real report: {summary.seed_report}",
        f"Parties with demo data: {summary.parties}",
        f"plans: {summary.plans} ({summary.actions} actions)",
        "reports: "
        + _counts(summary.reports, dict(ReportStatus.choices))
        + f"; {summary.missing_reports} missing",
        f"assessments: {summary.assessments} "
        f"({summary.assessments_differing} differ from the Party's rating)",
        "needs: " + _counts(summary.needs, dict(NeedStatus.choices)),
        f"partners: {summary.partners}",
        "support records: " + _counts(summary.support, dict(SupportStage.choices)),
        f"road-map indicators: {summary.indicators} ({summary.indicator_values} values)",
        f"demo logins (password {summary.password}):",
    ]
    width = max((len(a.username) for a in summary.accounts), default=0)
    for account in summary.accounts:
        who = f"{account.name} ({account.role})"
        lines.append(
            f"  {account.username:<{width}}  {who}"
            + (f", for {account.acts_for}" if account.acts_for else "")
        )
    lines.extend(f"note: {note}" for note in summary.notes)
    return lines
