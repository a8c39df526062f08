"""Writes of a Party's drafts from the browser: uploads held for preview, saves, needs, submits.

Each write goes through the reports' own services (`report_update_draft`, `progress_update`,
`report_submit`, `findings_replace`) and the import (`report_import`), so that the locking,
the freezing and the audit trail are the same whether a report comes from a file, a command
or the edit page. What this module adds is the draft as a whole: one save of the edit page is
one transaction, with one check of the version the user opened.
"""

from __future__ import annotations

import datetime
import decimal
import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from niapdoc import model as doc
from tusk.core.errors import Frozen, StaleEdit, WorkflowError
from tusk.documents.services import ImportResult, report_import
from tusk.plans.models import Pillar
from tusk.reports import services
from tusk.reports.models import ActionProgress, ProgressReport
from tusk.support.services import need_create

# Uploads wait here, under their sha256, between the upload and the "Store" button; MEDIA_URL
# is never routed, so they are never served.
UPLOAD_DIR = "uploads"
UPLOAD_MAX_AGE = datetime.timedelta(days=1)


def _upload_name(sha256: str) -> str:
    if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
        raise ValueError("not a sha256")
    return f"{UPLOAD_DIR}/{sha256}"


def upload_hold(*, raw: bytes) -> str:
    """Keep an uploaded file until its preview is confirmed; return its sha256.

    Nothing reaches the database here. Files are named by their content, so sending the same
    file twice keeps one copy; holds older than a day are cleared on the way.
    """
    sha256 = hashlib.sha256(raw).hexdigest()
    name = _upload_name(sha256)
    if not default_storage.exists(name):
        default_storage.save(name, ContentFile(raw))
    _clear_old_holds(keep=name)
    return sha256


def upload_read(*, sha256: str) -> bytes | None:
    """The bytes held under `sha256`, or None if there are none (cleared or never sent)."""
    try:
        name = _upload_name(sha256)
    except ValueError:
        return None
    if not default_storage.exists(name):
        return None
    with default_storage.open(name, "rb") as held:
        data: bytes = held.read()
    return data


def upload_release(*, sha256: str) -> None:
    """Forget a held upload, once stored or abandoned."""
    name = _upload_name(sha256)
    if default_storage.exists(name):
        default_storage.delete(name)


def _clear_old_holds(*, keep: str) -> None:
    try:
        _, names = default_storage.listdir(UPLOAD_DIR)
    except FileNotFoundError:
        return
    too_old = timezone.now() - UPLOAD_MAX_AGE
    for name in names:
        path = f"{UPLOAD_DIR}/{name}"
        if path != keep and default_storage.get_modified_time(path) < too_old:
            default_storage.delete(path)


@transaction.atomic
def report_store_upload(*, raw: bytes, filename: str, actor: Any) -> ImportResult:
    """Store an uploaded file as its Party's current draft, through the import.

    The draft's edit version moves too, so that anyone who had the draft open before the
    import cannot save their old page over the file's content.
    """
    result = report_import(raw=raw, filename=filename, actor=actor)
    ProgressReport.objects.filter(pk=result.report.pk).update(lock_version=F("lock_version") + 1)
    result.report.refresh_from_db(fields=["lock_version"])
    return result


def report_as_document(
    report: ProgressReport, progress: Iterable[ActionProgress], pillars: Sequence[Pillar] = ()
) -> doc.ProgressReport:
    """A stored report in niapdoc's terms, so that its content can be checked like a file's."""
    return doc.ProgressReport(
        source=doc.Source(
            filename=report.source_filename,
            sha256=report.document_sha256 or report.source_sha256,
            kind=report.source_kind,
        ),
        language=report.language,
        party=str(report.party),
        party_code=report.party.code,
        meeting=report.meeting.code,
        period_start=report.period_start or None,
        period_end=report.period_end or None,
        prepared_by=report.prepared_by or None,
        scale=report.scale,
        synopsis=doc.Synopsis(
            overview=report.synopsis_overview,
            progress=report.synopsis_progress,
            outlook=report.synopsis_outlook,
        ),
        pillars=[doc.Pillar(number=p.number, name=p.name or None) for p in pillars],
        actions=[
            doc.Action(
                code=p.code,
                pillar=p.pillar or None,
                title=p.title,
                flagged=p.flagged,
                rating=p.rating,
                rating_part_b=p.rating_part_b,
                rating_part_c=p.rating_part_c,
                progress=list(p.progress),
            )
            for p in progress
        ],
    )


def findings_recompute(*, report: ProgressReport) -> list[doc.Finding]:
    """Check a draft's content again and store what the checks find in place of its findings.

    Only what the content shows is checked: the document's layout findings (placeholders,
    Parts B and C disagreeing) were dealt with by the edit that led here.
    """
    from niapdoc.content_checks import check_content

    progress = list(report.progress.order_by("order", "id"))
    pillars = list(Pillar.objects.filter(plan_id=report.plan_id).order_by("order", "number"))
    findings = check_content(report_as_document(report, progress, pillars))
    services.findings_replace(report=report, findings=findings)
    return findings


