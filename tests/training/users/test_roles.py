from django.contrib.auth.models import Group

import pytest

from training.users import roles

pytestmark = pytest.mark.django_db


def test_every_role_of_the_design_exists_as_a_group():
    assert set(Group.objects.values_list("name", flat=True)) >= set(roles.ROLES)


@pytest.mark.parametrize(
    ("role", "permission", "expected"),
    [
        (roles.DIGITAL_CHAMPION, "users.create_assisted_account", True),
        (roles.LEARNER, "users.create_assisted_account", False),
        (roles.COURSE_EDITOR, "users.create_assisted_account", False),
        (roles.MODERATOR, "users.create_assisted_account", False),
        (roles.SAFEGUARDING_OFFICER, "users.create_assisted_account", False),
        (roles.MANAGER, "users.create_assisted_account", False),
        (roles.COURSE_EDITOR, "wagtailadmin.access_admin", True),
        (roles.LEARNER, "wagtailadmin.access_admin", False),
        (roles.MANAGER, "places.change_communitycentre", True),
        (roles.DIGITAL_CHAMPION, "places.change_communitycentre", False),
        (roles.LEARNER, "places.change_neighbourhood", False),
        (roles.MANAGER, "voice.import_tenancies", True),
        (roles.DIGITAL_CHAMPION, "voice.import_tenancies", False),
        (roles.DIGITAL_CHAMPION, "voice.verify_tenant_in_person", True),
        (roles.MANAGER, "voice.verify_tenant_in_person", False),
        (roles.LEARNER, "voice.verify_tenant_in_person", False),
    ],
)
def test_each_role_has_exactly_its_permissions(role_users, role, permission, expected):
    assert role_users[role].has_perm(permission) is expected


def test_a_housing_officer_checks_tenants_and_signs_in_with_a_second_step():
    from tests.factories.users import UserFactory

    officer = UserFactory(role=roles.HOUSING_OFFICER)
    assert officer.has_perm("voice.verify_tenant_in_person")
    for permission in (
        "voice.import_tenancies",
        "wagtailadmin.access_admin",
        "users.create_assisted_account",
        "places.change_staffassignment",
    ):
        assert not officer.has_perm(permission), permission
    assert roles.role_needs_second_factor(officer)
    assert str(roles.ROLE_DESCRIPTIONS[roles.HOUSING_OFFICER])


def test_roles_sync_is_safe_to_run_again():
    from django.apps import apps

    roles.roles_sync(apps)
    roles.roles_sync(apps)
    assert Group.objects.filter(name=roles.MANAGER).count() == 1
    champion = Group.objects.get(name=roles.DIGITAL_CHAMPION)
    assert champion.permissions.filter(codename="create_assisted_account").exists()


def test_a_learner_cannot_open_the_wagtail_admin(client, learner):
    client.force_login(learner)
    response = client.get("/admin/", follow=True)
    final_url = response.redirect_chain[-1][0] if response.redirect_chain else "/admin/"
    # Wagtail sends them to its sign-in address, which tells a signed-in person no (sending
    # them on to allauth's sign-in page would bring them straight back).
    assert final_url.startswith("/admin/login/")
    assert response.status_code == 403
    assert "You do not have permission to access the admin" in response.content.decode()
    assert "Staff only" in response.content.decode()


def test_staff_sign_in_to_the_admin_with_their_email_on_the_one_sign_in_page(
    client, editor, password
):
    response = client.get("/admin/", follow=True)
    sign_in_url = response.redirect_chain[-1][0]
    assert sign_in_url == "/account/login/?next=%2Fadmin%2F"
    response = client.post(sign_in_url, {"login": editor.email, "password": password}, follow=True)
    assert response.context["user"] == editor
    assert response.redirect_chain[-1][0] == "/admin/"


def test_a_manager_can_manage_places_in_the_wagtail_admin(client, manager, centre):
    client.force_login(manager)
    response = client.get("/admin/snippets/places/communitycentre/")
    assert response.status_code == 200
    assert centre.name in response.content.decode()


def test_a_learner_is_refused_the_places_admin(client, learner):
    client.force_login(learner)
    response = client.get("/admin/snippets/places/communitycentre/")
    assert response.status_code != 200
