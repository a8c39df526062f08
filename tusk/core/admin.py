"""Admin for Parties, regions, meetings and the (read-only) audit trail."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from tusk.core.models import AuditEvent, Meeting, Party, PartyCategory, Region, RegionMembership


class PartyCategoryInline(admin.TabularInline):
    model = PartyCategory
    extra = 0


class RegionMembershipInline(admin.TabularInline):
    model = RegionMembership
    extra = 0
    autocomplete_fields = ["region"]


@admin.register(Party)
class PartyAdmin(SimpleHistoryAdmin):
    list_display = ["display_name", "country", "stage", "trade_role", "in_niap_process", "is_demo"]
    list_filter = ["stage", "trade_role", "in_niap_process", "is_demo"]
    search_fields = ["name", "country"]
    inlines = [PartyCategoryInline, RegionMembershipInline]


@admin.register(PartyCategory)
class PartyCategoryAdmin(SimpleHistoryAdmin):
    list_display = ["party", "cycle", "category", "source"]
    list_filter = ["cycle", "category"]


@admin.register(Region)
class RegionAdmin(SimpleHistoryAdmin):
    list_display = ["code", "name", "is_demo"]
    search_fields = ["code", "name"]


@admin.register(RegionMembership)
class RegionMembershipAdmin(SimpleHistoryAdmin):
    list_display = ["region", "party", "start", "end"]
    list_filter = ["region"]


@admin.register(Meeting)
class MeetingAdmin(SimpleHistoryAdmin):
    list_display = ["code", "start_date", "end_date", "place", "takes_niap_reports", "due_date"]
    list_filter = ["kind", "takes_niap_reports"]


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """The audit trail can be read here but never changed: it is the record of changes."""

    list_display = ["created_at", "actor", "verb", "target_repr", "party", "reason"]
    list_filter = ["verb", "target_type"]
    search_fields = ["target_repr", "reason", "actor__username"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
