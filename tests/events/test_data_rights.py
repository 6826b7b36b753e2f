"""Bookings in "Download my data", and what deleting an account does to them."""

import json

from django.urls import reverse

import pytest

from events.models import Booking
from events.services import event_book
from tests.factories.events import EventFactory
from tests.factories.users import UserFactory
from training.users.data_rights.services import account_delete

pytestmark = pytest.mark.django_db


def test_deleting_an_account_gives_its_place_to_the_first_person_waiting():
    event = EventFactory(capacity=1)
    leaving, waiting = UserFactory.create_batch(2)
    event_book(event=event, user=leaving)
    event_book(event=event, user=waiting)

    account_delete(user=leaving)

    assert list(Booking.objects.filter(event=event).values_list("guest_id", "status")) == [
        (waiting.pk, Booking.Status.CONFIRMED)
    ]


def test_my_bookings_are_in_my_data_download(client):
    event = EventFactory(title="Coffee and computers")
    person = UserFactory()
    event_book(event=event, user=person)
    client.force_login(person)

    data = json.loads(client.get(reverse("courses:my_data_download")).content)

    assert [(row["event"], row["status"]) for row in data["event_bookings"]] == [
        ("Coffee and computers", "confirmed")
    ]
