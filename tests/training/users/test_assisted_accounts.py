"""Digital Champions make accounts for learners with no email address."""

from django.core.exceptions import PermissionDenied

import pytest

from training.core.models import ActivityEvent
from training.users import roles
from training.users.models import User
from training.users.passwords import WORDS
from training.users.services import assisted_account_create

pytestmark = pytest.mark.django_db


def test_champion_creates_an_account_and_sees_a_sign_in_card(client, champion):
    client.force_login(champion)
    response = client.post("/account/assisted/new/", {"display_name": "Pat Smith"}, follow=True)

    learner = User.objects.get(display_name="Pat Smith")
    assert learner.username == "pat.smith"
    assert learner.email == ""
    assert learner.created_with_assistance
    assert learner.assisted_by == champion
    assert learner.community_centre == champion.community_centre
    assert learner.groups.filter(name=roles.LEARNER).exists()
    event = ActivityEvent.objects.get(actor=learner, verb="account.created")
    assert event.context == {"assisted": True, "helper_id": champion.pk}

    html = response.content.decode()
    assert "sign-in card" in html
    assert "pat.smith" in html
    password = response.context["password"]
    assert password in html
    words = password.split("-")
    assert len(words) == 4 and all(word in WORDS for word in words[:3])
    assert learner.check_password(password)


def test_the_learner_signs_in_with_the_username_and_password_on_the_card(client, champion):
    account = assisted_account_create(champion=champion, display_name="Pat")
    client.logout()

    response = client.post(
        "/account/login/",
        {"login": account.user.username, "password": account.password},
        follow=True,
    )
    assert response.context["user"] == account.user


def test_the_learner_can_add_an_email_later(client, champion, django_capture_on_commit_callbacks):
    account = assisted_account_create(champion=champion, display_name="Pat")
    client.force_login(account.user)

    with django_capture_on_commit_callbacks(execute=True):
        client.post("/account/email/", {"action_add": "", "email": "pat@example.com"})

    from allauth.account.models import EmailAddress

    assert EmailAddress.objects.filter(user=account.user, email="pat@example.com").exists()
    client.logout()
    # Still able to sign in with the card while the new address waits to be verified.
    response = client.post(
        "/account/login/",
        {"login": account.user.username, "password": account.password},
        follow=True,
    )
    assert response.context["user"] == account.user


def test_champion_may_choose_the_username_and_password(client, champion):
    client.force_login(champion)
    client.post(
        "/account/assisted/new/",
        {"display_name": "Ali", "username": "ali.b", "password": "sunny-garden-teapot-12"},
    )
    learner = User.objects.get(username="ali.b")
    assert learner.check_password("sunny-garden-teapot-12")


def test_taken_username_and_weak_password_are_explained_and_input_kept(client, champion, learner):
    client.force_login(champion)
    response = client.post(
        "/account/assisted/new/",
        {"display_name": "Ali", "username": learner.username, "password": "123"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Someone already has that username" in html
    assert "too short" in html
    assert 'value="Ali"' in html
    assert not User.objects.filter(display_name="Ali").exists()


def test_same_name_twice_gets_a_different_username(champion):
    first = assisted_account_create(champion=champion, display_name="Pat Smith")
    second = assisted_account_create(champion=champion, display_name="Pat Smith")
    assert (first.user.username, second.user.username) == ("pat.smith", "pat.smith2")


@pytest.mark.parametrize(
    "role",
    [
        roles.LEARNER,
        roles.COURSE_EDITOR,
        roles.MODERATOR,
        roles.SAFEGUARDING_OFFICER,
        roles.MANAGER,
    ],
)
def test_nobody_but_a_champion_can_create_assisted_accounts(client, role_users, role):
    user = role_users[role]
    client.force_login(user)
    assert client.get("/account/assisted/new/").status_code == 403
    assert client.post("/account/assisted/new/", {"display_name": "X"}).status_code == 403
    with pytest.raises(PermissionDenied):
        assisted_account_create(champion=user, display_name="X")
    assert not User.objects.filter(display_name="X").exists()


def test_signed_out_visitors_are_sent_to_sign_in(client):
    response = client.get("/account/assisted/new/")
    assert response.status_code in (302, 403)
    assert not User.objects.filter(created_with_assistance=True).exists()


def test_another_champion_cannot_see_the_card(client, champion, centre):
    from tests.factories.users import UserFactory

    account = assisted_account_create(champion=champion, display_name="Pat")
    other = UserFactory(role=roles.DIGITAL_CHAMPION, community_centre=centre)
    client.force_login(other)
    assert client.get(f"/account/assisted/{account.user.pk}/card/").status_code == 403


def test_the_password_is_forgotten_once_the_card_is_printed(client, champion):
    client.force_login(champion)
    response = client.post("/account/assisted/new/", {"display_name": "Pat"}, follow=True)
    password = response.context["password"]
    learner = User.objects.get(display_name="Pat")

    client.post(f"/account/assisted/{learner.pk}/done/")
    html = client.get(f"/account/assisted/{learner.pk}/card/").content.decode()
    assert password not in html
    assert "Not shown any more" in html
