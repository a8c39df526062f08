"""The URLs of the country dashboard."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
