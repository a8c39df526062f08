"""The URLs of the country dashboard: the Secretariat's ratings chart of a Party, and its
report card as a page and as a PDF."""

from django.urls import URLPattern, path

from tusk.dashboards import views_country

urlpatterns: list[URLPattern] = [
    path(
        "parties/<str:code>/secretariat-ratings.svg",
        views_country.party_secretariat_ratings_chart,
        name="party-secretariat-ratings-chart",
    ),
    path("parties/<str:code>/card/", views_country.party_card, name="party-card"),
    path("parties/<str:code>/card.pdf", views_country.party_card_pdf, name="party-card-pdf"),
]
