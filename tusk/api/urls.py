"""The API's URLs (mounted under api/)."""

from django.urls import include, path
from rest_framework.routers import DefaultRouter

from tusk.core.api.views import PartyViewSet
from tusk.reports.api.views import ReportViewSet

router = DefaultRouter()
router.register("parties", PartyViewSet, basename="api-party")
router.register("reports", ReportViewSet, basename="api-report")

urlpatterns = [path("", include(router.urls))]
