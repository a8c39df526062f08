"""A Party's drafts: upload a report file and preview it, edit the draft, submit it, revise it.

Who may do what comes from the reports' selectors (`report_get_for_user`) and from the user's
focal-point Parties; every write goes through `tusk.reports.drafting` or the reports' services.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from niapdoc import model as doc
from niapdoc.countries import code_for_name
from niapdoc.errors import ReportError
from niapdoc.reading import detect_kind, read_report
from tusk.accounts.access import focal_party_ids
from tusk.core.errors import Frozen, ServiceError, StaleEdit, WorkflowError
from tusk.core.meetings import parse_meeting_code
from tusk.core.models import AuditEvent, Meeting, Party
from tusk.plans.models import Pillar
from tusk.reports import drafting, services
from tusk.reports.choices import ReportStatus, Scale, Severity
from tusk.reports.forms_drafts import ActionForm, DraftForm, ReviseForm, SubmitForm, UploadForm
from tusk.reports.models import ActionProgress, Assessment, Finding, ProgressReport
from tusk.reports.selectors import current_reports, report_get_for_user, report_list_for_user
from tusk.support.models import Need
from tusk.support.suggestions import suggestions_pending_for_user

UPLOADS_KEY = "tusk.drafts.uploads"
UPLOADS_KEPT = 20
# A report in these states can be revised from the browser; one under review, assessed or
# published is the Secretariat's to return first.
REVISABLE = frozenset({ReportStatus.SUBMITTED, ReportStatus.RETURNED})
_SEVERITY_LABELS = dict(Severity.choices)


# --- What the pages show -------------------------------------------------------------------


@dataclass(frozen=True)
class Shown:
    """A finding as the pages show it, whether read from a file or stored."""

    code: str
    severity: str
    severity_label: str
    message: str
    action: str
    pillar: str

    @classmethod
    def of(cls, finding: Finding | doc.Finding) -> Shown:
        """Either kind of finding, with its severity named in the reader's language."""
        action = finding.action_code if isinstance(finding, Finding) else finding.action
        return cls(
            code=finding.code,
            severity=finding.severity,
            severity_label=str(_SEVERITY_LABELS.get(finding.severity, finding.severity)),
            message=finding.message,
            action=action or "",
            pillar=finding.pillar or "",
        )


@dataclass
class Placed:
    """Findings sorted to where they belong: an action, a pillar, or the report as a whole."""

    general: list[Shown] = field(default_factory=list)
    by_pillar: dict[str, list[Shown]] = field(default_factory=dict)
    by_action: dict[str, list[Shown]] = field(default_factory=dict)

    @property
    def errors(self) -> int:
        """How many of the findings are errors."""
        return sum(1 for f in self.every() if f.severity == Severity.ERROR)

    def every(self) -> list[Shown]:
        """All the findings, the report-wide ones first."""
        found = list(self.general)
        for group in (*self.by_pillar.values(), *self.by_action.values()):
            found += group
        return found


def place_findings(
    findings: Iterable[Finding | doc.Finding], *, actions: Iterable[str], pillars: Iterable[str]
) -> Placed:
    """Put each finding beside the action or pillar it concerns; the rest go on top."""
    codes, numbers = set(actions), set(pillars)
    placed = Placed()
    for finding in findings:
        shown = Shown.of(finding)
        if shown.action in codes:
            placed.by_action.setdefault(shown.action, []).append(shown)
        elif shown.pillar in numbers and not shown.action:
            placed.by_pillar.setdefault(shown.pillar, []).append(shown)
        else:
            placed.general.append(shown)
    return placed


@dataclass(frozen=True)
class ReturnNote:
    """Why the Secretariat returned the revision before this draft, and its comments."""

    report: ProgressReport
    reason: str
    event: AuditEvent | None
    comments: dict[str, str]


