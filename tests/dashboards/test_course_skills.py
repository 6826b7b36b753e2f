"""With a course chosen, its skills on the dashboard (headline and skills by area) read once,
from the skill records of the period: the skills its lessons teach now, counted as the raw
path counts them, in a number of statements that does not grow with the data (issue 20)."""

from dataclasses import replace
from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from courses.models import Skill
from dashboards import selectors
from tests.dashboards.conftest import NOW
from tests.dashboards.test_facts import view
from tests.factories.courses import CoursePageFactory, LessonPageFactory
from tests.factories.dashboards import skill_achieve
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db

DAY = timedelta(days=1)


def two_areas() -> tuple[Skill, Skill, Skill]:
    """Two skills of one area and one of another."""
    first_area = Skill.objects.order_by("area__sort_order", "pk").first()
    same = Skill.objects.filter(area=first_area.area).exclude(pk=first_area.pk).first()
    other = Skill.objects.exclude(area=first_area.area).order_by("pk").first()
    return first_area, same, other


def course_with(skills: list[Skill]):
    course = CoursePageFactory(title="Course S", slug="course-s")
    for n, skill in enumerate(skills):
        LessonPageFactory(parent=course, title=f"S lesson {n}", skills=[skill.code])
    return course


def learners_with(skills: list[Skill], *, count: int, days_ago: int) -> None:
    for _ in range(count):
        learner = UserFactory()
        for skill in skills:
            skill_achieve(learner=learner, skill=skill, at=NOW - days_ago * DAY)


def course_figures(f) -> tuple:
    return selectors.headline(f), selectors.skills_by_area(f)


def test_a_courses_skills_by_area_and_in_all():
    a1, a2, b = two_areas()
    course = course_with([a1, a2, b])
    elsewhere = Skill.objects.exclude(pk__in=[a1.pk, a2.pk, b.pk]).first()
    learners_with([a1, a2, b], count=2, days_ago=10)  # both areas, two skills in the first
    learners_with([a1], count=1, days_ago=20)
    learners_with([b, elsewhere], count=1, days_ago=5)  # a skill the course does not teach
    learners_with([a1, b], count=3, days_ago=200)  # before the 3 months
    f = view(period="3m", course=str(course.pk))
    assert selectors._facts_ready(f)

    headline, areas = course_figures(f)

    assert (headline.skills, headline.skill_learners) == (2 * 3 + 1 + 1, 4)
    assert [(row.area, row.skills, row.learners) for row in areas] == [
        (a1.area.name, 2 * 2 + 1, 3),
        (b.area.name, 2 + 1, 3),
    ]
    assert course_figures(replace(f, raw=True)) == (headline, areas)


def test_a_skill_a_course_teaches_from_its_next_publish_counts_at_once():
    a1, _a2, b = two_areas()
    course = course_with([a1])
    learners_with([a1, b], count=2, days_ago=10)
    f = view(period="3m", course=str(course.pk))
    assert selectors.headline(f).skills == 2

    LessonPageFactory(parent=course, title="S lesson new", skills=[b.code])

    f = view(period="3m", course=str(course.pk))
    assert (selectors.headline(f).skills, selectors.headline(f).skill_learners) == (4, 2)
    assert [row.area for row in selectors.skills_by_area(f)] == [a1.area.name, b.area.name]


def statements(f) -> int:
    with CaptureQueriesContext(connection) as captured:
        course_figures(f)
    return len(captured)


def test_the_course_skills_take_the_same_statements_at_two_sizes():
    a1, a2, b = two_areas()
    course = course_with([a1, a2, b])
    learners_with([a1, b], count=2, days_ago=10)
    small = statements(view(period="12m", course=str(course.pk)))

    learners_with([a1, a2, b], count=12, days_ago=40)
    f = view(period="12m", course=str(course.pk))
    assert statements(f) == small
    assert selectors.headline(f).skill_learners == 14
