"""The URLs of charts served as images, mounted at the root before the core pages."""

from django.urls import path

from tusk.core import chart_views

urlpatterns = [
    path(
        "parties/<str:code>/ratings.svg",
        chart_views.party_ratings_chart,
        name="party-ratings-chart",
    ),
]
