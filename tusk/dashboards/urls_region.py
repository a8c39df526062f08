"""The URLs of the region dashboard: the regions, each region's road map, its charts and its
indicators table as a file."""

from django.urls import path

from tusk.dashboards import views_region

urlpatterns = [
    path("regions/", views_region.region_list, name="region-list"),
    path("regions/<slug:code>/", views_region.region_roadmap, name="region-roadmap"),
    path(
        "regions/<slug:code>/indicators.<str:fmt>",
        views_region.region_indicators_export,
        name="region-indicators-export",
    ),
    path(
        "regions/<slug:code>/indicators/<str:owner>.svg",
        views_region.region_indicators_chart,
        name="region-indicators-chart",
    ),
    path(
        "regions/<slug:code>/ratings/<str:who>.svg",
        views_region.region_ratings_chart,
        name="region-ratings-chart",
    ),
]
