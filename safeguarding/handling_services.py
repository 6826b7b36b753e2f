"""What Safeguarding Officers do to a report: notes, referrals, replies and status changes.

Views call these only after ``safeguarding.permissions.reports_may_handle``. Each write is one
transaction with its access log entry (``access_log_record``), so a change is never unlogged.
"""

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from notifications.services import outgoing_email_queue
from safeguarding.access_log import access_log_record
from safeguarding.models.handling import (
    AccessAction,
    Agency,
    CaseNote,
    Referral,
    ReporterReply,
    StatusChange,
)
from safeguarding.models.reports import ConfidentialReport, ContactPreference, Outcome, Status
from training.core.addresses import absolute_url, site_url

# Where a report may go next. A closed report may be opened again (to "assessed") when new
# information comes in.
NEXT_STATUSES: dict[str, tuple[str, ...]] = {
    Status.RECEIVED: (Status.ASSESSED, Status.CLOSED),
    Status.ASSESSED: (Status.REFERRED, Status.CLOSED),
    Status.REFERRED: (Status.CLOSED,),
    Status.CLOSED: (Status.ASSESSED,),
}


def _touch(report: ConfidentialReport, *fields: str) -> None:
    """Save only these fields (and ``updated_at``): never writes the encrypted text again."""
    report.updated_at = timezone.now()
    report.save(update_fields=[*fields, "updated_at"])


@transaction.atomic
def case_note_add(*, report: ConfidentialReport, by, text: str) -> CaseNote:
    text = text.strip()
    if not text:
        raise ValidationError({"text": _("Write the note.")})
    note = CaseNote.objects.create(report=report, author=by, text=text)
    _touch(report)
    access_log_record(person=by, action=AccessAction.CHANGE, report=report, detail="note added")
    return note


@transaction.atomic
def referral_add(
    *,
    report: ConfidentialReport,
    by,
    agency: str,
    referred_to: str,
    referred_on: date,
    their_reference: str = "",
) -> Referral:
    """Record that the report was passed on. A report still "received" or "assessed" moves to
    "referred" (received goes through assessed: it was looked at before it was passed on)."""
    errors = {}
    if agency not in Agency.values:
        errors["agency"] = _("Choose who it was passed to.")
    if not referred_to.strip():
        errors["referred_to"] = _("Say who it went to: a team, a named officer or a service.")
    if referred_on > timezone.localdate():
        errors["referred_on"] = _("The date cannot be in the future.")
    if errors:
        raise ValidationError(errors)
    referral = Referral.objects.create(
        report=report,
        by=by,
        agency=agency,
        referred_to=referred_to.strip(),
        referred_on=referred_on,
        their_reference=their_reference.strip(),
    )
    access_log_record(
        person=by, action=AccessAction.CHANGE, report=report, detail=f"referral to {agency}"
    )
    if report.status == Status.RECEIVED:
        report_status_change(report=report, by=by, status=Status.ASSESSED)
    if report.status == Status.ASSESSED:
        report_status_change(report=report, by=by, status=Status.REFERRED)
    else:
        _touch(report)
    return referral


@transaction.atomic
def report_status_change(
    *, report: ConfidentialReport, by, status: str, outcome: str = ""
) -> StatusChange:
    """Move ``report`` on (see ``NEXT_STATUSES``). Closing needs an outcome; "referred" needs a
    referral recorded first; opening a closed report again clears its outcome."""
    given, report = report, ConfidentialReport.objects.select_for_update().get(pk=report.pk)
    errors = {}
    if status not in NEXT_STATUSES.get(report.status, ()):
        errors["status"] = _("A report that is “%(now)s” cannot be moved to “%(then)s”.") % {
            "now": Status(report.status).label,
            "then": Status(status).label if status in Status.values else status,
        }
    elif status == Status.CLOSED and outcome not in Outcome.values:
        errors["outcome"] = _("Choose the outcome to close the report.")
    elif status == Status.REFERRED and not report.referrals.exists():
        errors["status"] = _("Record the referral first: who it went to, and when.")
    if errors:
        raise ValidationError(errors)
    change = StatusChange.objects.create(
        report=report,
        from_status=report.status,
        to_status=status,
        outcome=outcome if status == Status.CLOSED else "",
        by=by,
    )
    detail = f"status {report.status} → {status}" + (f" ({outcome})" if change.outcome else "")
    report.status = status
    report.outcome = change.outcome
    report.closed_at = timezone.now() if status == Status.CLOSED else None
    _touch(report, "status", "outcome", "closed_at")
    for name in ("status", "outcome", "closed_at", "updated_at"):  # the caller's copy too
        setattr(given, name, getattr(report, name))
    access_log_record(person=by, action=AccessAction.CHANGE, report=report, detail=detail)
    return change


def _reference_page_url() -> str:
    try:
        return absolute_url(reverse("safeguarding:report_check"))
    except NoReverseMatch:  # the reference page's name, if it changes: the site still helps
        return site_url()


def _reply_email_payload(*, report: ConfidentialReport) -> dict:
    """The email that tells a reporter there is a reply. It never holds the reply, nor what
    they reported: mailboxes are shared and read over shoulders, and the outbox keeps emails
    unencrypted for a few days. The reference is safe to send: alone it opens nothing."""
    context = {"reference": report.reference_display, "url": _reference_page_url()}
    return {
        "subject": _("A reply about the report you made"),
        "body": render_to_string("safeguarding/cases/email/reply.txt", context),
        "from_email": settings.DEFAULT_FROM_EMAIL,
        "to": [report.contact_email],
    }


@transaction.atomic
def reporter_reply_send(*, report: ConfidentialReport, by, text: str) -> ReporterReply:
    """Reply to the reporter: shown at the reference page (and "My reports"); if they asked to
    be contacted by email, an email through the outbox tells them it is there."""
    text = text.strip()
    if not text:
        raise ValidationError({"text": _("Write the reply.")})
    reply = ReporterReply.objects.create(report=report, author=by, text=text)
    emailed = report.contact_preference == ContactPreference.EMAIL and bool(report.contact_email)
    if emailed:
        outgoing_email_queue(
            key=f"safeguarding-reply-{reply.pk}",
            payload=_reply_email_payload(report=report),
        )
        reply.emailed_at = timezone.now()
        reply.save(update_fields=["emailed_at"])
    _touch(report)
    access_log_record(
        person=by,
        action=AccessAction.CHANGE,
        report=report,
        detail="reply sent" + (" (emailed)" if emailed else ""),
    )
    return reply
