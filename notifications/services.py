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
"""

from functools import partial

from django.db import IntegrityError, transaction
from django.utils import timezone

from notifications.email import email_payload
from notifications.models import (
    Delivery,
    EmailChoice,
    Notification,
    NotificationKind,
    NotificationPreference,
)
from notifications.selectors import email_address_usable, email_choice_get
from training.core.addresses import absolute_url
from training.core.tasks import email_send

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


def _delivery(*, recipient, kind: str) -> str:
    if not email_address_usable(person=recipient):
        return Delivery.NONE
    if kind in SERVICE_KINDS:
        return Delivery.IMMEDIATE
    choice = email_choice_get(person=recipient)
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
    subject: str,
    body: str,
    url: str = "",
    dedupe_key: str = "",
) -> Notification | None:
    """Tell one person something. Stores a Notification row (unless a row with the same non-empty
    dedupe_key exists: then returns None and sends nothing), then, by the person's choice:
    immediate -> email enqueued on commit; daily digest -> left for the digest; none -> stored only.
    `url` is a site path like "/community/posts/3/"; emails make it absolute with SITE_URL."""
    kind = NotificationKind(kind)
    delivery = _delivery(recipient=recipient, kind=kind)
    now = timezone.now()
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
    try:
        # The unique constraint decides, so two workers at once cannot both send. A savepoint:
        # a refused insert leaves the caller's transaction usable.
        with transaction.atomic():
            notification.save(force_insert=True)
    except IntegrityError:
        # The unique dedupe key: this was sent before (or is being sent by another worker).
        if dedupe_key and Notification.objects.filter(dedupe_key=dedupe_key).exists():
            return None
        raise
    if delivery == Delivery.IMMEDIATE:
        payload = notification_email_payload(notification=notification)
        transaction.on_commit(partial(email_send.delay, **payload))
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
