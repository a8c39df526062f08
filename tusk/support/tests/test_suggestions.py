"""Needs suggested at import: made once per action and reason, kept through re-imports and
revisions, and turned into a Need only by the Party's confirmation."""

from __future__ import annotations

import datetime
import json
from decimal import Decimal
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command

from tusk.core.errors import ServiceError
from tusk.core.models import AuditEvent
from tusk.documents.services import report_import
from tusk.reports.models import ProgressReport
from tusk.reports.services import report_submit
from tusk.support.models import Need, NeedSuggestion, NeedTheme
from tusk.support.suggestions import suggestion_confirm, suggestion_discard

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).resolve().parents[3] / "niapdoc" / "tests" / "fixtures"
CAMBODIA_TXT = FIXTURES / "cambodia-sc66.txt"
CAMBODIA_JSON = FIXTURES / "cambodia-sc66.json"
SEEKING = b"We are seeking additional funding with support from our NGO partners"
# What the Cambodia SC66 report asks for: the actions its Part B marks with an asterisk, and
# the outlook's "seeking additional funding ... for the following activities: 2.1, 2.3, 2.4,
# 2.5, 3.2".
FLAGGED = ["1.1", "1.2", "2.1", "2.3", "2.4", "2.5", "3.1", "3.2", "4.1"]
ASKED = ["2.1", "2.3", "2.4", "2.5", "3.2"]


def imported(raw: bytes | None = None, **kw: Any) -> ProgressReport:
    raw = raw if raw is not None else CAMBODIA_TXT.read_bytes()
    return report_import(raw=raw, filename="cambodia-sc66.txt", **kw).report


def suggested(report: ProgressReport) -> list[tuple[str, str, str]]:
    return list(
        report.need_suggestions.order_by("action_code", "reason").values_list(
            "action_code", "reason", "status"
        )
    )


def expected(pending: str = "pending", **statuses: str) -> list[tuple[str, str, str]]:
    rows = [(c, "flagged_action") for c in FLAGGED] + [(c, "funding_sentence") for c in ASKED]
    return sorted((c, r, statuses.get(f"{r}:{c}", pending)) for c, r in rows)


def test_an_import_suggests_the_flagged_actions_and_the_funding_sentence() -> None:
    report = imported()
    assert suggested(report) == expected()
    assert Need.objects.count() == 0  # nothing is a need until confirmed
    row = report.need_suggestions.get(action_code="3.2", reason="funding_sentence")
    assert row.party == report.party and row.action == report.plan.actions.get(code="3.2")
    assert row.evidence.startswith("We are seeking additional funding")
    assert row.description == row.action.title and row.kind == "funding"
    flagged = report.need_suggestions.get(action_code="1.1", reason="flagged_action")
    assert flagged.kind == "legal_drafting" and flagged.evidence.endswith("Endangered species*")
    event = AuditEvent.objects.get(verb="need_suggestion.suggest")
    assert event.party == report.party and len(event.after["suggested"]) == 14
    assert NeedSuggestion.history.filter(history_type="+").count() == 14


def test_every_import_path_suggests_the_same_from_the_json_form() -> None:
    report = report_import(raw=CAMBODIA_JSON.read_bytes(), filename="cambodia-sc66.json").report
    assert suggested(report) == expected()


def test_the_command_says_how_many_needs_are_suggested_and_where(settings: Any) -> None:
    settings.SITE_URL = "https://tusk.example.org/"
    out = StringIO()
    call_command("import-report", str(CAMBODIA_TXT), stdout=out)
    report = ProgressReport.objects.get()
    line = (
        f"14 needs suggested: confirm them at https://tusk.example.org/reports/{report.pk}/needs/"
    )
    assert line in out.getvalue().splitlines()


def test_the_commands_json_counts_the_suggestions() -> None:
    out = StringIO()
    call_command("import-report", str(CAMBODIA_TXT), "--json", stdout=out)
    printed = json.loads(out.getvalue())
    assert printed["needs_suggested"] == 14
    assert printed["needs_suggested_url"].endswith(f"/reports/{printed['report']}/needs/")


def unflagged() -> dict[str, Any]:
    """The Cambodia report without asterisks nor progress asking for funding ("We are
    currently seeking funding to implement this activity", in 2.3)."""
    data: dict[str, Any] = json.loads(CAMBODIA_JSON.read_text(encoding="utf-8"))
    for action in data["actions"]:
        action["flagged"] = False
        action["progress"] = [p for p in action["progress"] if "seeking" not in p]
    return data


