"""The URLs of the process dashboard: the page, its two charts and its tables' downloads."""

from django.urls import path

from tusk.dashboards import views_process

urlpatterns = [
    path("process/", views_process.process_overview, name="process-overview"),
    path(
        "process/ratings.svg",
        views_process.process_ratings_chart,
        name="process-ratings-chart",
    ),
    path(
        "process/compliance.svg",
        views_process.process_compliance_chart,
        name="process-compliance-chart",
    ),
    path(
        "process/<slug:table>.<slug:fmt>",
        views_process.process_table,
        name="process-table",
    ),
]
