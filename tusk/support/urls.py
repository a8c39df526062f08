"""The pages of the support app: the needs dashboard and its CSV."""

from django.urls import path

from tusk.support import views

urlpatterns = [
    path("needs/", views.needs_dashboard, name="needs-dashboard"),
    path("needs.csv", views.needs_dashboard_csv, name="needs-dashboard-csv"),
]
