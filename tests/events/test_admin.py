"""Events in the Wagtail admin: who may manage which, and the form's checks."""

from datetime import timedelta

from django.utils import timezone

import pytest

from events.models import Booking, Event
from events.services import event_book
from notifications.models import Notification, NotificationKind
from tests.factories.events import EventFactory
from tests.factories.places import CommunityCentreFactory, NeighbourhoodFactory
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/snippets/events/event/add/"
INDEX_URL = "/admin/snippets/events/event/"


def edit_url(event) -> str:
    return f"/admin/snippets/events/event/edit/{event.pk}/"


def form_data(**changes) -> dict:
    starts_at = timezone.localtime(timezone.now() + timedelta(days=3)).replace(
        hour=14, minute=0, second=0, microsecond=0
    )
    data = {
        "title": "Tea and tablets",
        "description": "Bring your tablet.",
        "starts_at": starts_at.strftime("%Y-%m-%d %H:%M"),
        "ends_at": (starts_at + timedelta(hours=2)).strftime("%Y-%m-%d %H:%M"),
        "centre": "",
        "address": "",
        "postcode": "",
        "neighbourhood": "",
        "accessibility": "",
        "capacity": "10",
        "organiser": "Sam",
        "is_published": "on",
    }
    data.update(changes)
    return data


def field_errors(response, field: str) -> list[str]:
    return list(response.context["form"].errors.get(field, []))


def test_a_manager_adds_an_event_at_a_centre_and_it_takes_the_centres_neighbourhood(
    client, manager
):
    centre = CommunityCentreFactory()
    client.force_login(manager)

    response = client.post(ADD_URL, form_data(centre=centre.pk))

    assert response.status_code == 302
    event = Event.objects.get(title="Tea and tablets")
    assert event.centre == centre
    assert event.neighbourhood == centre.neighbourhood
    assert timezone.localtime(event.starts_at).hour == 14


def test_a_manager_adds_an_event_at_an_address(client, manager):
    neighbourhood = NeighbourhoodFactory()
    client.force_login(manager)

    response = client.post(
        ADD_URL,
        form_data(
            address="The green\nElm Court", postcode="n1 8zz", neighbourhood=neighbourhood.pk
        ),
    )

    assert response.status_code == 302
    event = Event.objects.get(title="Tea and tablets")
    assert event.centre is None
    assert (event.address, event.postcode, event.neighbourhood) == (
        "The green\nElm Court",
        "N1 8ZZ",
        neighbourhood,
    )


def test_an_event_needs_a_place(client, manager):
    client.force_login(manager)
    response = client.post(ADD_URL, form_data())
    assert response.status_code == 200
    assert field_errors(response, "centre") == [
        "Say where the event is: choose a community centre, or type an address."
    ]
    assert 'value="Tea and tablets"' in response.text
    assert not Event.objects.exists()


def test_an_event_cannot_be_at_a_centre_and_an_address(client, manager):
    client.force_login(manager)
    response = client.post(
        ADD_URL, form_data(centre=CommunityCentreFactory().pk, address="The green")
    )
    assert response.status_code == 200
    assert "not both" in field_errors(response, "address")[0]
    assert "The green" in response.text
    assert not Event.objects.exists()


def test_an_address_needs_its_neighbourhood(client, manager):
    client.force_login(manager)
    response = client.post(ADD_URL, form_data(address="The green"))
    assert field_errors(response, "neighbourhood") == [
        "Choose the neighbourhood the address is in."
    ]
    assert not Event.objects.exists()


def test_an_event_must_end_after_it_starts(client, manager):
    client.force_login(manager)
    data = form_data(centre=CommunityCentreFactory().pk)
    data["ends_at"] = data["starts_at"]
    response = client.post(ADD_URL, data)
    assert response.status_code == 200
    assert field_errors(response, "ends_at") == [
        "The end must be after the start. Check the end date and time."
    ]
    assert not Event.objects.exists()


def test_places_must_be_at_least_one(client, manager):
    client.force_login(manager)
    response = client.post(ADD_URL, form_data(centre=CommunityCentreFactory().pk, capacity="0"))
    assert response.status_code == 200
    assert field_errors(response, "capacity")
    assert not Event.objects.exists()


