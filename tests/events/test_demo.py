"""The demo events: always coming up, seeded once, covering the interesting cases."""

import io
from datetime import timedelta

from django.utils import timezone

import pytest

from demo import events as events_demo
from demo import places as places_demo
from demo import users as users_demo
from events.models import Booking, Event
from events.selectors import events_upcoming

pytestmark = pytest.mark.django_db


def seed() -> None:
    out = io.StringIO()
    places_demo.demo_seed(stdout=out)
    users_demo.demo_seed(stdout=out)
    events_demo.demo_seed(stdout=out)


def test_demo_events_are_seeded_once_and_moved_forward_when_seeded_again():
    seed()
    counts = (Event.objects.count(), Booking.objects.count())
    Event.objects.update(
        starts_at=timezone.now() - timedelta(days=30), ends_at=timezone.now() - timedelta(days=29)
    )

    seed()

    assert (Event.objects.count(), Booking.objects.count()) == counts
    assert Event.objects.count() == len(events_demo.EVENTS)
    assert events_upcoming().count() == len(events_demo.EVENTS)


def test_demo_events_include_a_nearly_full_one_a_full_one_with_a_queue_and_an_address():
    seed()
    events = {event.title: event for event in events_upcoming()}

    assert events["Photo walk round the estate"].spaces_left == 1
    assert events["Photo walk round the estate"].centre is None
    assert events["Photo walk round the estate"].neighbourhood.slug == "elm-court"
    full = events["Staying safe online: spotting scams"]
    assert full.spaces_left == 0 and full.waiting_count == 1
    assert full.centre.slug == "riverside-hub"
    assert events["Hillview garden day"].neighbourhood.slug == "hillview"
    assert events["Coffee and computers"].centre.slug == "elm-court-community-centre"
