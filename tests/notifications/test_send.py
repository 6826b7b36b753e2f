"""notification_send: stored always, emailed by the person's choice, never twice per key."""

from django.core import mail
from django.db import transaction

import pytest

from notifications.email import unsubscribe_person_id
from notifications.models import (
    Delivery,
    EmailChoice,
    Notification,
    NotificationKind,
    NotificationPreference,
)
from notifications.services import email_choice_set, notification_send
from tests.factories.notifications import NotificationFactory
from tests.factories.users import UserFactory
from tests.notifications.conftest import SITE

pytestmark = pytest.mark.django_db


def reply(recipient, **kwargs):
    values = {
        "recipient": recipient,
        "kind": NotificationKind.REPLY,
        "subject": "Sam replied to your post",
        "body": "Sam said: What a lovely photo!",
        "url": "/community/posts/3/",
    }
    return notification_send(**{**values, **kwargs})


def test_straight_away_is_the_default_and_sends_one_email_after_commit(
    learner, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        notification = reply(learner)
    assert mail.outbox == []  # nothing leaves before the commit
    assert len(callbacks) == 1
    callbacks[0]()

    assert notification.delivery == Delivery.IMMEDIATE
    assert notification.emailed_at is not None
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == [learner.email]
    assert email.subject == "Sam replied to your post"
    assert "Sam said: What a lovely photo!" in email.body
    assert f"{SITE}/community/posts/3/" in email.body
    html, mime = email.alternatives[0]
    assert mime == "text/html"
    assert f'href="{SITE}/community/posts/3/"' in html
    assert f"Hello {learner.name}," in email.body


def test_the_email_is_not_sent_when_the_callers_transaction_rolls_back(learner, send_now):
    with send_now():
        try:
            with transaction.atomic():
                reply(learner)
                raise RuntimeError("the caller failed")
        except RuntimeError:
            pass
    assert mail.outbox == []
    assert not Notification.objects.exists()


def test_every_email_has_a_one_click_list_unsubscribe_header(learner, send_now):
    with send_now():
        reply(learner)
    headers = mail.outbox[0].extra_headers
    # The link is signed with the time, so one made now may differ by a second: read the one
    # sent and check that it is the learner's stop link.
    link = headers["List-Unsubscribe"].removeprefix("<").removesuffix(">")
    prefix = f"{SITE}/account/notifications/stop/"
    assert link.startswith(prefix)
    assert unsubscribe_person_id(token=link.removeprefix(prefix).strip("/")) == learner.pk
    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert link in mail.outbox[0].body
    assert mail.outbox[0].message()["List-Unsubscribe"] == f"<{link}>"


def test_daily_digest_choice_sends_nothing_now(learner, send_now):
    email_choice_set(person=learner, choice=EmailChoice.DAILY)
    with send_now():
        notification = reply(learner)
    assert mail.outbox == []
    stored = Notification.objects.get(pk=notification.pk)
    assert stored.delivery == Delivery.DIGEST
    assert stored.emailed_at is None
    assert stored.digested_at is None


@pytest.mark.parametrize("kind", [NotificationKind.EVENT_REMINDER, NotificationKind.EVENT_UPDATE])
def test_event_emails_do_not_wait_for_the_daily_email_but_respect_no_emails(
    learner, send_now, kind
):
    email_choice_set(person=learner, choice=EmailChoice.DAILY)
    with send_now():
        on_time = reply(learner, kind=kind, subject="Coffee and computers is tomorrow")
    assert on_time.delivery == Delivery.IMMEDIATE
    assert [email.subject for email in mail.outbox] == ["Coffee and computers is tomorrow"]

    email_choice_set(person=learner, choice=EmailChoice.NONE)
    with send_now():
        quiet = reply(learner, kind=kind, subject="Another event")
    assert quiet.delivery == Delivery.NONE
    assert len(mail.outbox) == 1


def test_no_emails_choice_stores_only(learner, send_now):
    email_choice_set(person=learner, choice=EmailChoice.NONE)
    with send_now() as callbacks:
        notification = reply(learner)
    assert callbacks == []
    assert mail.outbox == []
    stored = Notification.objects.get(recipient=learner, kind=NotificationKind.REPLY)
    assert stored.pk == notification.pk
    assert stored.delivery == Delivery.NONE
    assert stored.subject == "Sam replied to your post"


def test_same_dedupe_key_stores_and_sends_nothing_the_second_time(learner, send_now):
    with send_now():
        first = reply(learner, dedupe_key="reply:comment:7")
        second = reply(learner, dedupe_key="reply:comment:7", subject="Again")
    assert first is not None
    assert second is None
    assert Notification.objects.filter(recipient=learner).count() == 1
    assert len(mail.outbox) == 1


def test_a_key_taken_by_another_worker_is_refused_and_the_callers_transaction_goes_on(
    learner, send_now
):
    NotificationFactory(recipient=learner, dedupe_key="event-reminder:4:9")
    with send_now(), transaction.atomic():
        assert reply(learner, dedupe_key="event-reminder:4:9") is None
        # The caller's transaction is still usable after the refused insert.
        assert reply(learner) is not None
    assert Notification.objects.filter(recipient=learner).count() == 2
    assert len(mail.outbox) == 1


def test_empty_dedupe_keys_never_collide(learner, send_now):
    with send_now():
        reply(learner)
        reply(learner)
    assert Notification.objects.filter(recipient=learner).count() == 2
    assert len(mail.outbox) == 2


@pytest.mark.parametrize("choice", [EmailChoice.NONE, EmailChoice.DAILY])
def test_content_hidden_is_a_service_message_emailed_whatever_the_choice(learner, send_now, choice):
    email_choice_set(person=learner, choice=choice)
    with send_now():
        notification_send(
            recipient=learner,
            kind=NotificationKind.CONTENT_HIDDEN,
            subject="A moderator hid your post",
            body="Your post was hidden because it shared someone's phone number.",
            url="/community/posts/5/",
        )
    assert len(mail.outbox) == 1
    assert "shared someone's phone number" in mail.outbox[0].body
    assert "whatever your email choice" in mail.outbox[0].body


def test_people_without_a_verified_address_are_not_emailed(db, send_now):
    assisted = UserFactory(email="")
    unverified = UserFactory()
    unverified.emailaddress_set.update(verified=False)
    with send_now():
        reply(assisted)
        reply(unverified)
    assert mail.outbox == []
    assert set(Notification.objects.values_list("delivery", flat=True)) == {Delivery.NONE}


def test_an_unknown_kind_is_a_programming_error(learner):
    with pytest.raises(ValueError):
        reply(learner, kind="gossip")
    assert not Notification.objects.exists()


def test_choosing_no_emails_settles_what_was_waiting_for_the_daily_email(learner, send_now):
    email_choice_set(person=learner, choice=EmailChoice.DAILY)
    with send_now():
        reply(learner)
    assert email_choice_set(person=learner, choice=EmailChoice.NONE) is True
    assert email_choice_set(person=learner, choice=EmailChoice.NONE) is False
    assert list(Notification.objects.values_list("delivery", flat=True)) == [Delivery.NONE]
    assert NotificationPreference.objects.get(person=learner).email == EmailChoice.NONE


def test_choosing_the_default_again_changes_nothing(learner):
    assert email_choice_set(person=learner, choice=EmailChoice.IMMEDIATE) is False
    assert email_choice_set(person=learner, choice=EmailChoice.DAILY) is True


def test_send_makes_a_small_fixed_number_of_queries(learner, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        reply(learner, dedupe_key="budget")


def test_what_people_wrote_is_escaped_in_the_html_email(learner, send_now):
    with send_now():
        reply(learner, subject="<b>Sam</b> replied", body='<script>alert("hi")</script>\nBye')
    html = mail.outbox[0].alternatives[0][0]
    assert "<script>" not in html and "<b>Sam</b>" not in html
    assert "&lt;script&gt;" in html
    assert '<html lang="en-gb" dir="ltr">' in html
    # The plain-text part is text: shown as written, not as HTML entities.
    assert '<script>alert("hi")</script>' in mail.outbox[0].body
