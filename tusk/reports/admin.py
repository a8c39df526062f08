"""Admin for progress reports. Frozen reports are read-only here too: nothing is overwritten."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from tusk.reports.models import ActionProgress, Assessment, Finding, ProgressReport


class FindingInline(admin.TabularInline):
    model = Finding
    extra = 0
    can_delete = False
    readonly_fields = ["code", "severity", "action_code", "pillar", "message"]

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(ProgressReport)
class ProgressReportAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "party", "meeting", "revision", "status", "scale", "is_current"]
    list_filter = ["status", "scale", "meeting", "is_demo"]
    search_fields = ["party__name", "party__country", "source_sha256"]
    raw_id_fields = ["party", "meeting", "plan", "previous", "created_by"]
    inlines = [FindingInline]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        # A submitted revision is frozen: the workflow pages move it, no form rewrites it.
        if obj is not None and obj.is_frozen:
            return [f.name for f in obj._meta.fields]
        return ["status", "submitted_at", "published_at", "lock_version", "revision"]

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return obj is None or not obj.is_frozen


@admin.register(ActionProgress)
class ActionProgressAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "code", "rating", "rating_part_b", "rating_part_c"]
    list_filter = ["rating"]
    raw_id_fields = ["report", "action"]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        if obj is not None and obj.report.is_frozen:
            return [f.name for f in obj._meta.fields]
        return []


@admin.register(Assessment)
class AssessmentAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "rating", "assessed_by", "assessed_at"]
    list_filter = ["rating"]
    raw_id_fields = ["progress", "assessed_by"]


@admin.register(Finding)
class FindingAdmin(SimpleHistoryAdmin):
    """Findings follow a report's content; they are read here, never written by hand."""

    list_display = ["report", "severity", "code", "action_code", "message"]
    list_filter = ["severity", "code"]
    raw_id_fields = ["report"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
