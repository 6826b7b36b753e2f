"""Learners' data rights: download everything held about me; delete my account."""

import json

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest
from allauth.account.models import EmailAddress

from courses.models import (
    Certificate,
    CompletionMethod,
    Enrolment,
    LessonCompletion,
    QuizAttempt,
    Skill,
    SkillRecord,
)
from courses.models.progress import NudgeOptOut
from courses.progress.services import lesson_complete, quiz_attempt_record, skill_record_observed
from tests.factories.places import NeighbourhoodFactory
from tests.factories.users import UserFactory
from training.core.models import ActivityEvent
from training.users.data_rights.selectors import learner_data_export
from training.users.models import User
from training.users.services import assisted_account_create

pytestmark = pytest.mark.django_db

DOWNLOAD = "/my-data/download/"
DELETE = "/my-data/delete/"


@pytest.fixture
def busy_learner(champion, lessons):
    """A learner with something of every kind: help, a quiz, a skill, a finished course."""
    learner = UserFactory(
        display_name="Pat",
        first_name="Patricia",
        last_name="Smith",
        neighbourhood=NeighbourhoodFactory(name="Elm Court"),
        community_centre=champion.community_centre,
    )
    champion.display_name = "Sam"
    champion.save()
    lesson_complete(
        learner=learner,
        lesson=lessons[0],
        method=CompletionMethod.CHAMPION,
        helper=champion,
        note="Read it together",
    )
    quiz_attempt_record(
        learner=learner,
        lesson=lessons[1],
        quiz_block_id="q1",
        answers=[[1], [2]],
        score=0,
        total=2,
        passed=False,
    )
    quiz_attempt_record(
        learner=learner,
        lesson=lessons[1],
        quiz_block_id="q1",
        answers=[[0], [0, 1]],
        score=2,
        total=2,
        passed=True,
    )
    lesson_complete(learner=learner, lesson=lessons[2])
    skill_record_observed(
        learner=learner, skill=Skill.objects.get(code="COM-2"), helper=champion, note="Video call"
    )
    Certificate.objects.get_or_create(
        learner=learner,
        course=lessons[0].get_parent().specific,
        defaults={"course_title": "Staying safe with passwords", "learner_name": "Pat"},
    )
    NudgeOptOut.objects.create(learner=learner)
    return learner


@pytest.fixture
def someone_else(lessons):
    other = UserFactory(display_name="Someone Else")
    lesson_complete(learner=other, lesson=lessons[0], note="Not Pat's note")
    return other


# --- Download -------------------------------------------------------------------------------------


def test_download_gives_a_json_file_of_everything_held_about_me(client, busy_learner, lessons):
    client.force_login(busy_learner)
    response = client.get(DOWNLOAD)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="homes-on-the-net-')
    assert "no-store" in response["Cache-Control"]
    data = json.loads(response.content)

    account = data["account"]
    assert account["username"] == busy_learner.username
    assert account["email"] == busy_learner.email
    assert (account["first_name"], account["last_name"]) == ("Patricia", "Smith")
    assert account["roles"] == ["Learner"]
    assert data["profile"]["name_to_show"] == "Pat"
    assert data["profile"]["neighbourhood"] == "Elm Court"
    assert data["profile"]["community_centre"] == busy_learner.community_centre.name
    assert data["profile"]["reminder_emails"]["on"] is False
    assert data["email_addresses"] == [
        {"email": busy_learner.email, "verified": True, "primary": True}
    ]
    assert [enrolment["course"] for enrolment in data["enrolments"]] == [
        "Staying safe with passwords"
    ]
    assert data["enrolments"][0]["finished"] is not None
    completions = {item["lesson"]: item for item in data["lesson_completions"]}
    assert set(completions) == {lesson.title for lesson in lessons}
    assert completions["Why passwords matter"]["helped_by"] == "Sam"
    assert completions["Why passwords matter"]["note"] == "Read it together"
    assert completions["Why passwords matter"]["with_help"] is True
    assert [attempt["passed"] for attempt in data["quiz_attempts"]] == [False, True]
    assert data["quiz_attempts"][1]["answers"] == [[0], [0, 1]]
    assert data["skills"][-1]["code"] == "COM-2"
    assert data["skills"][-1]["helped_by"] == "Sam"
    certificate = Certificate.objects.get(learner=busy_learner)
    assert [item["id"] for item in data["certificates"]] == [str(certificate.pk)]
    assert data["certificates"][0]["course"] == "Staying safe with passwords"
    verbs = [event["what"] for event in data["activity"]]
    assert "lesson.completed" in verbs and "quiz.attempted" in verbs
    assert len(data["activity"]) == ActivityEvent.objects.filter(actor=busy_learner).count()


