"""The pages of the reports app (mounted under reports/)."""

from django.urls import path

from tusk.reports import views

urlpatterns = [
    path("<int:pk>/", views.report_detail, name="report-detail"),
]
