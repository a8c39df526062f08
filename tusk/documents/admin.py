"""Admin for the documents app: the Secretariat's recommendations, with their history."""

from __future__ import annotations

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from tusk.documents.models import Recommendation


@admin.register(Recommendation)
class RecommendationAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "meeting", "party", "updated_by", "updated_at"]
    list_filter = ["meeting"]
    search_fields = ["party__name", "party__country", "text"]
    raw_id_fields = ["meeting", "party", "updated_by"]
    readonly_fields = ["updated_by", "updated_at"]
