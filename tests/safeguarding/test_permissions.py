"""Only Safeguarding Officers with two-step sign-in read reports: the one rule
(``safeguarding.permissions.reports_may_handle``), for every role, a superuser and a visitor.
The officer pages and files that call it are checked for every role in ``test_pages_refused``.
"""

from django.contrib.auth.models import AnonymousUser, Group

import pytest
from allauth.mfa.models import Authenticator

from safeguarding.permissions import reports_may_handle
from tests.factories.users import UserFactory
from training.users import roles

pytestmark = pytest.mark.django_db

EVERY_ROLE_BUT_OFFICER = [role for role in roles.ROLES if role != roles.SAFEGUARDING_OFFICER]


def test_the_roles_are_all_here():
    """A new role must be added to these tests (and decided): fails when roles.py grows."""
    assert set(EVERY_ROLE_BUT_OFFICER) | {roles.SAFEGUARDING_OFFICER} == set(roles.ROLES)
    assert len(roles.ROLES) == 7


def test_a_safeguarding_officer_with_two_step_sign_in_may():
    assert reports_may_handle(user=UserFactory(role=roles.SAFEGUARDING_OFFICER))


@pytest.mark.parametrize("role", EVERY_ROLE_BUT_OFFICER)
def test_every_other_role_may_not(role):
    person = UserFactory(role=role, second_factor=True)
    assert not reports_may_handle(user=person)


def test_a_visitor_may_not():
    assert not reports_may_handle(user=AnonymousUser())
    assert not reports_may_handle(user=None)


def test_a_superuser_without_the_role_may_not():
    assert not reports_may_handle(user=UserFactory(is_superuser=True, is_staff=True))


def test_a_superuser_who_also_holds_the_role_may():
    person = UserFactory(is_superuser=True, is_staff=True, role=roles.SAFEGUARDING_OFFICER)
    assert reports_may_handle(user=person)


def test_every_role_at_once_but_the_officer_may_not():
    person = UserFactory(role=roles.MANAGER)
    person.groups.add(*Group.objects.exclude(name=roles.SAFEGUARDING_OFFICER))
    assert not reports_may_handle(user=person)


def test_an_officer_without_two_step_sign_in_may_not():
    person = UserFactory(role=roles.SAFEGUARDING_OFFICER, second_factor=False)
    assert not Authenticator.objects.filter(user=person).exists()
    assert not reports_may_handle(user=person)


def test_an_officer_with_recovery_codes_only_may_not():
    person = UserFactory(role=roles.SAFEGUARDING_OFFICER)
    Authenticator.objects.filter(user=person, type=Authenticator.Type.TOTP).delete()
    assert not reports_may_handle(user=person)


def test_an_officer_whose_account_is_switched_off_may_not():
    person = UserFactory(role=roles.SAFEGUARDING_OFFICER, is_active=False)
    assert not reports_may_handle(user=person)


# --- Every officer page and file, for every role ----------------------------------------------

PAGES = ("list", "export", "case", "evidence")


def _address(page: str, report) -> str:
    return {
        "list": "/safeguarding/cases/",
        "export": "/safeguarding/cases/export.csv",
        "case": f"/safeguarding/cases/{report.pk}/",
        "evidence": f"/safeguarding/cases/evidence/{report.evidence.get().pk}/",
    }[page]


@pytest.fixture
def case(db):
    from tests.safeguarding.cases import case_make

    return case_make(evidence=True)


@pytest.mark.parametrize("page", PAGES)
def test_an_officer_opens_every_page_and_file(client, case, page):
    client.force_login(UserFactory(role=roles.SAFEGUARDING_OFFICER))
    response = client.get(_address(page, case))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "noindex" in response["X-Robots-Tag"]


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("role", [*EVERY_ROLE_BUT_OFFICER, "superuser"])
def test_every_other_role_is_refused_every_page_and_file(client, case, page, role):
    from safeguarding.models import AccessLogEntry

    if role == "superuser":
        person = UserFactory(is_superuser=True, is_staff=True)
    else:
        person = UserFactory(role=role, second_factor=True)
    client.force_login(person)
    response = client.get(_address(page, case))
    assert response.status_code == 403
    assert case.description.encode() not in response.content
    assert AccessLogEntry.objects.get().action == "refused"
    if page == "case":
        assert (
            client.post(_address(page, case), {"form": "note", "note-text": "x"}).status_code == 403
        )
        assert not case.case_notes.exists()


@pytest.mark.parametrize("page", PAGES)
def test_a_visitor_is_sent_to_sign_in(client, case, page):
    response = client.get(_address(page, case))
    assert response.status_code == 302
    assert response["Location"].startswith("/account/login/")


@pytest.mark.parametrize("page", PAGES)
def test_an_officer_without_two_step_sign_in_is_sent_to_set_it_up(client, case, page):
    client.force_login(UserFactory(role=roles.SAFEGUARDING_OFFICER, second_factor=False))
    response = client.get(_address(page, case))
    assert response.status_code == 302
    assert response["Location"].startswith("/account/2fa/")


@pytest.mark.parametrize("role", [*roles.ROLES, "superuser"])
def test_only_officers_see_the_link_on_their_account_page(client, role):
    if role == "superuser":
        person = UserFactory(is_superuser=True, is_staff=True)
    else:
        person = UserFactory(role=role)
    client.force_login(person)
    html = client.get("/account/profile/").content.decode()
    assert ('href="/safeguarding/cases/"' in html) == (role == roles.SAFEGUARDING_OFFICER)
