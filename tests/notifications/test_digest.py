"""The daily email: one per person, batched, never empty, never an item twice."""

from datetime import timedelta

from django.conf import settings
from django.core import mail
from django.utils import timezone

import pytest

from notifications import digest
from notifications.digest import digest_batch_send, digest_recipient_ids, digests_dispatch
from notifications.models import Delivery, EmailChoice, Notification, NotificationPreference
from notifications.services import email_choice_set, notification_send
from notifications.tasks import notifications_digest_daily
from tests.factories.notifications import NotificationFactory
from tests.factories.users import UserFactory
from tests.notifications.conftest import SITE

pytestmark = pytest.mark.django_db


def daily_person(**kwargs):
    person = UserFactory(**kwargs)
    NotificationPreference.objects.create(person=person, email=EmailChoice.DAILY)
    return person


def waiting(person, count=1, **kwargs):
    return [NotificationFactory(recipient=person, **kwargs) for _ in range(count)]


def test_the_beat_schedule_runs_the_daily_task_at_half_past_seven():
    entry = settings.CELERY_BEAT_SCHEDULE["send-notification-digests"]
    assert entry["task"] == "notifications.tasks.notifications_digest_daily"
    assert notifications_digest_daily.name == entry["task"]
    assert entry["schedule"].hour == {7} and entry["schedule"].minute == {30}


def test_items_sent_through_the_service_arrive_together_in_one_email(send_now):
    person = daily_person()
    with send_now():
        notification_send(
            recipient=person,
            kind="reply",
            subject="Sam replied to your post",
            body="Sam said: Great idea.",
            url="/community/posts/3/",
        )
        notification_send(
            recipient=person,
            kind="join_decision",
            subject="You are in the Gardening group",
            body="Jo said yes to your request to join.",
            url="/community/groups/gardening/",
        )
    assert mail.outbox == []

    with send_now():
        notifications_digest_daily.delay()

    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == [person.email]
    assert email.subject == "Your daily update from Homes on the Net: 2 new messages"
    for text in ("Sam replied to your post", "Sam said: Great idea.", "You are in the Gardening"):
        assert text in email.body
        assert text in email.alternatives[0][0]
    assert f"{SITE}/community/posts/3/" in email.body
    assert f"{SITE}/community/groups/gardening/" in email.body
    assert email.extra_headers["List-Unsubscribe"].startswith(f"<{SITE}/account/notifications/")
    rows = Notification.objects.filter(recipient=person)
    assert all(row.digested_at and row.emailed_at for row in rows)


def test_one_message_has_a_singular_subject(send_now):
    waiting(daily_person())
    with send_now():
        digests_dispatch()
    assert mail.outbox[0].subject == "Your daily update from Homes on the Net: 1 new message"


def test_never_an_empty_email(send_now):
    daily_person()  # chose daily, nothing waiting
    immediate = UserFactory()
    NotificationFactory(recipient=immediate, delivery=Delivery.IMMEDIATE)
    NotificationFactory(recipient=immediate, delivery=Delivery.NONE)
    with send_now():
        assert digests_dispatch() == 0
    assert mail.outbox == []


def test_never_twice_when_run_twice(send_now):
    person = daily_person()
    waiting(person, 3)
    with send_now():
        digests_dispatch()
        digests_dispatch()
    assert len(mail.outbox) == 1
    # And a later item goes in the next day's email, alone.
    waiting(person)
    with send_now():
        digests_dispatch()
    assert len(mail.outbox) == 2
    assert mail.outbox[1].subject.endswith(": 1 new message")


def test_two_runs_at_once_only_the_one_that_claims_an_item_sends_it(send_now):
    """Both runs read the same people; the second's conditional UPDATE claims nothing."""
    people = [daily_person() for _ in range(3)]
    for person in people:
        waiting(person, 2)
    ids = digest_recipient_ids()
    assert ids == sorted(person.pk for person in people)
    with send_now():
        assert digest_batch_send(recipient_ids=ids) == 3
        assert digest_batch_send(recipient_ids=ids) == 0
    assert sorted(email.to[0] for email in mail.outbox) == sorted(p.email for p in people)


