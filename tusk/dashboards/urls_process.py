"""The URLs of the process dashboard."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
