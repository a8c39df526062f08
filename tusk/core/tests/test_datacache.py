"""The data version changes with every change of domain data, and cached reads follow it."""

from __future__ import annotations

import pytest

from tusk.core.datacache import cached, data_version, scope_of
from tusk.core.services import audit_record
from tusk.testing import factories as f

pytestmark = pytest.mark.django_db


def test_the_version_changes_when_a_record_is_saved_changed_or_deleted(cambodia) -> None:
    first = data_version()
    assert data_version() == first
    need = f.NeedFactory.create(party=cambodia)
    second = data_version()
    assert second != first
    need.description = "Changed"
    need.save()
    third = data_version()
    assert third != second
    need.delete()
    assert data_version() not in {first, second, third}


def test_the_version_changes_with_an_audit_event_alone(cambodia) -> None:
    before = data_version()
    audit_record(actor=None, verb="test.touch", target=cambodia)
    assert data_version() != before


def test_a_cached_value_is_computed_once_per_version(cambodia, django_assert_num_queries) -> None:
    calls: list[int] = []

    def compute() -> int:
        calls.append(1)
        return len(calls)

    assert cached("t", ("a",), compute) == 1
    with django_assert_num_queries(1):  # the version only
        assert cached("t", ("a",), compute) == 1
    assert cached("t", ("b",), compute) == 2  # other parts, another value
    f.NeedFactory.create(party=cambodia)
    assert cached("t", ("a",), compute) == 3  # the data changed
    assert calls == [1, 1, 1]


def test_users_who_see_the_same_data_share_a_scope(personas) -> None:
    assert scope_of(None) == "public"
    assert scope_of(personas["partner"]) == "public"
    assert scope_of(personas["secretariat"]) == scope_of(personas["admin"]) == "all"
    assert scope_of(personas["chan"]) != scope_of(personas["gaelle"])
    assert scope_of(personas["chan"]).startswith("fp:")
