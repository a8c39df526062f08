"""Progress reports, the Party's and the Secretariat's ratings per action, and their findings."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from niapdoc.scales import in_scale
from tusk.reports.choices import FindingCode, Rating, ReportStatus, Scale, Severity, SourceKind


def source_upload_path(instance: ProgressReport, filename: str) -> str:
    """Store a source document under its sha256, never under a name a user chose."""
    return f"reports/{instance.source_sha256[:2]}/{instance.source_sha256}"


class ProgressReport(models.Model):
    """One revision of a Party's progress report for a meeting.

    A draft can be edited; once submitted a revision is frozen, and any later change is made
    on a new revision that points to the one before (`reports.services.report_revise`). Only
    one revision per Party and meeting is current.
    """

    party = models.ForeignKey(
        "core.Party", on_delete=models.PROTECT, related_name="reports", verbose_name=_("Party")
    )
    meeting = models.ForeignKey(
        "core.Meeting", on_delete=models.PROTECT, related_name="reports", verbose_name=_("meeting")
    )
    plan = models.ForeignKey(
        "plans.Plan", on_delete=models.PROTECT, related_name="reports", verbose_name=_("plan")
    )
    revision = models.PositiveSmallIntegerField(_("revision"), default=1)
    previous = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="next_revision",
        verbose_name=_("previous revision"),
    )
    is_current = models.BooleanField(_("current revision"), default=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ReportStatus.choices, default=ReportStatus.DRAFT
    )
    scale = models.CharField(_("rating scale"), max_length=10, choices=Scale.choices)
    language = models.CharField(_("language of the report"), max_length=2, default="en")
    period_start = models.CharField(_("period from"), max_length=10, blank=True)
    period_end = models.CharField(_("period to"), max_length=10, blank=True)
    prepared_by = models.CharField(_("prepared by"), max_length=500, blank=True)
    synopsis_overview = models.TextField(_("synopsis: overview"), blank=True)
    synopsis_progress = models.TextField(_("synopsis: progress to date"), blank=True)
    synopsis_outlook = models.TextField(_("synopsis: future outlook"), blank=True)
    source_kind = models.CharField(
        _("source kind"), max_length=10, choices=SourceKind.choices, default=SourceKind.WEB
    )
    source_filename = models.CharField(_("source file name"), max_length=255, blank=True)
    source_sha256 = models.CharField(
        _("sha256 of the file received"), max_length=64, blank=True, db_index=True
    )
    document_sha256 = models.CharField(
        _("sha256 of the original document"),
        max_length=64,
        blank=True,
        db_index=True,
        help_text=_("For interchange JSON, the document it was read from; else the file itself."),
    )
    source_file = models.FileField(
        _("source document"), upload_to=source_upload_path, blank=True, max_length=200
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    lock_version = models.PositiveIntegerField(
        _("edit version"), default=0, help_text=_("Raised on every save of a draft.")
    )
    is_demo = models.BooleanField(_("demo data"), default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["party", "meeting", "-revision"]
        constraints = [
            models.UniqueConstraint(
                fields=["party", "meeting", "revision"], name="one_report_per_revision"
            ),
            models.UniqueConstraint(
                fields=["party", "meeting"],
                condition=models.Q(is_current=True),
                name="one_current_report",
            ),
        ]
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")

    def __str__(self) -> str:
        suffix = f" (rev. {self.revision})" if self.revision > 1 else ""
        return f"{self.party} {self.meeting}{suffix}"

    @property
    def is_frozen(self) -> bool:
        """Whether the report's content can no longer change in place."""
        return self.status != ReportStatus.DRAFT

    @property
    def is_published(self) -> bool:
        """Whether the report and its assessment are public."""
        return self.status == ReportStatus.PUBLISHED


class ActionProgress(models.Model):
    """What a report says of one action: the Party's rating and its progress text."""

    report = models.ForeignKey(
        ProgressReport,
        on_delete=models.CASCADE,
        related_name="progress",
        verbose_name=_("report"),
    )
    action = models.ForeignKey(
        "plans.Action",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="progress",
        verbose_name=_("plan action"),
    )
    code = models.CharField(_("code"), max_length=20)
    pillar = models.CharField(_("pillar number"), max_length=10, blank=True)
    title = models.TextField(_("title as reported"))
    flagged = models.BooleanField(_("flagged"), default=False)
    rating = models.CharField(
        _("rating"), max_length=30, choices=Rating.choices, null=True, blank=True
    )
    rating_part_b = models.CharField(
        _("rating in Part B"), max_length=30, choices=Rating.choices, null=True, blank=True
    )
    rating_part_c = models.CharField(
        _("rating in Part C"), max_length=30, choices=Rating.choices, null=True, blank=True
    )
    progress = models.JSONField(_("progress"), default=list, blank=True)
    order = models.PositiveIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["report", "order"]
        constraints = [
            models.UniqueConstraint(fields=["report", "code"], name="one_progress_per_action")
        ]
        verbose_name = _("action progress")
        verbose_name_plural = _("action progress")

    def __str__(self) -> str:
        return f"{self.report} {self.code}"

    def clean(self) -> None:
        for field in ("rating", "rating_part_b", "rating_part_c"):
            if not in_scale(getattr(self, field), self.report.scale):
                raise ValidationError(
                    {field: _("This rating is not on the report's scale.")}, code="wrong_scale"
                )


class Assessment(models.Model):
    """The Secretariat's rating and comment on one action of a report."""

    progress = models.OneToOneField(
        ActionProgress,
        on_delete=models.CASCADE,
        related_name="assessment",
        verbose_name=_("action progress"),
    )
    rating = models.CharField(
        _("Secretariat's rating"), max_length=30, choices=Rating.choices, null=True, blank=True
    )
    comment = models.TextField(_("Secretariat's comment"), blank=True)
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("assessed by"),
    )
    assessed_at = models.DateTimeField(_("assessed"), auto_now=True)
    is_demo = models.BooleanField(_("demo data"), default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")

    def __str__(self) -> str:
        return f"{self.progress}: {self.rating or '-'}"

    @property
    def differs(self) -> bool:
        """Whether the Secretariat rates the action differently from the Party."""
        return self.rating is not None and self.rating != self.progress.rating

    def clean(self) -> None:
        if not in_scale(self.rating, self.progress.report.scale):
            raise ValidationError(
                {"rating": _("This rating is not on the report's scale.")}, code="wrong_scale"
            )


class Finding(models.Model):
    """A quality finding on a report: what is wrong, where, and how much it matters."""

    report = models.ForeignKey(
        ProgressReport, on_delete=models.CASCADE, related_name="findings", verbose_name=_("report")
    )
    code = models.CharField(_("code"), max_length=40, choices=FindingCode.choices)
    severity = models.CharField(_("severity"), max_length=10, choices=Severity.choices)
    action_code = models.CharField(_("action"), max_length=20, blank=True)
    pillar = models.CharField(_("pillar"), max_length=10, blank=True)
    message = models.TextField(_("message"))
    order = models.PositiveIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["report", "order"]
        verbose_name = _("finding")
        verbose_name_plural = _("findings")

    def __str__(self) -> str:
        return f"{self.severity}: {self.message[:80]}"
