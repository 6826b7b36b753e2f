"""Retention: how long messages and emails are kept, and the nightly job that deletes the rest.

- **Messages** (:class:`notifications.models.Notification`) are deleted
  ``NOTIFICATION_RETENTION_DAYS`` (default 365) days after they were sent, whether or not the
  person looked at them. The site does not record reading, and a tenant expects to find a
  recent message, not last year's: each was shown on "Your recent messages" (the newest 20) and,
  unless they chose "No emails", emailed. A message still waiting for the daily email is kept
  until that email has dealt with it. Deleting a message never sends it again: the dedupe keys
  name one event each (a reply, a booking's reminder), and "told once" rules keep their own rows
  (``voice``'s ``ConsultationTold`` and ``ImprovementTold``).
- **Sent emails** of the outbox are deleted ``OUTBOX_KEEP_DAYS`` (7) days after sending by the
  every-minute ``outgoing_emails_flush`` (their keys stop a late duplicate task until then).
- **Emails never sent** (the mail server refused them ``OUTBOX_MAX_ATTEMPTS`` times, or
  kept failing) are deleted ``EMAIL_OUTBOX_UNSENT_KEEP_DAYS`` (default 30) days after they were
  stored: a month is long enough to look at ``last_error`` in the admin, and an email that old
  (tomorrow's event, a reply) would be no use if it went now. One a worker holds is left alone.

Celery beat runs :func:`notifications_retention_delete` every night
(``notifications.tasks.notifications_retention_delete_task``); deleting in batches
(:mod:`training.core.housekeeping`) so the first run on a large table holds no long lock.
"""

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from notifications.models import Delivery, Notification, OutgoingEmail
from training.core.housekeeping import BATCH_SIZE, rows_delete_in_batches

logger = logging.getLogger(__name__)

DEFAULT_RETENTION_DAYS = 365
OUTBOX_UNSENT_KEEP_DAYS = 30


def notification_retention_days() -> int:
    return int(getattr(settings, "NOTIFICATION_RETENTION_DAYS", DEFAULT_RETENTION_DAYS))


def outbox_unsent_keep_days() -> int:
    return int(getattr(settings, "EMAIL_OUTBOX_UNSENT_KEEP_DAYS", OUTBOX_UNSENT_KEEP_DAYS))


@dataclass(frozen=True)
class RetentionResult:
    notifications: int
    unsent_emails: int


def notifications_past_retention(*, now: datetime):
    """The messages sent more than ``notification_retention_days()`` ago, except any still
    waiting for the daily email."""
    cutoff = now - timedelta(days=notification_retention_days())
    return Notification.objects.filter(created_at__lt=cutoff).exclude(
        delivery=Delivery.DIGEST, digested_at__isnull=True
    )


def outgoing_emails_unsent_past_keeping(*, now: datetime):
    """Emails stored more than ``outbox_unsent_keep_days()`` ago and never sent, that no worker
    holds now."""
    cutoff = now - timedelta(days=outbox_unsent_keep_days())
    return OutgoingEmail.objects.filter(sent_at__isnull=True, created_at__lt=cutoff).filter(
        Q(lease_until__isnull=True) | Q(lease_until__lt=now)
    )


def notifications_retention_delete(
    *, now: datetime | None = None, batch_size: int = BATCH_SIZE
) -> RetentionResult:
    """Delete the messages past retention and the emails that were never sent and are past
    keeping. Safe to run twice: a second run finds nothing."""
    now = now or timezone.now()
    result = RetentionResult(
        notifications=rows_delete_in_batches(
            queryset=notifications_past_retention(now=now), batch_size=batch_size
        ),
        unsent_emails=rows_delete_in_batches(
            queryset=outgoing_emails_unsent_past_keeping(now=now), batch_size=batch_size
        ),
    )
    logger.info(
        "Notifications past retention deleted: %d (older than %d days); "
        "emails never sent deleted: %d (older than %d days)",
        result.notifications,
        notification_retention_days(),
        result.unsent_emails,
        outbox_unsent_keep_days(),
    )
    return result
