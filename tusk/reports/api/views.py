"""Progress reports in the API: what the selectors let the user see, nothing more.

Assessments are included only where `assessments_visible` allows, so an unpublished
assessment never leaves the Secretariat through the API.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, QuerySet
from rest_framework import serializers, viewsets

from tusk.reports.models import ActionProgress, ProgressReport
from tusk.reports.selectors import assessments_visible, report_list_for_user


class ReportSerializer(serializers.ModelSerializer[ProgressReport]):
    """A report with its ratings per action, and the Secretariat's where the user may see them."""

    party = serializers.CharField(source="party.code")
    meeting = serializers.CharField(source="meeting.code")
    actions = serializers.SerializerMethodField()

    class Meta:
        model = ProgressReport
        fields = [
            "id", "party", "meeting", "revision", "status", "scale", "language", "period_start",
            "period_end", "prepared_by", "submitted_at", "published_at", "actions",
        ]  # fmt: skip

    def get_actions(self, report: ProgressReport) -> list[dict[str, Any]]:
        show = assessments_visible(user=self.context["request"].user, report=report)
        rows = []
        for progress in report.progress.all():
            row: dict[str, Any] = {
                "code": progress.code,
                "pillar": progress.pillar,
                "title": progress.title,
                "rating": progress.rating,
                "progress": progress.progress,
            }
            if show:
                assessment = getattr(progress, "assessment", None)
                row["secretariat_rating"] = assessment.rating if assessment else None
                row["secretariat_comment"] = assessment.comment if assessment else ""
            rows.append(row)
        return rows


class ReportViewSet(viewsets.ReadOnlyModelViewSet[ProgressReport]):
    """Reports the user may see, newest meeting first; filter with ?party=KH&meeting=SC66."""

    serializer_class = ReportSerializer

    def get_queryset(self) -> QuerySet[ProgressReport]:
        reports = report_list_for_user(user=self.request.user).prefetch_related(
            Prefetch(
                "progress",
                queryset=ActionProgress.objects.select_related("assessment").order_by("order"),
            )
        )
        party = self.request.query_params.get("party")
        if party:
            reports = reports.filter(party__country=party.upper())
        meeting = self.request.query_params.get("meeting")
        if meeting:
            from tusk.core.meetings import parse_meeting_code

            parsed = parse_meeting_code(meeting)
            reports = (
                reports.filter(meeting__kind=parsed[0], meeting__number=parsed[1])
                if parsed
                else reports.none()
            )
        return reports.order_by("-meeting__start_date", "party__country", "-revision")
