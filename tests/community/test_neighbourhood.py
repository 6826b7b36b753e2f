"""The neighbourhood page: its groups, its centres, its coming events, its outline."""

from datetime import timedelta

from django.utils import timezone

import pytest

from tests.factories.community import GroupFactory
from tests.factories.events import EventFactory
from tests.factories.places import CommunityCentreFactory, NeighbourhoodFactory

pytestmark = pytest.mark.django_db


def test_the_neighbourhood_page_shows_groups_centres_and_coming_events(client):
    place = NeighbourhoodFactory(name="Riverside", slug="riverside")
    elsewhere = NeighbourhoodFactory()
    GroupFactory(name="Riverside neighbours", neighbourhood=place)
    GroupFactory(name="Somewhere else", neighbourhood=elsewhere)
    centre = CommunityCentreFactory(name="Riverside Hub", neighbourhood=place)
    CommunityCentreFactory(name="Far Centre", neighbourhood=elsewhere)
    EventFactory(title="Phone help morning", centre=centre)
    EventFactory(
        title="Last week's coffee",
        centre=centre,
        starts_at=timezone.now() - timedelta(days=7),
        ends_at=timezone.now() - timedelta(days=7, hours=-2),
    )

    response = client.get("/community/neighbourhoods/riverside/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Riverside neighbours" in html and "Somewhere else" not in html
    assert "Riverside Hub" in html and "Far Centre" not in html
    assert "Phone help morning" in html and "Last week" not in html


def test_an_unknown_neighbourhood_is_not_found(client):
    assert client.get("/community/neighbourhoods/nowhere/").status_code == 404


def test_the_page_says_when_there_is_nothing_yet(client):
    NeighbourhoodFactory(slug="quiet")
    html = client.get("/community/neighbourhoods/quiet/").content.decode()
    assert "There is no group for this neighbourhood yet." in html
    assert "There are no events coming up yet." in html
