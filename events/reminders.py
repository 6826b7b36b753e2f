"""The day-before reminder: every confirmed guest of an event starting in the next 24 hours.

Exactly once per booking, even when the hourly run overlaps itself or two workers run it at the
same time: each reminder is claimed with a conditional ``UPDATE ... WHERE reminded_at IS NULL``
and only the run whose update changed the row sends it, in the same transaction. The
notification's ``dedupe_key`` is a second guard. Waiting and cancelled bookings get nothing.
"""

from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from events.models import Booking
from notifications.models import NotificationKind
from notifications.services import notification_send

REMIND_WITHIN = timedelta(hours=24)


def bookings_to_remind(*, now: datetime):
    return Booking.objects.filter(
        status=Booking.Status.CONFIRMED,
        reminded_at__isnull=True,
        event__is_published=True,
        event__starts_at__gt=now,
        event__starts_at__lte=now + REMIND_WITHIN,
        guest__is_active=True,
    ).select_related("event", "event__centre", "guest")


def events_remind(*, now: datetime | None = None) -> int:
    """Remind every confirmed guest of tomorrow's events, once. Returns how many were sent."""
    now = now or timezone.now()
    sent = 0
    for booking in bookings_to_remind(now=now):
        with transaction.atomic():
            claimed = Booking.objects.filter(
                pk=booking.pk, status=Booking.Status.CONFIRMED, reminded_at__isnull=True
            ).update(reminded_at=now)
            if not claimed:
                continue
            with override(booking.guest.preferred_language):
                event_reminder_send(booking=booking)
            sent += 1
    return sent


def event_reminder_send(*, booking: Booking) -> None:
    event = booking.event
    notification_send(
        recipient=booking.guest,
        kind=NotificationKind.EVENT_REMINDER,
        subject=_("Reminder: %(title)s, %(when)s")
        % {"title": event.title, "when": event.when_text},
        body=_(
            "This is a reminder that you have a place at %(title)s.\n\n"
            "When: %(when)s\nWhere: %(where)s\n\n"
            "If you cannot come, please cancel on the event page, so someone else can have "
            "your place."
        )
        % {
            "title": event.title,
            "when": event.when_text,
            "where": event.location_text,
        },
        url=event.get_absolute_url(),
        dedupe_key=f"event-reminder-{booking.pk}",
    )
