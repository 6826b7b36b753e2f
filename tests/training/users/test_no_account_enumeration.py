"""Nothing tells a visitor whether an email address has an account here."""

import re

from django.core import mail
from django.test import Client

import pytest

from training.users.models import User

pytestmark = pytest.mark.django_db

STRONG = "kettle-otter-maple-47"


def comparable(html: str) -> str:
    """The page without its per-request CSRF token."""
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


def ask_for_reset(email: str, capture):
    client = Client()
    with capture(execute=True):
        response = client.post("/account/password/reset/", {"email": email})
    page = client.get(response["Location"]) if response.status_code == 302 else response
    return response, page


def test_password_reset_answers_the_same_for_known_and_unknown_addresses(
    learner, django_capture_on_commit_callbacks
):
    known, known_page = ask_for_reset(learner.email, django_capture_on_commit_callbacks)
    assert [message.to for message in mail.outbox] == [[learner.email]]

    unknown, unknown_page = ask_for_reset("nobody@example.com", django_capture_on_commit_callbacks)
    # Only the known address was sent an email; the stranger gets nothing at all.
    assert [message.to for message in mail.outbox] == [[learner.email]]

    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"] == "/account/password/reset/done/"
    assert known_page.status_code == unknown_page.status_code == 200
    assert comparable(known_page.content.decode()) == comparable(unknown_page.content.decode())
    assert "nobody@example.com" not in unknown_page.content.decode()


def test_sign_up_with_a_known_address_looks_like_any_sign_up_and_emails_the_owner(
    learner, django_capture_on_commit_callbacks
):
    new_client, known_client = Client(), Client()
    with django_capture_on_commit_callbacks(execute=True):
        new = new_client.post(
            "/account/signup/",
            {"email": "new@example.com", "password1": STRONG, "password2": STRONG},
        )
    with django_capture_on_commit_callbacks(execute=True):
        known = known_client.post(
            "/account/signup/",
            {"email": learner.email.upper(), "password1": STRONG, "password2": STRONG},
        )

    assert new.status_code == known.status_code == 302
    assert new["Location"] == known["Location"]
    # The same page, each naming the address that was typed.
    new_page = new_client.get(new["Location"]).content.decode()
    known_page = known_client.get(known["Location"]).content.decode()
    assert comparable(new_page.replace("new@example.com", "EMAIL")) == comparable(
        known_page.replace(learner.email.upper(), "EMAIL").replace(learner.email, "EMAIL")
    )
    # No second account; the owner of the address is told someone tried.
    assert User.objects.filter(email__iexact=learner.email).count() == 1
    to_owner = [m for m in mail.outbox if [a.lower() for a in m.to] == [learner.email]]
    assert len(to_owner) == 1
    assert "already" in to_owner[0].body.lower()