def test_download_never_holds_the_password_hash(client, busy_learner):
    client.force_login(busy_learner)
    text = client.get(DOWNLOAD).content.decode()
    assert busy_learner.password not in text
    assert "password" not in json.loads(text)["account"]


def test_download_holds_my_records_and_nobody_elses(client, busy_learner, someone_else):
    client.force_login(busy_learner)
    text = client.get(DOWNLOAD).content.decode()

    assert someone_else.username not in text
    assert someone_else.email not in text
    assert "Someone Else" not in text
    assert "Not Pat's note" not in text
    data = json.loads(text)
    assert len(data["lesson_completions"]) == 3
    other_events = ActivityEvent.objects.filter(actor=someone_else).count()
    assert other_events and len(data["activity"]) == (
        ActivityEvent.objects.filter(actor=busy_learner).count()
    )


def test_the_export_takes_a_fixed_number_of_queries(busy_learner, lessons):
    quiet = UserFactory()
    with CaptureQueriesContext(connection) as few:
        learner_data_export(learner=quiet)
    with CaptureQueriesContext(connection) as many:
        learner_data_export(learner=busy_learner)
    # One query per table, none per row. 3 for the account (user, roles, email addresses),
    # then each app's section: learning record 6, activity 1, notifications 3 (messages,
    # preferences, the email choice per kind), community 4, events 1, tenant voice 7
    # (verification, reports, "affects me too", estate checks, improvements told, status changes
    # made, consultation answers), confidential reports 1, dashboard exports 1. 27 in all; it
    # must not grow with the data.
    assert len(many) == len(few) <= 27


def test_download_needs_signing_in(client):
    response = client.get(DOWNLOAD)
    assert response.status_code == 302
    assert response["Location"].startswith("/account/login/")


def test_the_account_page_links_to_download_and_delete(client, learner):
    client.force_login(learner)
    html = client.get("/account/profile/").content.decode()
    assert 'href="/my-data/"' in html
    assert f'href="{DELETE}"' in html
    page = client.get("/my-data/").content.decode()
    assert DOWNLOAD in page and DELETE in page


# --- Delete ---------------------------------------------------------------------------------------


def test_deleting_erases_personal_data_and_keeps_anonymous_counts(
    client, busy_learner, someone_else, password
):
    learner_id = busy_learner.pk
    events_before = ActivityEvent.objects.count()
    mine_before = ActivityEvent.objects.filter(actor=busy_learner).count()
    others_before = ActivityEvent.objects.filter(actor=someone_else).count()
    completions_by_verb = ActivityEvent.objects.filter(verb="lesson.completed").count()
    client.force_login(busy_learner)

    response = client.post(DELETE, {"confirm": "on", "password": password}, follow=True)

    assert response.redirect_chain[-1][0] == "/my-data/deleted/"
    assert "Your account is deleted" in response.content.decode()
    assert not User.objects.filter(pk=learner_id).exists()
    for model in (Enrolment, LessonCompletion, QuizAttempt, SkillRecord, Certificate):
        assert not model.objects.filter(learner_id=learner_id).exists(), model
    assert not EmailAddress.objects.filter(user_id=learner_id).exists()
    assert not NudgeOptOut.objects.filter(learner_id=learner_id).exists()
    # The activity stream keeps every event, now anonymous, plus one for the deletion.
    assert ActivityEvent.objects.count() == events_before + 1
    assert ActivityEvent.objects.filter(verb="lesson.completed").count() == completions_by_verb
    assert ActivityEvent.objects.filter(actor__isnull=True).count() == mine_before + 1
    assert ActivityEvent.objects.filter(actor=someone_else).count() == others_before
    deleted = ActivityEvent.objects.get(verb="account.deleted")
    assert deleted.actor is None and deleted.context == {} and deleted.object_id == ""
    # The other learner is untouched.
    assert LessonCompletion.objects.filter(learner=someone_else).count() == 1


