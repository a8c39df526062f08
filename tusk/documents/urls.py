"""The documents app's pages, mounted under reports/ beside the reports app's own."""

from django.urls import include, path

from tusk.documents import views

urlpatterns = [
    path("<int:pk>/export.<str:fmt>", views.report_export, name="report-export"),
    path("", include("tusk.documents.xlsx_urls")),
]
