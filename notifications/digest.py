"""The daily email ("digest") for people who chose "One email a day with everything".

The rules:

- Celery beat runs :func:`notifications.tasks.notifications_digest_daily` at 07:30. It walks the
  people with something waiting, ``BATCH_SIZE`` at a time (by id, so memory stays bounded), and
  queues one task per batch.
- Each batch claims its people's waiting notifications with one conditional
  ``UPDATE ... SET digested_at, digest_claim WHERE digested_at IS NULL`` and reads back only the
  rows carrying its own claim, so two runs at once never include an item twice.
- Each person gets ONE email listing their items (the first ``ITEMS_SHOWN``, then "and N more"
  with a link to the site). A person with nothing claimed gets nothing: never an empty email.
- Someone who chose "No emails" (or lost their verified address) after the items were queued gets
  nothing; the items stay on their "Recent messages" page.
- The emails go into the outbox (``notifications.services.outgoing_email_queue``) in the claim's
  transaction, keyed by claim and person: they are stored with the claim or not at all, and
  each is sent once even if a worker dies part-way.
- A batch makes the same number of queries whatever its size.
"""

from itertools import groupby
from uuid import uuid4

from django.db import transaction
from django.db.models import Count, Exists, F, OuterRef, Value, Window
from django.db.models.functions import Coalesce, RowNumber
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import ngettext

from allauth.account.models import EmailAddress

from notifications.email import email_payload
from notifications.models import Delivery, EmailChoice, Notification
from notifications.services import outgoing_emails_queue
from notifications.tasks import notifications_digest_batch
from training.core.addresses import absolute_url

BATCH_SIZE = 200
ITEMS_SHOWN = 30


def digest_due():
    return Notification.objects.filter(delivery=Delivery.DIGEST, digested_at__isnull=True)


def digest_recipient_ids(*, after: int = 0, limit: int = BATCH_SIZE) -> list[int]:
    """The next ``limit`` people (by id, after ``after``) with something waiting."""
    return list(
        digest_due()
        .filter(recipient_id__gt=after)
        .order_by("recipient_id")
        .values_list("recipient_id", flat=True)
        .distinct()[:limit]
    )


def digests_dispatch(*, batch_size: int = BATCH_SIZE) -> int:
    """Queue one task per batch of people with something waiting. Returns the number of batches."""
    last, batches = 0, 0
    while recipient_ids := digest_recipient_ids(after=last, limit=batch_size):
        notifications_digest_batch.delay(recipient_ids=recipient_ids)
        batches += 1
        last = recipient_ids[-1]
    return batches


def _claimed(*, claim):
    verified = EmailAddress.objects.filter(
        user_id=OuterRef("recipient_id"), email__iexact=OuterRef("recipient__email"), verified=True
    )
    by_person = [F("recipient_id")]
    return (
        Notification.objects.filter(digest_claim=claim)
        .select_related("recipient")
        .annotate(
            position=Window(
                RowNumber(), partition_by=by_person, order_by=[F("created_at").asc(), F("pk").asc()]
            ),
            total=Window(Count("pk"), partition_by=by_person),
            choice=Coalesce(
                F("recipient__notification_preference__email"), Value(EmailChoice.IMMEDIATE)
            ),
            verified=Exists(verified),
        )
        .filter(position__lte=ITEMS_SHOWN)
        .order_by("recipient_id", "created_at", "pk")
    )


def _wants_email(item: Notification) -> bool:
    person = item.recipient
    return item.choice != EmailChoice.NONE and item.verified and person.is_active and person.email


def digest_payload(*, person, items: list[Notification], total: int) -> dict:
    with translation.override(person.preferred_language or None):
        subject = ngettext(
            "Your daily update from Homes on the Net: %(count)d new message",
            "Your daily update from Homes on the Net: %(count)d new messages",
            total,
        ) % {"count": total}
    return email_payload(
        person=person,
        template="digest",
        subject=subject,
        context={
            "items": [(item, absolute_url(item.url)) for item in items],
            "total": total,
            "more": total - len(items),
            "recent_url": absolute_url(reverse("notifications:settings")) + "#recent",
        },
    )


def digest_batch_send(*, recipient_ids: list[int], now=None) -> int:
    """Claim and send the daily email of these people. Returns how many emails were sent."""
    now = now or timezone.now()
    claim = uuid4()
    with transaction.atomic():
        # The claim: only rows still unclaimed are taken, and only ours are read back.
        if (
            not digest_due()
            .filter(recipient_id__in=recipient_ids)
            .update(digested_at=now, digest_claim=claim)
        ):
            return 0
        emails = []
        for recipient_id, rows in groupby(_claimed(claim=claim), key=lambda row: row.recipient_id):
            items = list(rows)
            if not _wants_email(items[0]):
                continue
            person = items[0].recipient
            payload = digest_payload(person=person, items=items, total=items[0].total)
            emails.append((f"digest-{claim}-{recipient_id}", payload, person))
        if emails:
            Notification.objects.filter(
                digest_claim=claim,
                recipient_id__in=[person.pk for _key, _payload, person in emails],
            ).update(emailed_at=now)
            # The claim is new, so are the keys: one query, whatever the batch's size.
            outgoing_emails_queue(emails=emails)
    return len(emails)
