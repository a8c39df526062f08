"""The pages of the core app, and the login and logout pages (mounted under accounts/)."""

from django.contrib.auth import views as auth_views
from django.urls import path

from tusk.core import views

urlpatterns = [
    path("", views.home, name="home"),
    path("parties/", views.party_list, name="party-list"),
    path("parties/<str:code>/", views.party_detail, name="party-detail"),
]

account_patterns = [
    path(
        "login/",
        auth_views.LoginView.as_view(
            template_name="registration/login.html", redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
]