def test_learners_and_other_staff_cannot_manage_events(client, learner, editor, moderator):
    event = EventFactory()
    for person in (learner, editor, moderator):
        client.force_login(person)
        assert client.get(ADD_URL).status_code in {302, 403}
        # Not found: the event is outside the events they manage (none).
        assert client.get(edit_url(event)).status_code in {302, 403, 404}
        assert client.post(ADD_URL, form_data(centre=event.centre_id)).status_code in {302, 403}
    assert Event.objects.count() == 1


def test_a_champion_sees_and_edits_only_their_own_centres_events(client, champion):
    own = EventFactory(title="At my centre", centre=champion.community_centre)
    other = EventFactory(title="At another centre")
    client.force_login(champion)

    index = client.get(INDEX_URL)
    assert "At my centre" in index.text
    assert "At another centre" not in index.text
    assert client.get(edit_url(own)).status_code == 200
    assert client.get(edit_url(other)).status_code == 404
    response = client.post(edit_url(other), form_data(centre=other.centre_id, title="Changed"))
    assert response.status_code == 404
    other.refresh_from_db()
    assert other.title == "At another centre"


def test_a_champion_adds_events_only_at_their_centre(client, champion):
    client.force_login(champion)

    refused = client.post(ADD_URL, form_data(centre=CommunityCentreFactory().pk))
    assert refused.status_code == 200
    assert field_errors(refused, "centre") == [
        "You can add events at your own community centre only."
    ]
    addressed = client.post(ADD_URL, form_data(address="Somewhere else"))
    assert addressed.status_code == 200
    assert not Event.objects.exists()

    response = client.post(ADD_URL, form_data(centre=champion.community_centre_id))
    assert response.status_code == 302
    assert Event.objects.get().centre == champion.community_centre


def test_a_champion_cannot_delete_events_and_a_manager_can(client, champion, manager):
    event = EventFactory(centre=champion.community_centre)
    delete_url = f"/admin/snippets/events/event/delete/{event.pk}/"
    client.force_login(champion)
    assert client.post(delete_url).status_code in {302, 403}
    assert Event.objects.filter(pk=event.pk).exists()
    client.force_login(manager)
    assert client.post(delete_url).status_code == 302
    assert not Event.objects.filter(pk=event.pk).exists()


def test_adding_places_in_the_admin_moves_people_up_from_the_waiting_list(client, manager):
    event = EventFactory(capacity=1)
    first, waiting = UserFactory.create_batch(2)
    event_book(event=event, user=first)
    event_book(event=event, user=waiting)
    client.force_login(manager)
    local_start = timezone.localtime(event.starts_at)
    local_end = timezone.localtime(event.ends_at)

    response = client.post(
        edit_url(event),
        form_data(
            title=event.title,
            centre=event.centre_id,
            capacity="2",
            starts_at=local_start.strftime("%Y-%m-%d %H:%M"),
            ends_at=local_end.strftime("%Y-%m-%d %H:%M"),
        ),
    )

    assert response.status_code == 302
    assert Booking.objects.get(guest=waiting).status == Booking.Status.CONFIRMED
    assert Notification.objects.filter(recipient=waiting, kind=NotificationKind.EVENT_UPDATE)


def inspect_url(event) -> str:
    return f"/admin/snippets/events/event/inspect/{event.pk}/"


def test_the_guest_list_shows_who_is_booked_and_who_is_waiting_in_order(client, champion):
    event = EventFactory(capacity=2, centre=champion.community_centre)
    people = [UserFactory(display_name=name) for name in ("Pat", "Ali", "Sam", "Jo")]
    for person in people:
        event_book(event=event, user=person)
    client.force_login(champion)

    response = client.get(inspect_url(event))

    assert response.status_code == 200
    fields = {field["label"]: str(field["value"]) for field in response.context["fields"]}
    assert fields["Booked"] == "Pat; Ali"
    assert fields["Waiting list, first in the queue first"] == "Sam; Jo"


def test_the_guest_list_of_another_centre_is_not_shown_to_a_champion(client, champion, learner):
    event = EventFactory()
    event_book(event=event, user=UserFactory(display_name="Pat"))
    client.force_login(champion)
    assert client.get(inspect_url(event)).status_code == 404
    client.force_login(learner)
    response = client.get(inspect_url(event))
    assert response.status_code in {302, 403, 404}
    assert "Pat" not in response.text
