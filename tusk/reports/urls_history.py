"""A report's history and comparisons (mounted under reports/)."""

from django.urls import path

from tusk.reports.views import history

urlpatterns = [
    path("<int:pk>/history/", history.report_history, name="report-history"),
    path("<int:pk>/compare/<int:other>/", history.report_compare, name="report-compare"),
]
