"""Reads of events: what is coming up, one event with its numbers, a person's booking."""

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from events.models import Booking, Event
from events.permissions import event_manage_centre, event_manage_everywhere


def _with_numbers(queryset: QuerySet[Event]) -> QuerySet[Event]:
    """Events with their place and the number of places taken, in the same query."""
    # A boundary can be large and no event page draws it.
    queryset = queryset.select_related("centre", "neighbourhood").defer("neighbourhood__boundary")
    return queryset.annotate(
        confirmed_count=Count("bookings", filter=Q(bookings__status=Booking.Status.CONFIRMED)),
        waiting_count=Count("bookings", filter=Q(bookings__status=Booking.Status.WAITING)),
    )


def events_upcoming(
    *, neighbourhood=None, centre=None, limit: int | None = None
) -> QuerySet[Event]:
    """Published events that have not ended yet, soonest first."""
    queryset = Event.objects.filter(is_published=True, ends_at__gt=timezone.now())
    if neighbourhood is not None:
        queryset = queryset.filter(neighbourhood=neighbourhood)
    if centre is not None:
        queryset = queryset.filter(centre=centre)
    queryset = _with_numbers(queryset).order_by("starts_at", "pk")
    return queryset[:limit] if limit is not None else queryset


def event_next(*, centre=None, neighbourhood=None) -> Event | None:
    """The next published event (at the centre, or in the neighbourhood, if given), or None."""
    return events_upcoming(centre=centre, neighbourhood=neighbourhood, limit=1).first()


def event_for_page(*, pk: int, user) -> Event | None:
    """One event with its numbers, if this person may see it: published, or they manage it."""
    event = _with_numbers(Event.objects.filter(pk=pk)).first()
    if event is None or event.is_published:
        return event
    return event if events_for_admin(user=user).filter(pk=pk).exists() else None


def events_for_admin(*, user) -> QuerySet[Event]:
    """The events this person manages in the admin: all, or those at their assigned centre."""
    if not user.is_authenticated or not user.has_perm("events.change_event"):
        return Event.objects.none()
    if event_manage_everywhere(user):
        return Event.objects.all()
    centre = event_manage_centre(user)
    if centre is None:
        return Event.objects.none()
    return Event.objects.filter(centre=centre)


@dataclass(frozen=True)
class BookingState:
    """Where one person stands with one event."""

    booking: Booking | None
    # 1 for the first person waiting, and so on; None when not waiting.
    waiting_position: int | None = None

    @property
    def confirmed(self) -> bool:
        return self.booking is not None and self.booking.status == Booking.Status.CONFIRMED

    @property
    def waiting(self) -> bool:
        return self.booking is not None and self.booking.status == Booking.Status.WAITING


def booking_state(*, event: Event, user) -> BookingState:
    """The person's booking on the event and, if they are waiting, their place in the queue."""
    if not user.is_authenticated:
        return BookingState(booking=None)
    booking = Booking.objects.filter(event=event, guest=user).first()
    if booking is None or booking.status != Booking.Status.WAITING:
        return BookingState(booking=booking)
    ahead = waiting_queue(event=event).filter(
        Q(requested_at__lt=booking.requested_at)
        | Q(requested_at=booking.requested_at, pk__lt=booking.pk)
    )
    return BookingState(booking=booking, waiting_position=ahead.count() + 1)


def waiting_queue(*, event: Event) -> QuerySet[Booking]:
    """The event's waiting list, first in the queue first."""
    return Booking.objects.filter(event=event, status=Booking.Status.WAITING).order_by(
        "requested_at", "pk"
    )


@dataclass(frozen=True)
class GuestNames:
    confirmed: list[str]
    waiting: list[str]


def event_guest_names(*, event: Event) -> GuestNames:
    """Names of the people booked (in the order they booked) and waiting (in queue order)."""
    confirmed: list[str] = []
    waiting: list[str] = []
    bookings = (
        Booking.objects.filter(event=event)
        .exclude(status=Booking.Status.CANCELLED)
        .select_related("guest")
        .order_by("requested_at", "pk")
    )
    for booking in bookings:
        (confirmed if booking.status == Booking.Status.CONFIRMED else waiting).append(
            booking.guest.name
        )
    return GuestNames(confirmed=confirmed, waiting=waiting)


def events_export(*, person) -> list[dict]:
    """Every booking ``person`` has made, for "Download my data"."""
    bookings = (
        Booking.objects.filter(guest=person).select_related("event").order_by("requested_at", "pk")
    )
    return [
        {
            "event": booking.event.title,
            "starts": booking.event.starts_at.isoformat(),
            "status": booking.status,
            "asked_for_a_place": booking.requested_at.isoformat(),
            "place_given": booking.confirmed_at.isoformat() if booking.confirmed_at else None,
            "cancelled": booking.cancelled_at.isoformat() if booking.cancelled_at else None,
            "reminded": booking.reminded_at.isoformat() if booking.reminded_at else None,
        }
        for booking in bookings
    ]
