"""Every URL of Tusk for every role: the expected status, and no data the role may not see.

The matrix must name every URL pattern of the project: adding a URL without deciding who may
open it fails `test_the_matrix_covers_every_url`.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tusk.reports.services import assessment_rate
from tusk.testing.access import (
    DRAFT_READERS,
    EVERYONE,
    FOCAL_EDIT,
    LOGIN,
    PERSONAS,
    SECRETARIAT_ONLY,
    Entry,
    World,
    Writer,
    statuses,
)
from tusk.testing.clients import client_for
from tusk.testing.factories import MeetingFactory, report_with_actions

pytestmark = pytest.mark.django_db

CSS_BYTES = (Path(__file__).resolve().parents[3] / "static" / "tusk" / "tusk.css").stat().st_size

# Text that only some personas may ever receive, in any response.
SECRETS = {
    "KH-DRAFT-SECRET": {"chan", "secretariat", "admin"},
    "GA-DRAFT-SECRET": {"gaelle", "secretariat", "admin"},
    "UNPUBLISHED-ASSESSMENT-SECRET": {"secretariat", "admin"},
}

# url name -> (how to build the URL from the world, expected GET status per persona)
MATRIX: dict[str, Entry] = {
    "home": (lambda w: reverse("home"), EVERYONE),
    "healthz": (lambda w: reverse("healthz"), EVERYONE),
    "party-list": (lambda w: reverse("party-list"), EVERYONE),
    "party-detail": (lambda w: reverse("party-detail", args=["kh"]), EVERYONE),
    "party-ratings-chart": (lambda w: reverse("party-ratings-chart", args=["KH"]), EVERYONE),
    "login": (lambda w: reverse("login"), statuses(200, 302, 302, 302, 302, 302)),
    "logout": (lambda w: reverse("logout"), statuses(405, 405, 405, 405, 405, 405)),
    "api-root": (lambda w: reverse("api-root"), EVERYONE),
    "api-party-list": (lambda w: reverse("api-party-list"), EVERYONE),
    "api-party-detail": (lambda w: reverse("api-party-detail", args=["KH"]), EVERYONE),
    "api-report-list": (lambda w: reverse("api-report-list"), EVERYONE),
    "api-report-detail": (
        lambda w: reverse("api-report-detail", args=[w.kh_draft.pk]),
        DRAFT_READERS,
    ),
    "report-detail": (lambda w: reverse("report-detail", args=[w.kh_draft.pk]), DRAFT_READERS),
    "report-source": (lambda w: reverse("report-source", args=[w.kh_draft.pk]), DRAFT_READERS),
    "report-history": (lambda w: reverse("report-history", args=[w.kh_draft.pk]), DRAFT_READERS),
    "report-compare": (
        lambda w: reverse("report-compare", args=[w.kh_published.pk, w.kh_draft.pk]),
        DRAFT_READERS,
    ),
    "report-upload": (lambda w: reverse("report-upload"), statuses(LOGIN, 403, 200, 200, 403, 403)),
    "report-upload-preview": (
        lambda w: reverse("report-upload-preview", args=["a" * 64]),
        statuses(LOGIN, 403, 404, 404, 403, 403),
    ),
    "report-edit": (lambda w: reverse("report-edit", args=[w.kh_draft.pk]), FOCAL_EDIT),
    "report-submit": (lambda w: reverse("report-submit", args=[w.kh_draft.pk]), FOCAL_EDIT),
    "report-revise": (lambda w: reverse("report-revise", args=[w.kh_submitted.pk]), FOCAL_EDIT),
    "review-home": (lambda w: reverse("review-home"), SECRETARIAT_ONLY),
    "review-import": (lambda w: reverse("review-import"), SECRETARIAT_ONLY),
    "review-queue": (lambda w: reverse("review-queue", args=["SC77"]), SECRETARIAT_ONLY),
    "review-report": (
        lambda w: reverse("review-report", args=[w.kh_submitted.pk]),
        statuses(LOGIN, 404, 403, 404, 200, 200),
    ),
    "review-move": (
        lambda w: reverse("review-move", args=[w.kh_submitted.pk, "start"]),
        statuses(405, 405, 405, 405, 405, 405),
    ),
    "report-export": (
        lambda w: reverse("report-export", args=[w.kh_draft.pk, "json"]),
        DRAFT_READERS,
    ),
    "report-xlsx-upload": (
        lambda w: reverse("report-xlsx-upload", args=[w.kh_draft.pk]),
        FOCAL_EDIT,
    ),
    "report-xlsx-apply": (
        lambda w: reverse("report-xlsx-apply", args=[w.kh_draft.pk]),
        statuses(LOGIN, 405, 405, 405, 405, 405),
    ),
    "meeting-overview": (lambda w: reverse("meeting-overview", args=["SC77"]), SECRETARIAT_ONLY),
    "meeting-overview-export": (
        lambda w: reverse("meeting-overview-export", args=["SC77", "docx"]),
        SECRETARIAT_ONLY,
    ),
    "needs-dashboard": (lambda w: reverse("needs-dashboard"), EVERYONE),
    "needs-dashboard-csv": (lambda w: reverse("needs-dashboard-csv"), EVERYONE),
    "open-data": (lambda w: reverse("open-data"), EVERYONE),
    "open-data-file": (
        lambda w: reverse("open-data-file", kwargs={"table": "ratings", "fmt": "csv"}),
        EVERYONE,
    ),
    "open-data-zip": (lambda w: reverse("open-data-zip"), EVERYONE),
    "meeting-annex": (
        lambda w: reverse("meeting-annex", args=[w.kh_published.meeting.code]),
        EVERYONE,
    ),
    "meeting-annex-export": (
        lambda w: reverse("meeting-annex-export", args=[w.kh_published.meeting.code, "csv"]),
        EVERYONE,
    ),
}

# Writes: who may POST to them at all. Everyone else is refused and nothing changes.
WRITERS: dict[str, Writer] = {
    "report-edit": (lambda w: reverse("report-edit", args=[w.kh_draft.pk]), {"chan", "admin"}),
    "report-submit": (lambda w: reverse("report-submit", args=[w.kh_draft.pk]), {"chan", "admin"}),
    "report-revise": (
        lambda w: reverse("report-revise", args=[w.kh_submitted.pk]),
        {"chan", "admin"},
    ),
    "report-upload": (lambda w: reverse("report-upload"), {"chan", "gaelle"}),
    "report-xlsx-apply": (
        lambda w: reverse("report-xlsx-apply", args=[w.kh_draft.pk]),
        {"chan", "admin"},
    ),
    "review-import": (lambda w: reverse("review-import"), {"secretariat", "admin"}),
    "meeting-overview": (
        lambda w: reverse("meeting-overview", args=["SC77"]),
        {"secretariat", "admin"},
    ),
    "review-report": (
        lambda w: reverse("review-report", args=[w.kh_submitted.pk]),
        {"secretariat", "admin"},
    ),
    "review-move": (
        lambda w: reverse("review-move", args=[w.kh_submitted.pk, "start"]),
        {"secretariat", "admin"},
    ),
}
NOT_OURS = {"set_language"}  # Django's own view, POST-only, no data


def _extensions() -> list[Any]:
    """The apps' `tests/access_*.py` modules (see tusk/testing/access.py)."""
    root = Path(__file__).resolve().parents[2]
    names = sorted(
        ".".join(path.relative_to(root.parent).with_suffix("").parts)
        for path in root.glob("*/tests/access_*.py")
    )
    return [importlib.import_module(name) for name in names]


