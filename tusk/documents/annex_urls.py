"""The annex table of a meeting: its page and its downloads."""

from django.urls import path

from tusk.documents import annex_views

urlpatterns = [
    path("meetings/<str:code>/annex/", annex_views.meeting_annex, name="meeting-annex"),
    path(
        "meetings/<str:code>/annex.<str:fmt>",
        annex_views.meeting_annex_export,
        name="meeting-annex-export",
    ),
]
