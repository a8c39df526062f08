"""The Secretariat's overview of a meeting: its page and its files."""

from django.urls import path

from tusk.documents import overview_views

urlpatterns = [
    path("meetings/<str:code>/overview/", overview_views.meeting_overview, name="meeting-overview"),
    path(
        "meetings/<str:code>/overview.<str:fmt>",
        overview_views.meeting_overview_export,
        name="meeting-overview-export",
    ),
]
