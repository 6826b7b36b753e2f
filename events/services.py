"""The rules of booking a place on an event. Every write of bookings goes through here.

- Booking gives a place while there is one, otherwise a place on the waiting list. Booking
  again when already booked or waiting changes nothing.
- Cancelling frees the place, and the first person waiting (the one who asked first) gets it at
  once and is told (notification ``event_update``).
- Never overbooked, even when two people take the last place at the same moment: each booking
  and cancellation locks the event's row first (``SELECT ... FOR UPDATE`` on PostgreSQL; on
  SQLite every write transaction is ``IMMEDIATE``, so they run one after another), and counts
  the places taken while it holds the lock.
- Only events that are published and have not started can be booked; a booking can be
  cancelled until the event starts.
- Booking (or joining the waiting list) is recorded as ``community.event.booked``, cancelling
  as ``event.cancelled``, with the centre and neighbourhood in the context.
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from events.models import Booking, Event
from events.verbs import EVENT_BOOKED, EVENT_CANCELLED
from notifications.models import NotificationKind
from notifications.services import notification_send
from training.core.services import activity_record


class BookingRefused(Exception):
    """The event cannot be booked or cancelled now; ``str(error)`` says why, for the person."""


@dataclass(frozen=True)
class BookingResult:
    booking: Booking
    # False when nothing changed (already booked or waiting, or nothing to cancel).
    changed: bool


def _event_locked(event: Event) -> Event:
    return Event.objects.select_for_update().get(pk=event.pk)


def _context(event: Event) -> dict:
    return {"centre_id": event.centre_id, "neighbourhood_id": event.neighbourhood_id}


def _confirmed_count(event: Event) -> int:
    return event.bookings.filter(status=Booking.Status.CONFIRMED).count()


def event_book(*, event: Event, user) -> BookingResult:
    """Give ``user`` a place on ``event``, or a place on its waiting list if it is full."""
    with transaction.atomic():
        event = _event_locked(event)
        if not event.is_published:
            raise BookingRefused(_("This event is not open for booking."))
        if event.has_started:
            raise BookingRefused(_("This event has already started, so it cannot be booked."))
        booking = Booking.objects.filter(event=event, guest=user).first()
        if booking is not None and booking.status != Booking.Status.CANCELLED:
            return BookingResult(booking=booking, changed=False)
        now = timezone.now()
        has_room = event.capacity is None or _confirmed_count(event) < event.capacity
        if booking is None:
            booking = Booking(event=event, guest=user)
        booking.status = Booking.Status.CONFIRMED if has_room else Booking.Status.WAITING
        booking.requested_at = now
        booking.confirmed_at = now if has_room else None
        booking.cancelled_at = None
        booking.save()
        activity_record(
            actor=user,
            verb=EVENT_BOOKED,
            obj=event,
            context=_context(event) | {"waiting": not has_room},
        )
    return BookingResult(booking=booking, changed=True)


def event_cancel(*, event: Event, user) -> BookingResult | None:
    """Cancel ``user``'s place (or their place on the waiting list) on ``event``.

    Returns None if they had no booking. A freed place goes to the first person waiting.
    """
    with transaction.atomic():
        event = _event_locked(event)
        booking = Booking.objects.filter(event=event, guest=user).first()
        if booking is None:
            return None
        if booking.status == Booking.Status.CANCELLED:
            return BookingResult(booking=booking, changed=False)
        if event.has_started:
            raise BookingRefused(_("This event has already started, so it cannot be cancelled."))
        booking.status = Booking.Status.CANCELLED
        booking.cancelled_at = timezone.now()
        booking.save(update_fields=["status", "cancelled_at"])
        activity_record(actor=user, verb=EVENT_CANCELLED, obj=event, context=_context(event))
        waiting_promote(event=event)
    return BookingResult(booking=booking, changed=True)


def waiting_promote(*, event: Event) -> list[Booking]:
    """Give free places to the people waiting longest, and tell each of them.

    Call with the event's row locked (inside :func:`event_cancel`), or on its own: it then
    locks the row itself. Also used when a manager adds places to a full event.
    """
    with transaction.atomic():
        event = _event_locked(event)
        if event.capacity is None:
            free = None
        else:
            free = event.capacity - _confirmed_count(event)
            if free <= 0:
                return []
        waiting = (
            Booking.objects.filter(event=event, status=Booking.Status.WAITING)
            .select_related("guest")
            .order_by("requested_at", "pk")
        )
        promoted = list(waiting if free is None else waiting[:free])
        now = timezone.now()
        for booking in promoted:
            booking.status = Booking.Status.CONFIRMED
            booking.confirmed_at = now
            booking.save(update_fields=["status", "confirmed_at"])
            _tell_promoted(booking=booking, event=event)
    return promoted


def _tell_promoted(*, booking: Booking, event: Event) -> None:
    # In the guest's language, not that of whoever freed the place.
    with translation.override(booking.guest.preferred_language or None):
        notification_send(
            recipient=booking.guest,
            kind=NotificationKind.EVENT_UPDATE,
            subject=_("You have a place at %(title)s") % {"title": event.title},
            body=_(
                "Good news: a place came free at %(title)s on %(when)s, and it is yours. "
                "You do not need to do anything. If you cannot come after all, please cancel "
                "so someone else can have the place."
            )
            % {"title": event.title, "when": event.when_text},
            url=event.get_absolute_url(),
            dedupe_key=f"event-place-{booking.pk}-{booking.confirmed_at:%Y%m%d%H%M%S%f}",
        )


def account_bookings_release(*, person) -> None:
    """Before an account is deleted: give its places at coming events to the people waiting."""
    coming = Event.objects.filter(
        bookings__guest=person,
        bookings__status=Booking.Status.CONFIRMED,
        starts_at__gt=timezone.now(),
    )
    for event in coming:
        with transaction.atomic():
            event = _event_locked(event)
            Booking.objects.filter(event=event, guest=person).delete()
            waiting_promote(event=event)
