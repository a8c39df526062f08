"""Parties in the API: public reference data."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from rest_framework import serializers, viewsets

from tusk.core.models import Party
from tusk.core.selectors import party_list_for_user


class PartySerializer(serializers.ModelSerializer[Party]):
    """A Party with its ISO code, name, stage and category history."""

    code = serializers.CharField(read_only=True)
    name = serializers.CharField(source="display_name", read_only=True)
    categories = serializers.SerializerMethodField()

    class Meta:
        model = Party
        fields = ["code", "name", "stage", "trade_role", "categories"]

    def get_categories(self, party: Party) -> list[dict[str, str]]:
        return [
            {"cycle": c.cycle, "category": c.category, "source": c.source}
            for c in party.categories.all()
        ]


class PartyViewSet(viewsets.ReadOnlyModelViewSet[Party]):
    """The Parties in the NIAP process, by ISO code."""

    serializer_class = PartySerializer
    lookup_field = "country"
    lookup_value_regex = "[A-Za-z]{2}"

    def get_queryset(self) -> QuerySet[Party]:
        return party_list_for_user(user=self.request.user).order_by("country")

    def get_object(self) -> Any:
        self.kwargs["country"] = self.kwargs["country"].upper()
        return super().get_object()
