"""The spreadsheet round trip of a draft, mounted under reports/ with the documents app's pages."""

from django.urls import path

from tusk.documents import xlsx_views

urlpatterns = [
    path("<int:pk>/xlsx/", xlsx_views.report_xlsx_upload, name="report-xlsx-upload"),
    path("<int:pk>/xlsx/apply/", xlsx_views.report_xlsx_apply, name="report-xlsx-apply"),
]
