"""Issue 4's query budgets for the learner's side, each measured at two data sizes.

Marking a lesson done: at most 11 queries (10 until issue 20 added the learner's last activity,
one upsert per batch of activity events, which the dashboard's sustained engagement reads).
"My learning" and "My skills": at most 15, whatever
the number of courses started. The signed-in lesson page stays within issue 3's 15.

Each test runs inside a transaction, so the services' atomic blocks show up as SAVEPOINT and
RELEASE statements that production does not send (there, an atomic block is one BEGIN on SQLite
and none that Django counts on PostgreSQL). The budgets count the statements that read or write
data; the equal-at-both-sizes checks count everything.
"""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from courses.models import Certificate, CourseLevel, Skill
from courses.progress.services import lesson_complete, skill_record_observed
from tests.factories.courses import CoursePageFactory, LessonPageFactory
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db

DONE_BUDGET = 11
# The busiest completion also counts the finished course and the new skill into the dashboard's
# fact tables (dashboards/facts.py, issue 20): two upserts for the course, three for the skills
# (their areas read once). Ten before issue 20; the write is rare and each statement one index.
BUSIEST_BUDGET = 17
PAGE_BUDGET = 15
TRANSACTION_CONTROL = ("SAVEPOINT", "RELEASE SAVEPOINT", "ROLLBACK TO SAVEPOINT", "BEGIN")


def measure(client, method: str, url: str, **extra) -> tuple[int, int, object]:
    """(all statements, statements that read or write data, response)."""
    with CaptureQueriesContext(connection) as queries:
        response = getattr(client, method)(url, **extra)
    data = [
        query
        for query in queries.captured_queries
        if not query["sql"].startswith(TRANSACTION_CONTROL)
    ]
    return len(queries.captured_queries), len(data), response


def course_with(*, title: str, lessons: int, skills: list[str], level=CourseLevel.GETTING_STARTED):
    course = CoursePageFactory(title=title, skills=skills, level=level)
    made = [
        LessonPageFactory(parent=course, title=f"{title}: lesson {n}", skills=skills)
        for n in range(lessons)
    ]
    return course, made


def history(learner, *, courses: int, skills: list[str]) -> None:
    """Other courses already finished, with certificates: what a long-time learner has."""
    for number in range(courses):
        course, lessons = course_with(
            title=f"Earlier {learner.pk}-{number}", lessons=3, skills=skills
        )
        for lesson in lessons:
            lesson_complete(learner=learner, lesson=lesson)
        Certificate.objects.create(
            learner=learner, course=course, course_title=course.title, learner_name=learner.name
        )


# --- Marking a lesson done ---------------------------------------------------------------------


def _done_counts(client, learner, *, lessons: int, skills: list[str], past: int, title: str):
    """Mark the second lesson of a course done (neither the last lesson nor a skill's last)."""
    history(learner, courses=past, skills=skills)
    _, made = course_with(title=title, lessons=lessons, skills=skills)
    client.force_login(learner)
    client.post(f"/learning/lessons/{made[0].pk}/done/")  # warm: enrolled, caches filled
    as_form = measure(client, "post", f"/learning/lessons/{made[1].pk}/done/")
    as_script = measure(
        client, "post", f"/learning/lessons/{made[2].pk}/done/", HTTP_ACCEPT="application/json"
    )
    assert as_form[2].status_code == 302 and as_script[2].status_code == 200
    return as_form[:2], as_script[:2]


def test_marking_a_lesson_done_has_a_fixed_query_count_within_budget(client, index):
    small = _done_counts(client, UserFactory(), lessons=4, skills=["SAF-7"], past=0, title="Small")
    large = _done_counts(
        client,
        UserFactory(),
        lessons=8,
        skills=["SAF-7", "SAF-9", "SAF-10", "FND-8", "FND-9"],
        past=4,
        title="Large",
    )

    assert small == large
    (form_all, form_data), (script_all, script_data) = large
    assert form_data <= DONE_BUDGET
    assert script_data <= DONE_BUDGET


