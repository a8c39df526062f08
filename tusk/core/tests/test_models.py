"""Parties, meetings and the audit trail."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError

from tusk.core.meetings import parse_meeting_code
from tusk.core.models import AuditEvent, Meeting
from tusk.core.services import audit_record
from tusk.testing.factories import MeetingFactory, PartyFactory, RegionMembershipFactory

pytestmark = pytest.mark.django_db


def test_a_meetings_reports_are_due_90_days_before_it_by_default() -> None:
    meeting = MeetingFactory.create(number=66, start_date=datetime.date(2016, 1, 11))
    assert meeting.code == "SC66"
    assert meeting.due_date == datetime.date(2015, 10, 13)


def test_a_meeting_can_set_its_own_due_date(settings) -> None:
    meeting = MeetingFactory.create(number=77, start_date=datetime.date(2023, 11, 6))
    settings.TUSK_REPORT_DUE_DAYS = 60
    assert meeting.due_date == datetime.date(2023, 9, 7)
    meeting.report_due = datetime.date(2023, 8, 31)
    assert meeting.due_date == datetime.date(2023, 8, 31)


def test_a_meeting_without_dates_has_no_due_date() -> None:
    assert Meeting(kind="SC", number=99).due_date is None


def test_a_meeting_cannot_end_before_it_starts() -> None:
    meeting = Meeting(
        kind="SC",
        number=80,
        start_date=datetime.date(2026, 2, 3),
        end_date=datetime.date(2026, 2, 1),
    )
    with pytest.raises(ValidationError, match="cannot end before it starts"):
        meeting.full_clean()


def test_it_reads_meeting_codes_as_reports_write_them() -> None:
    assert parse_meeting_code("SC66") == ("SC", 66)
    assert parse_meeting_code(" sc 70 ") == ("SC", 70)
    assert parse_meeting_code("CoP19") == ("CoP", 19)
    assert parse_meeting_code("66th") is None


def test_a_party_is_named_by_iso_unless_it_has_its_own_name() -> None:
    assert str(PartyFactory.create(country="KH")) == "Cambodia"
    assert str(PartyFactory.create(country="VN", name="Viet Nam")) == "Viet Nam"


def test_a_region_membership_cannot_end_before_it_starts() -> None:
    membership = RegionMembershipFactory.create(end=datetime.date(1990, 1, 1))
    with pytest.raises(ValidationError):
        membership.full_clean()


def test_it_records_an_audit_event_with_actor_before_after_and_reason(chan, cambodia) -> None:
    event = audit_record(
        actor=chan,
        verb="party.edit",
        target=cambodia,
        before={"stage": "adequate", "when": datetime.date(2024, 1, 1)},
        after={"stage": "implementing"},
        reason="plan adopted",
    )
    stored = AuditEvent.objects.get(pk=event.pk)
    assert stored.actor == chan and stored.party == cambodia
    assert stored.target_type == ContentType.objects.get_for_model(cambodia)
    assert stored.target_id == str(cambodia.pk) and stored.target_repr == "Cambodia"
    assert stored.before == {"stage": "adequate", "when": "2024-01-01"}
    assert stored.reason == "plan adopted"


def test_an_audit_event_without_a_person_is_the_systems(cambodia) -> None:
    event = audit_record(actor=None, verb="reference.update", target=cambodia)
    assert event.actor is None and event.before is None
