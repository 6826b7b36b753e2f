"""Staff create and edit groups in the Wagtail admin, naming owners by username."""

import pytest

from community.models import Group, Membership, Role
from tests.factories.places import NeighbourhoodFactory
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db

ADD = "/admin/snippets/community/group/add/"


def group_form(neighbourhood, username: str) -> dict:
    return {
        "name": "Canal walkers",
        "slug": "canal-walkers",
        "description": "Walks along the canal on Sunday mornings.",
        "neighbourhood": str(neighbourhood.pk),
        "joining": "open",
        "memberships-TOTAL_FORMS": "1",
        "memberships-INITIAL_FORMS": "0",
        "memberships-MIN_NUM_FORMS": "0",
        "memberships-MAX_NUM_FORMS": "1000",
        "memberships-0-user": username,
        "memberships-0-role": "owner",
        "memberships-0-status": "active",
        "memberships-0-ORDER": "1",
        "memberships-0-DELETE": "",
        "memberships-0-id": "",
    }


@pytest.mark.parametrize("role_name", ["manager", "moderator"])
def test_managers_and_moderators_create_a_group_with_an_owner(request, client, role_name):
    staff = request.getfixturevalue(role_name)
    owner = UserFactory(username="pat.owner")
    client.force_login(staff)
    assert client.get(ADD).status_code == 200
    response = client.post(ADD, group_form(NeighbourhoodFactory(), "pat.owner"))
    assert response.status_code == 302, response.content.decode()[:2000]
    group = Group.objects.get(slug="canal-walkers")
    assert Membership.objects.get(group=group).user == owner
    assert Membership.objects.get(group=group).role == Role.OWNER

    edit = client.get(f"/admin/snippets/community/group/edit/{group.pk}/").content.decode()
    assert 'value="pat.owner"' in edit


def test_an_unknown_username_is_explained(client, manager):
    client.force_login(manager)
    response = client.post(ADD, group_form(NeighbourhoodFactory(), "nobody-here"))
    assert response.status_code == 200
    assert "Nobody has that username. Check the spelling." in response.content.decode()
    assert not Group.objects.exists()


@pytest.mark.parametrize("role_name", ["learner", "champion", "editor"])
def test_other_roles_cannot_create_groups(request, client, role_name):
    client.force_login(request.getfixturevalue(role_name))
    response = client.get(ADD)
    assert response.status_code in (302, 403)
    client.post(ADD, group_form(NeighbourhoodFactory(), "whoever"))
    assert not Group.objects.exists()
