"""A Digital Champion's working centre is set by a Manager, never by the champion (issue 10.2).

A champion who changes "the community centre you go to" on their profile still sees only the
learners, dashboard (and its CSVs), events and guest lists of the centre they are assigned to.
"""

import pytest

from events.services import event_book
from tests.dashboards.conftest import world_build
from tests.factories.events import EventFactory
from tests.factories.places import CommunityCentreFactory
from tests.factories.users import UserFactory
from training.places.models import StaffAssignment
from training.places.selectors import champion_centre
from training.places.services import staff_assignment_set
from training.users import roles
from training.users.models import User

pytestmark = pytest.mark.django_db

ASK_A_MANAGER = "Ask a manager to assign you to a centre."


def profile_post(client, centre, name="Sam"):
    return client.post(
        "/account/profile/",
        {
            "display_name": name,
            "preferred_language": "en-gb",
            "neighbourhood": centre.neighbourhood_id,
            "community_centre": centre.pk,
        },
    )


def test_changing_the_centre_on_the_profile_does_not_move_a_champion(client, champion):
    assigned = champion.community_centre
    other = CommunityCentreFactory(name="Far Centre")
    client.force_login(champion)

    response = profile_post(client, other)

    assert response.status_code == 302
    champion.refresh_from_db()
    assert champion.community_centre == other, "the centre they go to is theirs to choose"
    assert champion_centre(user=User.objects.get(pk=champion.pk)) == assigned
    assert StaffAssignment.objects.get(person=champion).centre == assigned
    page = client.get("/account/profile/").content.decode()
    assert f"You are a Digital Champion at {assigned.name}." in page


def test_after_moving_themselves_a_champion_still_sees_only_their_assigned_centres_learners(
    client, champion
):
    other = CommunityCentreFactory()
    UserFactory(display_name="Pat Mine", community_centre=champion.community_centre)
    UserFactory(display_name="Sam Stranger", community_centre=other)
    client.force_login(champion)
    profile_post(client, other)

    response = client.get("/champion/learners/")

    names = [person.name for person in response.context["page"].object_list]
    assert names == ["Pat Mine"]
    assert "Sam Stranger" not in response.content.decode()
    stranger = User.objects.get(display_name="Sam Stranger")
    assert client.get(f"/champion/learners/{stranger.pk}/").status_code == 404


def test_after_moving_themselves_a_champion_gets_no_other_centres_names_in_the_dashboard(client):
    world = world_build()
    champion = UserFactory(role=roles.DIGITAL_CHAMPION, community_centre=world.alder_hall)
    client.force_login(champion)
    profile_post(client, world.birch_house)

    page = client.get("/dashboard/", {"period": "all"}).content.decode()
    csv = client.get("/dashboard/csv/stalled/", {"period": "all"}).content.decode()

    assert "Figures for learners of Alder Hall" in page
    assert "Person A6" in page and "Person A6" in csv
    # b2 stalled at Birch House: the centre the champion picked on their profile.
    assert "Person B2" not in page
    assert "Person B2" not in csv


def test_after_moving_themselves_a_champion_cannot_see_the_other_centres_events(client, champion):
    other = CommunityCentreFactory()
    theirs = EventFactory(title="Their tea morning", centre=other)
    event_book(event=theirs, user=UserFactory(display_name="Guest Elsewhere"))
    client.force_login(champion)
    profile_post(client, other)

    listing = client.get("/admin/snippets/events/event/").content.decode()
    inspect = client.get(f"/admin/snippets/events/event/inspect/{theirs.pk}/")

    assert "Their tea morning" not in listing
    assert inspect.status_code == 404
    assert "Guest Elsewhere" not in inspect.content.decode()


def test_an_assisted_account_is_made_at_the_assigned_centre_whatever_is_posted(client, champion):
    other = CommunityCentreFactory()
    client.force_login(champion)

    response = client.post(
        "/account/assisted/new/", {"display_name": "Pat Posted", "community_centre": other.pk}
    )

    assert response.status_code == 302
    learner = User.objects.get(display_name="Pat Posted")
    assert learner.community_centre == champion.community_centre
    assert learner.community_centre != other


def test_an_assisted_account_follows_the_assignment_not_the_champions_own_centre(
    client, champion, manager
):
    elsewhere = CommunityCentreFactory(name="Reassigned Centre")
    staff_assignment_set(person=champion, centre=elsewhere, by=manager)
    client.force_login(champion)

    client.post("/account/assisted/new/", {"display_name": "Pat New"})

    assert User.objects.get(display_name="Pat New").community_centre == elsewhere


def test_a_champion_with_no_assignment_is_asked_to_see_a_manager_and_sees_nobody(client):
    centre = CommunityCentreFactory(name="Chosen Centre")
    unassigned = UserFactory(role=roles.DIGITAL_CHAMPION)
    unassigned.community_centre = centre  # the centre they go to, chosen on their profile
    unassigned.save()
    UserFactory(display_name="Pat There", community_centre=centre)
    EventFactory(title="Chosen centre event", centre=centre)
    assert not StaffAssignment.objects.filter(person=unassigned).exists()
    client.force_login(unassigned)

    learners = client.get("/champion/learners/")
    assert learners.status_code == 200
    assert ASK_A_MANAGER in learners.content.decode()
    assert list(learners.context["page"].object_list) == []

    dashboard = client.get("/dashboard/", {"period": "all"})
    assert dashboard.status_code == 200
    assert ASK_A_MANAGER in dashboard.content.decode()

    assisted = client.get("/account/assisted/new/")
    assert assisted.status_code == 200
    assert ASK_A_MANAGER in assisted.content.decode()
    refused = client.post("/account/assisted/new/", {"display_name": "Nobody Made"})
    assert refused.status_code == 200
    assert not User.objects.filter(display_name="Nobody Made").exists()

    events = client.get("/admin/snippets/events/event/")
    assert events.status_code == 200
    assert "Chosen centre event" not in events.content.decode()