def return_note(report: ProgressReport) -> ReturnNote | None:
    """The Secretariat's words on `report` if it was returned, else on the revision before it
    if that one was returned. Three queries at most.

    The caller has already checked that the user may edit `report`, and so read its Party's
    returned revisions: a returned report is addressed to its Party.
    """
    if report.status == ReportStatus.RETURNED:
        returned: ProgressReport | None = report
    elif report.previous_id is not None:
        returned = ProgressReport.objects.filter(
            pk=report.previous_id, status=ReportStatus.RETURNED
        ).first()
    else:
        returned = None
    if returned is None:
        return None
    event = (
        AuditEvent.objects.filter(
            verb="report.return",
            target_type=ContentType.objects.get_for_model(ProgressReport),
            target_id=str(returned.pk),
        )
        .order_by("-created_at", "-id")
        .first()
    )
    comments = dict(
        Assessment.objects.filter(progress__report=returned)
        .exclude(comment="")
        .order_by("progress__order", "progress__id")
        .values_list("progress__code", "comment")
    )
    return ReturnNote(
        report=returned,
        reason=event.reason if event else "",
        event=event,
        comments=comments,
    )


# --- Upload and preview ----------------------------------------------------------------------


class UploadRefused(Exception):
    """An upload that cannot go further, with the message to show and the page's status."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


@dataclass(frozen=True)
class RatingChange:
    """One action rated differently by the file than by the stored report."""

    code: str
    before: str | None
    after: str | None


@dataclass
class Changes:
    """What storing the file would change in the Party's current report for the meeting."""

    header: list[tuple[str, str, str]] = field(default_factory=list)
    synopsis: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    ratings: list[RatingChange] = field(default_factory=list)
    progress: list[str] = field(default_factory=list)

    @property
    def none(self) -> bool:
        """Whether the file says exactly what the stored report says."""
        return not (
            self.header
            or self.synopsis
            or self.added
            or self.removed
            or self.ratings
            or self.progress
        )


def report_changes(
    parsed: doc.ProgressReport, stored: ProgressReport, progress: Sequence[ActionProgress]
) -> Changes:
    """Compare a file read for preview with the stored report it would replace."""
    changes = Changes()
    for label, before, after in (
        (_("Period from"), stored.period_start, parsed.period_start or ""),
        (_("Period to"), stored.period_end, parsed.period_end or ""),
        (_("Prepared by"), stored.prepared_by, parsed.prepared_by or ""),
        (_("Rating scale"), stored.scale, parsed.scale),
    ):
        if before.strip() != after.strip():
            changes.header.append((label, before or "—", after or "—"))
    for label, before, after in (
        (_("Overview"), stored.synopsis_overview, parsed.synopsis.overview),
        (_("Progress to date"), stored.synopsis_progress, parsed.synopsis.progress),
        (_("Future outlook"), stored.synopsis_outlook, parsed.synopsis.outlook),
    ):
        if " ".join(before.split()) != " ".join(after.split()):
            changes.synopsis.append(label)
    old = {p.code: p for p in progress}
    new = {a.code: a for a in parsed.actions}
    changes.added = [code for code in new if code not in old]
    changes.removed = [code for code in old if code not in new]
    for code, action in new.items():
        was = old.get(code)
        if was is None:
            continue
        if was.rating != action.rating:
            changes.ratings.append(RatingChange(code=code, before=was.rating, after=action.rating))
        if drafting.progress_lines(was.progress) != drafting.progress_lines(action.progress):
            changes.progress.append(code)
    return changes


@dataclass
class PreviewPillar:
    """A pillar of the file, its findings and its actions with theirs."""

    number: str
    name: str
    findings: list[Shown]
    actions: list[tuple[doc.Action, list[Shown]]]


@dataclass
class Preview:
    """Everything the preview page shows of an uploaded file."""

    sha256: str
    filename: str
    file_kind: str
    parsed: doc.ProgressReport
    party: Party
    meeting_code: str
    current: ProgressReport | None
    changes: Changes | None
    findings: Placed
    pillars: list[PreviewPillar]

    @property
    def kind_label(self) -> str:
        """What kind of document Tusk found the file to be, from its content."""
        kinds = {
            "text": _("Converted text"),
            "docx": _("Word document"),
            "pdf": _("PDF"),
            "json": _("Interchange JSON"),
        }
        return kinds.get(self.file_kind, self.file_kind)

    @property
    def scale_label(self) -> str:
        """The name of the file's rating scale."""
        return str(dict(Scale.choices).get(self.parsed.scale, self.parsed.scale))


