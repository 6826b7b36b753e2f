"""Reminder emails: once per lapse, never twice, after commit, with an opt-out that works."""

import re
from datetime import timedelta
from urllib.parse import urlsplit

from django.core import mail
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from courses.models import Enrolment
from courses.models.progress import NudgeOptOut
from courses.progress.nudges import reminders as nudges
from courses.progress.nudges.reminders import learners_nudge, nudge_opt_out_token
from courses.progress.services import enrolment_start, lesson_complete
from courses.progress.tasks import learners_nudge_daily
from tests.factories.courses import CoursePageFactory, LessonPageFactory
from tests.factories.users import UserFactory
from training.core.models import ActivityEvent
from training.users.services import assisted_account_create

pytestmark = pytest.mark.django_db


def days_later(days: float):
    return timezone.now() + timedelta(days=days)


@pytest.fixture
def started(learner, lessons):
    """The learner finished the first lesson just now, and has two lessons to go."""
    lesson_complete(learner=learner, lesson=lessons[0])
    return learner


@pytest.fixture
def send(django_capture_on_commit_callbacks):
    """Run the nudges as the daily task would, sending the emails once the claims commit."""

    def run(*, now) -> int:
        with django_capture_on_commit_callbacks(execute=True):
            return learners_nudge(now=now)

    return run


def opt_out_path(message) -> str:
    url = re.search(r"https?://\S+/my-learning/reminders/stop/\S+/", message.body).group(0)
    return urlsplit(url).path


# --- Who gets one, and when -----------------------------------------------------------------------


def test_a_learner_away_for_7_days_gets_one_email_with_their_next_lesson(send, started, lessons):
    assert send(now=days_later(8)) == 1

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [started.email]
    assert "Staying safe with passwords" in message.subject
    assert "Making strong passwords" in message.body
    assert lessons[1].get_full_url() in message.body
    assert opt_out_path(message)
    assert Enrolment.objects.get(learner=started).nudged_at is not None
    event = ActivityEvent.objects.get(verb="nudge.sent")
    assert event.actor == started
    assert event.context["lesson_id"] == lessons[1].pk


def test_no_email_before_7_days(send, started):
    assert send(now=days_later(6.9)) == 0
    assert mail.outbox == []


def test_the_number_of_days_is_a_setting(send, started, settings):
    settings.NUDGE_AFTER_DAYS = 3
    assert send(now=days_later(2.5)) == 0
    assert send(now=days_later(3.5)) == 1


def test_running_twice_sends_once(send, started):
    assert send(now=days_later(8)) == 1
    assert send(now=days_later(8)) == 0
    assert send(now=days_later(20)) == 0  # the same lapse, however long it lasts
    assert len(mail.outbox) == 1


def test_a_new_lapse_after_coming_back_gets_a_new_email(send, started, course):
    send(now=days_later(8))
    enrolment_start(learner=started, course=course)  # back, then away again
    assert Enrolment.objects.get(learner=started).nudged_at is None

    assert send(now=days_later(8)) == 1
    assert len(mail.outbox) == 2


def test_a_run_that_loses_the_claim_sends_nothing(send, started, monkeypatch):
    """Two workers read the same learners; the other one claims them first."""
    read = nudges._first_per_learner

    def read_then_lose_the_race(**kwargs):
        firsts = read(**kwargs)
        Enrolment.objects.update(nudged_at=timezone.now())
        return firsts

    monkeypatch.setattr(nudges, "_first_per_learner", read_then_lose_the_race)
    assert send(now=days_later(8)) == 0
    assert mail.outbox == []
    assert not ActivityEvent.objects.filter(verb="nudge.sent").exists()


def test_emails_are_sent_only_after_commit(django_capture_on_commit_callbacks, started):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        assert learners_nudge(now=days_later(8)) == 1
        assert mail.outbox == []
    assert len(callbacks) == 1
    callbacks[0]()
    assert len(mail.outbox) == 1


def test_a_rolled_back_run_sends_nothing_and_claims_nothing(
    django_capture_on_commit_callbacks, started
):
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        learners_nudge(now=days_later(8))
        raise RuntimeError("the worker died")
    assert mail.outbox == []
    assert Enrolment.objects.get(learner=started).nudged_at is None


def test_no_email_for_a_finished_course(send, learner, lessons):
    for lesson in lessons:
        lesson_complete(learner=learner, lesson=lesson)
    assert Enrolment.objects.get(learner=learner).completed_at is not None
    assert send(now=days_later(30)) == 0


def test_no_email_for_learners_who_turned_them_off(send, started):
    NudgeOptOut.objects.create(learner=started)
    assert send(now=days_later(8)) == 0
    assert mail.outbox == []


