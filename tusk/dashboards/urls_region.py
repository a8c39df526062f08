"""The URLs of the region dashboard."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
