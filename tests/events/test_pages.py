"""The event pages: the list, one event, booking and cancelling through the forms."""

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from events.models import Booking
from events.services import event_book
from tests.factories.events import BookingFactory, EventFactory
from tests.factories.places import CommunityCentreFactory, NeighbourhoodFactory
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db

PAGE_BUDGET = 15


def page_text(response) -> str:
    return " ".join(response.content.decode().split())


def test_the_list_shows_coming_published_events_soonest_first(client):
    now = timezone.now()
    later = EventFactory(title="Later", starts_at=now + timedelta(days=3))
    sooner = EventFactory(title="Sooner", starts_at=now + timedelta(days=1))
    EventFactory(title="Hidden", is_published=False)
    EventFactory(
        title="Finished", starts_at=now - timedelta(days=2), ends_at=now - timedelta(days=1)
    )

    response = client.get("/events/")

    text = page_text(response)
    assert text.index("Sooner") < text.index("Later")
    assert "Hidden" not in text and "Finished" not in text
    assert f'href="{sooner.get_absolute_url()}"' in response.content.decode()
    assert f'href="{later.get_absolute_url()}"' in response.content.decode()


def test_the_list_filters_by_neighbourhood(client):
    here = NeighbourhoodFactory(name="Elm Court estate", slug="elm-court")
    EventFactory(title="At the centre", centre=CommunityCentreFactory(neighbourhood=here))
    EventFactory(title="On the green", centre=None, address="The green", neighbourhood=here)
    EventFactory(title="Somewhere else")

    response = client.get("/events/", {"neighbourhood": "elm-court"})

    text = page_text(response)
    assert "Coming events in Elm Court estate" in text
    assert "At the centre" in text and "On the green" in text
    assert "Somewhere else" not in text


def test_an_unknown_neighbourhood_says_so_and_shows_everything(client):
    EventFactory(title="Any event")
    response = client.get("/events/", {"neighbourhood": "nowhere"})
    assert response.status_code == 200
    assert "Choose a neighbourhood from the list." in page_text(response)
    assert "Any event" in page_text(response)


def test_the_list_is_paginated(client):
    start = timezone.now() + timedelta(days=1)
    for number in range(12):
        EventFactory(title=f"Event number {number:02d}", starts_at=start + timedelta(hours=number))

    first = page_text(client.get("/events/"))
    second = page_text(client.get("/events/", {"page": 2}))

    assert "Event number 09" in first and "Event number 10" not in first
    assert "Page 1 of 2" in first
    assert "Event number 10" in second and "Event number 11" in second


def test_the_event_page_shows_the_details_and_places_left(client):
    centre = CommunityCentreFactory(
        name="Elm Court Community Centre", accessibility="Step-free entrance from the green."
    )
    event = EventFactory(centre=centre, capacity=5, description="Bring your phone.")
    BookingFactory.create_batch(2, event=event)

    text = page_text(client.get(event.get_absolute_url()))

    assert event.title in text
    assert "3 places left" in text
    assert "Elm Court Community Centre" in text
    assert "Step-free entrance from the green." in text
    assert "Bring your phone." in text
    assert "Add to calendar" in text
    assert "Sign in to book" in text


def test_an_address_event_shows_its_address_and_access_notes(client):
    event = EventFactory(
        centre=None,
        address="Meet at the bench\nElm Court green",
        postcode="N1 8ZZ",
        neighbourhood=NeighbourhoodFactory(),
        accessibility="The route is flat.",
    )
    text = page_text(client.get(event.get_absolute_url()))
    assert "Meet at the bench<br>Elm Court green<br>N1 8ZZ" in text
    assert "The route is flat." in text


def test_hidden_events_are_not_found_except_by_those_who_manage_them(client, manager):
    event = EventFactory(is_published=False)
    assert client.get(event.get_absolute_url()).status_code == 404
    client.force_login(UserFactory())
    assert client.get(event.get_absolute_url()).status_code == 404
    assert client.post(f"/events/{event.pk}/book/").status_code == 404
    client.force_login(manager)
    assert "This event is hidden" in page_text(client.get(event.get_absolute_url()))


@pytest.mark.parametrize("action", ["book", "cancel"])
def test_people_not_signed_in_are_sent_to_sign_in_and_back_to_the_event(client, action):
    event = EventFactory()
    response = client.post(f"/events/{event.pk}/{action}/")
    assert response.status_code == 302
    assert response.url == f"/account/login/?next=/events/{event.pk}/"
    assert not Booking.objects.exists()


