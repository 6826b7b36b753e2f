"""The demo's photo and forms courses lead straight to tenant voice: "Rate your estate" and
"Report a problem" (issue 13), as "A link" next steps seeded by demo/practice.py."""

import io

from django.urls import reverse

import pytest

from courses.models import CoursePage, LessonPage
from demo.courses import demo_seed as courses_demo_seed
from demo.practice import demo_seed
from practice.models import NextStep
from tests.factories.practice import lessons_finish
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db

RATE = "Rate your estate"
REPORT = "Report a problem on your estate"


@pytest.fixture
def demo_courses():
    courses_demo_seed(stdout=io.StringIO())
    demo_seed(stdout=io.StringIO())


def finish(learner, slug: str) -> CoursePage:
    course = CoursePage.objects.get(slug=slug)
    lessons_finish(learner, list(LessonPage.objects.live().descendant_of(course)))
    return course


@pytest.mark.parametrize("slug", ["taking-and-sharing-photos", "filling-in-forms-online"])
def test_a_learner_who_finishes_the_course_is_led_to_rate_their_estate_and_report_a_problem(
    client, demo_courses, slug
):
    learner = UserFactory()
    course = finish(learner, slug)
    client.force_login(learner)
    page = client.get(course.url).text
    assert "Put it into practice" in page
    assert RATE in page and REPORT in page
    for title, where in (
        (RATE, reverse("voice:estate_checks")),
        (REPORT, reverse("voice:report_new")),
    ):
        step = NextStep.objects.get(course=course, title=title)
        assert f'action="/practice/steps/{step.pk}/take/"' in page
        response = client.post(reverse("practice:step_take", kwargs={"pk": step.pk}))
        assert response.status_code == 302
        assert response["Location"] == where


def test_before_finishing_the_course_the_steps_do_not_show(client, demo_courses):
    learner = UserFactory()
    client.force_login(learner)
    page = client.get(CoursePage.objects.get(slug="filling-in-forms-online").url).text
    assert RATE not in page
