"""A Party's drafts: upload, preview, edit, submit (mounted under reports/)."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
