"""Telling people things: store every notification, then email it by the person's choice.

The rules:

- Every notification is stored, so it shows on the person's "Recent messages" page whatever
  they chose.
- A non-empty ``dedupe_key`` is unique (a database constraint): a second send with the same key
  stores and sends nothing, even from two workers at once.
- "Email me straight away" (the default): one email, handed to Celery only after commit.
- "One email a day with everything": left for the daily email (:mod:`notifications.digest`).
- "No emails": stored only.
- ``content_hidden`` (a moderator hid something the person wrote, and why) is a service message
  about their own words: it is emailed straight away whatever they chose. They may want to change
  or question it, and it is rare.
- People are emailed only at a verified address on an active account.

Outgoing emails (the outbox, :class:`notifications.models.OutgoingEmail`): every email these
apps send is stored in the transaction that decides to send it, then handed to Celery on commit.

- Once per key: the key names the email ("notification-12"); a second one is not stored.
- Claimed before sending: a worker takes a lease (a conditional UPDATE, committed), hands the
  email to the mail server, and at once stamps it sent. A task delivered twice finds it sent, or
  leased by a live worker (it then tries again when the lease is over).
- Nothing lost: a worker killed after the claim leaves a lease that runs out; a worker killed
  between the commit and the hand-over to Celery leaves an email nobody queued. Either way
  ``outgoing_emails_flush`` (Celery beat, every minute) hands it on again.
- The one window left: killed after the mail server took the email and before the "sent" stamp
  commits, it is sent again (with the same Message-ID). See docs/reliability.md.
"""

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from functools import partial
from uuid import uuid4

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.db.models.functions import Now
from django.utils import timezone, translation
from django.utils.functional import Promise

from notifications.email import email_payload
from notifications.models import (
    Delivery,
    EmailChoice,
    KindEmailChoice,
    Notification,
    NotificationKind,
    NotificationPreference,
    OutgoingEmail,
)
from notifications.selectors import CHOOSABLE_KINDS, email_address_usable, email_choice_get
from training.core.addresses import absolute_url
from training.core.email import email_deliver

logger = logging.getLogger(__name__)

# Kinds emailed straight away whatever the person chose.
SERVICE_KINDS = frozenset({NotificationKind.CONTENT_HIDDEN})
# Kinds that would be too late in tomorrow morning's email (an event reminder, a place freed up
# on the waiting list): straight away for people who chose the daily email; never for "No emails".
TIME_SENSITIVE_KINDS = frozenset({NotificationKind.EVENT_REMINDER, NotificationKind.EVENT_UPDATE})


def email_choice_set(*, person, choice: str) -> bool:
    """Save ``person``'s choice of emails. Returns False if it was already that.

    Choosing "No emails" also settles anything waiting for their daily email, so it is never sent.
    """
    choice = EmailChoice(choice)
    with transaction.atomic():
        preference, created = NotificationPreference.objects.select_for_update().get_or_create(
            person=person, defaults={"email": choice}
        )
        changed = created and choice != EmailChoice.IMMEDIATE
        if not created and preference.email != choice:
            preference.email = choice
            preference.updated_at = timezone.now()
            preference.save(update_fields=["email", "updated_at"])
            changed = True
        if choice == EmailChoice.NONE:
            Notification.objects.filter(
                recipient=person, delivery=Delivery.DIGEST, digested_at__isnull=True
            ).update(delivery=Delivery.NONE)
    return changed


def kind_email_choices_set(*, person, choices: dict[str, str]) -> None:
    """Save ``person``'s choices for single kinds of message: ``choices`` maps a kind to its
    choice, or to "" for "the same as my choice for all". Kinds left out go back to that too.

    A kind set to "No emails" settles what of that kind waits for the daily email.
    """
    wanted = {
        NotificationKind(kind): EmailChoice(choice) for kind, choice in choices.items() if choice
    }
    not_choosable = set(wanted) - set(CHOOSABLE_KINDS)
    if not_choosable:
        raise ValueError(f"Not a kind people choose for: {sorted(not_choosable)}")
    now = timezone.now()
    with transaction.atomic():
        held = {
            row.kind: row
            for row in KindEmailChoice.objects.select_for_update().filter(person=person)
        }
        KindEmailChoice.objects.filter(
            person=person, kind__in=[kind for kind in held if kind not in wanted]
        ).delete()
        for kind, choice in wanted.items():
            row = held.get(kind)
            if row is None:
                KindEmailChoice.objects.create(
                    person=person, kind=kind, email=choice, updated_at=now
                )
            elif row.email != choice:
                row.email, row.updated_at = choice, now
                row.save(update_fields=["email", "updated_at"])
        stopped = [kind for kind, choice in wanted.items() if choice == EmailChoice.NONE]
        if stopped:
            Notification.objects.filter(
                recipient=person,
                kind__in=stopped,
                delivery=Delivery.DIGEST,
                digested_at__isnull=True,
            ).update(delivery=Delivery.NONE)


