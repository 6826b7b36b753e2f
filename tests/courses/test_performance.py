"""Issue 3's performance rules: anonymous page cache with purge, query budget, page weight."""

import re

from django.contrib.staticfiles import finders
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

import pytest

from tests.factories.courses import (
    CoursePageFactory,
    LessonPageFactory,
    image_create,
    question,
    quiz_block,
    text_block,
)
from training.core.page_cache import token_hide

pytestmark = pytest.mark.django_db

LESSON_QUERY_BUDGET = 15
PAGE_WEIGHT_BUDGET = 100 * 1024


def publish_new_title(page, title: str) -> None:
    page.title = title
    page.save_revision().publish()


# --- The anonymous page cache ------------------------------------------------------------------


def test_anonymous_lesson_pages_are_served_from_the_cache(client, lessons):
    url = lessons[0].url
    first = client.get(url)
    with CaptureQueriesContext(connection) as queries:
        second = client.get(url)

    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    # The same page, apart from each visitor's own CSRF token in the "I've done this" form.
    assert token_hide(second.content) == token_hide(first.content)
    # Wagtail still finds the page (site and route); nothing is rendered from the database.
    assert len(queries) <= 3


def test_publishing_purges_the_cache(client, lessons):
    client.get(lessons[0].url)
    publish_new_title(lessons[0], "Why strong passwords matter")

    response = client.get(lessons[0].url)
    assert response["X-Page-Cache"] == "miss"
    assert "Why strong passwords matter" in response.content.decode()


def test_publishing_a_sibling_lesson_updates_the_course_contents(client, lessons):
    client.get(lessons[0].url)
    publish_new_title(lessons[2], "Changing a password safely")

    assert "Changing a password safely" in client.get(lessons[0].url).content.decode()


def test_unpublishing_purges_the_cache(client, course, lessons):
    client.get(course.url)
    lessons[2].unpublish()

    assert "Changing a password" not in client.get(course.url).content.decode()


def test_signed_in_learners_never_get_the_anonymous_copy(client, learner, lessons):
    client.get(lessons[0].url)
    client.force_login(learner)

    response = client.get(lessons[0].url)
    assert "X-Page-Cache" not in response
    assert "Sign out" in response.content.decode()


def test_a_cached_quiz_page_carries_each_visitors_own_csrf_token(lessons):
    quiz_lesson = lessons[1]
    first_visitor = Client(enforce_csrf_checks=True)
    first_visitor.get(quiz_lesson.url)
    second_visitor = Client(enforce_csrf_checks=True)
    page = second_visitor.get(quiz_lesson.url)
    assert page["X-Page-Cache"] == "hit"

    html = page.content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    quiz_id = re.search(r'name="quiz" value="([^"]+)"', html).group(1)
    answer = re.search(r'name="(q-?\w+)" value="([^"]+)"', html.split('name="quiz"')[1])
    response = second_visitor.post(
        quiz_lesson.url,
        {"csrfmiddlewaretoken": token, "quiz": quiz_id, answer.group(1): answer.group(2)},
    )
    assert response.status_code == 200


# --- Query budget ------------------------------------------------------------------------------


def _course_of_size(*, lessons: int, blocks: int, skills: list[str], title: str):
    course = CoursePageFactory(title=title, skills=skills)
    picture = image_create()
    body = []
    for number in range(blocks):
        body.append(text_block(f"<p>Paragraph {number}: tap the button.</p>"))
        body.append(
            {"type": "image", "value": {"image": picture.pk, "alt": "A phone", "caption": ""}}
        )
    body.append(quiz_block(question()))
    made = [
        LessonPageFactory(parent=course, title=f"{title} lesson {n}", body=body, skills=skills)
        for n in range(lessons)
    ]
    return made[len(made) // 2]


def _queries_for(client, url: str) -> int:
    client.get(url)  # warm the per-process caches (site root, image renditions)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_a_signed_in_lesson_page_has_a_fixed_query_count_within_budget(client, learner, index):
    small = _course_of_size(lessons=2, blocks=1, skills=["SAF-7"], title="Small")
    large = _course_of_size(
        lessons=6, blocks=12, skills=["SAF-7", "SAF-9", "SAF-10", "FND-8", "FND-9"], title="Large"
    )
    client.force_login(learner)

    small_count = _queries_for(client, small.url)
    large_count = _queries_for(client, large.url)

    assert small_count == large_count
    assert large_count <= LESSON_QUERY_BUDGET


# --- Page weight -------------------------------------------------------------------------------


def _static_bytes(html: str) -> int:
    total = 0
    for path in re.findall(r'(?:href|src)="/static/([^"?]+\.(?:css|js))"', html):
        found = finders.find(path)
        assert found, path
        with open(found, "rb") as handle:
            total += len(handle.read())
    return total


def test_the_heaviest_demo_lesson_weighs_under_100_kb(client, demo_seeded):
    from courses.models import LessonPage

    heaviest = max(LessonPage.objects.live().specific(), key=lambda p: len(p.body.raw_data))
    response = client.get(heaviest.url)
    html = response.content.decode()

    weight = len(response.content) + _static_bytes(html)
    assert weight <= PAGE_WEIGHT_BUDGET, f"{heaviest.url} weighs {weight} bytes"
    assert 'src="/static/js/reading-aids.js"' in html


# --- What the fast paths must not change -------------------------------------------------------


def test_fast_routing_still_refuses_unpublished_lessons(client, lessons):
    lessons[2].unpublish()
    assert client.get("/courses/staying-safe-with-passwords/changing/").status_code == 404


def test_fast_routing_leaves_routable_sub_pages_alone(client, course):
    assert client.get("/courses/skills/").status_code == 200


def test_changing_the_footer_settings_shows_at_once(client, course):
    from training.core.models import SiteSettings

    client.get(course.url)
    site_settings = SiteSettings.load()
    site_settings.contact_phone = "0800 123 4567"
    site_settings.save()

    assert "0800 123 4567" in client.get(course.url).content.decode()


def test_signed_in_learners_share_the_lesson_fragment_but_not_csrf_tokens(lessons, password):
    from tests.factories.users import UserFactory

    quiz_lesson = lessons[1]
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first.force_login(UserFactory())
    second.force_login(UserFactory())
    first.get(quiz_lesson.url)

    html = second.get(quiz_lesson.url).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    quiz_id = re.search(r'name="quiz" value="([^"]+)"', html).group(1)
    response = second.post(quiz_lesson.url, {"csrfmiddlewaretoken": token, "quiz": quiz_id})
    assert response.status_code == 200


def test_signed_in_learners_see_a_new_title_as_soon_as_it_is_published(client, learner, lessons):
    client.force_login(learner)
    client.get(lessons[0].url)
    publish_new_title(lessons[2], "Changing a password safely")

    assert "Changing a password safely" in client.get(lessons[0].url).content.decode()