EXTENSIONS = _extensions()
for _module in EXTENSIONS:
    for _name in getattr(_module, "MATRIX", {}):
        assert _name not in MATRIX, f"{_name} is in the matrix twice"
    MATRIX.update(getattr(_module, "MATRIX", {}))
    WRITERS.update(getattr(_module, "WRITERS", {}))
    SECRETS.update(getattr(_module, "SECRETS", {}))


def _names(patterns: list[Any]) -> set[str]:
    names: set[str] = set()
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            if getattr(pattern, "app_name", None) == "admin":
                continue
            names |= _names(pattern.url_patterns)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.add(pattern.name)
    return names


def test_the_matrix_covers_every_url() -> None:
    names = _names(get_resolver().url_patterns) - NOT_OURS
    assert sorted(names - MATRIX.keys()) == [], "add these URLs to the access matrix"
    assert sorted(MATRIX.keys() - names) == [], "these matrix entries have no URL any more"


@pytest.fixture
def world(cambodia, gabon, personas) -> World:
    from django.core.files.base import ContentFile

    kh_draft = report_with_actions(
        party=cambodia,
        meeting=MeetingFactory.create(number=78),
        synopsis_overview="KH-DRAFT-SECRET",
    )
    kh_draft.source_filename = "draft.txt"
    kh_draft.source_sha256 = "b" * 64
    kh_draft.source_file.save("b" * 64, ContentFile(b"KH-DRAFT-SECRET document"), save=True)
    kh_submitted = report_with_actions(
        party=cambodia, meeting=MeetingFactory.create(number=77), status="submitted"
    )
    assessment_rate(
        progress=kh_submitted.progress.get(code="1.1"), actor=None, rating="unclear",
        comment="UNPUBLISHED-ASSESSMENT-SECRET",
    )  # fmt: skip
    kh_published = report_with_actions(
        party=cambodia, meeting=MeetingFactory.create(number=74), status="published"
    )
    ga_draft = report_with_actions(
        party=gabon, meeting=MeetingFactory.create(number=78), synopsis_overview="GA-DRAFT-SECRET"
    )
    built = World(kh_draft, kh_submitted, kh_published, ga_draft, personas=personas)
    for module in EXTENSIONS:
        if hasattr(module, "plant"):
            module.plant(built)
    return built


