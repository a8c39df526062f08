"""Import of progress reports: a `niapdoc` report in, Party, Meeting, Plan and draft stored.

The readers (niapdoc) know nothing of the database; this service is the one place that turns
what they read into records, so the command, the upload page and the demo all store reports
the same way.
"""

from __future__ import annotations

import datetime
import hashlib
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Q
from django_countries import countries
from simple_history.utils import bulk_create_with_history

from niapdoc import model as doc
from niapdoc.countries import code_for_name
from niapdoc.errors import ReportError
from niapdoc.reading import read_report
from tusk.core.errors import Duplicate
from tusk.core.meetings import parse_meeting_code
from tusk.core.models import Meeting, Party
from tusk.core.services import audit_record, history_note
from tusk.plans.choices import PlanStatus
from tusk.plans.models import Action, Pillar, Plan
from tusk.reports import services as report_services
from tusk.reports.choices import ReportStatus, SourceKind, status_phrase
from tusk.reports.models import ActionProgress, ProgressReport, source_upload_path
from tusk.support.suggestions import suggestions_create


@dataclass
class ImportResult:
    """What an import stored, and what it had to create to store it."""

    report: ProgressReport
    findings: list[doc.Finding]
    created: list[str] = field(default_factory=list)


def _sha256(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def party_for_report(report: doc.ProgressReport) -> tuple[Party, bool]:
    """Find the report's Party by ISO code or by name (EN/FR/ES), creating it if needed."""
    code = report.party_code or code_for_name(report.party)
    if not code or code not in dict(countries):
        raise ReportError(
            f"the report names the Party {report.party!r}, which is not a country Tusk knows: "
            "write the country's name as in ISO 3166 or give its two-letter party_code"
        )
    return Party.objects.get_or_create(country=code)


def meeting_for_code(code: str | None) -> tuple[Meeting, bool]:
    """Find the meeting a report was prepared for, creating it (without dates) if unknown."""
    parsed = parse_meeting_code(code or "")
    if parsed is None:
        raise ReportError(
            "the report names no Standing Committee meeting: add the line 'Prepared for the "
            "Nth meeting of the CITES Standing Committee', or give the meeting (--meeting SC66)"
        )
    kind, number = parsed
    return Meeting.objects.get_or_create(
        kind=kind, number=number, defaults={"takes_niap_reports": kind == "SC"}
    )


def plan_for_report(
    *, party: Party, report: doc.ProgressReport, actor: Any, is_demo: bool = False
) -> tuple[Plan, bool]:
    """The Party's plan version that the report's actions belong to.

    The newest version is used when it holds every action code the report rates; otherwise the
    report reflects a revised plan, so a new version is made, each action linked to the action
    of the same code in the version before. The new version is a draft, seen only by its Party
    and the Secretariat, until a report made on it is published (`plan_adopt_on_publish`).
    """
    latest = Plan.objects.filter(party=party).order_by("-version").first()
    codes = {a.code for a in report.actions}
    if latest is not None and codes <= set(latest.actions.values_list("code", flat=True)):
        return latest, False
    plan = Plan(
        party=party,
        version=(latest.version + 1) if latest else 1,
        status=PlanStatus.DRAFT,
        previous=latest,
        title="",
        is_demo=is_demo,
    )
    history_note(plan, actor=actor, reason="made from an imported progress report")
    plan.save()
    from tusk.core.reference import standard_pillar_for

    pillars = {
        p.number: Pillar.objects.create(
            plan=plan,
            number=p.number,
            name=p.name or "",
            standard=standard_pillar_for(p.name or ""),
            order=i,
        )
        for i, p in enumerate(report.pillars)
    }
    old_actions = {a.code: a for a in latest.actions.all()} if latest else {}
    for i, action in enumerate(report.actions):
        pillar = pillars.get(action.pillar or "")
        if pillar is None and action.pillar:
            pillar = pillars[action.pillar] = Pillar.objects.create(
                plan=plan, number=action.pillar, name="", order=len(pillars)
            )
        Action.objects.create(
            plan=plan,
            pillar=pillar,
            code=action.code,
            title=action.title,
            flagged=action.flagged,
            replaces=old_actions.get(action.code),
            order=i,
        )
    audit_record(
        actor=actor,
        verb="plan.create",
        target=plan,
        after={"version": plan.version, "actions": len(report.actions)},
        reason="made from an imported progress report",
    )
    return plan, True


def _check_duplicate(*, file_sha: str, document_sha: str) -> None:
    shas = {file_sha, document_sha}
    earlier = (
        ProgressReport.objects.filter(Q(source_sha256__in=shas) | Q(document_sha256__in=shas))
        .select_related("party", "meeting")
        .order_by("created_at")
        .first()
    )
    if earlier is not None:
        raise Duplicate(
            f"this file was already imported as {earlier.party} {earlier.meeting} "
            f"(revision {earlier.revision}, {status_phrase(earlier.get_status_display())}, report "
            f"#{earlier.pk}): nothing was stored; to change that report, edit its draft or "
            "make a new revision"
        )


@transaction.atomic
def report_import(
    *,
    raw: bytes,
    filename: str,
    actor: Any = None,
    submit: bool = False,
    meeting_code: str | None = None,
    is_demo: bool = False,
    submitted_on: datetime.date | None = None,
) -> ImportResult:
    """Read a report file and store it as the current draft of its Party and meeting.

    Refuses a file already imported (same sha256, of the file or of the document it was read
    from). If the Party already has a draft for the meeting, the draft takes the new content;
    if its report is frozen, the import becomes a new revision. With `submit`, the draft is
    then submitted. Raises ReportError or Duplicate with a message, storing nothing.
    """
    parsed = read_report(raw, filename=filename, max_bytes=settings.TUSK_MAX_REPORT_BYTES)
    file_sha = _sha256(raw)
    kind = SourceKind.JSON if raw.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"{" else parsed.source.kind
    document_sha = parsed.source.sha256 if kind == SourceKind.JSON else file_sha
    _check_duplicate(file_sha=file_sha, document_sha=document_sha)
    created: list[str] = []
    party, new_party = party_for_report(parsed)
    if new_party:
        created.append(f"Party {party}")
    meeting, new_meeting = meeting_for_code(meeting_code or parsed.meeting)
    if new_meeting:
        created.append(f"meeting {meeting}")
    plan, new_plan = plan_for_report(party=party, report=parsed, actor=actor, is_demo=is_demo)
    if new_plan:
        created.append(f"plan version {plan.version}")

    current = ProgressReport.objects.filter(party=party, meeting=meeting, is_current=True).first()
    if current is not None and current.is_frozen:
        current = report_services.report_revise(
            report=current, actor=actor, reason=f"new version imported from {filename}"
        )
    report = current or ProgressReport(party=party, meeting=meeting, plan=plan)
    report.plan = plan
    report.status = ReportStatus.DRAFT
    report.scale = parsed.scale
    report.language = parsed.language
    report.period_start = parsed.period_start or ""
    report.period_end = parsed.period_end or ""
    report.prepared_by = parsed.prepared_by or ""
    report.synopsis_overview = parsed.synopsis.overview
    report.synopsis_progress = parsed.synopsis.progress
    report.synopsis_outlook = parsed.synopsis.outlook
    report.source_kind = kind
    report.source_filename = filename[:255]
    report.source_sha256 = file_sha
    report.document_sha256 = document_sha
    report.is_demo = is_demo
    if report.pk is None:
        report.created_by = actor if getattr(actor, "pk", None) else None
    else:
        # Whoever has this draft open in the browser must not save over the imported content.
        report.lock_version += 1
    stored_name = source_upload_path(report, file_sha)
    if default_storage.exists(stored_name):
        # Stored under its sha256: the same bytes are already there, from an earlier import.
        report.source_file.name = stored_name
    else:
        report.source_file.save(file_sha, ContentFile(raw), save=False)
    history_note(report, actor=actor, reason=f"imported from {filename}")
    report.save()

    report.progress.all().delete()
    actions = {a.code: a for a in plan.actions.all()}
    bulk_create_with_history(
        [
            ActionProgress(
                report=report,
                action=actions.get(a.code),
                code=a.code,
                pillar=a.pillar or "",
                title=a.title,
                flagged=a.flagged,
                rating=a.rating,
                rating_part_b=a.rating_part_b,
                rating_part_c=a.rating_part_c,
                progress=list(a.progress),
                order=i,
            )
            for i, a in enumerate(parsed.actions)
        ],
        ActionProgress,
        default_user=actor if getattr(actor, "pk", None) else None,
        default_change_reason=f"imported from {filename}",
    )
    report_services.findings_replace(report=report, findings=parsed.findings)
    suggestions_create(report=report, document=parsed, actor=actor)
    audit_record(
        actor=actor,
        verb="report.import",
        target=report,
        after={
            "file": filename,
            "sha256": file_sha,
            "actions": len(parsed.actions),
            "findings": len(parsed.findings),
        },
        reason=f"imported from {filename}",
    )
    if submit:
        when = (
            datetime.datetime.combine(submitted_on, datetime.time(12), tzinfo=datetime.UTC)
            if submitted_on
            else None
        )
        report = report_services.report_submit(
            report=report,
            actor=actor,
            submitted_at=when,
            reason=f"sent on {submitted_on.isoformat()}, entered later" if submitted_on else "",
        )
    return ImportResult(report=report, findings=list(parsed.findings), created=created)
