"""A Manager assigns each Housing Officer to the neighbourhoods they look after (issue 13)."""

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError

import pytest

from tests.factories.places import CommunityCentreFactory, NeighbourhoodFactory
from tests.factories.users import UserFactory
from training.places.models import StaffAssignment
from training.places.selectors import champion_centre, officer_neighbourhoods
from training.places.services import staff_neighbourhood_set
from training.users import roles

pytestmark = pytest.mark.django_db

LIST = "/admin/snippets/places/staffassignment/"
ADD = f"{LIST}add/"


@pytest.fixture
def officer(db):
    return UserFactory(role=roles.HOUSING_OFFICER, display_name="Dee")


def post_add(client, person, *, centre=None, neighbourhood=None):
    return client.post(
        ADD,
        {
            "person": person.pk,
            "centre": centre.pk if centre else "",
            "neighbourhood": neighbourhood.pk if neighbourhood else "",
        },
    )


def test_a_manager_gives_an_officer_two_neighbourhoods_in_the_admin(client, manager, officer):
    elm = NeighbourhoodFactory(name="Elm Court estate")
    river = NeighbourhoodFactory(name="Riverside")
    client.force_login(manager)

    assert post_add(client, officer, neighbourhood=river).status_code == 302
    assert post_add(client, officer, neighbourhood=elm).status_code == 302

    assert list(officer_neighbourhoods(person=officer)) == [elm, river]
    assert champion_centre(user=officer) is None
    rows = StaffAssignment.objects.filter(person=officer)
    assert {row.assigned_by for row in rows} == {manager}
    listing = client.get(LIST).content.decode()
    assert "Dee" in listing and "Riverside" in listing and "Elm Court estate" in listing


def test_only_officers_get_neighbourhoods_and_only_champions_centres(
    client, manager, officer, champion
):
    client.force_login(manager)
    neighbourhood, centre = NeighbourhoodFactory(), CommunityCentreFactory()

    to_champion = post_add(client, champion, neighbourhood=neighbourhood)
    to_officer = post_add(client, officer, centre=centre)
    both = post_add(client, officer, centre=centre, neighbourhood=neighbourhood)
    neither = post_add(client, officer)

    assert to_champion.context["form"].errors == {
        "neighbourhood": [
            "Only Housing Officers look after a neighbourhood. For a Digital Champion, leave "
            "this empty and choose a community centre."
        ]
    }
    assert to_officer.context["form"].errors == {
        "centre": [
            "Only Digital Champions work at a community centre. For a Housing Officer, leave "
            "this empty and choose a neighbourhood."
        ]
    }
    assert both.context["form"].errors == {
        "neighbourhood": [
            "Choose a community centre or a neighbourhood, not both. Leave one empty."
        ]
    }
    assert neither.context["form"].errors == {
        "neighbourhood": ["Choose the neighbourhood this Housing Officer looks after."]
    }
    assert not StaffAssignment.objects.filter(person=officer).exists()
    assert not StaffAssignment.objects.filter(neighbourhood=neighbourhood).exists()


def test_a_neighbourhood_twice_is_explained(client, manager, officer):
    neighbourhood = NeighbourhoodFactory()
    staff_neighbourhood_set(person=officer, neighbourhood=neighbourhood, by=manager)
    client.force_login(manager)
    response = post_add(client, officer, neighbourhood=neighbourhood)
    assert response.status_code == 200
    assert "This person already looks after this neighbourhood." in response.content.decode()
    assert StaffAssignment.objects.filter(person=officer).count() == 1


def test_a_manager_moves_an_officer_to_another_neighbourhood(client, manager, officer):
    first, second = NeighbourhoodFactory(), NeighbourhoodFactory()
    assignment = staff_neighbourhood_set(person=officer, neighbourhood=first, by=manager)
    client.force_login(manager)

    page = client.get(f"{LIST}edit/{assignment.pk}/")
    assert page.context["form"].fields["centre"].disabled
    response = client.post(
        f"{LIST}edit/{assignment.pk}/",
        {"person": officer.pk, "centre": "", "neighbourhood": second.pk},
    )

    assert response.status_code == 302
    assert list(officer_neighbourhoods(person=officer)) == [second]
    assert StaffAssignment.objects.get(person=officer).pk == assignment.pk


def test_the_service_refuses_others_and_non_officers(officer, champion, learner):
    neighbourhood = NeighbourhoodFactory()
    for someone in (officer, champion, learner):
        with pytest.raises(PermissionDenied):
            staff_neighbourhood_set(person=officer, neighbourhood=neighbourhood, by=someone)
    with pytest.raises(ValidationError):
        staff_neighbourhood_set(
            person=champion, neighbourhood=neighbourhood, by=UserFactory(role=roles.MANAGER)
        )
    assert not StaffAssignment.objects.filter(neighbourhood=neighbourhood).exists()


def test_an_officer_cannot_assign_themselves(client, officer):
    client.force_login(officer)
    response = post_add(client, officer, neighbourhood=NeighbourhoodFactory())
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    assert not StaffAssignment.objects.filter(person=officer).exists()


def test_no_neighbourhoods_for_visitors_or_for_a_champions_centre(champion):
    assert list(officer_neighbourhoods(person=AnonymousUser())) == []
    assert list(officer_neighbourhoods(person=None)) == []
    assert list(officer_neighbourhoods(person=champion)) == []
