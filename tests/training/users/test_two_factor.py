"""Two-step sign-in (allauth.mfa): required for staff who can read other people's personal data.

These tests use the real sign-in (a POST to allauth's page), never force_login, because
force_login skips the password and the code alike.
"""

from django.contrib.auth.models import Group

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes

from tests.factories.users import PASSWORD, TOTP_SECRET, UserFactory, totp_code
from training.users import roles
from training.users.forms import SHARED_COMPUTER_SESSION_KEY
from training.users.roles import role_needs_second_factor

pytestmark = pytest.mark.django_db

SET_UP = "/account/2fa/"
CODE_PAGE = "/account/2fa/authenticate/"
# Pages that show other people's personal data, for the roles that may see them.
PERSONAL_DATA_PAGES = ["/dashboard/", "/admin/", "/admin/community/moderation/", "/django-admin/"]


def sign_in(client, user, password=PASSWORD):
    return client.post("/account/login/", {"login": user.email, "password": password})


def open_app_set_up(client, password=PASSWORD):
    """Adding an app first asks for the password again (allauth's reauthentication)."""
    response = client.get("/account/2fa/totp/activate/")
    assert response.status_code == 302
    assert response["Location"].startswith("/account/reauthenticate/")
    response = client.post(response["Location"], {"password": password})
    assert response.status_code == 302
    page = client.get("/account/2fa/totp/activate/")
    assert page.status_code == 200
    return page


def signed_in_user_id(client):
    return client.session.get("_auth_user_id")


def staff_without_second_factor(kind):
    if kind == "superuser":
        return UserFactory(is_superuser=True, is_staff=True, second_factor=False)
    return UserFactory(role=kind, second_factor=False)


STAFF_KINDS = [
    roles.MANAGER,
    roles.MODERATOR,
    roles.SAFEGUARDING_OFFICER,
    roles.HOUSING_OFFICER,
    "superuser",
]


def test_the_one_rule_names_the_roles_that_read_personal_data():
    needs = {
        kind: role_needs_second_factor(
            UserFactory(is_superuser=True, second_factor=False)
            if kind == "superuser"
            else UserFactory(role=kind, second_factor=False)
        )
        for kind in [*roles.ROLES, "superuser"]
    }
    assert needs == {
        roles.LEARNER: False,
        roles.DIGITAL_CHAMPION: False,
        roles.COURSE_EDITOR: False,
        roles.MODERATOR: True,
        roles.SAFEGUARDING_OFFICER: True,
        roles.MANAGER: True,
        roles.HOUSING_OFFICER: True,
        "superuser": True,
    }


@pytest.mark.parametrize("kind", STAFF_KINDS)
def test_staff_without_a_second_step_are_sent_to_set_one_up_from_every_page(client, kind):
    user = staff_without_second_factor(kind)

    response = sign_in(client, user)
    assert response.status_code == 302
    assert signed_in_user_id(client) == str(user.pk)

    for url in [*PERSONAL_DATA_PAGES, "/", "/account/profile/", "/my-learning/"]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"] == SET_UP, url

    page = client.get(SET_UP)
    assert page.status_code == 200
    text = page.content.decode()
    assert "You need to do this before you carry on" in text
    assert "personal details" in text and "second step when you sign in" in text
    assert 'href="/account/2fa/totp/activate/"' in text
    # Signing out still works.
    assert client.post("/account/logout/").status_code == 302
    assert signed_in_user_id(client) is None


