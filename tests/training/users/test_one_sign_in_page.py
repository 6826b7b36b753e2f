"""Everyone signs in on allauth's page, staff too: the admins' sign-in pages take no passwords."""

import pytest

from tests.factories.users import PASSWORD, UserFactory
from training.users import roles

pytestmark = pytest.mark.django_db

ADMIN_SIGN_IN_PAGES = ["/admin/login/", "/django-admin/login/"]


def signed_in_user_id(client):
    return client.session.get("_auth_user_id")


@pytest.mark.parametrize("url", ADMIN_SIGN_IN_PAGES)
def test_admin_sign_in_pages_take_no_password_and_send_people_to_allauth(client, url):
    superuser = UserFactory(is_superuser=True, is_staff=True, second_factor=False)

    for data in (
        {"username": superuser.username, "password": PASSWORD},
        {"username": superuser.email, "password": PASSWORD},
    ):
        response = client.post(f"{url}?next=/admin/pages/", data)
        assert response.status_code == 302
        assert response["Location"] == "/account/login/?next=%2Fadmin%2Fpages%2F"
        assert signed_in_user_id(client) is None

    page = client.get(url, {"next": "/django-admin/"})
    assert page.status_code == 302
    assert page["Location"] == "/account/login/?next=%2Fdjango-admin%2F"
    assert b'type="password"' not in page.content


@pytest.mark.parametrize(
    ("start", "admin_sign_in"),
    [("/admin/pages/", "/admin/login/"), ("/django-admin/", "/django-admin/login/")],
)
def test_visitors_to_either_admin_end_up_on_the_one_sign_in_page_and_come_back(
    client, start, admin_sign_in
):
    response = client.get(start, follow=True)
    chain = [url for url, _status in response.redirect_chain]
    assert chain[0].startswith(admin_sign_in)
    assert chain[-1].startswith("/account/login/?next=")
    assert start.replace("/", "%2F") in chain[-1]
    assert "Sign in" in response.content.decode()
    assert response.context["form"].__class__.__name__ == "LoginForm"


def test_a_signed_in_person_the_admin_refuses_is_told_no_without_a_loop(client, learner):
    client.force_login(learner)
    response = client.get("/admin/", follow=True)
    assert response.status_code == 403
    assert len(response.redirect_chain) == 1
    response = client.get("/django-admin/", follow=True)
    assert response.status_code == 403


def test_the_wagtail_admin_offers_no_password_reset_or_change(client, editor):
    # Passwords are reset and changed only on allauth's pages (rate limited, emails checked).
    assert client.get("/admin/password_reset/").status_code == 404
    client.force_login(editor)
    assert client.get("/admin/password_reset/").status_code == 404
    assert client.get("/admin/account/change_password/").status_code == 404
    account = client.get("/admin/account/")
    assert account.status_code == 200
    assert b'type="password"' not in account.content


def test_staff_wrong_passwords_are_throttled_on_the_one_sign_in_page(client):
    manager = UserFactory(role=roles.MANAGER)
    for _ in range(5):
        response = client.post("/account/login/", {"login": manager.email, "password": "guess-1"})
        assert "not correct" in response.content.decode()

    # The throttle really holds: now even the right password is refused.
    response = client.post("/account/login/", {"login": manager.email, "password": PASSWORD})
    assert "Too many failed login attempts" in response.content.decode()
    assert signed_in_user_id(client) is None
    assert "/account/2fa/authenticate/" not in response.get("Location", "")


def test_many_wrong_passwords_from_one_address_are_throttled_across_accounts(client):
    people = [UserFactory() for _ in range(11)]
    for person in people[:10]:
        client.post("/account/login/", {"login": person.email, "password": "guess-1"})
    response = client.post("/account/login/", {"login": people[10].email, "password": PASSWORD})
    assert response.status_code == 429 or "Too many" in response.content.decode()
    assert signed_in_user_id(client) is None