def test_deleting_signs_the_person_out(client, learner, password):
    client.force_login(learner)
    client.post(DELETE, {"confirm": "on", "password": password})

    assert "_auth_user_id" not in client.session
    response = client.get("/account/profile/")
    assert response.status_code == 302


def test_the_box_must_be_ticked_and_the_password_right(client, learner, password):
    client.force_login(learner)

    response = client.post(DELETE, {"password": password})
    assert response.status_code == 200
    assert response.context["form"].errors["confirm"] == ["Tick the box to say you understand."]

    response = client.post(DELETE, {"confirm": "on", "password": "not-my-password"})
    assert response.context["form"].errors["password"][0].startswith("That is not your password")
    html = response.content.decode()
    assert 'id="id_password_error"' in html
    assert "checked" in html  # the tick is kept
    assert "not-my-password" not in html  # a password is never shown back

    response = client.post(DELETE, {"confirm": "on"})
    assert response.context["form"].errors["password"] == ["Enter your password."]
    assert User.objects.filter(pk=learner.pk).exists()


def test_an_account_with_no_password_only_ticks_the_box(client, learner):
    learner.set_unusable_password()
    learner.save()
    client.force_login(learner)

    assert "password" not in client.get(DELETE).context["form"].fields
    client.post(DELETE, {"confirm": "on"})
    assert not User.objects.filter(pk=learner.pk).exists()


def test_an_assisted_account_can_delete_itself(client, champion, lessons):
    account = assisted_account_create(champion=champion, display_name="Chris")
    lesson_complete(learner=account.user, lesson=lessons[0], helper=champion)
    client.force_login(account.user)

    client.post(DELETE, {"confirm": "on", "password": account.password})

    assert not User.objects.filter(pk=account.user.pk).exists()
    assert User.objects.filter(pk=champion.pk).exists()
    event = ActivityEvent.objects.get(verb="account.created", context__helper_id=champion.pk)
    assert event.actor is None


def test_a_champion_deleting_themself_leaves_learners_records(client, champion, lessons, password):
    learner = UserFactory()
    lesson_complete(learner=learner, lesson=lessons[0], helper=champion)
    client.force_login(champion)

    client.post(DELETE, {"confirm": "on", "password": password})

    completion = LessonCompletion.objects.get(learner=learner)
    assert completion.helper is None and completion.assisted


def test_deleting_needs_signing_in_and_a_post(client, learner):
    response = client.get(DELETE)
    assert response.status_code == 302
    client.force_login(learner)
    assert client.get(DELETE).status_code == 200
    assert User.objects.filter(pk=learner.pk).exists()


def test_an_empty_form_is_explained_not_ignored(client, learner):
    client.force_login(learner)
    response = client.post(DELETE, {})
    assert response.context["form"].errors["confirm"] == ["Tick the box to say you understand."]
    assert "There is a problem" in response.content.decode()
    assert User.objects.filter(pk=learner.pk).exists()


def test_password_guesses_are_rate_limited(client, learner, password):
    client.force_login(learner)
    for _ in range(10):
        client.post(DELETE, {"confirm": "on", "password": "a-wrong-guess"})

    response = client.post(DELETE, {"confirm": "on", "password": password})

    assert "Too many tries" in response.context["form"].errors["password"][0]
    assert User.objects.filter(pk=learner.pk).exists()


def test_download_holds_each_apps_section_such_as_my_notifications(client, busy_learner):
    from notifications.services import notification_send

    notification_send(
        recipient=busy_learner,
        kind="reply",
        subject="Sam replied to your post",
        body="Lovely tomatoes!",
        url="/community/posts/1/",
    )
    client.force_login(busy_learner)
    data = json.loads(client.get(DOWNLOAD).content)

    assert [item["subject"] for item in data["notifications"]["notifications"]] == [
        "Sam replied to your post"
    ]
    assert data["notifications"]["email_choice"]
