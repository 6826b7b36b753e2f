"""The booking rules: places, the waiting list, moving up, and what is recorded."""

from datetime import timedelta

from django.utils import timezone

import pytest

from events.models import Booking
from events.selectors import booking_state, waiting_queue
from events.services import BookingRefused, event_book, event_cancel, waiting_promote
from notifications.models import Notification, NotificationKind
from tests.factories.events import EventFactory
from tests.factories.users import UserFactory
from training.core.models import ActivityEvent

pytestmark = pytest.mark.django_db


def book_all(event, people) -> list:
    """Each person books in turn; their results, in the same order."""
    return [event_book(event=event, user=person) for person in people]


def statuses(event) -> dict[int, str]:
    return dict(Booking.objects.filter(event=event).values_list("guest_id", "status"))


def test_people_get_places_until_full_then_join_the_waiting_list_in_order():
    event = EventFactory(capacity=2)
    first, second, third, fourth = UserFactory.create_batch(4)

    results = book_all(event, [first, second, third, fourth])

    assert [result.booking.status for result in results] == [
        Booking.Status.CONFIRMED,
        Booking.Status.CONFIRMED,
        Booking.Status.WAITING,
        Booking.Status.WAITING,
    ]
    assert booking_state(event=event, user=third).waiting_position == 1
    assert booking_state(event=event, user=fourth).waiting_position == 2
    assert booking_state(event=event, user=first).waiting_position is None
    assert booking_state(event=event, user=first).confirmed


def test_booking_twice_changes_nothing():
    event = EventFactory(capacity=1)
    person = UserFactory()
    event_book(event=event, user=person)

    again = event_book(event=event, user=person)

    assert not again.changed
    assert Booking.objects.filter(event=event).count() == 1
    assert ActivityEvent.objects.filter(verb="community.event.booked").count() == 1


def test_cancelling_gives_the_place_to_the_first_person_waiting_and_tells_them():
    event = EventFactory(capacity=1)
    booker, first_waiting, second_waiting = UserFactory.create_batch(3)
    book_all(event, [booker, first_waiting, second_waiting])

    event_cancel(event=event, user=booker)

    assert statuses(event) == {
        booker.pk: Booking.Status.CANCELLED,
        first_waiting.pk: Booking.Status.CONFIRMED,
        second_waiting.pk: Booking.Status.WAITING,
    }
    assert booking_state(event=event, user=second_waiting).waiting_position == 1
    told = Notification.objects.get(recipient=first_waiting, kind=NotificationKind.EVENT_UPDATE)
    assert event.title in told.subject
    assert told.url == f"/events/{event.pk}/"
    assert not Notification.objects.filter(recipient=second_waiting).exists()


def test_leaving_the_waiting_list_moves_the_people_behind_up_a_place():
    event = EventFactory(capacity=1)
    booker, first_waiting, second_waiting = UserFactory.create_batch(3)
    book_all(event, [booker, first_waiting, second_waiting])

    event_cancel(event=event, user=first_waiting)

    assert statuses(event)[booker.pk] == Booking.Status.CONFIRMED
    assert list(waiting_queue(event=event).values_list("guest_id", flat=True)) == [
        second_waiting.pk
    ]
    assert booking_state(event=event, user=second_waiting).waiting_position == 1
    assert not Notification.objects.exists()


@pytest.fixture
def cancelled():
    """One place: the booker took it and cancelled, so the one waiting moved up."""
    event = EventFactory(capacity=1)
    booker, waiting = UserFactory.create_batch(2)
    book_all(event, [booker, waiting])
    event_cancel(event=event, user=booker)
    return event, booker, waiting


def test_booking_again_after_cancelling_goes_to_the_back_of_the_queue(cancelled):
    event, booker, waiting = cancelled
    again = event_book(event=event, user=booker)

    assert again.changed
    assert again.booking.status == Booking.Status.WAITING
    assert statuses(event)[waiting.pk] == Booking.Status.CONFIRMED


def test_the_last_place_goes_to_one_person_only():
    """The rule the row lock protects: places are counted inside the booking's transaction."""
    event = EventFactory(capacity=3)
    people = UserFactory.create_batch(6)

    book_all(event, people)

    assert Booking.objects.filter(event=event, status=Booking.Status.CONFIRMED).count() == 3
    assert Booking.objects.filter(event=event, status=Booking.Status.WAITING).count() == 3


def test_no_limit_means_everyone_gets_a_place():
    event = EventFactory(capacity=None)
    for person in UserFactory.create_batch(5):
        assert event_book(event=event, user=person).booking.status == Booking.Status.CONFIRMED


def test_more_places_are_given_to_the_people_waiting():
    event = EventFactory(capacity=1)
    people = UserFactory.create_batch(4)
    book_all(event, people)
    event.capacity = 3
    event.save()

    promoted = waiting_promote(event=event)

    assert [booking.guest_id for booking in promoted] == [people[1].pk, people[2].pk]
    assert statuses(event)[people[3].pk] == Booking.Status.WAITING
    assert Notification.objects.filter(kind=NotificationKind.EVENT_UPDATE).count() == 2


def test_unpublished_and_started_events_cannot_be_booked():
    hidden = EventFactory(is_published=False)
    started = EventFactory(starts_at=timezone.now() - timedelta(minutes=5))
    person = UserFactory()

    with pytest.raises(BookingRefused, match="not open"):
        event_book(event=hidden, user=person)
    with pytest.raises(BookingRefused, match="already started"):
        event_book(event=started, user=person)
    assert not Booking.objects.exists()


def test_booking_and_cancelling_are_recorded_in_the_activity_stream(cancelled):
    event, booker, waiting = cancelled
    booked = ActivityEvent.objects.filter(verb="community.event.booked").order_by("pk")
    assert [item.actor_id for item in booked] == [booker.pk, waiting.pk]
    assert booked[0].context == {
        "centre_id": event.centre_id,
        "neighbourhood_id": event.neighbourhood_id,
        "waiting": False,
    }
    assert booked[1].context["waiting"] is True
    cancelled = ActivityEvent.objects.get(verb="event.cancelled")
    assert cancelled.actor_id == booker.pk
    assert cancelled.object_id == str(event.pk)
    assert cancelled.context["centre_id"] == event.centre_id


def test_cancelling_without_a_booking_does_nothing():
    event = EventFactory()
    assert event_cancel(event=event, user=UserFactory()) is None
    assert not ActivityEvent.objects.filter(verb="event.cancelled").exists()
