"""The email-choice page, recent messages, and the signed one-click unsubscribe link."""

import re

from django.core import mail
from django.test import Client
from django.urls import reverse

import pytest

from notifications.email import unsubscribe_token
from notifications.models import EmailChoice, NotificationPreference
from notifications.selectors import email_choice_get
from notifications.services import email_choice_set, notification_send
from tests.factories.notifications import NotificationFactory
from tests.factories.users import UserFactory
from tests.notifications.conftest import SITE

pytestmark = pytest.mark.django_db

SETTINGS = "/account/notifications/"


def stop_url(person) -> str:
    token = unsubscribe_token(person_id=person.pk)
    return reverse("notifications:unsubscribe", kwargs={"token": token})


def test_settings_address_is_the_one_in_the_brief():
    assert reverse("notifications:settings") == SETTINGS


def test_signed_out_visitors_are_sent_to_sign_in(client):
    response = client.get(SETTINGS)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    response = client.post(SETTINGS, {"email": EmailChoice.NONE})
    assert response.status_code == 302
    assert not NotificationPreference.objects.exists()


def test_the_page_shows_the_three_choices_with_the_default_ticked(client, learner):
    client.force_login(learner)
    response = client.get(SETTINGS)
    html = response.content.decode()
    assert response.status_code == 200
    for label in ("Email me straight away", "One email a day with everything", "No emails"):
        assert label in html
    assert re.search(r'value="immediate" id="id_email_0"[^>]*checked', html)
    assert "<legend" in html and "How should we email you?" in html
    assert "reminder emails about courses" in html  # the course reminders are set elsewhere


def test_choosing_daily_is_saved_and_confirmed(client, learner):
    client.force_login(learner)
    response = client.post(SETTINGS, {"email": EmailChoice.DAILY}, follow=True)
    assert response.redirect_chain == [(SETTINGS, 302)]
    assert "Saved. We will send you one email a day" in response.content.decode()
    assert email_choice_get(person=learner) == EmailChoice.DAILY
    assert re.search(r'value="daily" id="id_email_1"[^>]*checked', response.content.decode())


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"email": "weekly"}, "Choose one of the three options."),
        ({}, "Choose how we should email you."),
    ],
)
def test_bad_input_gets_a_clear_message_and_changes_nothing(client, learner, data, message):
    email_choice_set(person=learner, choice=EmailChoice.DAILY)
    client.force_login(learner)
    response = client.post(SETTINGS, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html
    assert html.count(message) == 2  # in the summary and beside the choices
    assert "<title>Error:" in html
    assert email_choice_get(person=learner) == EmailChoice.DAILY


def test_recent_messages_are_listed_even_with_no_emails(client, learner, send_now):
    email_choice_set(person=learner, choice=EmailChoice.NONE)
    notification_send(
        recipient=learner,
        kind="join_decision",
        subject="You are now a member of Elm Court Gardeners",
        body="The group owner said yes.",
        url="/community/groups/elm-court-gardeners/",
    )
    NotificationFactory(subject="Somebody else's message")
    client.force_login(learner)
    html = client.get(SETTINGS).content.decode()
    assert (
        '<a href="/community/groups/elm-court-gardeners/">'
        "You are now a member of Elm Court Gardeners</a>" in html
    )
    assert "The group owner said yes." in html
    assert "Somebody else" not in html
    assert mail.outbox == []


def test_messages_are_escaped_on_the_page(client, learner):
    NotificationFactory(recipient=learner, subject="<script>alert(1)</script>", body="<b>hi</b>")
    client.force_login(learner)
    html = client.get(SETTINGS).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<b>hi</b>" not in html


def test_the_page_makes_the_same_number_of_queries_however_many_messages(client, learner):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(learner)
    counts: dict[int, int] = {}
    made = 0
    for total in (1, 30):
        NotificationFactory.create_batch(total - made, recipient=learner)
        made = total
        client.get(SETTINGS)  # warm the session and caches
        with CaptureQueriesContext(connection) as queries:
            response = client.get(SETTINGS)
        html = response.content.decode()
        assert html.count('class="notification-list__item"') == min(total, 20)
        counts[total] = len(queries)
    # session, user, choice, verified address, recent messages, and the header's role read:
    # at most 6, and the same for 1 message as for 30.
    assert counts[1] == counts[30] <= 6


def test_the_profile_page_links_to_the_settings(client, learner):
    client.force_login(learner)
    html = client.get(reverse("users:profile")).content.decode()
    assert f'href="{SETTINGS}">Emails about the community</a>' in html


def test_unsubscribe_link_asks_first_and_changes_nothing_on_get(client, learner):
    response = client.get(stop_url(learner))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Stop community emails" in html
    assert 'method="post"' in html
    assert email_choice_get(person=learner) == EmailChoice.IMMEDIATE


def test_unsubscribe_post_switches_to_no_emails_without_signing_in_or_csrf(learner):
    client = Client(enforce_csrf_checks=True)
    response = client.post(stop_url(learner), {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert "Community emails are off" in response.content.decode()
    assert email_choice_get(person=learner) == EmailChoice.NONE
    # Pressing it again is harmless.
    assert client.post(stop_url(learner)).status_code == 200
    assert "Community emails are off" in client.get(stop_url(learner)).content.decode()


@pytest.mark.parametrize("mangle", ["tamper", "garbage", "deleted"])
def test_bad_unsubscribe_links_are_refused_with_a_clear_page(client, learner, mangle):
    other = UserFactory()
    token = unsubscribe_token(person_id=other.pk)
    if mangle == "tamper":
        token = unsubscribe_token(person_id=learner.pk).replace(str(learner.pk), str(other.pk), 1)
        token = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    elif mangle == "garbage":
        token = "not-a-token"
    else:
        other.delete()
    url = reverse("notifications:unsubscribe", kwargs={"token": token})
    for response in (client.get(url), client.post(url)):
        assert response.status_code == 400
        assert "This link does not work" in response.content.decode()
    assert not NotificationPreference.objects.exists()


def test_a_token_from_another_signed_link_is_refused(client, learner):
    from django.core import signing

    token = signing.dumps(learner.pk, salt="courses.progress.nudges.opt-out")
    url = reverse("notifications:unsubscribe", kwargs={"token": token})
    assert client.post(url).status_code == 400
    assert email_choice_get(person=learner) == EmailChoice.IMMEDIATE


def test_the_link_in_a_real_email_works_end_to_end(learner, send_now):
    with send_now():
        notification_send(recipient=learner, kind="reply", subject="Sam replied", body="Hi")
    header = mail.outbox[0].extra_headers["List-Unsubscribe"]
    assert header.startswith(f"<{SITE}/")
    path = header.strip("<>").removeprefix(SITE)
    response = Client(enforce_csrf_checks=True).post(
        path, data="List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    assert email_choice_get(person=learner) == EmailChoice.NONE
    with send_now():
        notification_send(recipient=learner, kind="reply", subject="Sam replied", body="Again")
    assert len(mail.outbox) == 1
