"""Self-service accounts with django-allauth: sign up, verify, sign in, reset, change email."""

import re

from django.core import mail
from django.utils import timezone

import pytest
from allauth.account.models import EmailAddress, EmailConfirmationHMAC

from training.core.models import ActivityEvent
from training.users import roles
from training.users.models import User

pytestmark = pytest.mark.django_db

STRONG = "kettle-otter-maple-47"


def signup(client, **data):
    payload = {"email": "new@example.com", "password1": STRONG, "password2": STRONG}
    payload.update(data)
    return client.post("/account/signup/", payload)


def link_in(message) -> str:
    return re.search(r"https?://\S+", message.body).group(0)


def test_sign_up_sends_a_verification_email_and_records_the_account(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = signup(client, display_name="Pat")

    assert response.status_code == 302
    user = User.objects.get(email="new@example.com")
    assert user.display_name == "Pat"
    assert user.groups.filter(name=roles.LEARNER).exists()
    assert ActivityEvent.objects.filter(actor=user, verb="account.created").exists()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["new@example.com"]
    assert "/account/confirm-email/" in link_in(mail.outbox[0])
    assert not EmailAddress.objects.get(user=user).verified


def test_following_the_link_verifies_and_signs_in(client, django_capture_on_commit_callbacks):
    # Same browser session as the sign-up: allauth signs people in on confirmation only then.
    with django_capture_on_commit_callbacks(execute=True):
        signup(client)
    url = link_in(mail.outbox[0])

    page = client.get(url)
    assert "Confirm" in page.content.decode()
    response = client.post(url, follow=True)

    assert EmailAddress.objects.get(email="new@example.com").verified
    assert response.context["user"].is_authenticated


def test_unverified_accounts_cannot_sign_in_until_they_verify(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        signup(client)
    client.logout()

    response = client.post(
        "/account/login/", {"login": "new@example.com", "password": STRONG}, follow=True
    )
    assert not response.context["user"].is_authenticated
    assert "verify" in response.content.decode().lower()


def test_expired_verification_link_is_explained(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        signup(client)
    address = EmailAddress.objects.get(email="new@example.com")
    key = EmailConfirmationHMAC(address).key
    client.logout()

    later = timezone.now() + timezone.timedelta(days=4)
    from unittest import mock

    with mock.patch("django.core.signing.time.time", return_value=later.timestamp()):
        response = client.get(f"/account/confirm-email/{key}/")

    html = response.content.decode()
    assert "expired or is invalid" in html
    assert not EmailAddress.objects.get(pk=address.pk).verified


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"email": "pat@example"}, "email", "Enter a valid email address."),
        ({"password1": "password", "password2": "password"}, "password1", "too common"),
        ({"password1": "abc", "password2": "abc"}, "password1", "too short"),
        ({"password2": "something-else-99"}, "password2", "same password"),
    ],
)
def test_bad_sign_up_input_gets_a_message_beside_the_field_and_keeps_the_email(
    client, data, field, message
):
    response = signup(client, display_name="Pat", **data)

    assert response.status_code == 200
    form = response.context["form"]
    assert any(message in error for error in form.errors[field])
    html = response.content.decode()
    assert message.split()[0] in html
    typed_email = data.get("email", "new@example.com")
    assert f'value="{typed_email}"' in html
    assert 'value="Pat"' in html
    assert not User.objects.filter(email=typed_email).exists()


def test_duplicate_email_makes_no_account_and_tells_only_the_owner(
    client, learner, django_capture_on_commit_callbacks
):
    # The page must not say the address is taken (that would tell anyone who has an account
    # here: ACCOUNT_PREVENT_ENUMERATION). The usual "check your email" page follows, and the
    # owner of the address is emailed that they already have an account.
    with django_capture_on_commit_callbacks(execute=True):
        response = signup(client, email=learner.email.upper())

    assert response.status_code == 302
    assert response["Location"] == "/account/confirm-email/"
    assert "already" not in client.get(response["Location"]).content.decode()
    assert User.objects.filter(email__iexact=learner.email).count() == 1
    assert len(mail.outbox) == 1
    assert "You already have an account" in mail.outbox[0].subject


def test_sign_in_with_email_and_password(client, learner, password):
    response = client.post(
        "/account/login/", {"login": learner.email, "password": password}, follow=True
    )
    assert response.context["user"] == learner


def test_wrong_password_is_refused_and_keeps_the_email(client, learner):
    response = client.post("/account/login/", {"login": learner.email, "password": "nope-nope"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "not correct" in html
    assert f'value="{learner.email}"' in html


def test_sign_in_attempts_are_rate_limited(client, learner):
    for _ in range(5):
        client.post("/account/login/", {"login": learner.email, "password": "wrong-guess"})
    response = client.post("/account/login/", {"login": learner.email, "password": "wrong-guess"})
    assert "Too many failed login attempts" in response.content.decode()


def test_password_reset_email_and_new_password(client, learner, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/account/password/reset/", {"email": learner.email})
    assert len(mail.outbox) == 1
    link = link_in(mail.outbox[0])
    response = client.get(link, follow=True)
    form_url = response.redirect_chain[-1][0] if response.redirect_chain else link
    client.post(form_url, {"password1": STRONG, "password2": STRONG})

    learner.refresh_from_db()
    assert learner.check_password(STRONG)


def test_change_of_email_sends_verification_to_the_new_address(
    client, learner, django_capture_on_commit_callbacks
):
    client.force_login(learner)
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/account/email/", {"action_add": "", "email": "moved@example.com"})

    assert EmailAddress.objects.filter(user=learner, email="moved@example.com").exists()
    assert mail.outbox[-1].to == ["moved@example.com"]
