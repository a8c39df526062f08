"""The URLs of the suggestions pages: the needs suggested from a report, and the decisions."""

from django.urls import URLPattern, path

from tusk.support import views_suggestions as views

urlpatterns: list[URLPattern] = [
    path(
        "reports/<int:pk>/needs/",
        views.report_need_suggestions,
        name="report-need-suggestions",
    ),
    path(
        "reports/<int:pk>/needs/<int:suggestion>/confirm/",
        views.need_suggestion_confirm,
        name="need-suggestion-confirm",
    ),
    path(
        "reports/<int:pk>/needs/<int:suggestion>/discard/",
        views.need_suggestion_discard,
        name="need-suggestion-discard",
    ),
]
