"""Admin for partners, needs and support."""

from __future__ import annotations

from django.contrib import admin
from django.db import models
from simple_history.admin import SimpleHistoryAdmin

from tusk.support.models import ExchangeRate, Need, NeedSuggestion, NeedTheme, Partner, Support


@admin.register(Partner)
class PartnerAdmin(SimpleHistoryAdmin):
    list_display = ["name", "acronym", "kind", "is_demo"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_filter = ["kind", "is_demo"]
    search_fields = ["name", "acronym"]


class NeedThemeInline(admin.TabularInline):
    model = NeedTheme
    extra = 1


@admin.register(Need)
class NeedAdmin(SimpleHistoryAdmin):
    inlines = [NeedThemeInline]
    list_display = ["__str__", "party", "kind", "amount", "currency", "needed_by", "status"]
    list_filter = ["kind", "status", "is_demo"]
    search_fields = ["description", "party__name"]
    raw_id_fields = ["party", "action", "source_report"]


@admin.register(Support)
class SupportAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "partner", "party", "stage", "role", "amount", "currency", "date"]
    list_filter = ["stage", "role", "partner", "is_demo"]
    raw_id_fields = ["party", "need", "action", "recorded_by"]


@admin.register(NeedSuggestion)
class NeedSuggestionAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "party", "reason", "kind", "status", "decided_at"]
    list_filter = ["reason", "status"]
    raw_id_fields = ["report", "party", "action", "need", "decided_by"]


@admin.register(ExchangeRate)
class ExchangeRateAdmin(SimpleHistoryAdmin):
    list_display = ["currency", "usd_per_unit", "valid_from", "source"]
    list_filter = ["currency"]
