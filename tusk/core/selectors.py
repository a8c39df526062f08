"""Reads of Parties and meetings. Both are public reference data; edits are checked here too."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from tusk.accounts.access import focal_party_ids, is_secretariat
from tusk.core.models import Meeting, Party


def party_list_for_user(*, user: Any) -> QuerySet[Party]:
    """The Parties in the NIAP process (everyone may see them), with their categories."""
    return Party.objects.filter(in_niap_process=True).prefetch_related("categories")


def party_get_for_user(*, user: Any, code: str) -> Party:
    """A Party by ISO code, or 404."""
    try:
        return Party.objects.get(country=code.upper())
    except Party.DoesNotExist:
        raise Http404("No such Party.") from None


def party_can_edit(*, user: Any, party: Party) -> bool:
    """Whether `user` may change the Party's plan, drafts and needs."""
    return party.pk in focal_party_ids(user) or (is_secretariat(user) and user.is_admin)


def meeting_get_by_code(code: str) -> Meeting:
    """A meeting by its short name (SC66, CoP19), or 404."""
    from tusk.core.meetings import parse_meeting_code

    parsed = parse_meeting_code(code)
    if parsed is None:
        raise Http404("No such meeting.")
    try:
        return Meeting.objects.get(kind=parsed[0], number=parsed[1])
    except Meeting.DoesNotExist:
        raise Http404("No such meeting.") from None