def test_booking_and_cancelling_through_the_page(client, learner):
    event = EventFactory(capacity=1)
    client.force_login(learner)

    booked = page_text(client.post(f"/events/{event.pk}/book/", follow=True))
    assert "You have a place. We will send you a reminder the day before." in booked
    assert "Cancel my place" in booked

    cancelled = page_text(client.post(f"/events/{event.pk}/cancel/", follow=True))
    assert "You have cancelled." in cancelled
    assert "Book a place" in cancelled
    assert Booking.objects.get(guest=learner).status == Booking.Status.CANCELLED


def test_a_full_event_offers_the_waiting_list_and_shows_the_position(client, learner):
    event = EventFactory(capacity=1)
    event_book(event=event, user=UserFactory())
    event_book(event=event, user=UserFactory())
    client.force_login(learner)

    assert "Join the waiting list" in page_text(client.get(event.get_absolute_url()))
    text = page_text(client.post(f"/events/{event.pk}/book/", follow=True))

    assert "you are on the waiting list" in text
    assert "number 2 in the queue" in text
    assert "Leave the waiting list" in text


def test_only_the_booker_can_cancel_their_booking(client, learner):
    event = EventFactory(capacity=1)
    event_book(event=event, user=learner)
    client.force_login(UserFactory())

    text = page_text(client.post(f"/events/{event.pk}/cancel/", follow=True))

    assert "You had not booked a place on this event." in text
    assert Booking.objects.get(guest=learner).status == Booking.Status.CONFIRMED


def test_booking_and_cancelling_need_post(client, learner):
    event = EventFactory()
    client.force_login(learner)
    assert client.get(f"/events/{event.pk}/book/").status_code == 405
    assert client.get(f"/events/{event.pk}/cancel/").status_code == 405
    assert not Booking.objects.exists()


def test_a_started_event_cannot_be_booked_from_the_page(client, learner):
    event = EventFactory(starts_at=timezone.now() - timedelta(minutes=1))
    client.force_login(learner)
    text = page_text(client.post(f"/events/{event.pk}/book/", follow=True))
    assert "This event has already started, so it cannot be booked." in text
    assert not Booking.objects.exists()


def measure(client, url: str) -> int:
    """Queries of a second visit: the first fills caches shared by every page (site, footer)."""
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries.captured_queries)


def test_the_list_makes_the_same_few_queries_for_few_or_many_events(client, learner):
    client.force_login(learner)
    for _ in range(2):
        EventFactory(capacity=3)
    small = measure(client, "/events/")
    for _ in range(8):
        event = EventFactory(capacity=3, centre=CommunityCentreFactory())
        BookingFactory.create_batch(2, event=event)
    large = measure(client, "/events/")
    assert small == large
    assert large <= PAGE_BUDGET


@pytest.mark.parametrize("status", [Booking.Status.CONFIRMED, Booking.Status.WAITING])
def test_the_event_page_makes_the_same_few_queries_for_few_or_many_guests(client, learner, status):
    client.force_login(learner)
    small_event = EventFactory(capacity=2)
    BookingFactory(event=small_event, guest=learner, status=status)
    small = measure(client, small_event.get_absolute_url())

    large_event = EventFactory(capacity=20)
    BookingFactory.create_batch(20, event=large_event)
    BookingFactory.create_batch(15, event=large_event, status=Booking.Status.WAITING)
    BookingFactory(event=large_event, guest=learner, status=status)
    large = measure(client, large_event.get_absolute_url())

    assert small == large
    assert large <= PAGE_BUDGET


def test_started_and_finished_events_say_so_instead_of_offering_a_place(client, learner):
    now = timezone.now()
    started = EventFactory(starts_at=now - timedelta(hours=1), ends_at=now + timedelta(hours=1))
    finished = EventFactory(starts_at=now - timedelta(days=1), ends_at=now - timedelta(hours=20))
    client.force_login(learner)

    started_text = page_text(client.get(started.get_absolute_url()))
    finished_text = page_text(client.get(finished.get_absolute_url()))

    assert "This event has started, so booking has closed." in started_text
    assert "This event has finished." in finished_text
    assert "Book a place" not in started_text + finished_text