def test_the_command_notes_codes_the_plan_does_not_have(tmp_path: Path) -> None:
    data = unflagged()
    data["synopsis"]["outlook"] = "We are seeking funding for activities 2.1 and 7.3."
    path = tmp_path / "kh.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    out = StringIO()
    call_command("import-report", str(path), stdout=out)
    lines = out.getvalue().splitlines()
    assert any(line.startswith("1 need suggested: confirm it at ") for line in lines)
    assert (
        'note: the report asks for support for 7.3, which the plan does not have: "We are '
        'seeking funding for activities 2.1 and 7.3."'
    ) in lines
    assert suggested(ProgressReport.objects.get()) == [("2.1", "funding_sentence", "pending")]


def test_the_command_says_nothing_of_needs_when_none_is_suggested(tmp_path: Path) -> None:
    data = unflagged()
    data["synopsis"]["outlook"] = "Funding was received for 2.1."
    path = tmp_path / "kh.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    out = StringIO()
    call_command("import-report", str(path), stdout=out)
    assert "suggested" not in out.getvalue() and "note:" not in out.getvalue()
    assert NeedSuggestion.objects.count() == 0
    assert not AuditEvent.objects.filter(verb="need_suggestion.suggest").exists()


def test_a_reimport_keeps_decisions_and_does_not_duplicate(chan: Any) -> None:
    report = imported()
    first = report.need_suggestions.get(action_code="2.1", reason="flagged_action")
    suggestion_confirm(actor=chan, suggestion=first, kind="funding", description="Unit")
    second = report.need_suggestions.get(action_code="3.2", reason="funding_sentence")
    suggestion_discard(actor=chan, suggestion=second, reason="funded by WWF")

    again = imported(CAMBODIA_TXT.read_bytes() + b"\n")
    assert again.pk == report.pk  # the same draft, updated
    assert suggested(again) == expected(
        **{"flagged_action:2.1": "confirmed", "funding_sentence:3.2": "discarded"}
    )
    assert Need.objects.count() == 1


def test_a_reimport_removes_pending_suggestions_the_report_no_longer_makes(chan: Any) -> None:
    report = imported()
    decided = report.need_suggestions.get(action_code="2.3", reason="funding_sentence")
    suggestion_discard(actor=chan, suggestion=decided)
    raw = CAMBODIA_TXT.read_bytes().replace(SEEKING, b"We have received funding")
    imported(raw)
    rows = suggested(report)
    assert [r for r in rows if r[1] == "funding_sentence"] == [
        ("2.3", "funding_sentence", "discarded")
    ]
    assert len(rows) == len(FLAGGED) + 1


def test_a_new_revision_does_not_bring_back_decided_suggestions(chan: Any) -> None:
    report = imported()
    confirmed = report.need_suggestions.get(action_code="2.4", reason="funding_sentence")
    suggestion_confirm(actor=chan, suggestion=confirmed, kind="equipment", description="Vault")
    discarded = report.need_suggestions.get(action_code="1.1", reason="flagged_action")
    suggestion_discard(actor=chan, suggestion=discarded)
    report_submit(report=report, actor=chan)

    revision = imported(CAMBODIA_TXT.read_bytes() + b"\n")
    assert (revision.revision, revision.previous_id) == (2, report.pk)
    rows = suggested(revision)
    assert ("2.4", "funding_sentence", "pending") not in rows
    assert ("1.1", "flagged_action", "pending") not in rows
    assert len(rows) == 14 - 2 and {r[2] for r in rows} == {"pending"}
    # The first revision keeps its decisions; its undecided suggestions moved to the new one.
    assert suggested(report) == [
        ("1.1", "flagged_action", "discarded"),
        ("2.4", "funding_sentence", "confirmed"),
    ]