def _delivery(*, recipient, kind: str) -> str:
    if not email_address_usable(person=recipient):
        return Delivery.NONE
    if kind in SERVICE_KINDS:
        return Delivery.IMMEDIATE
    choice = email_choice_get(person=recipient, kind=kind)
    if choice == EmailChoice.DAILY and kind in TIME_SENSITIVE_KINDS:
        return Delivery.IMMEDIATE
    deliveries: dict[str, str] = {
        EmailChoice.IMMEDIATE: Delivery.IMMEDIATE,
        EmailChoice.DAILY: Delivery.DIGEST,
        EmailChoice.NONE: Delivery.NONE,
    }
    return deliveries[choice]


def notification_send(
    *,
    recipient,
    kind: str,
    subject: str | Promise,
    body: str | Promise,
    url: str = "",
    dedupe_key: str = "",
) -> Notification | None:
    """Tell one person something. Stores a Notification row (unless a row with the same non-empty
    dedupe_key exists: then returns None and sends nothing), then, by the person's choice:
    immediate -> email enqueued on commit; daily digest -> left for the digest; none -> stored only.
    `url` is a site path like "/community/posts/3/"; emails make it absolute with SITE_URL.
    ``subject`` and ``body`` may be lazy (``gettext_lazy``, or
    :func:`notifications.texts.notice_text` for words with values in them): they are read here,
    in the recipient's language."""
    kind = NotificationKind(kind)
    delivery = _delivery(recipient=recipient, kind=kind)
    now = timezone.now()
    # Lazy texts become words in the recipient's language, not the sender's.
    with translation.override(recipient.preferred_language or None):
        subject, body = str(subject), str(body)
    notification = Notification(
        recipient=recipient,
        kind=kind,
        subject=str(subject)[:200],
        body=str(body),
        url=url,
        dedupe_key=dedupe_key,
        delivery=delivery,
        created_at=now,
        emailed_at=now if delivery == Delivery.IMMEDIATE else None,
    )
    # The notification and its email are stored together, or neither is (no savepoint of its
    # own: inside the caller's transaction it joins it).
    with transaction.atomic(savepoint=False):
        try:
            # The unique constraint decides, so two workers at once cannot both send. A
            # savepoint: a refused insert leaves the caller's transaction usable.
            with transaction.atomic():
                notification.save(force_insert=True)
        except IntegrityError:
            # The unique dedupe key: this was sent before (or is being sent by another worker).
            if dedupe_key and Notification.objects.filter(dedupe_key=dedupe_key).exists():
                return None
            raise
        if delivery == Delivery.IMMEDIATE:
            # The notification is new, so is its key: one INSERT, no savepoint.
            outgoing_emails_queue(
                emails=[
                    (
                        f"notification-{notification.pk}",
                        notification_email_payload(notification=notification),
                        recipient,
                    )
                ]
            )
    return notification


def notification_email_payload(*, notification: Notification) -> dict:
    return email_payload(
        person=notification.recipient,
        template="notification",
        subject=notification.subject,
        context={
            "notification": notification,
            "link": absolute_url(notification.url),
            "always_sent": notification.kind in SERVICE_KINDS,
        },
    )


# --- Outgoing emails (the outbox) --------------------------------------------------------------

# Defaults; the settings of the same names change them (the SIGKILL test makes them short).
# A lease must outlast the send task's hard time limit (notifications.tasks), so that a live
# worker never loses its claim while it is still talking to the mail server.
OUTBOX_LEASE_SECONDS = 300
# An email not sent this long after it was last handed to Celery is handed on again.
OUTBOX_RETRY_AFTER_SECONDS = 15 * 60
# After this many claims an email is left alone (its last_error says why) rather than retried.
OUTBOX_MAX_ATTEMPTS = 12
# Sent emails are kept this long (their keys stop a late duplicate task), then deleted.
OUTBOX_KEEP_DAYS = 7
OUTBOX_FLUSH_LIMIT = 500


def _outbox_setting(name: str, default: int) -> int:
    return int(getattr(settings, name, default))


class SendOutcome(StrEnum):
    SENT = "sent"
    ALREADY_SENT = "already sent"
    # Another worker holds the lease: it is sending now, or it died and its lease will run out.
    BUSY = "busy"
    GONE = "gone"


@dataclass(frozen=True)
class SendResult:
    outcome: SendOutcome
    # For BUSY: seconds until the other worker's lease runs out.
    retry_in: float = 0.0


def _outgoing_email(*, key: str, payload: dict, recipient=None) -> OutgoingEmail:
    return OutgoingEmail(
        key=key,
        recipient=recipient,
        to=list(payload["to"]),
        from_email=payload["from_email"],
        subject=payload["subject"],
        body=payload["body"],
        html=payload.get("html") or "",
        headers=payload.get("headers") or {},
    )


def _hand_to_celery_on_commit(email: OutgoingEmail) -> None:
    from notifications.tasks import outgoing_email_send

    transaction.on_commit(partial(outgoing_email_send.delay, email_id=email.pk))


