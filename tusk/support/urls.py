"""The pages of the support app: the needs dashboard, its downloads and chart, and the rates."""

from django.urls import path

from tusk.support import views

urlpatterns = [
    path("needs/", views.needs_dashboard, name="needs-dashboard"),
    path("needs.csv", views.needs_dashboard_csv, name="needs-dashboard-csv"),
    path(
        "needs/tables/<slug:table>.<slug:fmt>",
        views.needs_dashboard_table,
        name="needs-dashboard-table",
    ),
    path("needs/themes.svg", views.needs_theme_chart, name="needs-theme-chart"),
    path("needs/rates/", views.exchange_rates, name="exchange-rates"),
]
