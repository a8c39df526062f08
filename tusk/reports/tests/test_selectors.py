"""Who sees which report: every role against drafts, frozen and published reports."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from tusk.reports.selectors import assessments_visible, report_get_for_user, report_list_for_user
from tusk.testing.factories import report_with_actions

pytestmark = pytest.mark.django_db

# persona -> may see Cambodia's draft, submitted and published reports
VISIBILITY = {
    "anonymous": (False, False, True),
    "partner": (False, False, True),
    "chan": (True, True, True),
    "gaelle": (False, False, True),
    "secretariat": (True, True, True),
    "admin": (True, True, True),
}


@pytest.mark.parametrize("persona", VISIBILITY)
def test_it_shows_each_role_only_the_reports_it_may_see(persona, personas, cambodia) -> None:
    from django.contrib.auth.models import AnonymousUser

    from tusk.testing.factories import MeetingFactory

    user = personas[persona] or AnonymousUser()
    draft = report_with_actions(party=cambodia, meeting=MeetingFactory(number=77))
    submitted = report_with_actions(
        party=cambodia, meeting=MeetingFactory(number=74), status="submitted"
    )
    published = report_with_actions(
        party=cambodia, meeting=MeetingFactory(number=70), status="published"
    )
    visible = set(report_list_for_user(user=user))
    expected = VISIBILITY[persona]
    assert (draft in visible, submitted in visible, published in visible) == expected
    for report, may in zip((draft, submitted, published), expected, strict=True):
        if may:
            assert report_get_for_user(user=user, pk=report.pk) == report
        else:
            with pytest.raises(Http404):
                report_get_for_user(user=user, pk=report.pk)


@pytest.mark.parametrize(
    ("persona", "may_edit"),
    [
        ("chan", True),
        ("gaelle", False),
        ("secretariat", False),
        ("partner", False),
        ("admin", True),
    ],
)
def test_only_the_partys_focal_point_or_an_admin_may_edit_a_draft(
    persona, may_edit, personas, cambodia
) -> None:
    draft = report_with_actions(party=cambodia)
    user = personas[persona]
    if may_edit:
        assert report_get_for_user(user=user, pk=draft.pk, action="edit") == draft
    elif persona in {"gaelle", "partner"}:
        with pytest.raises(Http404):
            report_get_for_user(user=user, pk=draft.pk, action="edit")
    else:
        with pytest.raises(PermissionDenied):
            report_get_for_user(user=user, pk=draft.pk, action="edit")


@pytest.mark.parametrize(
    ("persona", "may_assess"),
    [("chan", False), ("secretariat", True), ("admin", True)],
)
def test_only_the_secretariat_may_assess(persona, may_assess, personas, cambodia) -> None:
    report = report_with_actions(party=cambodia, status="submitted")
    user = personas[persona]
    if may_assess:
        assert report_get_for_user(user=user, pk=report.pk, action="assess") == report
    else:
        with pytest.raises(PermissionDenied):
            report_get_for_user(user=user, pk=report.pk, action="assess")


def test_assessments_stay_with_the_secretariat_until_published(personas, cambodia) -> None:
    report = report_with_actions(party=cambodia, status="assessed")
    assert assessments_visible(user=personas["secretariat"], report=report)
    assert not assessments_visible(user=personas["chan"], report=report)
    assert not assessments_visible(user=personas["partner"], report=report)
    report.status = "published"
    assert assessments_visible(user=personas["chan"], report=report)


def test_an_inactive_focal_point_sees_nothing_unpublished(personas, cambodia) -> None:
    chan = personas["chan"]
    chan.is_active = False
    chan.save()
    draft = report_with_actions(party=cambodia)
    assert draft not in set(report_list_for_user(user=chan))


def test_a_returned_report_shows_its_assessment_to_its_own_party_only(personas, cambodia) -> None:
    report = report_with_actions(party=cambodia, status="returned")
    assert assessments_visible(user=personas["chan"], report=report)
    assert not assessments_visible(user=personas["gaelle"], report=report)
    assert not assessments_visible(user=personas["partner"], report=report)
