"""Every admin view of an event is scoped like editing (issue 10.7).

A Digital Champion reaches only events at the centre a Manager assigned them to: another
centre's event is "not found" in every view (edit, delete, copy, history, usage, inspect, the
list and the chooser), and never shows its title or guests. Their own centre's events open.
"""

import json

import pytest

from events.models import Event
from events.services import event_book
from tests.factories.events import EventFactory
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db

BASE = "/admin/snippets/events/event"
CHOOSER = "/admin/snippets/choose/events/event"
OBJECT_VIEWS = ["edit", "copy", "history", "history-results", "usage", "inspect"]


def url(view: str, event) -> str:
    return f"{BASE}/{view}/{event.pk}/"


@pytest.fixture
def own(champion):
    event = EventFactory(title="Own centre coffee", centre=champion.community_centre)
    event_book(event=event, user=UserFactory(display_name="Guest Here"))
    return event


@pytest.fixture
def other(db):
    event = EventFactory(title="Elsewhere quiz night")
    event_book(event=event, user=UserFactory(display_name="Guest Elsewhere"))
    return event


@pytest.mark.parametrize("view", OBJECT_VIEWS)
def test_a_champion_cannot_open_another_centres_event_in_any_admin_view(
    client, champion, other, view
):
    client.force_login(champion)
    response = client.get(url(view, other))
    assert response.status_code in {403, 404}
    assert "Elsewhere quiz night" not in response.content.decode()
    assert "Guest Elsewhere" not in response.content.decode()


@pytest.mark.parametrize("view", OBJECT_VIEWS)
def test_a_champion_opens_their_own_centres_event_in_every_admin_view(client, champion, own, view):
    client.force_login(champion)
    assert client.get(url(view, own)).status_code == 200


@pytest.mark.parametrize("view", OBJECT_VIEWS)
def test_a_manager_opens_any_event_in_every_admin_view(client, manager, other, view):
    client.force_login(manager)
    assert client.get(url(view, other)).status_code == 200


def test_a_champion_cannot_copy_another_centres_event_by_posting(client, champion, other):
    client.force_login(champion)
    response = client.post(url("copy", other), {"title": "Copied", "centre": other.centre_id})
    assert response.status_code in {403, 404}
    assert not Event.objects.filter(title="Copied").exists()


def test_a_champion_cannot_delete_any_event_and_another_centres_is_not_found(
    client, champion, own, other
):
    client.force_login(champion)
    assert client.get(url("delete", other)).status_code in {403, 404}
    assert client.post(url("delete", other)).status_code in {403, 404}
    # Their own: they may not delete events at all (only Managers may).
    assert client.post(url("delete", own)).status_code in {302, 403}
    bulk = client.post(f"/admin/bulk/events/event/delete/?id={other.pk}&id={own.pk}")
    assert bulk.status_code in {302, 403, 404}
    assert Event.objects.filter(pk__in=[own.pk, other.pk]).count() == 2


def test_the_list_and_its_results_show_only_the_champions_centre(client, champion, own, other):
    client.force_login(champion)
    for path in (f"{BASE}/", f"{BASE}/results/", f"{BASE}/?q=quiz", f"{BASE}/results/?q=o"):
        html = client.get(path).content.decode()
        assert "Elsewhere quiz night" not in html, path
    assert "Own centre coffee" in client.get(f"{BASE}/").content.decode()


def test_the_chooser_offers_only_the_champions_centre(client, champion, own, other):
    client.force_login(champion)

    for path in (f"{CHOOSER}/", f"{CHOOSER}/results/", f"{CHOOSER}/results/?q=quiz"):
        response = client.get(path)
        assert response.status_code == 200
        assert "Elsewhere quiz night" not in response.content.decode(), path
    assert "Own centre coffee" in client.get(f"{CHOOSER}/").content.decode()

    assert client.get(f"{CHOOSER}/chosen/{other.pk}/").status_code == 404
    chosen = client.get(f"{CHOOSER}/chosen/{own.pk}/")
    assert chosen.status_code == 200
    assert json.loads(chosen.content)["result"]["string"] == "Own centre coffee"
    several = client.get(f"{CHOOSER}/chosen-multiple/?id={other.pk}&id={own.pk}")
    assert "Elsewhere quiz night" not in several.content.decode()
    assert "Own centre coffee" in several.content.decode()


def test_events_are_not_made_from_the_chooser(client, champion, manager):
    for person in (champion, manager):
        client.force_login(person)
        response = client.post(f"{CHOOSER}/create/", {"title": "Sneaky"})
        assert response.status_code in {302, 403}
    assert not Event.objects.filter(title="Sneaky").exists()


def test_other_staff_see_no_events_in_the_chooser(client, editor, moderator, other):
    for person in (editor, moderator):
        client.force_login(person)
        response = client.get(f"{CHOOSER}/")
        assert "Elsewhere quiz night" not in response.content.decode()
        assert client.get(f"{CHOOSER}/chosen/{other.pk}/").status_code in {302, 403, 404}
