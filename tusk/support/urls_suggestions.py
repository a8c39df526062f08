"""The URLs of the suggestions pages."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