def test_confirming_creates_exactly_one_need_with_the_given_fields(chan: Any) -> None:
    report = imported()
    row = report.need_suggestions.get(action_code="3.2", reason="funding_sentence")
    need = suggestion_confirm(
        actor=chan,
        suggestion=row,
        kind="training",
        description="  Train 40 FA officers in investigations  ",
        amount=Decimal("25000"),
        currency="usd",
        needed_by=datetime.date(2027, 6, 30),
        themes=["intelligence", "capacity"],
    )
    assert Need.objects.count() == 1
    assert (need.party, need.action, need.source_report) == (
        report.party,
        report.plan.actions.get(code="3.2"),
        report,
    )
    assert (need.kind, need.description, need.amount, need.currency, need.needed_by) == (
        "training",
        "Train 40 FA officers in investigations",
        Decimal("25000.00"),
        "USD",
        datetime.date(2027, 6, 30),
    )
    assert sorted(NeedTheme.objects.filter(need=need).values_list("theme", flat=True)) == [
        "capacity",
        "intelligence",
    ]
    row.refresh_from_db()
    assert (row.status, row.need, row.decided_by, row.kind) == ("confirmed", need, chan, "training")
    assert row.decided_at is not None
    assert need.history.get().history_user == chan
    change = row.history.order_by("-history_id").first()
    assert change is not None and change.history_change_reason == f"confirmed as need #{need.pk}"
    event = AuditEvent.objects.get(verb="need_suggestion.confirm")
    assert (event.actor, event.party) == (chan, report.party)
    assert (event.before["status"], event.after["status"], event.after["need"]) == (
        "pending",
        "confirmed",
        need.pk,
    )
    assert AuditEvent.objects.filter(verb="need.create", actor=chan).count() == 1


def test_a_refused_confirmation_stores_nothing(chan: Any) -> None:
    report = imported()
    row = report.need_suggestions.get(action_code="3.2", reason="funding_sentence")
    events = AuditEvent.objects.count()
    with pytest.raises(ServiceError, match="currency"):
        suggestion_confirm(
            actor=chan, suggestion=row, kind="funding", description="x", amount=Decimal(5)
        )
    with pytest.raises(ServiceError, match="theme"):
        suggestion_confirm(
            actor=chan, suggestion=row, kind="funding", description="x", themes=["ivory"]
        )
    row.refresh_from_db()
    assert row.status == "pending" and row.need is None
    assert (Need.objects.count(), NeedTheme.objects.count()) == (0, 0)
    assert AuditEvent.objects.count() == events


def test_a_suggestion_is_decided_once(chan: Any) -> None:
    row = imported().need_suggestions.get(action_code="2.1", reason="flagged_action")
    suggestion_discard(actor=chan, suggestion=row, reason="not needed")
    with pytest.raises(ServiceError, match="already discarded"):
        suggestion_confirm(actor=chan, suggestion=row, kind="funding", description="x")
    with pytest.raises(ServiceError, match="already discarded"):
        suggestion_discard(actor=chan, suggestion=row)
    assert Need.objects.count() == 0


def test_discarding_records_no_need_and_keeps_the_reason(chan: Any) -> None:
    row = imported().need_suggestions.get(action_code="2.5", reason="flagged_action")
    suggestion_discard(actor=chan, suggestion=row, reason="  Funded by the EU\n since 2015 ")
    row.refresh_from_db()
    assert (row.status, row.need, row.decided_by) == ("discarded", None, chan)
    assert Need.objects.count() == 0
    event = AuditEvent.objects.get(verb="need_suggestion.discard")
    assert (event.reason, event.actor) == ("Funded by the EU since 2015", chan)


def test_only_the_partys_focal_points_and_admins_decide(
    cambodia: Any, chan: Any, gaelle: Any, sofia: Any, pat: Any, ada: Any
) -> None:
    report = imported()
    row = report.need_suggestions.get(action_code="2.1", reason="flagged_action")
    for outsider in (gaelle, sofia, pat, None):
        with pytest.raises(PermissionDenied):
            suggestion_confirm(actor=outsider, suggestion=row, kind="funding", description="x")
        with pytest.raises(PermissionDenied):
            suggestion_discard(actor=outsider, suggestion=row)
    assert Need.objects.count() == 0
    need = suggestion_confirm(actor=ada, suggestion=row, kind="funding", description="x")
    assert need.party.code == "KH"


def test_a_confirmed_suggestion_cannot_be_confirmed_again(chan: Any) -> None:
    row = imported().need_suggestions.get(action_code="2.1", reason="funding_sentence")
    suggestion_confirm(actor=chan, suggestion=row, kind="funding", description="Unit")
    with pytest.raises(ServiceError, match="already confirmed: nothing was changed"):
        suggestion_confirm(actor=chan, suggestion=row, kind="funding", description="Unit")
    assert Need.objects.count() == 1
