"""Tusk's URLs: pages under a language-neutral path, the admin, and authentication."""

from django.contrib import admin
from django.urls import include, path

from tusk.core.urls import account_patterns

urlpatterns = [
    path("", include("tusk.core.health")),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/", include(account_patterns)),
    path("api/", include("tusk.api.urls")),
    path("reports/", include("tusk.reports.urls")),
    path("reports/", include("tusk.documents.urls")),
    path("", include("tusk.documents.opendata_urls")),
    path("", include("tusk.documents.annex_urls")),
    path("", include("tusk.core.chart_urls")),
    path("", include("tusk.documents.overview_urls")),
    path("", include("tusk.support.urls")),
    path("", include("tusk.support.urls_partners")),
    path("", include("tusk.support.urls_suggestions")),
    path("", include("tusk.dashboards.urls_process")),
    path("", include("tusk.dashboards.urls_country")),
    path("", include("tusk.dashboards.urls_region")),
    path("", include("tusk.core.urls")),
]