def test_setting_up_the_app_lets_a_manager_in(client):
    manager = staff_without_second_factor(roles.MANAGER)
    sign_in(client, manager)

    page = open_app_set_up(client)
    html = page.content.decode()
    # The QR code is a data: image, which our Content Security Policy allows; no inline script.
    assert 'src="data:image/svg+xml;base64,' in html
    assert "img-src 'self' data:" in page["Content-Security-Policy"]
    assert "<script" not in html.split('<main id="main"')[1].split("</main>")[0]
    secret = page.context["form"].secret
    assert f'id="authenticator-secret">{secret}<' in html

    wrong = client.post("/account/2fa/totp/activate/", {"code": "000000"})
    assert wrong.status_code == 200
    assert "Incorrect code" in wrong.content.decode()
    assert client.get("/dashboard/")["Location"] == SET_UP

    response = client.post("/account/2fa/totp/activate/", {"code": totp_code(secret)})
    assert response.status_code == 302
    assert response["Location"] == "/account/2fa/recovery-codes/"
    codes_page = client.get(response["Location"]).content.decode()
    assert "Your recovery codes" in codes_page
    assert Authenticator.objects.filter(user=manager, type="totp").exists()
    assert Authenticator.objects.filter(user=manager, type="recovery_codes").exists()

    assert client.get("/dashboard/").status_code == 200


@pytest.mark.parametrize("kind", STAFF_KINDS)
def test_staff_with_an_app_must_enter_the_code_before_reaching_anything(client, kind):
    if kind == "superuser":
        user = UserFactory(is_superuser=True, is_staff=True)
    else:
        user = UserFactory(role=kind)
    assert Authenticator.objects.filter(user=user, type="totp").exists()  # from the factory

    response = sign_in(client, user)
    assert response.status_code == 302
    assert response["Location"] == CODE_PAGE
    assert signed_in_user_id(client) is None  # the password alone signs no one in

    for url in PERSONAL_DATA_PAGES:
        response = client.get(url)
        assert response.status_code == 302, url
        assert "login" in response["Location"], url
    assert signed_in_user_id(client) is None

    page = client.get(CODE_PAGE)
    assert "Enter your code" in page.content.decode()
    wrong = client.post(CODE_PAGE, {"code": "123456" if totp_code() != "123456" else "654321"})
    assert wrong.status_code == 200
    assert "Incorrect code" in wrong.content.decode()
    assert signed_in_user_id(client) is None

    response = client.post(CODE_PAGE, {"code": totp_code(TOTP_SECRET)})
    assert response.status_code == 302
    assert signed_in_user_id(client) == str(user.pk)
    if kind == roles.MANAGER or kind == "superuser":
        assert client.get("/dashboard/").status_code == 200
    if kind == roles.HOUSING_OFFICER:  # no admin access: their pages are on the site
        assert client.get("/voice/tenants/").status_code == 200
    else:
        assert client.get("/admin/").status_code == 200


def test_a_recovery_code_works_once(client, manager):
    codes = RecoveryCodes(
        Authenticator.objects.get(user=manager, type="recovery_codes")
    ).get_unused_codes()
    code = codes[0]

    sign_in(client, manager)
    response = client.post(CODE_PAGE, {"code": code})
    assert response.status_code == 302
    assert signed_in_user_id(client) == str(manager.pk)
    assert client.get("/dashboard/").status_code == 200

    client.post("/account/logout/")
    sign_in(client, manager)
    again = client.post(CODE_PAGE, {"code": code})
    assert again.status_code == 200
    assert "Incorrect code" in again.content.decode()
    assert signed_in_user_id(client) is None
    # Another unused code still works.
    client.post(CODE_PAGE, {"code": codes[1]})
    assert signed_in_user_id(client) == str(manager.pk)


def test_wrong_codes_are_rate_limited(client, manager):
    sign_in(client, manager)
    wrong = "123456" if totp_code() != "123456" else "654321"
    for _ in range(5):
        client.post(CODE_PAGE, {"code": wrong})
    response = client.post(CODE_PAGE, {"code": totp_code()})
    assert "Too many failed" in response.content.decode()
    assert signed_in_user_id(client) is None