def test_the_lesson_that_finishes_a_course_and_a_skill_is_within_budget(client, index):
    """The busiest completion: the course's last lesson, and the skill's last lesson too."""
    counts = []
    for size, skills in ((2, ["SAF-7"]), (6, ["SAF-7", "SAF-9", "SAF-10"])):
        learner = UserFactory()
        history(learner, courses=size - 2, skills=["FND-8"])
        _, made = course_with(title=f"Finish {size}", lessons=size, skills=skills)
        client.force_login(learner)
        for lesson in made[:-1]:
            client.post(f"/learning/lessons/{lesson.pk}/done/")
        count_all, count_data, response = measure(
            client, "post", f"/learning/lessons/{made[-1].pk}/done/"
        )
        assert response.status_code == 302
        assert learner.skill_records.count() == len(skills)
        assert learner.enrolments.get(course=made[0].get_parent()).completed_at is not None
        counts.append((count_all, count_data))

    assert counts[0] == counts[1]
    assert counts[1][1] <= BUSIEST_BUDGET


# --- My learning and My skills -----------------------------------------------------------------


def _my_learning_count(client, learner, *, started: int, finished: int) -> tuple[int, int]:
    for number in range(started):
        _, lessons = course_with(title=f"Doing {learner.pk}-{number}", lessons=4, skills=["COM-2"])
        lesson_complete(learner=learner, lesson=lessons[0])
    history(learner, courses=finished, skills=["SAF-7"])
    course_with(
        title=f"Not started {learner.pk}", lessons=2, skills=["SAF-9"], level=CourseLevel.NEXT_STEPS
    )
    client.force_login(learner)
    client.get("/my-learning/")
    count_all, count_data, response = measure(client, "get", "/my-learning/")
    assert response.status_code == 200
    assert response.text.count("<progress") == started  # finished courses have no bar
    return count_all, count_data


def test_my_learning_has_a_fixed_query_count_within_budget(client, index):
    small = _my_learning_count(client, UserFactory(), started=1, finished=1)
    large = _my_learning_count(client, UserFactory(), started=6, finished=5)

    assert small == large
    assert large[1] <= PAGE_BUDGET


def _my_skills_count(client, learner, champion, *, courses: int, observed: list[str]):
    history(learner, courses=courses, skills=["SAF-7", "FND-8"])
    for code in observed:
        skill_record_observed(learner=learner, skill=Skill.objects.get(code=code), helper=champion)
    course_with(
        title=f"To do {learner.pk}", lessons=courses + 1, skills=["SAF-9", "COM-2", "PRB-1"]
    )
    client.force_login(learner)
    client.get("/my-skills/")
    count_all, count_data, response = measure(client, "get", "/my-skills/")
    assert response.status_code == 200
    return count_all, count_data


def test_my_skills_has_a_fixed_query_count_within_budget(client, champion, index):
    small = _my_skills_count(client, UserFactory(), champion, courses=1, observed=["COM-2"])
    large = _my_skills_count(
        client,
        UserFactory(),
        champion,
        courses=5,
        observed=["COM-3", "COM-4", "TRN-1", "TRN-2", "PRB-2", "PRB-3"],
    )

    assert small == large
    assert large[1] <= PAGE_BUDGET


# --- The lesson page while moving on through a course ------------------------------------------


def _next_lesson_count(client, learner, *, lessons: int, skills: list[str], title: str):
    """Open lesson 1, then lesson 2: the enrolment notes the new lesson (one write)."""
    _, made = course_with(title=title, lessons=lessons, skills=skills)
    client.force_login(learner)
    for lesson in made[:2]:
        client.get(lesson.url)  # warm the shared fragments of both lessons
    client.get(made[0].url)
    count_all, count_data, response = measure(client, "get", made[1].url)
    assert response.status_code == 200
    return count_all, count_data


def test_opening_the_next_lesson_has_a_fixed_query_count_within_budget(client, index):
    small = _next_lesson_count(client, UserFactory(), lessons=2, skills=["SAF-7"], title="Small")
    large = _next_lesson_count(
        client, UserFactory(), lessons=7, skills=["SAF-7", "SAF-9", "FND-8"], title="Large"
    )

    assert small == large
    assert large[0] <= PAGE_BUDGET  # even counting the test's savepoints