def test_no_email_without_a_verified_email_address(send, champion, lessons):
    assisted = assisted_account_create(champion=champion, display_name="Chris").user
    lesson_complete(learner=assisted, lesson=lessons[0], helper=champion)
    unverified = UserFactory()
    unverified.emailaddress_set.update(verified=False)
    lesson_complete(learner=unverified, lesson=lessons[0])

    assert send(now=days_later(8)) == 0


def test_no_email_while_the_learner_is_busy_with_another_course(send, started, lessons):
    other = LessonPageFactory(parent=CoursePageFactory(title="Email for beginners"))
    later = days_later(8)
    lesson_complete(learner=started, lesson=other, completed_at=later)
    Enrolment.objects.filter(learner=started, course=other.get_parent()).update(
        last_activity_at=later
    )
    assert send(now=later + timedelta(hours=1)) == 0


def test_one_email_covers_all_the_idle_courses_of_a_learner(send, started):
    other = LessonPageFactory(parent=CoursePageFactory(title="Email for beginners"))
    enrolment_start(learner=started, course=other.get_parent().specific)

    assert send(now=days_later(8)) == 1
    assert len(mail.outbox) == 1
    assert "Email for beginners" in mail.outbox[0].subject  # the course they were in last
    assert not Enrolment.objects.filter(learner=started, nudged_at__isnull=True).exists()
    assert send(now=days_later(9)) == 0


def test_the_query_is_batched(django_capture_on_commit_callbacks, lessons):
    def learners_started(count: int) -> None:
        for _ in range(count):
            lesson_complete(learner=UserFactory(), lesson=lessons[0])

    learners_started(1)
    with django_capture_on_commit_callbacks():
        learners_nudge(now=days_later(8))  # warms the caches (site, content types)
    Enrolment.objects.update(nudged_at=None)
    with CaptureQueriesContext(connection) as one, django_capture_on_commit_callbacks():
        assert learners_nudge(now=days_later(8)) == 1
    Enrolment.objects.update(nudged_at=None)
    learners_started(5)
    with CaptureQueriesContext(connection) as six, django_capture_on_commit_callbacks():
        assert learners_nudge(now=days_later(8)) == 6
    # Only the claims (one conditional UPDATE per email) grow with the number of learners.
    assert len(six) - len(one) == 5


def test_the_daily_task_runs_the_nudges(django_capture_on_commit_callbacks, started, settings):
    settings.NUDGE_AFTER_DAYS = 0
    with django_capture_on_commit_callbacks(execute=True):
        assert learners_nudge_daily.delay().get() == 1
        assert learners_nudge_daily.delay().get() == 0
    assert len(mail.outbox) == 1


# --- Opting out and back in -----------------------------------------------------------------------


def test_the_opt_out_link_works_without_signing_in(client, send, started):
    send(now=days_later(8))
    path = opt_out_path(mail.outbox[0])

    page = client.get(path)
    assert page.status_code == 200
    assert "Stop reminder emails" in page.content.decode()
    assert not NudgeOptOut.objects.exists()  # opening the link (or a mail scanner) changes nothing

    done = client.post(path)
    assert done.status_code == 200
    assert "Reminder emails are off" in done.content.decode()
    assert NudgeOptOut.objects.filter(learner=started).exists()
    client.post(path)  # pressing it again is fine
    assert NudgeOptOut.objects.count() == 1

    enrolment_start(learner=started, course=Enrolment.objects.get().course)
    assert send(now=days_later(8)) == 0


def test_a_tampered_opt_out_link_is_refused(client, started, learner):
    token = nudge_opt_out_token(learner=started)
    for bad in (token[:-1] + ("A" if token[-1] != "A" else "B"), f"{learner.pk + 1}:x", "nonsense"):
        response = client.post(f"/my-learning/reminders/stop/{bad}/")
        assert response.status_code == 400
        assert "This link does not work" in response.content.decode()
    assert not NudgeOptOut.objects.exists()


def test_an_opt_out_link_for_a_deleted_account_is_refused(client, started):
    token = nudge_opt_out_token(learner=started)
    started.delete()
    assert client.get(f"/my-learning/reminders/stop/{token}/").status_code == 400


def test_a_learner_turns_reminders_off_and_back_on_from_their_account(client, learner):
    client.force_login(learner)
    assert "/my-learning/reminders/" in client.get("/account/profile/").content.decode()
    assert "Reminder emails are on." in client.get("/my-learning/reminders/").content.decode()

    client.post("/my-learning/reminders/", {"reminders": "off"})
    assert NudgeOptOut.objects.filter(learner=learner).exists()
    response = client.post("/my-learning/reminders/", {"reminders": "on"}, follow=True)
    assert not NudgeOptOut.objects.filter(learner=learner).exists()
    assert "Reminder emails are on." in response.content.decode()


def test_reminder_settings_need_signing_in(client):
    assert client.get("/my-learning/reminders/").status_code == 302