@pytest.mark.parametrize("kind", [roles.LEARNER, roles.DIGITAL_CHAMPION, roles.COURSE_EDITOR])
def test_other_roles_are_never_forced_but_are_offered_it(client, kind, centre):
    user = UserFactory(role=kind, community_centre=centre)
    assert not Authenticator.objects.filter(user=user).exists()

    response = sign_in(client, user)
    assert response.status_code == 302
    assert response["Location"] != CODE_PAGE
    assert signed_in_user_id(client) == str(user.pk)
    for url in ["/", "/my-learning/", "/account/profile/"]:
        assert client.get(url).status_code == 200, url
    if kind == roles.DIGITAL_CHAMPION:
        assert client.get("/champion/learners/").status_code == 200

    profile = client.get("/account/profile/").content.decode()
    assert "Add a second step when you sign in" in profile
    assert 'href="/account/2fa/"' in profile
    offer = client.get(SET_UP).content.decode()
    assert "You need to do this before you carry on" not in offer
    assert "Set up an authenticator app" in offer


def test_a_champion_who_adds_an_app_is_asked_for_the_code(client, champion):
    sign_in(client, champion)
    page = open_app_set_up(client)
    secret = page.context["form"].secret
    client.post("/account/2fa/totp/activate/", {"code": totp_code(secret)})
    assert "Two-step sign-in is on" in client.get("/account/profile/").content.decode()
    client.post("/account/logout/")

    response = sign_in(client, champion)
    assert response["Location"] == CODE_PAGE
    assert signed_in_user_id(client) is None


def test_demo_staff_who_need_it_get_the_published_demo_app(client, demo_seeded):
    from demo.two_factor import DEMO_TOTP_SECRET
    from demo.users import DEMO_PASSWORD
    from training.users.models import User

    output = demo_seeded.output
    assert DEMO_PASSWORD in output and DEMO_TOTP_SECRET in output
    with_app = set(Authenticator.objects.filter(type="totp").values_list("user__email", flat=True))
    assert with_app == {
        "moderator@example.com",
        "safeguarding@example.com",
        "manager@example.com",
        "officer@example.com",
        "admin@example.com",
    }

    manager = User.objects.get(email="manager@example.com")
    client.post("/account/login/", {"login": manager.email, "password": DEMO_PASSWORD})
    assert signed_in_user_id(client) is None
    client.post(CODE_PAGE, {"code": totp_code(DEMO_TOTP_SECRET)})
    assert signed_in_user_id(client) == str(manager.pk)
    assert client.get("/dashboard/").status_code == 200


def test_someone_made_a_manager_while_signed_in_must_set_up_a_second_step_at_once(client):
    """The rule is read with the person on every request (training/users/backends.py), so a
    new role takes effect on the next page, not at the next sign-in."""
    user = UserFactory(second_factor=False)
    sign_in(client, user)
    assert client.get("/my-learning/").status_code == 200

    user.groups.add(Group.objects.get(name=roles.MANAGER))

    response = client.get("/my-learning/")
    assert response.status_code == 302
    assert response["Location"] == SET_UP


def test_this_is_a_shared_computer_holds_for_staff_who_enter_a_code(client, settings):
    user = UserFactory(role=roles.MANAGER)
    response = client.post(
        "/account/login/",
        {"login": user.email, "password": PASSWORD, "shared_computer": "on"},
    )
    assert response["Location"] == CODE_PAGE
    client.post(CODE_PAGE, {"code": totp_code(TOTP_SECRET)})

    assert signed_in_user_id(client) == str(user.pk)
    assert client.session.get(SHARED_COMPUTER_SESSION_KEY) is True
    assert client.session.get_expiry_age() <= settings.SHARED_COMPUTER_SESSION_SECONDS


def test_checking_it_is_you_with_the_app_asks_for_the_code(client):
    user = UserFactory(role=roles.MANAGER)
    client.force_login(user)

    page = client.get("/account/2fa/reauthenticate/")

    text = page.content.decode()
    assert page.status_code == 200
    assert "type the code your authenticator app shows now" in text
    assert 'action="/account/2fa/reauthenticate/"' in text
