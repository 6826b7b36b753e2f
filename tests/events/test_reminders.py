"""The day-before reminder: confirmed guests only, exactly once."""

from datetime import timedelta

from django.core import mail
from django.utils import timezone

import pytest

from events.models import Booking
from events.tasks import events_remind_tomorrow
from notifications.models import Notification, NotificationKind
from tests.factories.events import BookingFactory, EventFactory

pytestmark = pytest.mark.django_db


def reminders(**filters):
    return Notification.objects.filter(kind=NotificationKind.EVENT_REMINDER, **filters)


@pytest.fixture
def tomorrow():
    return EventFactory(starts_at=timezone.now() + timedelta(hours=20), title="Garden day")


def test_confirmed_guests_of_events_in_the_next_day_are_reminded_by_email(
    tomorrow, django_capture_on_commit_callbacks
):
    booking = BookingFactory(event=tomorrow)

    with django_capture_on_commit_callbacks(execute=True):
        sent = events_remind_tomorrow()

    assert sent == 1
    reminder = reminders(recipient=booking.guest).get()
    assert "Garden day" in reminder.subject
    assert reminder.url == f"/events/{tomorrow.pk}/"
    assert tomorrow.centre.name in reminder.body
    booking.refresh_from_db()
    assert booking.reminded_at is not None
    assert [message.to for message in mail.outbox] == [[booking.guest.email]]
    assert "Garden day" in mail.outbox[0].subject


def test_running_twice_sends_each_reminder_once(tomorrow, django_capture_on_commit_callbacks):
    BookingFactory.create_batch(3, event=tomorrow)

    with django_capture_on_commit_callbacks(execute=True):
        first = events_remind_tomorrow()
        second = events_remind_tomorrow()

    assert (first, second) == (3, 0)
    assert reminders().count() == 3
    assert len(mail.outbox) == 3


def test_a_booking_claimed_by_another_worker_is_not_sent_again(tomorrow, monkeypatch):
    """Two workers at once: both read the same bookings, only the first claim sends."""
    from events import reminders as service

    BookingFactory(event=tomorrow)
    read_by_second_worker = list(service.bookings_to_remind(now=timezone.now()))

    assert service.events_remind() == 1
    monkeypatch.setattr(service, "bookings_to_remind", lambda *, now: read_by_second_worker)
    assert service.events_remind() == 0
    assert reminders().count() == 1


def test_waiting_and_cancelled_bookings_are_not_reminded(tomorrow):
    BookingFactory(event=tomorrow, status=Booking.Status.WAITING, confirmed_at=None)
    BookingFactory(event=tomorrow, status=Booking.Status.CANCELLED)

    assert events_remind_tomorrow() == 0
    assert not reminders().exists()


def test_events_further_off_past_or_hidden_are_not_reminded():
    now = timezone.now()
    BookingFactory(event=EventFactory(starts_at=now + timedelta(hours=25)))
    BookingFactory(
        event=EventFactory(starts_at=now - timedelta(hours=1), ends_at=now + timedelta(hours=1))
    )
    BookingFactory(event=EventFactory(starts_at=now + timedelta(hours=3), is_published=False))

    assert events_remind_tomorrow() == 0
    assert not reminders().exists()