def _party_names(user: Any) -> str:
    return ", ".join(
        sorted(p.display_name for p in Party.objects.filter(pk__in=focal_party_ids(user)))
    )


def inspect_upload(*, user: Any, raw: bytes, filename: str) -> Preview:
    """Read an uploaded file and decide whether `user` may store it, storing nothing.

    Raises UploadRefused with the reason: the file cannot be read (400), it is another Party's
    report (403), or it was stored already or its report is with the Secretariat (409).
    """
    try:
        parsed = read_report(raw, filename=filename, max_bytes=settings.TUSK_MAX_REPORT_BYTES)
    except ReportError as exc:
        raise UploadRefused(str(exc)) from None
    code = parsed.party_code or code_for_name(parsed.party)
    party = Party.objects.filter(country=code).first() if code else None
    if party is None or party.pk not in focal_party_ids(user):
        raise UploadRefused(
            _(
                "{file} is the progress report of {party}, and you report for {yours} only: "
                "nothing was stored. Upload your own Party's report."
            ).format(
                file=filename,
                party=party.display_name if party else (parsed.party or _("an unnamed Party")),
                yours=_party_names(user),
            ),
            status=403,
        )
    meeting_code = parse_meeting_code(parsed.meeting or "")
    if meeting_code is None:
        raise UploadRefused(
            _(
                "{file} names no Standing Committee meeting: add the line 'Prepared for the Nth "
                "meeting of the CITES Standing Committee' under the title and upload it again."
            ).format(file=filename)
        )
    meeting_kind, meeting_number = meeting_code
    meeting = Meeting.objects.filter(kind=meeting_kind, number=meeting_number).first()
    current = None
    if meeting is not None:
        current = (
            current_reports(report_list_for_user(user=user))
            .filter(party=party, meeting=meeting)
            .first()
        )
    if current is not None and current.is_frozen and current.status not in REVISABLE:
        raise UploadRefused(
            _(
                "The report of {party} for {meeting} has the status “{status}”: it cannot take "
                "a new version now. Ask the Secretariat to return it if it must change."
            ).format(
                party=party.display_name,
                meeting=current.meeting.code,
                status=current.get_status_display(),
            ),
            status=409,
        )
    file_sha = hashlib.sha256(raw).hexdigest()
    file_kind = detect_kind(raw)
    shas = {file_sha, parsed.source.sha256 if file_kind == "json" else file_sha}
    earlier = (
        ProgressReport.objects.filter(Q(source_sha256__in=shas) | Q(document_sha256__in=shas))
        .select_related("party", "meeting")
        .order_by("created_at")
        .first()
    )
    if earlier is not None:
        raise UploadRefused(
            _(
                "{file} was already stored, as the report of {party} for {meeting} (revision "
                "{revision}): nothing was stored again. To change that report, edit its draft."
            ).format(
                file=filename,
                party=earlier.party.display_name,
                meeting=earlier.meeting.code,
                revision=earlier.revision,
            ),
            status=409,
        )
    changes = None
    if current is not None:
        changes = report_changes(parsed, current, list(current.progress.order_by("order", "id")))
    codes = [a.code for a in parsed.actions]
    names = {p.number: p.name or "" for p in parsed.pillars}
    placed = place_findings(parsed.findings, actions=codes, pillars=names)
    pillars: dict[str, PreviewPillar] = {}
    for action in parsed.actions:
        number = action.pillar or ""
        if number not in pillars:
            pillars[number] = PreviewPillar(
                number=number,
                name=names.get(number, ""),
                findings=placed.by_pillar.get(number, []),
                actions=[],
            )
        pillars[number].actions.append((action, placed.by_action.get(action.code, [])))
    return Preview(
        sha256=file_sha,
        filename=filename,
        file_kind=file_kind,
        parsed=parsed,
        party=party,
        meeting_code=f"{meeting_kind}{meeting_number}",
        current=current,
        changes=changes,
        findings=placed,
        pillars=list(pillars.values()),
    )


def _focal_point_only(user: Any) -> None:
    if not focal_party_ids(user):
        raise PermissionDenied


