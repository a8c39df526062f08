"""E-mail notifications of the report workflow, sent once the change is committed.

Submitted reports go to the Secretariat; returned, assessed and published ones to the Party's
focal points. The mail backend is Django's (console or file in the demo, SMTP in production).
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import send_mass_mail
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from tusk.accounts.choices import Role
from tusk.accounts.models import User
from tusk.reports.choices import status_phrase
from tusk.reports.models import ProgressReport

log = logging.getLogger(__name__)

SUBJECTS = {
    "submitted": "[Tusk] {party} submitted its progress report for {meeting}",
    "returned": "[Tusk] Your progress report for {meeting} was returned",
    "assessed": "[Tusk] Your progress report for {meeting} was assessed",
    "published": "[Tusk] Your progress report for {meeting} was published",
}


def _recipients(report: ProgressReport, event: str) -> list[str]:
    if event == "submitted":
        users = User.objects.filter(role__in=[Role.SECRETARIAT, Role.ADMIN], is_active=True)
    else:
        users = User.objects.filter(memberships__party=report.party, is_active=True)
    return sorted({u.email for u in users if u.email})


def _body(report: ProgressReport, event: str, reason: str) -> str:
    link = settings.SITE_URL.rstrip("/") + reverse("report-detail", args=[report.pk])
    lines = [
        _("{party}'s progress report for {meeting} (revision {revision}) is now {status}.").format(
            party=report.party,
            meeting=report.meeting,
            revision=report.revision,
            status=status_phrase(report.get_status_display()),
        )
    ]
    if reason:
        lines += ["", _("The Secretariat says:"), reason]
    lines += ["", link]
    return "\n".join(lines)


def notify_report(report: ProgressReport, event: str, *, reason: str = "") -> None:
    """Send the e-mails of a workflow event after the transaction commits (never before)."""

    def send() -> None:
        recipients = _recipients(report, event)
        if not recipients:
            return
        with translation.override(settings.LANGUAGE_CODE):
            subject = SUBJECTS[event].format(party=report.party, meeting=report.meeting)
            message = (subject, _body(report, event, reason), None, recipients)
        try:
            send_mass_mail([message], fail_silently=False)
        except OSError:
            # A mail server down must not undo a submission: the change stands, the log says why.
            log.exception("could not send the %s notification for report %s", event, report.pk)

    transaction.on_commit(send)
