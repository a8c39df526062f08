"""A Party's drafts: upload, preview, edit, submit (mounted under reports/)."""

from django.urls import URLPattern, path, re_path

from tusk.reports.views import drafts

urlpatterns: list[URLPattern] = [
    path("upload/", drafts.report_upload, name="report-upload"),
    re_path(
        r"^upload/(?P<sha256>[0-9a-f]{64})/$",
        drafts.report_upload_preview,
        name="report-upload-preview",
    ),
    path("<int:pk>/edit/", drafts.report_edit, name="report-edit"),
    path("<int:pk>/submit/", drafts.report_submit, name="report-submit"),
    path("<int:pk>/revise/", drafts.report_revise, name="report-revise"),
]
