"""Staff assignments: a Manager says which centre each Digital Champion works at (issue 10.2)."""

import importlib
import io

from django.apps import apps
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

import pytest

from tests.factories.places import CommunityCentreFactory, NeighbourhoodFactory
from tests.factories.users import UserFactory
from training.places.models import StaffAssignment
from training.places.selectors import champion_centre
from training.places.services import staff_assignment_end, staff_assignment_set
from training.users import roles
from training.users.models import User

pytestmark = pytest.mark.django_db

LIST = "/admin/snippets/places/staffassignment/"
ADD = f"{LIST}add/"


def edit_url(assignment) -> str:
    return f"{LIST}edit/{assignment.pk}/"


def delete_url(assignment) -> str:
    return f"{LIST}delete/{assignment.pk}/"


def fresh(user) -> User:
    return User.objects.get(pk=user.pk)


# --- The model and its database rules -------------------------------------------------------------


def test_a_person_has_at_most_one_centre_assignment_in_the_database(champion):
    with pytest.raises(IntegrityError), transaction.atomic():
        StaffAssignment.objects.create(person=champion, centre=CommunityCentreFactory())


def test_an_assignment_is_to_exactly_one_place(champion):
    with pytest.raises(IntegrityError), transaction.atomic():
        StaffAssignment.objects.create(person=champion)
    with pytest.raises(IntegrityError), transaction.atomic():
        StaffAssignment.objects.create(
            person=champion, centre=CommunityCentreFactory(), neighbourhood=NeighbourhoodFactory()
        )


def test_the_model_can_hold_neighbourhoods_for_officers_later(champion):
    first, second = NeighbourhoodFactory(), NeighbourhoodFactory()
    StaffAssignment.objects.create(person=champion, neighbourhood=first)
    StaffAssignment.objects.create(person=champion, neighbourhood=second)
    assert champion_centre(user=fresh(champion)) == champion.community_centre
    with pytest.raises(IntegrityError), transaction.atomic():
        StaffAssignment.objects.create(person=champion, neighbourhood=first)


# --- The services ---------------------------------------------------------------------------------


def test_a_manager_moves_a_champion_to_another_centre(champion, manager):
    other = CommunityCentreFactory()
    assignment = staff_assignment_set(person=champion, centre=other, by=manager)
    assert (assignment.centre, assignment.assigned_by) == (other, manager)
    assert StaffAssignment.objects.filter(person=champion).count() == 1
    assert champion_centre(user=champion) == other
    staff_assignment_end(assignment=assignment, by=manager)
    assert champion_centre(user=fresh(champion)) is None


@pytest.mark.parametrize(
    "role",
    [
        roles.LEARNER,
        roles.DIGITAL_CHAMPION,
        roles.COURSE_EDITOR,
        roles.MODERATOR,
        roles.SAFEGUARDING_OFFICER,
    ],
)
def test_nobody_but_a_manager_may_assign(role_users, champion, role):
    other = CommunityCentreFactory()
    with pytest.raises(PermissionDenied):
        staff_assignment_set(person=champion, centre=other, by=role_users[role])
    with pytest.raises(PermissionDenied):
        staff_assignment_end(assignment=champion.staff_assignments.get(), by=role_users[role])
    assert champion_centre(user=fresh(champion)) == champion.community_centre


def test_only_digital_champions_are_assigned_to_a_centre(learner, manager):
    with pytest.raises(ValidationError):
        staff_assignment_set(person=learner, centre=CommunityCentreFactory(), by=manager)
    assert not StaffAssignment.objects.exists()


# --- In the Wagtail admin: Places → Staff at centres ----------------------------------------------


def test_a_manager_assigns_a_champion_in_the_admin(client, manager):
    centre = CommunityCentreFactory(name="Oak Centre")
    newcomer = UserFactory(role=roles.DIGITAL_CHAMPION, display_name="Nia")
    client.force_login(manager)

    assert client.get(ADD).status_code == 200
    response = client.post(ADD, {"person": newcomer.pk, "centre": centre.pk})

    assert response.status_code == 302
    assignment = StaffAssignment.objects.get(person=newcomer)
    assert (assignment.centre, assignment.assigned_by) == (centre, manager)
    listing = client.get(LIST).content.decode()
    assert "Nia" in listing and "Oak Centre" in listing


