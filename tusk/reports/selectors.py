"""Every read of reports, scoped to the user who asks (design.md, Roles).

| who | sees |
|---|---|
| anonymous, reader, partner | published reports and their assessments |
| focal point | the above, plus every revision of its own Parties' reports |
| Secretariat, admin | everything |
"""

from __future__ import annotations

from typing import Any, Literal

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from tusk.accounts.access import focal_party_ids, is_secretariat
from tusk.reports.choices import ReportStatus
from tusk.reports.models import ProgressReport

ReportAction = Literal["view", "edit", "submit", "assess"]


def report_list_for_user(*, user: Any) -> QuerySet[ProgressReport]:
    """The reports `user` may see, all revisions, with Party and meeting joined."""
    reports = ProgressReport.objects.select_related("party", "meeting")
    if is_secretariat(user):
        return reports
    visible = Q(status=ReportStatus.PUBLISHED)
    parties = focal_party_ids(user)
    if parties:
        visible |= Q(party_id__in=parties)
    return reports.filter(visible)


def report_get_for_user(*, user: Any, pk: int, action: ReportAction = "view") -> ProgressReport:
    """One report if `user` may do `action` on it.

    A report the user may not see is a 404, so that its existence does not leak; one it may see
    but not change is a 403.
    """
    try:
        report = report_list_for_user(user=user).select_related("plan").get(pk=pk)
    except ProgressReport.DoesNotExist:
        raise Http404("No such report.") from None
    if not report_can(user=user, report=report, action=action):
        raise PermissionDenied
    return report


def report_can(*, user: Any, report: ProgressReport, action: ReportAction) -> bool:
    """Whether `user` may do `action` on `report` (seeing it is checked by the list)."""
    if action == "view":
        return (
            is_secretariat(user) or report.is_published or report.party_id in focal_party_ids(user)
        )
    if action in {"edit", "submit"}:
        return report.party_id in focal_party_ids(user) or (
            is_secretariat(user) and getattr(user, "is_admin", False)
        )
    if action == "assess":
        return is_secretariat(user)
    return False


def assessments_visible(*, user: Any, report: ProgressReport) -> bool:
    """Whether `user` may read the Secretariat's assessment of `report`.

    Everyone once it is published; before that the Secretariat, and the Party's own focal
    points when the report was returned to them, since the comments say what to fix.
    """
    if is_secretariat(user) or report.is_published:
        return True
    return report.status == ReportStatus.RETURNED and report.party_id in focal_party_ids(user)


def current_reports(qs: QuerySet[ProgressReport]) -> QuerySet[ProgressReport]:
    """Keep only the current revision of each Party's report for each meeting."""
    return qs.filter(is_current=True)
