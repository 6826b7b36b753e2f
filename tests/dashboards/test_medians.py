"""Each course's funnel counts and median time to finish, against the same figures worked out in
Python from the enrolments themselves (on PostgreSQL the median is an ordered-set aggregate in
the funnel's own pass; on SQLite a window function)."""

import random
import statistics
from datetime import timedelta

from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.utils.http import urlencode

import pytest

from courses.models import Enrolment
from dashboards import selectors
from dashboards.access import Scope
from dashboards.filters import DashboardFilterForm, filters_from
from tests.dashboards.conftest import DAY, NOW
from tests.factories.courses import CoursePageFactory, LessonPageFactory
from tests.factories.dashboards import enrol
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db

EVERY_PLACE = Scope(every_place=True)


def filters(**query):
    form = DashboardFilterForm(QueryDict(urlencode(query)), scope=EVERY_PLACE)
    return filters_from(form, now=NOW)


def courses_with_finishers(finishers: list[int], *, seed: int, prefix: str) -> list:
    """One course per entry, with that many learners who started in the last 12 months and
    finished after a random time (to the microsecond), one who started but did not finish,
    and one who started and finished over a year ago (outside the 12-month cohort)."""
    rng = random.Random(seed)
    courses = []
    for n, count in enumerate(finishers):
        course = CoursePageFactory(title=f"{prefix} {n}", slug=f"{prefix}-{n}")
        LessonPageFactory(parent=course, title=f"{prefix} {n} lesson")
        for i in range(count):
            started = NOW - timedelta(days=rng.randint(20, 300), seconds=rng.randint(0, 86_399))
            taken = timedelta(
                seconds=rng.randint(3_600, 15 * 86_400), microseconds=rng.randint(0, 999_999)
            )
            enrol(
                learner=UserFactory(username=f"{prefix}-{n}-{i}"),
                course=course,
                started_at=started,
                completed_at=min(started + taken, NOW - DAY),
            )
        enrol(
            learner=UserFactory(username=f"{prefix}-{n}-unfinished"),
            course=course,
            started_at=NOW - 10 * DAY,
        )
        enrol(
            learner=UserFactory(username=f"{prefix}-{n}-long-ago"),
            course=course,
            started_at=NOW - 500 * DAY,
            completed_at=NOW - 400 * DAY,
        )
        courses.append(course)
    return courses


def medians_in_python(f, courses) -> dict[int, float]:
    medians = {}
    for course in courses:
        taken = [
            (e.completed_at - e.started_at).total_seconds()
            for e in Enrolment.objects.filter(course=course, completed_at__isnull=False)
            if e.started_at < f.end and (f.start is None or e.started_at >= f.start)
        ]
        if taken:
            medians[course.pk] = statistics.median(taken)
    return medians


@pytest.mark.parametrize("period", ["12m", "all"])
def test_funnel_medians_equal_the_median_of_every_finishers_time(world, period):
    # Odd and even numbers of finishers, one finisher, and a course nobody finished.
    courses = courses_with_finishers([7, 8, 1, 0], seed=20, prefix="median")
    f = filters(period=period)
    expected = medians_in_python(f, courses)
    # The course nobody finished in the last 12 months has no median then; all time it has
    # the one who finished over a year ago.
    having = courses if period == "all" else courses[:3]
    assert set(expected) == {course.pk for course in having}

    funnels = {row.course_id: row for row in selectors.course_funnels(f)}
    medians = selectors.course_medians(f)
    for course in courses:
        shown = funnels[course.pk].median_seconds
        if course.pk in expected:
            assert shown == pytest.approx(expected[course.pk], abs=0.001)
            assert medians[course.pk] == shown
        else:
            assert shown is None and course.pk not in medians
    # 12 months: the finishers and the one who did not finish; all time: the old one too.
    old = 1 if period == "all" else 0
    assert [(funnels[c.pk].started, funnels[c.pk].completed) for c in courses] == [
        (8 + old, 7 + old),
        (9 + old, 8 + old),
        (2 + old, 1 + old),
        (1 + old, old),
    ]


def test_funnels_and_medians_take_the_same_queries_however_many_finish(world):
    courses_with_finishers([3, 2], seed=1, prefix="few")
    with CaptureQueriesContext(connection) as few:
        selectors.course_funnels(filters(period="12m"))
    courses_with_finishers([40, 25, 9], seed=2, prefix="many")
    with CaptureQueriesContext(connection) as many:
        funnels = selectors.course_funnels(filters(period="12m"))
    assert sum(row.completed for row in funnels) > 70
    # The live courses and their lessons, then the cohort's counts and (on PostgreSQL in the
    # same pass) the medians; SQLite works the medians out in a query of their own.
    assert len(few) == len(many) == (2 if connection.vendor == "postgresql" else 3)