def test_an_item_claimed_by_another_run_is_left_out_of_this_email(send_now):
    person = daily_person()
    taken, mine = waiting(person, 2)
    Notification.objects.filter(pk=taken.pk).update(digested_at=timezone.now())
    with send_now():
        digests_dispatch()
    assert len(mail.outbox) == 1
    assert mine.subject in mail.outbox[0].body
    assert taken.subject not in mail.outbox[0].body


def test_more_people_than_one_batch_each_get_exactly_one_email(send_now, monkeypatch):
    people = [daily_person() for _ in range(7)]
    for person in people:
        waiting(person, 2)
    batches = []
    real_batch_send = digest.digest_batch_send
    monkeypatch.setattr(
        digest,
        "digest_batch_send",
        lambda *, recipient_ids: (
            batches.append(recipient_ids) or real_batch_send(recipient_ids=recipient_ids)
        ),
    )
    with send_now():
        assert digests_dispatch(batch_size=3) == 3
    assert [len(batch) for batch in batches] == [3, 3, 1]
    assert sorted(email.to[0] for email in mail.outbox) == sorted(p.email for p in people)
    assert not Notification.objects.filter(digested_at__isnull=True).exists()


# Claim (UPDATE), read the claimed items with their people (one query), mark the emailed ones,
# store their emails in the outbox (one INSERT), plus the transaction's savepoint and release.
BATCH_QUERIES = 6


@pytest.mark.parametrize(("people_count", "items_each"), [(2, 1), (12, 4)])
def test_a_batch_makes_the_same_number_of_queries_whatever_its_size(
    django_assert_num_queries, people_count, items_each
):
    people = [daily_person() for _ in range(people_count)]
    for person in people:
        waiting(person, items_each)
    with django_assert_num_queries(BATCH_QUERIES):
        sent = digest_batch_send(recipient_ids=[person.pk for person in people])
    assert sent == people_count


def test_people_who_chose_no_emails_after_items_were_queued_get_nothing(send_now):
    switched, quiet, keen = daily_person(), daily_person(), daily_person()
    for person in (switched, quiet, keen):
        waiting(person)
    email_choice_set(person=switched, choice=EmailChoice.NONE)  # through the settings page
    # ... or at the very moment the digest runs, after the service settled their items.
    NotificationPreference.objects.filter(person=quiet).update(email=EmailChoice.NONE)
    with send_now():
        digests_dispatch()
    assert [email.to for email in mail.outbox] == [[keen.email]]
    # Their messages stay on the site, marked as never emailed.
    not_emailed = Notification.objects.filter(recipient__in=[switched, quiet], emailed_at=None)
    assert not_emailed.count() == 2


def test_people_who_switched_to_straight_away_still_get_what_was_waiting(send_now):
    person = daily_person()
    waiting(person, 2)
    email_choice_set(person=person, choice=EmailChoice.IMMEDIATE)
    with send_now():
        digests_dispatch()
    assert len(mail.outbox) == 1


def test_people_who_lost_their_verified_address_get_nothing(send_now):
    person = daily_person()
    waiting(person)
    person.emailaddress_set.update(verified=False)
    with send_now():
        digests_dispatch()
    assert mail.outbox == []


def test_a_long_day_lists_the_first_items_then_links_to_the_rest(send_now, monkeypatch):
    monkeypatch.setattr(digest, "ITEMS_SHOWN", 3)
    person = daily_person()
    items = waiting(person, 5)
    for minutes, item in enumerate(items):
        Notification.objects.filter(pk=item.pk).update(
            created_at=timezone.now() - timedelta(minutes=60 - minutes)
        )
    with send_now():
        digests_dispatch()
    body = mail.outbox[0].body
    assert mail.outbox[0].subject.endswith(": 5 new messages")
    assert [item.subject in body for item in items] == [True, True, True, False, False]
    assert "And 2 more messages. See them all:" in body
    assert f"{SITE}/account/notifications/#recent" in body
    assert Notification.objects.filter(recipient=person, emailed_at__isnull=False).count() == 5