@dataclass(frozen=True)
class NeedInput:
    """A need the edit page adds to one action."""

    kind: str
    description: str
    amount: decimal.Decimal | None = None
    currency: str = ""


@dataclass
class ActionInput:
    """What the edit page says of one action of the draft."""

    progress: ActionProgress
    rating: str | None
    items: list[str]
    need: NeedInput | None = None

    def changes(self) -> dict[str, Any]:
        """The fields of the action that this input changes.

        The page shows one rating per action, so saving it settles Parts B and C as well.
        """
        found: dict[str, Any] = {}
        for name in ("rating", "rating_part_b", "rating_part_c"):
            if getattr(self.progress, name) != self.rating:
                found[name] = self.rating
        if progress_lines(self.progress.progress) != self.items:
            found["progress"] = self.items
        return found


def progress_lines(items: Iterable[str]) -> list[str]:
    """Progress items as the edit page shows them: one a line, blank lines dropped."""
    return [line.strip() for item in items for line in item.splitlines() if line.strip()]


@dataclass
class DraftSaved:
    """What a save of the edit page changed."""

    report: ProgressReport
    header_changed: list[str] = field(default_factory=list)
    actions_changed: list[str] = field(default_factory=list)
    needs_added: int = 0
    findings: list[doc.Finding] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        """Whether anything at all was written."""
        return bool(self.header_changed or self.actions_changed or self.needs_added)


@transaction.atomic
def draft_save(
    *,
    report: ProgressReport,
    actor: Any,
    header: Mapping[str, str],
    actions: Sequence[ActionInput],
    expected_version: int,
    expected_source: str | None = None,
    reason: str = "",
) -> DraftSaved:
    """Save the edit page: header, synopsis, every action's rating and progress, new needs.

    Refused as a whole, with nothing written, if someone saved the draft since `expected_version`
    (StaleEdit) or it was submitted meanwhile (Frozen). `expected_source` is the sha256 of the
    file the draft was read from when the user opened it: an import from the command line
    replaces the content without moving the version, but always with another file. After a
    revision has been submitted once, changing a rating needs a reason, which goes into the
    history of that action. Then the findings are checked again from the saved content.
    """
    locked = ProgressReport.objects.select_for_update().select_related("party", "meeting")
    current = locked.get(pk=report.pk)
    if current.is_frozen:
        raise Frozen(
            _(
                "This report was submitted and can no longer be changed; your changes were not "
                "saved. Make a new revision to change it."
            )
        )
    if current.lock_version != expected_version:
        raise StaleEdit(
            _(
                "Someone else saved this report since you opened it; your changes were not "
                "saved. Reload the page to see their version, then make your changes again."
            )
        )
    # The rows as they are now: a file imported meanwhile replaces them all.
    rows = {p.pk: p for p in ActionProgress.objects.filter(report=current).select_related("action")}
    replaced = expected_source is not None and expected_source != current.source_sha256
    if replaced or any(item.progress.pk not in rows for item in actions):
        raise StaleEdit(
            _(
                "The actions of this report were replaced since you opened it; your changes were "
                "not saved. Reload the page to see the new version, then make your changes again."
            )
        )
    saved = DraftSaved(report=current)
    header_changes = {
        name: value for name, value in header.items() if getattr(current, name) != value
    }
    # The first write claims the version the user opened; the row stays locked after it.
    version: int | None = expected_version
    if header_changes:
        current = services.report_update_draft(
            report=current,
            actor=actor,
            changes=header_changes,
            expected_version=version,
            reason=reason,
        )
        saved.header_changed = list(header_changes)
        version = None
    for item in actions:
        item.progress = rows[item.progress.pk]
        changes = item.changes()
        if changes:
            if "rating" in changes and current.revision > 1 and not reason.strip():
                raise WorkflowError(
                    _(
                        "This report was submitted before: say why the rating of action {code} "
                        "changes."
                    ).format(code=item.progress.code)
                )
            services.progress_update(
                progress=item.progress,
                actor=actor,
                changes=changes,
                expected_version=version,
                reason=reason if "rating" in changes else "",
            )
            version = None
            saved.actions_changed.append(item.progress.code)
        if item.need is not None:
            need_create(
                actor=actor,
                party=current.party,
                action=item.progress.action,
                kind=item.need.kind,
                description=item.need.description,
                amount=item.need.amount,
                currency=item.need.currency,
            )
            saved.needs_added += 1
    current.refresh_from_db()
    saved.report = current
    saved.findings = findings_recompute(report=current)
    return saved


@transaction.atomic
def draft_submit(*, report: ProgressReport, actor: Any, expected_version: int) -> ProgressReport:
    """Submit a draft as the user last saw it: refused if it was saved again since then."""
    current = ProgressReport.objects.select_for_update().get(pk=report.pk)
    if not current.is_frozen and current.lock_version != expected_version:
        raise StaleEdit(
            _(
                "Someone saved this draft since you opened this page, so it was not submitted: "
                "look at it again, then submit it."
            )
        )
    return services.report_submit(report=current, actor=actor)
