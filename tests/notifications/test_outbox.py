"""The outbox: every email stored with the change that calls for it, claimed before it is sent,
sent once, and handed on again by beat if it was lost on the way (docs/reliability.md)."""

from datetime import timedelta
from uuid import uuid4

from django.core import mail
from django.utils import timezone

import pytest

from notifications.models import OutgoingEmail
from notifications.services import (
    OUTBOX_KEEP_DAYS,
    OUTBOX_MAX_ATTEMPTS,
    SendOutcome,
    outgoing_email_deliver,
    outgoing_email_queue,
    outgoing_emails_flush,
)
from notifications.tasks import outgoing_email_send
from training.users.data_rights.services import account_delete

pytestmark = pytest.mark.django_db


def payload(to="pat@example.com", subject="Your event is tomorrow"):
    return {
        "subject": subject,
        "body": "See you at Elm Court at 10.",
        "html": "<p>See you at Elm Court at 10.</p>",
        "from_email": "Homes on the Net <learn@example.org>",
        "to": [to],
        "headers": {"List-Unsubscribe": "<https://learn.example.org/stop/x/>"},
    }


def test_an_email_is_stored_and_handed_to_celery_only_after_commit(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        email = outgoing_email_queue(key="reminder-1", payload=payload())
    assert OutgoingEmail.objects.get().key == "reminder-1"
    assert mail.outbox == [] and len(callbacks) == 1

    callbacks[0]()  # the send task (eager here)

    assert [message.to for message in mail.outbox] == [["pat@example.com"]]
    message = mail.outbox[0]
    assert message.subject == "Your event is tomorrow"
    assert message.alternatives[0][0] == "<p>See you at Elm Court at 10.</p>"
    assert message.extra_headers["List-Unsubscribe"] == "<https://learn.example.org/stop/x/>"
    assert message.extra_headers["Message-ID"] == email.message_id
    email.refresh_from_db()
    assert email.sent_at is not None and email.attempts == 1 and email.lease_until is None


def test_a_key_is_stored_once_and_its_email_sent_once(send_now):
    with send_now():
        first = outgoing_email_queue(key="reminder-1", payload=payload())
        second = outgoing_email_queue(key="reminder-1", payload=payload(subject="Again"))
    assert first is not None and second is None
    assert OutgoingEmail.objects.count() == 1
    assert [message.subject for message in mail.outbox] == ["Your event is tomorrow"]


def test_nothing_is_stored_or_sent_when_the_callers_transaction_rolls_back(send_now):
    from django.db import transaction

    with send_now(), pytest.raises(RuntimeError), transaction.atomic():
        outgoing_email_queue(key="reminder-1", payload=payload())
        raise RuntimeError("the change failed")
    assert not OutgoingEmail.objects.exists()
    assert mail.outbox == []


def test_a_task_delivered_twice_sends_once():
    email = outgoing_email_queue(key="reminder-1", payload=payload())  # not sent: no commit

    assert outgoing_email_deliver(email_id=email.pk).outcome == SendOutcome.SENT
    assert outgoing_email_deliver(email_id=email.pk).outcome == SendOutcome.ALREADY_SENT
    assert outgoing_email_send(email_id=email.pk) == "already sent"
    assert len(mail.outbox) == 1


def test_the_message_id_is_the_same_every_time_and_differs_between_emails():
    one = OutgoingEmail(key="notification-1", from_email="Homes <learn@example.org>")
    again = OutgoingEmail(key="notification-1", from_email="Homes <learn@example.org>")
    other = OutgoingEmail(key="notification-2", from_email="Homes <learn@example.org>")
    assert one.message_id == again.message_id != other.message_id
    assert one.message_id.startswith("<") and one.message_id.endswith("@example.org>")


def waiting(key="reminder-1", **fields) -> OutgoingEmail:
    """An unsent email that nobody has handed to Celery (as if the hand-over was lost)."""
    values = {"key": key, "to": ["pat@example.com"], "from_email": "learn@example.org"}
    return OutgoingEmail.objects.create(
        **values, subject="Hello", body="Hello", **fields
    )  # fmt: skip


def test_an_email_another_live_worker_holds_is_left_to_it_and_retried_after_its_lease():
    held_until = timezone.now() + timedelta(seconds=120)
    email = waiting(lease_token=uuid4(), lease_until=held_until, attempts=1)

    result = outgoing_email_deliver(email_id=email.pk)

    assert result.outcome == SendOutcome.BUSY
    assert 100 < result.retry_in <= 120
    assert mail.outbox == []
    # In a real worker the task asks Celery to run it again after the lease; run eagerly (the
    # embedded default), it leaves the email to the beat task instead of looping.
    assert outgoing_email_send.delay(email_id=email.pk).get() == "busy"


def test_in_a_worker_the_task_comes_back_when_the_other_workers_lease_runs_out(monkeypatch):
    from celery.exceptions import Retry

    email = waiting(lease_token=uuid4(), lease_until=timezone.now() + timedelta(seconds=30))
    scheduled = {}

    def retry(**options):
        scheduled.update(options)
        return Retry("again later", when=options["countdown"])

    monkeypatch.setattr(outgoing_email_send, "retry", retry)
    with pytest.raises(Retry):
        outgoing_email_send(email_id=email.pk)  # called as a worker calls it (not eagerly)
    assert 29 < scheduled["countdown"] <= 31
    assert mail.outbox == []


def test_the_lease_of_a_worker_that_died_runs_out_and_another_sends_the_email():
    gone_since = timezone.now() - timedelta(seconds=1)
    email = waiting(lease_token=uuid4(), lease_until=gone_since, attempts=1)

    assert outgoing_email_deliver(email_id=email.pk).outcome == SendOutcome.SENT

    email.refresh_from_db()
    assert len(mail.outbox) == 1 and email.attempts == 2 and email.sent_at is not None


def test_when_the_mail_server_fails_the_lease_is_given_back_with_the_reason(monkeypatch):
    from notifications import services

    def refused(**kwargs):
        raise ConnectionRefusedError("mail server down")

    email = waiting()
    monkeypatch.setattr(services, "email_deliver", refused)
    with pytest.raises(ConnectionRefusedError):
        outgoing_email_deliver(email_id=email.pk)
    email.refresh_from_db()
    assert email.sent_at is None and email.lease_until is None
    assert email.last_error == "ConnectionRefusedError: mail server down"

    monkeypatch.undo()
    assert outgoing_email_deliver(email_id=email.pk).outcome == SendOutcome.SENT
    assert len(mail.outbox) == 1


def test_an_email_whose_row_is_gone_is_not_sent():
    assert outgoing_email_deliver(email_id=987654).outcome == SendOutcome.GONE
    assert mail.outbox == []


def test_beat_hands_on_only_emails_lost_on_the_way(settings, django_capture_on_commit_callbacks):
    settings.EMAIL_OUTBOX_RETRY_AFTER_SECONDS = 60
    now = timezone.now()
    long_ago = now - timedelta(minutes=5)
    lost = waiting("lost", queued_at=long_ago)
    dead_worker = waiting(
        "dead-worker", queued_at=long_ago, lease_token=uuid4(), lease_until=now - timedelta(1)
    )
    waiting("just-queued", queued_at=now - timedelta(seconds=10))
    waiting("being-sent", queued_at=long_ago, lease_token=uuid4(), lease_until=now + timedelta(1))
    waiting("sent", queued_at=long_ago, sent_at=now)
    waiting("given-up", queued_at=long_ago, attempts=OUTBOX_MAX_ATTEMPTS)

    with django_capture_on_commit_callbacks(execute=True):
        assert outgoing_emails_flush(now=now) == 2

    assert sorted(message.extra_headers["Message-ID"] for message in mail.outbox) == sorted(
        [lost.message_id, dead_worker.message_id]
    )
    handed_on = OutgoingEmail.objects.filter(key__in=["lost", "dead-worker"])
    assert all(row.queued_at == now and row.sent_at for row in handed_on)
    # Run again straight away: nothing more to do.
    with django_capture_on_commit_callbacks(execute=True):
        assert outgoing_emails_flush(now=now) == 0
    assert len(mail.outbox) == 2


def test_beat_forgets_emails_sent_more_than_a_week_ago():
    now = timezone.now()
    waiting("old", sent_at=now - timedelta(days=OUTBOX_KEEP_DAYS, hours=1))
    waiting("recent", sent_at=now - timedelta(days=1))
    outgoing_emails_flush(now=now)
    assert list(OutgoingEmail.objects.values_list("key", flat=True)) == ["recent"]


def test_deleting_an_account_deletes_its_emails(learner):
    outgoing_email_queue(key="reminder-1", payload=payload(to=learner.email), recipient=learner)
    outgoing_email_queue(key="other", payload=payload())
    account_delete(user=learner)
    assert list(OutgoingEmail.objects.values_list("key", flat=True)) == ["other"]
