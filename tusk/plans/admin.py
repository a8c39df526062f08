"""Admin for plans, their pillars and actions, and road-map indicators."""

from __future__ import annotations

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from tusk.plans.models import Action, Indicator, IndicatorValue, Pillar, Plan


class PillarInline(admin.TabularInline):
    model = Pillar
    extra = 0


@admin.register(Plan)
class PlanAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "party", "version", "status", "adopted", "is_demo"]
    list_filter = ["status", "is_demo"]
    search_fields = ["party__name", "party__country", "title"]
    inlines = [PillarInline]


@admin.register(Pillar)
class PillarAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "plan", "standard"]
    list_filter = ["standard"]
    search_fields = ["name", "plan__party__name"]


@admin.register(Action)
class ActionAdmin(SimpleHistoryAdmin):
    list_display = ["code", "title", "plan", "pillar", "flagged", "lead_agency"]
    list_filter = ["flagged"]
    search_fields = ["code", "title", "plan__party__name"]
    raw_id_fields = ["plan", "pillar", "replaces"]


class IndicatorValueInline(admin.TabularInline):
    model = IndicatorValue
    extra = 0


@admin.register(Indicator)
class IndicatorAdmin(SimpleHistoryAdmin):
    list_display = ["code", "name", "scope", "party", "region", "baseline", "target"]
    list_filter = ["scope", "standard"]
    inlines = [IndicatorValueInline]


@admin.register(IndicatorValue)
class IndicatorValueAdmin(SimpleHistoryAdmin):
    list_display = ["indicator", "date", "value", "source"]
