"""“Put it into practice” appears where the learner sees they finished, and only then."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from courses.models import Certificate, Skill
from courses.progress.services import lesson_complete
from practice.models import NextStepKind
from tests.factories.practice import NextStepFactory, lessons_finish
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db

HEADING = "Put it into practice"


@pytest.fixture
def steps(photo_course):
    course, _ = photo_course
    return [
        NextStepFactory(
            course=course,
            kind=NextStepKind.SHARE_PHOTO,
            title="Show your neighbours the new benches",
            sort_order=1,
        ),
        NextStepFactory(
            course=course, kind=NextStepKind.NEXT_EVENT, title="Come to coffee", sort_order=2
        ),
    ]


def test_the_last_lesson_shows_the_steps_only_once_the_course_is_finished(
    client, photo_course, steps, places, elm_learner
):
    course, lessons = photo_course
    client.force_login(elm_learner)
    lesson_complete(learner=elm_learner, lesson=lessons[0])

    before = client.get(lessons[1].url).text
    assert HEADING not in before
    # Finishing this lesson shows steps, so "I've done this" is sent as a plain form and the
    # page comes back with them (no background update that would miss them).
    assert "data-lesson-done-form" not in before

    response = client.post(f"/learning/lessons/{lessons[1].pk}/done/", follow=True)
    page = response.text
    assert "You have finished this lesson and the whole course." in page
    assert HEADING in page
    assert "Show your neighbours the new benches" in page
    assert places["elm"]["group"].name in page
    assert places["elm"]["event"].title in page
    assert f'action="/practice/steps/{steps[0].pk}/take/"' in page
    assert page.index("Show your neighbours") < page.index("Come to coffee")  # in order


def test_a_lesson_with_no_steps_ahead_keeps_the_background_update(client, learner):
    from tests.factories.courses import LessonPageFactory

    lesson = LessonPageFactory()
    client.force_login(learner)
    assert "data-lesson-done-form" in client.get(lesson.url).text


def test_the_course_page_shows_the_steps_to_a_learner_who_finished_it(
    client, photo_course, steps, elm_learner, river_learner, places
):
    course, lessons = photo_course
    lessons_finish(elm_learner, lessons)
    lessons_finish(river_learner, lessons[:1])

    client.force_login(elm_learner)
    page = client.get(course.url).text
    assert HEADING in page and places["elm"]["event"].title in page

    client.force_login(river_learner)
    assert HEADING not in client.get(course.url).text


def test_anonymous_visitors_never_see_steps_and_the_page_stays_cacheable(
    client, photo_course, steps
):
    course, lessons = photo_course
    for url in (course.url, lessons[1].url):
        response = client.get(url)
        assert HEADING not in response.text
        assert response["X-Page-Cache"] == "miss"


def test_my_learning_lists_the_steps_and_which_are_done(
    client, photo_course, steps, places, elm_learner
):
    course, lessons = photo_course
    client.force_login(elm_learner)
    assert HEADING not in client.get("/my-learning/").text

    lessons_finish(elm_learner, lessons)
    page = client.get("/my-learning/").text
    assert HEADING in page
    assert "After the course “Taking and sharing photos”" in page
    assert "Done. Well done!" not in page

    from events.services import event_book

    event_book(event=places["elm"]["event"], user=elm_learner)
    page = client.get("/my-learning/").text
    assert page.count("Done. Well done!") == 1
    assert page.index("Done. Well done!") > page.index("Come to coffee")


def test_a_skill_step_shows_in_my_skills_and_my_learning_once_the_skill_is_achieved(
    client, photo_course, places, elm_learner
):
    course, lessons = photo_course
    NextStepFactory(
        course=None, skill=Skill.objects.get(code="COM-3"), title="Join your neighbours"
    )
    client.force_login(elm_learner)
    lesson_complete(learner=elm_learner, lesson=lessons[0])
    assert HEADING not in client.get("/my-skills/").text

    response = client.post(f"/learning/lessons/{lessons[1].pk}/done/", follow=True)
    assert "Join your neighbours" in response.text  # the lesson that gave the skill
    for url in ("/my-skills/", "/my-learning/"):
        page = client.get(url).text
        assert "Join your neighbours" in page
        assert "After learning: I can share photos and posts with people I choose" in page


def test_the_certificate_page_shows_the_course_steps(client, photo_course, steps, elm_learner):
    course, lessons = photo_course
    lessons_finish(elm_learner, lessons)
    certificate = Certificate.objects.get_or_create(
        learner=elm_learner,
        course=course,
        defaults={"course_title": course.title, "learner_name": elm_learner.name},
    )[0]
    client.force_login(elm_learner)
    page = client.get(f"/certificates/{certificate.pk}/").text
    assert HEADING in page and "Come to coffee" in page


def test_a_learner_with_no_neighbourhood_is_asked_kindly_to_choose_one(client, photo_course, steps):
    course, lessons = photo_course
    nowhere = UserFactory()
    lessons_finish(nowhere, lessons)
    client.force_login(nowhere)
    page = client.get("/my-learning/").text
    assert "You have not told us your neighbourhood yet" in page
    assert 'href="/account/profile/">Choose your neighbourhood</a>' in page


def _data_statements(queries) -> int:
    """Statements that read or write data (the test's own savepoints left out)."""
    return sum(
        1 for query in queries.captured_queries if "SAVEPOINT" not in query["sql"].split(" ")[:3]
    )


def _my_learning_queries(client, learner) -> int:
    client.force_login(learner)
    client.get("/my-learning/")
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/my-learning/")
    assert response.status_code == 200
    return _data_statements(queries)


def _steps_of_every_kind(*, course=None, skill=None) -> None:
    for kind in NextStepKind.values:
        NextStepFactory(
            course=course, skill=skill, kind=kind, url="/community/" if kind == "link" else ""
        )


def test_my_learning_makes_the_same_number_of_queries_however_many_steps(
    client, photo_course, places, elm_learner, river_learner
):
    """One step of each kind, then thirty-two: the group and the event are looked up once."""
    course, lessons = photo_course
    skill = Skill.objects.get(code="COM-3")
    for learner in (elm_learner, river_learner):
        lessons_finish(learner, lessons)
    _steps_of_every_kind(course=course)
    small = _my_learning_queries(client, elm_learner)

    for _ in range(3):
        _steps_of_every_kind(course=course)
    for _ in range(4):
        _steps_of_every_kind(skill=skill)
    large = _my_learning_queries(client, river_learner)

    page = client.get("/my-learning/").text
    assert page.count('action="/practice/steps/') == 32
    assert small == large
    assert large <= 15  # issue 4's budget for My learning


def _lesson_queries(client, url: str) -> int:
    client.get(url)  # warm the shared fragments
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return _data_statements(queries)


def test_the_finished_lesson_page_with_its_steps_stays_within_the_lesson_budget(
    client, photo_course, places, elm_learner
):
    """Issue 3's budget for a signed-in lesson page is 15, with steps of every kind shown."""
    course, lessons = photo_course
    lessons_finish(elm_learner, lessons)
    client.force_login(elm_learner)
    _steps_of_every_kind(course=course)
    small = _lesson_queries(client, lessons[1].url)
    for _ in range(3):
        _steps_of_every_kind(course=course)
    _steps_of_every_kind(skill=Skill.objects.get(code="COM-3"))
    large = _lesson_queries(client, lessons[1].url)

    assert HEADING in client.get(lessons[1].url).text
    assert small == large
    assert large <= 15