def outgoing_email_queue(*, key: str, payload: dict, recipient=None) -> OutgoingEmail | None:
    """Store one email to send (``payload``: the keyword arguments of
    ``training.core.email.email_deliver``) in the caller's transaction, and hand it to Celery
    once that commits. An email with the same ``key`` is never stored twice: returns None."""
    email = _outgoing_email(key=key, payload=payload, recipient=recipient)
    try:
        with transaction.atomic():
            email.save(force_insert=True)
    except IntegrityError:
        if OutgoingEmail.objects.filter(key=key).exists():
            return None
        raise
    _hand_to_celery_on_commit(email)
    return email


def outgoing_emails_queue(*, emails: list[tuple[str, dict, object]]) -> list[OutgoingEmail]:
    """Like :func:`outgoing_email_queue` for many emails (``(key, payload, recipient)``) in one
    query. Their keys must be new (e.g. they name a claim just made): a key already stored is
    an error here, not a duplicate to skip."""
    stored = OutgoingEmail.objects.bulk_create(
        [
            _outgoing_email(key=key, payload=payload, recipient=recipient)
            for key, payload, recipient in emails
        ]
    )
    for email in stored:
        _hand_to_celery_on_commit(email)
    return stored


def _lease_claim(*, email_id: int, now: datetime) -> OutgoingEmail | None:
    """Take the lease on an unsent email nobody holds (or whose holder's lease ran out)."""
    token = uuid4()
    lease = timedelta(seconds=_outbox_setting("EMAIL_OUTBOX_LEASE_SECONDS", OUTBOX_LEASE_SECONDS))
    claimed = (
        OutgoingEmail.objects.filter(pk=email_id, sent_at__isnull=True)
        .filter(Q(lease_until__isnull=True) | Q(lease_until__lt=now))
        .update(lease_token=token, lease_until=now + lease, attempts=F("attempts") + 1)
    )
    if not claimed:
        return None
    return OutgoingEmail.objects.filter(pk=email_id, lease_token=token).first()


def outgoing_email_deliver(*, email_id: int) -> SendResult:
    """Send one stored email unless it was sent already or another worker holds it.

    Call it outside a transaction: the claim must commit before the mail server is called.
    """
    now = timezone.now()
    email = _lease_claim(email_id=email_id, now=now)
    if email is None:
        row = OutgoingEmail.objects.filter(pk=email_id).values("sent_at", "lease_until").first()
        if row is None:
            return SendResult(SendOutcome.GONE)
        if row["sent_at"] is not None:
            return SendResult(SendOutcome.ALREADY_SENT)
        lease_until = row["lease_until"] or now
        return SendResult(SendOutcome.BUSY, retry_in=max((lease_until - now).total_seconds(), 0))
    try:
        email_deliver(
            subject=email.subject,
            body=email.body,
            from_email=email.from_email,
            to=email.to,
            html=email.html or None,
            headers={**email.headers, "Message-ID": email.message_id},
        )
    except Exception as error:
        # Give the lease back, so that the retry need not wait for it to run out.
        OutgoingEmail.objects.filter(pk=email.pk, lease_token=email.lease_token).update(
            lease_until=None, last_error=f"{type(error).__name__}: {error}"[:300]
        )
        raise
    # The window: from here until this UPDATE commits, the mail server has the email and the
    # database does not know. Nothing else happens in between. Now() is the database's clock.
    stamped = OutgoingEmail.objects.filter(pk=email.pk, lease_token=email.lease_token).update(
        sent_at=Now(), lease_until=None
    )
    if not stamped:
        # Only if this worker outlived its lease (longer than the task's time limit allows).
        logger.warning("Outgoing email %s was sent after its lease ran out", email.pk)
    return SendResult(SendOutcome.SENT)


def outgoing_emails_flush(*, now: datetime | None = None) -> int:
    """Hand to Celery again every email that has waited too long unsent and that nobody holds;
    forget emails sent more than ``OUTBOX_KEEP_DAYS`` ago. Returns how many were handed on."""
    from notifications.tasks import outgoing_email_send

    now = now or timezone.now()
    retry_after = timedelta(
        seconds=_outbox_setting("EMAIL_OUTBOX_RETRY_AFTER_SECONDS", OUTBOX_RETRY_AFTER_SECONDS)
    )
    with transaction.atomic():
        ids = list(
            OutgoingEmail.objects.filter(
                sent_at__isnull=True,
                queued_at__lte=now - retry_after,
                attempts__lt=OUTBOX_MAX_ATTEMPTS,
            )
            .filter(Q(lease_until__isnull=True) | Q(lease_until__lt=now))
            .order_by("queued_at", "pk")
            .values_list("pk", flat=True)[:OUTBOX_FLUSH_LIMIT]
        )
        OutgoingEmail.objects.filter(pk__in=ids).update(queued_at=now)
        for email_id in ids:
            transaction.on_commit(partial(outgoing_email_send.delay, email_id=email_id))
    keep = timedelta(days=_outbox_setting("EMAIL_OUTBOX_KEEP_DAYS", OUTBOX_KEEP_DAYS))
    OutgoingEmail.objects.filter(sent_at__lt=now - keep).delete()
    return len(ids)
