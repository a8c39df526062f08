"""The Secretariat's review of reports (mounted under reports/review/)."""

from django.urls import URLPattern, path

from tusk.reports.views import review

urlpatterns: list[URLPattern] = [
    path("", review.review_home, name="review-home"),
    path("import/", review.review_import, name="review-import"),
    path("report/<int:pk>/", review.review_report, name="review-report"),
    path("report/<int:pk>/<slug:move>/", review.review_move, name="review-move"),
    path("<str:code>/", review.review_queue, name="review-queue"),
]
