"""The Secretariat's review of reports (mounted under reports/review/)."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
