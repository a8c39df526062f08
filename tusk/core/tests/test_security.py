"""Security that every page relies on: the content security policy, CSRF, login throttling."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_every_page_forbids_inline_script_and_foreign_origins(cambodia) -> None:
    response = Client().get(reverse("party-list"))
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_form_posted_without_its_csrf_token_is_refused(chan) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(chan, backend="django.contrib.auth.backends.ModelBackend")
    response = client.post(reverse("report-upload"), {})
    assert response.status_code == 403


def test_repeated_wrong_passwords_lock_the_login(chan, settings) -> None:
    settings.AXES_FAILURE_LIMIT = 3
    chan.set_password("the right one, long enough")
    chan.save()
    client = Client(REMOTE_ADDR="192.0.2.7")
    for _ in range(3):
        client.post(reverse("login"), {"username": "chan", "password": "wrong"})
    response = client.post(
        reverse("login"), {"username": "chan", "password": "the right one, long enough"}
    )
    assert response.status_code == 429
    assert "Too many failed logins" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_healthz_answers_ok_and_every_response_says_the_server_time(client) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok"
    timing = response["Server-Timing"]
    assert timing.startswith("app;dur=")
    assert float(timing.split("=", 1)[1]) >= 0
