"""Admin for partners, needs and support."""

from __future__ import annotations

from django.contrib import admin
from django.db import models
from simple_history.admin import SimpleHistoryAdmin

from tusk.support.models import Need, Partner, Support


@admin.register(Partner)
class PartnerAdmin(SimpleHistoryAdmin):
    list_display = ["name", "acronym", "kind", "is_demo"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_filter = ["kind", "is_demo"]
    search_fields = ["name", "acronym"]


@admin.register(Need)
class NeedAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "party", "kind", "amount", "currency", "needed_by", "status"]
    list_filter = ["kind", "status", "is_demo"]
    search_fields = ["description", "party__name"]
    raw_id_fields = ["party", "action"]


@admin.register(Support)
class SupportAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "partner", "party", "stage", "role", "amount", "currency", "date"]
    list_filter = ["stage", "role", "partner", "is_demo"]
    raw_id_fields = ["party", "need", "action"]
