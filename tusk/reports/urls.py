"""The pages of the reports app (mounted under reports/)."""

from django.urls import include, path

from tusk.reports import views

urlpatterns = [
    path("<int:pk>/", views.report_detail, name="report-detail"),
    path("<int:pk>/source/", views.report_source, name="report-source"),
    path("", include("tusk.reports.urls_drafts")),
    path("", include("tusk.reports.urls_history")),
    path("review/", include("tusk.reports.urls_review")),
]
