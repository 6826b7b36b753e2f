"""Retention: messages are deleted NOTIFICATION_RETENTION_DAYS after they were sent (except one
still waiting for the daily email), emails never sent a month after they were stored; the
person sees only what is kept, and is told how long that is. The beat task runs it nightly."""

import logging
from datetime import timedelta
from uuid import uuid4

from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import pytest

from notifications.models import Delivery, Notification, OutgoingEmail
from notifications.retention import (
    DEFAULT_RETENTION_DAYS,
    OUTBOX_UNSENT_KEEP_DAYS,
    notifications_retention_delete,
)
from notifications.tasks import notifications_retention_delete_task
from tests.factories.notifications import NotificationFactory

pytestmark = pytest.mark.django_db


def _sent(*, days_ago: float, **fields) -> Notification:
    return NotificationFactory(
        created_at=timezone.now() - timedelta(days=days_ago),
        **{"delivery": Delivery.IMMEDIATE, **fields},
    )


def _email(key: str, *, days_ago: float, **fields) -> OutgoingEmail:
    return OutgoingEmail.objects.create(
        key=key,
        to=["pat@example.com"],
        from_email="learn@example.org",
        subject="Your event is tomorrow",
        body="See you at Elm Court.",
        created_at=timezone.now() - timedelta(days=days_ago),
        **fields,
    )


def test_the_defaults_are_a_year_and_a_month():
    assert settings.NOTIFICATION_RETENTION_DAYS == DEFAULT_RETENTION_DAYS == 365
    assert OUTBOX_UNSENT_KEEP_DAYS == 30


def test_messages_older_than_a_year_go_and_newer_ones_stay(learner, caplog):
    old = _sent(recipient=learner, days_ago=366, subject="Sam replied last year")
    old_no_email = _sent(recipient=learner, days_ago=400, delivery=Delivery.NONE)
    old_digested = _sent(
        recipient=learner, days_ago=500, delivery=Delivery.DIGEST, digested_at=timezone.now()
    )
    kept = _sent(recipient=learner, days_ago=364, subject="Sam replied this year")
    still_for_the_daily_email = _sent(recipient=learner, days_ago=700, delivery=Delivery.DIGEST)
    with caplog.at_level(logging.INFO, logger="notifications.retention"):
        result = notifications_retention_delete()
    assert result.notifications == 3
    assert set(Notification.objects.all()) == {kept, still_for_the_daily_email}
    assert not Notification.objects.filter(pk__in=[old.pk, old_no_email.pk, old_digested.pk])
    assert "Notifications past retention deleted: 3 (older than 365 days)" in caplog.text
    assert "Sam replied" not in caplog.text  # counts only, never a message


def test_the_setting_changes_how_long_they_are_kept(settings, learner):
    settings.NOTIFICATION_RETENTION_DAYS = 30
    _sent(recipient=learner, days_ago=31)
    kept = _sent(recipient=learner, days_ago=29)
    assert notifications_retention_delete().notifications == 1
    assert list(Notification.objects.all()) == [kept]


def test_the_person_sees_only_what_is_kept_and_how_long_that_is(client, learner):
    _sent(recipient=learner, days_ago=370, subject="The old reply")
    _sent(recipient=learner, days_ago=3, subject="The new reply")
    notifications_retention_delete()
    client.force_login(learner)
    page = client.get(reverse("notifications:settings")).content.decode()
    assert "The new reply" in page
    assert "The old reply" not in page
    assert "We delete each message 365 days after we send it." in page


def test_emails_never_sent_go_after_a_month_unless_a_worker_holds_one():
    now = timezone.now()
    _email("given-up", days_ago=31, attempts=12, last_error="SMTPRecipientsRefused")
    _email("never-claimed", days_ago=45)
    held = _email("held", days_ago=40, lease_token=uuid4(), lease_until=now + timedelta(minutes=2))
    waiting = _email("waiting", days_ago=29, attempts=3)
    sent = _email("sent-recently", days_ago=40, sent_at=now - timedelta(days=2))
    result = notifications_retention_delete(now=now)
    assert result.unsent_emails == 2
    assert set(OutgoingEmail.objects.all()) == {held, waiting, sent}


@pytest.mark.parametrize("rows", [3, 10])
def test_deleting_goes_in_batches_with_a_fixed_number_of_queries_a_batch(learner, rows):
    for _ in range(rows):
        _sent(recipient=learner, days_ago=400)
    kept = _sent(recipient=learner, days_ago=1)
    with CaptureQueriesContext(connection) as queries:
        assert notifications_retention_delete(batch_size=5).notifications == rows
    deletes = [q for q in queries.captured_queries if q["sql"].startswith("DELETE")]
    # One DELETE per batch of messages (none for the outbox, which has nothing to delete); a
    # SELECT of each batch's ids, one more that finds none left when the last batch was full,
    # and one for the outbox.
    batches = -(-rows // 5)
    assert len(deletes) == batches
    reads = [q for q in queries.captured_queries if q["sql"].startswith("SELECT")]
    assert len(reads) == batches + 1 + (1 if rows % 5 == 0 else 0)
    assert list(Notification.objects.all()) == [kept]


def test_the_beat_task_runs_it_every_night_and_twice_is_harmless(learner):
    _sent(recipient=learner, days_ago=400)
    _email("given-up", days_ago=60, attempts=12)
    assert notifications_retention_delete_task.run() == {"notifications": 1, "unsent_emails": 1}
    assert notifications_retention_delete_task.run() == {"notifications": 0, "unsent_emails": 0}
    entry = settings.CELERY_BEAT_SCHEDULE["delete-old-notifications"]
    assert entry["task"] == "notifications.tasks.notifications_retention_delete_task"
    assert entry["schedule"].hour == {3} and entry["schedule"].minute == {40}
