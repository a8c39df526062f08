"""The URLs of the partners pages."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
