"""The demo courses: real, complete, and seeded idempotently."""

import io

from wagtail.images import get_image_model

import pytest

from courses.models import CoursePage, LessonPage
from demo.courses import demo_courses, demo_seed

pytestmark = pytest.mark.django_db

TOPICS = ["phone", "safe", "email", "photo", "form", "video", "money"]


@pytest.fixture
def seeded(index):
    demo_seed(stdout=io.StringIO())
    return index


def test_demo_data_files_cover_every_topic_of_the_brief():
    slugs = " ".join(
        course["slug"] + " " + course["title"].lower() for _n, course in demo_courses()
    )

    assert len(demo_courses()) >= 7
    for word in ["safe", "email", "photo", "form", "video", "money"]:
        assert word in slugs, word
    assert any(word in slugs for word in ["device", "phone", "tablet", "computer"])


def test_demo_creates_seven_complete_courses(seeded, client):
    courses = list(CoursePage.objects.live().child_of(seeded))

    assert len(courses) >= 7
    for course in courses:
        lessons = list(LessonPage.objects.live().child_of(course))
        assert 3 <= len(lessons) <= 6, course.slug
        assert any(lesson.has_quiz for lesson in lessons), course.slug
        assert course.skills.exists(), course.slug
        assert course.listing_image is not None and course.listing_image_alt, course.slug
        assert course.estimated_minutes == sum(lesson.estimated_minutes for lesson in lessons)
        assert client.get(course.url).status_code == 200
    lesson = LessonPage.objects.live().first()
    response = client.get(lesson.url)
    assert response.status_code == 200
    assert "Lesson 1 of" in response.text


def test_demo_lessons_follow_the_data_file_order_and_skills(seeded):
    _name, data = demo_courses()[0]
    course = CoursePage.objects.get(slug=data["slug"])

    lessons = list(LessonPage.objects.child_of(course).order_by("path"))

    assert [lesson.slug for lesson in lessons] == [item["slug"] for item in data["lessons"]]
    assert sorted(course.skills.values_list("code", flat=True)) == sorted(data["skills"])
    first = data["lessons"][0]
    assert sorted(lessons[0].skills.values_list("code", flat=True)) == sorted(first["skills"])


def test_demo_seeding_twice_changes_nothing_but_revisions(seeded):
    counts = (
        CoursePage.objects.count(),
        LessonPage.objects.count(),
        get_image_model().objects.count(),
    )
    titles = sorted(LessonPage.objects.values_list("title", flat=True))

    out = io.StringIO()
    demo_seed(stdout=out)

    assert (
        CoursePage.objects.count(),
        LessonPage.objects.count(),
        get_image_model().objects.count(),
    ) == counts
    assert sorted(LessonPage.objects.values_list("title", flat=True)) == titles
    assert "courses with" in out.getvalue()
