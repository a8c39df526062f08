"""The URLs of the partners pages: a need, recording and moving support, the portfolio."""

from django.urls import URLPattern, path

from tusk.support import views_partners as views

urlpatterns: list[URLPattern] = [
    path("needs/<int:pk>/", views.need_detail, name="need-detail"),
    path("needs/<int:pk>/support/new/", views.need_support_new, name="need-support-new"),
    path(
        "parties/<str:code>/actions/<int:action_id>/support/new/",
        views.action_support_new,
        name="action-support-new",
    ),
    path("support/<int:pk>/edit/", views.support_edit, name="support-edit"),
    path("partner/", views.partner_portfolio, name="partner-portfolio"),
    path("partner/support.csv", views.partner_portfolio_csv, name="partner-portfolio-csv"),
]