def test_a_manager_changes_the_centre_and_the_person_stays(client, manager, champion):
    assignment = champion.staff_assignments.get()
    other, someone = CommunityCentreFactory(), UserFactory(role=roles.DIGITAL_CHAMPION)
    client.force_login(manager)

    response = client.post(edit_url(assignment), {"person": someone.pk, "centre": other.pk})

    assert response.status_code == 302
    assignment.refresh_from_db()
    assert (assignment.person, assignment.centre) == (champion, other)
    assert champion_centre(user=fresh(champion)) == other


def test_a_second_centre_for_the_same_champion_is_explained(client, manager, champion):
    client.force_login(manager)
    response = client.post(ADD, {"person": champion.pk, "centre": CommunityCentreFactory().pk})
    assert response.status_code == 200
    assert "already works at a centre" in response.content.decode()
    assert StaffAssignment.objects.filter(person=champion).count() == 1


def test_only_champions_are_offered_and_a_centre_is_required(client, manager, learner):
    client.force_login(manager)
    response = client.post(ADD, {"person": learner.pk, "centre": ""})
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["person"]
    assert form.errors["centre"] == ["Choose the community centre they work at."]
    assert not StaffAssignment.objects.exists()


def test_a_manager_removes_an_assignment(client, manager, champion):
    assignment = champion.staff_assignments.get()
    client.force_login(manager)
    assert client.post(delete_url(assignment)).status_code == 302
    assert champion_centre(user=fresh(champion)) is None


@pytest.mark.parametrize(
    "role",
    [
        roles.LEARNER,
        roles.DIGITAL_CHAMPION,
        roles.COURSE_EDITOR,
        roles.MODERATOR,
        roles.SAFEGUARDING_OFFICER,
    ],
)
def test_every_other_role_is_refused_the_assignments_admin(client, role_users, champion, role):
    assignment = champion.staff_assignments.get()
    assigned = assignment.centre
    other = CommunityCentreFactory()
    client.force_login(role_users[role])

    assert client.get(LIST).status_code in {302, 403}
    assert client.get(ADD).status_code in {302, 403}
    assert client.get(edit_url(assignment)).status_code in {302, 403}
    changed = client.post(edit_url(assignment), {"person": champion.pk, "centre": other.pk})
    assert changed.status_code in {302, 403}
    added = client.post(ADD, {"person": role_users[role].pk, "centre": other.pk})
    assert added.status_code in {302, 403}
    assert client.post(delete_url(assignment)).status_code in {302, 403}

    assignment.refresh_from_db()
    assert assignment.centre == assigned
    assert StaffAssignment.objects.count() == 1


def test_a_champion_is_refused_even_with_the_django_permissions(client, champion):
    """The admin views check the Manager role too, not only permissions a group might be given."""
    from django.contrib.auth.models import Permission

    champion.user_permissions.add(*Permission.objects.filter(codename__endswith="_staffassignment"))
    client.force_login(champion)
    assert client.get(ADD).status_code in {302, 403}
    response = client.post(ADD, {"person": champion.pk, "centre": CommunityCentreFactory().pk})
    assert response.status_code in {302, 403}
    assert StaffAssignment.objects.get(person=champion).centre == champion.community_centre


# --- Existing databases and the demo --------------------------------------------------------------


def test_the_data_migration_turns_each_champions_centre_into_their_assignment(centre):
    migration = importlib.import_module(
        "training.places.migrations.0004_champions_centres_become_assignments"
    )
    champion = UserFactory(role=roles.DIGITAL_CHAMPION)
    User.objects.filter(pk=champion.pk).update(community_centre=centre)
    learner = UserFactory(community_centre=centre)

    migration.centres_to_assignments(apps, None)
    migration.centres_to_assignments(apps, None)

    assert StaffAssignment.objects.get(person=champion).centre == centre
    assert not StaffAssignment.objects.filter(person=learner).exists()


def test_the_demo_champion_is_assigned_to_elm_court():
    from demo.places import demo_seed as places_seed
    from demo.users import demo_seed as users_seed

    places_seed(stdout=io.StringIO())
    users_seed(stdout=io.StringIO())
    users_seed(stdout=io.StringIO())

    champion = User.objects.get(email="champion@example.com")
    assert champion_centre(user=champion).slug == "elm-court-community-centre"
    assert StaffAssignment.objects.filter(person=champion).count() == 1
    assert StaffAssignment.objects.get(person=champion).assigned_by.email == "manager@example.com"