def _safe_filename(name: str | None) -> str:
    cleaned = "".join(c for c in (name or "") if c.isprintable()).strip()
    return cleaned[-200:] or "report"


def _upload_page(
    request: HttpRequest, form: UploadForm, *, error: str = "", status: int = 200
) -> HttpResponse:
    parties = Party.objects.filter(pk__in=focal_party_ids(request.user))
    context = {
        "form": form,
        "error": error,
        "parties": sorted(parties, key=lambda p: p.display_name),
    }
    return render(request, "reports/drafts/upload.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def report_upload(request: HttpRequest) -> HttpResponse:
    """A focal point sends a report file; it is read and held for preview, not stored."""
    _focal_point_only(request.user)
    if request.method != "POST":
        return _upload_page(request, UploadForm())
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return _upload_page(request, form, status=400)
    upload = form.cleaned_data["file"]
    filename = _safe_filename(upload.name)
    raw = upload.read()
    try:
        inspect_upload(user=request.user, raw=raw, filename=filename)
    except UploadRefused as refused:
        return _upload_page(request, UploadForm(), error=refused.message, status=refused.status)
    sha256 = drafting.upload_hold(raw=raw)
    held = dict(request.session.get(UPLOADS_KEY, {}))
    held[sha256] = filename
    request.session[UPLOADS_KEY] = dict(list(held.items())[-UPLOADS_KEPT:])
    return redirect("report-upload-preview", sha256=sha256)


@login_required
@require_http_methods(["GET", "POST"])
def report_upload_preview(request: HttpRequest, sha256: str) -> HttpResponse:
    """The file as Tusk read it, what it would change, and the button that stores it."""
    _focal_point_only(request.user)
    held: dict[str, str] = request.session.get(UPLOADS_KEY, {})
    filename = held.get(sha256)
    raw = drafting.upload_read(sha256=sha256) if filename else None
    if filename is None or raw is None:
        raise Http404("No such upload.")
    try:
        preview = inspect_upload(user=request.user, raw=raw, filename=filename)
    except UploadRefused as refused:
        return _upload_page(request, UploadForm(), error=refused.message, status=refused.status)
    if request.method != "POST":
        return render(request, "reports/drafts/preview.html", {"preview": preview})
    try:
        result = drafting.report_store_upload(raw=raw, filename=filename, actor=request.user)
    except ReportError as exc:
        return _upload_page(request, UploadForm(), error=str(exc), status=400)
    except ServiceError as exc:
        return _upload_page(request, UploadForm(), error=str(exc), status=409)
    drafting.upload_release(sha256=sha256)
    request.session[UPLOADS_KEY] = {k: v for k, v in held.items() if k != sha256}
    report = result.report
    messages.success(
        request,
        ngettext(
            "{file} was stored as the draft of {party} for {meeting} (revision {revision}). "
            "It has {count} finding: look at it below, then submit the report.",
            "{file} was stored as the draft of {party} for {meeting} (revision {revision}). "
            "It has {count} findings: look at them below, then submit the report.",
            len(result.findings),
        ).format(
            file=filename,
            party=report.party.display_name,
            meeting=report.meeting.code,
            revision=report.revision,
            count=len(result.findings),
        ),
    )
    return redirect("report-edit", pk=report.pk)


# --- Edit ------------------------------------------------------------------------------------


@dataclass
class ActionBlock:
    """One action on the edit page: its fields, findings, the Secretariat's comment, needs."""

    form: ActionForm
    findings: list[Shown]
    comment: str
    needs: list[Need]

    @property
    def progress(self) -> ActionProgress:
        """The stored action."""
        return self.form.stored

    @property
    def has_error(self) -> bool:
        """Whether one of the action's findings is an error."""
        return any(f.severity == Severity.ERROR for f in self.findings)

    @property
    def need_open(self) -> bool:
        """Whether the "add a need" part starts open: the user was filling it in."""
        names = ("need_kind", "need_description", "need_amount", "need_currency")
        if any(self.form.has_error(name) for name in names):
            return True
        return self.form.is_bound and any(self.form[name].value() for name in names)


@dataclass
class PillarGroup:
    """A pillar on the edit page with its findings and its actions."""

    number: str
    name: str
    findings: list[Shown]
    actions: list[ActionBlock]


def _edit_page(
    request: HttpRequest,
    report: ProgressReport,
    form: DraftForm,
    *,
    error: str = "",
    status: int = 200,
) -> HttpResponse:
    """The edit page; a fixed number of queries however many actions the report has."""
    progress = [f.stored for f in form.actions]
    names = dict(Pillar.objects.filter(plan_id=report.plan_id).values_list("number", "name"))
    findings = Finding.objects.filter(report=report).order_by("order", "id")
    placed = place_findings(
        findings, actions=[p.code for p in progress], pillars={p.pillar for p in progress}
    )
    note = return_note(report)
    needs: dict[int, list[Need]] = {}
    action_ids = {p.action_id for p in progress if p.action_id is not None}
    for need in Need.objects.filter(party_id=report.party_id, action_id__in=action_ids):
        needs.setdefault(need.action_id or 0, []).append(need)
    groups: dict[str, PillarGroup] = {}
    for action_form in form.actions:
        p = action_form.stored
        if p.pillar not in groups:
            groups[p.pillar] = PillarGroup(
                number=p.pillar,
                name=names.get(p.pillar, ""),
                findings=placed.by_pillar.get(p.pillar, []),
                actions=[],
            )
        groups[p.pillar].actions.append(
            ActionBlock(
                form=action_form,
                findings=placed.by_action.get(p.code, []),
                comment=note.comments.get(p.code, "") if note else "",
                needs=needs.get(p.action_id, []) if p.action_id else [],
            )
        )
    context = {
        "report": report,
        "form": form,
        "groups": list(groups.values()),
        "findings": placed,
        "note": note,
        "error": error,
        "needs_suggested": suggestions_pending_for_user(user=request.user, report=report),
    }
    return render(request, "reports/drafts/edit.html", context, status=status)


def _frozen_redirect(request: HttpRequest, report: ProgressReport) -> HttpResponse:
    messages.info(
        request,
        _(
            "Revision {revision} of the report of {party} for {meeting} was sent to the "
            "Secretariat and can no longer be changed in place."
        ).format(
            revision=report.revision,
            party=report.party.display_name,
            meeting=report.meeting.code,
        ),
    )
    if report.is_current and report.status in REVISABLE:
        return redirect("report-revise", pk=report.pk)
    return redirect("report-detail", pk=report.pk)


def _saved_message(saved: drafting.DraftSaved) -> str:
    errors = sum(1 for f in saved.findings if f.severity == Severity.ERROR)
    findings = ngettext(
        "{count} finding remains", "{count} findings remain", len(saved.findings)
    ).format(count=len(saved.findings))
    if errors:
        findings += ngettext(" ({errors} error).", " ({errors} errors).", errors).format(
            errors=errors
        )
    else:
        findings += "."
    if not saved.changed:
        return _("Nothing had changed; the findings were checked again: {findings}").format(
            findings=findings
        )
    return _("The draft was saved: {findings}").format(findings=findings)


@login_required
@require_http_methods(["GET", "POST"])
def report_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """The draft in one form: header, synopsis, and each action's rating, progress and needs."""
    report = report_get_for_user(user=request.user, pk=pk, action="edit")
    if report.is_frozen and request.method != "POST":
        return _frozen_redirect(request, report)
    progress = list(
        ActionProgress.objects.filter(report=report)
        .select_related("action")
        .order_by("order", "id")
    )
    if request.method != "POST":
        return _edit_page(request, report, DraftForm(report=report, progress=progress))
    form = DraftForm(request.POST, report=report, progress=progress)
    if report.is_frozen:
        # Submitted while the user was editing: keep what they wrote on the page.
        form.is_valid()
        return _edit_page(request, report, form, error=_frozen_text(report), status=409)
    if not form.is_valid():
        return _edit_page(request, report, form, status=400)
    try:
        saved = drafting.draft_save(
            report=report,
            actor=request.user,
            header=form.header.header(),
            actions=[f.action_input() for f in form.actions],
            expected_version=form.header.cleaned_data["lock_version"],
            expected_source=form.header.cleaned_data["source_sha256"],
            reason=form.header.cleaned_data.get("reason", ""),
        )
    except (StaleEdit, Frozen) as exc:
        return _edit_page(request, report, form, error=str(exc), status=409)
    except (WorkflowError, ServiceError) as exc:
        return _edit_page(request, report, form, error=str(exc), status=400)
    messages.success(request, _saved_message(saved))
    return redirect("report-edit", pk=report.pk)


def _frozen_text(report: ProgressReport) -> str:
    return _(
        "Revision {revision} of this report was sent to the Secretariat while you were editing "
        "it; your changes were not saved. Copy what you need from the form below, then make a "
        "new revision."
    ).format(revision=report.revision)


# --- Submit and revise ----------------------------------------------------------------------


def _submit_page(
    request: HttpRequest,
    report: ProgressReport,
    form: SubmitForm,
    *,
    error: str = "",
    status: int = 200,
) -> HttpResponse:
    findings = [Shown.of(f) for f in Finding.objects.filter(report=report).order_by("order", "id")]
    errors = [f for f in findings if f.severity == Severity.ERROR]
    context = {
        "report": report,
        "form": form,
        "errors": errors,
        "others": len(findings) - len(errors),
        "error": error,
    }
    return render(request, "reports/drafts/submit.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def report_submit(request: HttpRequest, pk: int) -> HttpResponse:
    """Confirm, then submit the draft to the Secretariat; errors left are shown, not blocking."""
    report = report_get_for_user(user=request.user, pk=pk, action="submit")
    if report.is_frozen:
        messages.info(
            request,
            _("Revision {revision} of this report was already sent to the Secretariat.").format(
                revision=report.revision
            ),
        )
        return redirect("report-detail", pk=report.pk)
    if request.method != "POST":
        form = SubmitForm(initial={"lock_version": report.lock_version})
        return _submit_page(request, report, form)
    form = SubmitForm(request.POST)
    if not form.is_valid():
        return _submit_page(request, report, form, status=400)
    try:
        submitted = drafting.draft_submit(
            report=report,
            actor=request.user,
            expected_version=form.cleaned_data["lock_version"],
        )
    except StaleEdit as exc:
        report.refresh_from_db()
        return _submit_page(
            request,
            report,
            SubmitForm(initial={"lock_version": report.lock_version}),
            error=str(exc),
            status=409,
        )
    except ServiceError as exc:
        messages.error(request, str(exc))
        return redirect("report-detail", pk=report.pk)
    messages.success(
        request,
        _(
            "The report of {party} for {meeting} was submitted, and the Secretariat was "
            "notified. It can no longer be changed in place."
        ).format(party=submitted.party.display_name, meeting=submitted.meeting.code),
    )
    return redirect("report-detail", pk=submitted.pk)


@login_required
@require_http_methods(["GET", "POST"])
def report_revise(request: HttpRequest, pk: int) -> HttpResponse:
    """Start a new draft from a submitted or returned report of the user's Party."""
    report = report_get_for_user(user=request.user, pk=pk, action="edit")
    if not report.is_frozen:
        return redirect("report-edit", pk=report.pk)
    if not report.is_current or report.status not in REVISABLE:
        messages.error(
            request,
            _(
                "Only a submitted or returned report can be revised here; this one's status is "
                "“{status}”: ask the Secretariat to return it if it must change."
            ).format(status=report.get_status_display())
            if report.is_current
            else _("A later revision of this report exists: change that one."),
        )
        return redirect("report-detail", pk=report.pk)
    form = ReviseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            new = services.report_revise(
                report=report, actor=request.user, reason=form.cleaned_data["reason"]
            )
        except ServiceError as exc:
            messages.error(request, str(exc))
            return redirect("report-detail", pk=report.pk)
        messages.success(
            request,
            _(
                "Revision {revision} was made as a new draft; revision {previous} stays as it was "
                "sent."
            ).format(revision=new.revision, previous=report.revision),
        )
        return redirect("report-edit", pk=new.pk)
    context = {"report": report, "form": form, "note": return_note(report)}
    return render(
        request,
        "reports/drafts/revise.html",
        context,
        status=400 if request.method == "POST" else 200,
    )