@pytest.mark.parametrize("name", sorted(MATRIX))
def test_every_role_gets_what_it_may_and_nothing_more(name, personas, world) -> None:
    build, expected = MATRIX[name]
    url = build(world)
    failures = []
    for persona in PERSONAS:
        response = client_for(personas[persona]).get(url)
        if response.status_code != expected[persona]:
            failures.append(f"{persona}: {response.status_code}, expected {expected[persona]}")
        if expected[persona] == LOGIN and persona == "anonymous":
            assert "/accounts/login/" in response["Location"]
        body = b"".join(response.streaming_content) if response.streaming else response.content  # type: ignore[attr-defined]
        if response.status_code == 200 and response["Content-Type"].startswith("text/html"):
            # A page and its assets (one style sheet, no script, no image) stay light.
            assert len(body) + CSS_BYTES < 200_000, f"{persona}: {len(body)} bytes"
            assert b"<script" not in body
        for secret, allowed in SECRETS.items():
            if persona not in allowed and secret.encode() in body:
                failures.append(f"{persona} received {secret}")
    assert failures == [], f"{url}: " + "; ".join(failures)


@pytest.mark.parametrize("name", sorted(WRITERS))
def test_no_one_else_can_write(name, personas, world) -> None:
    from tusk.core.models import AuditEvent
    from tusk.reports.models import ProgressReport
    from tusk.support.models import Need, NeedSuggestion, Support

    def state() -> tuple[Any, ...]:
        return (
            AuditEvent.objects.count(),
            list(ProgressReport.objects.values_list("status", "lock_version")),
            list(Need.objects.values_list("pk", "status", "amount")),
            list(Support.objects.values_list("pk", "stage", "amount")),
            list(NeedSuggestion.objects.values_list("pk", "status")),
        )

    build, writers = WRITERS[name]
    url = build(world)
    before = state()
    for persona in PERSONAS:
        if persona in writers:
            continue
        response = client_for(personas[persona]).post(url, {"reason": "x", "confirm": "1"})
        assert response.status_code in {302, 403, 404, 405}, (persona, response.status_code)
        if response.status_code == 302:
            assert "/accounts/login/" in response["Location"], persona
    assert state() == before
