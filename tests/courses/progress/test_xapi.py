"""A learner's record as xAPI statements (courses/progress/learner/xapi.py) and its download."""

import json
import uuid

from django.urls import reverse

import pytest

from courses.models import CompletionMethod, Skill
from courses.progress.learner.xapi import xapi_statements
from courses.progress.services import (
    lesson_complete,
    quiz_attempt_record,
    skill_record_observed,
)
from tests.factories.users import UserFactory
from training.core.addresses import site_url

pytestmark = pytest.mark.django_db

ADL = "http://adlnet.gov/expapi/verbs/"


def agent(user) -> dict:
    return {"objectType": "Agent", "account": {"homePage": site_url() + "/", "name": str(user.pk)}}


def by_verb(statements, verb: str) -> list[dict]:
    return [s for s in statements if s["verb"]["id"] == ADL + verb]


def test_a_helped_completion_names_the_helper_as_instructor(learner, champion, lessons):
    lesson_complete(
        learner=learner, lesson=lessons[0], helper=champion, method=CompletionMethod.CHAMPION
    )
    lesson_complete(learner=learner, lesson=lessons[2])

    statements = xapi_statements(learner=learner)
    helped, alone = sorted(
        (
            s
            for s in by_verb(statements, "completed")
            if "lesson" in s["object"]["definition"]["type"]
        ),
        key=lambda s: "instructor" not in s["context"],
    )

    assert helped["context"]["instructor"] == agent(champion)
    assert "instructor" not in alone["context"]
    assert helped["actor"] == agent(learner)
    assert helped["object"]["id"] == f"{site_url()}/courses/staying-safe-with-passwords/why/"
    assert helped["object"]["definition"]["name"] == {"en-GB": "Why passwords matter"}
    course = helped["context"]["contextActivities"]["parent"][0]
    assert course["id"] == f"{site_url()}/courses/staying-safe-with-passwords/"
    assert helped["result"] == {"completion": True}


def test_the_actor_is_an_account_never_an_email_address(learner, lessons):
    lesson_complete(learner=learner, lesson=lessons[0])
    dumped = json.dumps(xapi_statements(learner=learner))

    assert learner.email not in dumped and "mbox" not in dumped


def test_quiz_attempts_are_failed_or_passed_with_the_score(learner, lessons):
    quiz_lesson = lessons[1]
    for score, passed in ((1, False), (2, True)):
        quiz_attempt_record(
            learner=learner,
            lesson=quiz_lesson,
            quiz_block_id="quiz-1",
            answers=[],
            score=score,
            total=2,
            passed=passed,
        )
    statements = xapi_statements(learner=learner)

    [failed] = by_verb(statements, "failed")
    [passed] = by_verb(statements, "passed")
    assert failed["result"] == {
        "score": {"raw": 1, "min": 0, "max": 2, "scaled": 0.5},
        "success": False,
        "completion": True,
    }
    assert passed["result"]["success"] is True and passed["result"]["score"]["scaled"] == 1.0
    assert passed["object"]["id"].endswith("/strong/#quiz-quiz-1")
    assert passed["object"]["definition"]["type"].endswith("/activities/assessment")
    assert failed["timestamp"] <= passed["timestamp"]


def test_starting_and_finishing_a_course_and_achieving_skills(learner, champion, lessons):
    for lesson in lessons:
        lesson_complete(learner=learner, lesson=lesson)
    skill_record_observed(learner=learner, skill=Skill.objects.get(code="FND-1"), helper=champion)
    statements = xapi_statements(learner=learner)

    [registered] = by_verb(statements, "registered")
    assert registered["object"]["definition"]["type"].endswith("/activities/course")
    course_done = [
        s
        for s in by_verb(statements, "completed")
        if s["object"]["definition"]["type"].endswith("/course")
    ]
    assert len(course_done) == 1
    mastered = {
        s["object"]["id"].rsplit("#skill-", 1)[1]: s for s in by_verb(statements, "mastered")
    }
    assert "instructor" not in mastered["saf-7"]["context"]  # through its lessons, alone
    assert mastered["fnd-1"]["context"]["instructor"] == agent(champion)  # seen by a champion


def test_statement_ids_are_uuids_and_the_same_each_time(learner, lessons):
    lesson_complete(learner=learner, lesson=lessons[0])
    first = [s["id"] for s in xapi_statements(learner=learner)]
    second = [s["id"] for s in xapi_statements(learner=learner)]

    assert first == second and len(set(first)) == len(first)
    assert all(uuid.UUID(statement_id) for statement_id in first)


def test_the_number_of_queries_does_not_grow_with_the_record(
    learner, lessons, django_assert_max_num_queries
):
    for lesson in lessons:
        lesson_complete(learner=learner, lesson=lesson)
    xapi_statements(learner=learner)  # warms the site's root-path cache
    with django_assert_max_num_queries(4):
        xapi_statements(learner=learner)


def test_the_download_needs_sign_in(client):
    response = client.get(reverse("courses:xapi_export"))
    assert response.status_code == 302 and "/account/login/" in response["Location"]


def test_the_download_holds_only_my_own_records(client, learner, lessons):
    other = UserFactory()
    lesson_complete(learner=learner, lesson=lessons[0])
    for lesson in lessons:
        lesson_complete(learner=other, lesson=lesson)

    client.force_login(learner)
    response = client.get(reverse("courses:xapi_export"))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"] == 'attachment; filename="my-learning-xapi.json"'
    statements = response.json()
    assert {s["actor"]["account"]["name"] for s in statements} == {str(learner.pk)}
    # Registered for the course and completed one lesson: nothing of the other learner's.
    assert len(statements) == 2
