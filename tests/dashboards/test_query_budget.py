"""The dashboard's query count does not grow with the data: measured at two sizes, equal."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from tests.dashboards.conftest import DAY, NOW, world_build
from tests.factories.courses import CoursePageFactory, LessonPageFactory
from tests.factories.dashboards import complete, enrol, event
from tests.factories.places import CommunityCentreFactory
from tests.factories.users import UserFactory
from training.users import roles

pytestmark = pytest.mark.django_db

BUDGET = 30
URL = reverse("dashboards:dashboard")


def grow(*, courses: int, learners: int) -> None:
    """More courses, places and learners, each with completions, stalls and activity."""
    world = world_build()
    for number in range(courses):
        course = CoursePageFactory(title=f"Extra course {number}")
        lessons = [LessonPageFactory(parent=course) for _ in range(3)]
        centre = CommunityCentreFactory()
        for person in range(learners):
            learner = UserFactory(
                neighbourhood=centre.neighbourhood if person % 2 else world.alder,
                community_centre=centre if person % 3 else world.alder_hall,
                is_staff_member=person % 4 == 0,
            )
            finished = NOW - (40 + person) * DAY if person % 2 else None
            enrol(
                learner=learner,
                course=course,
                started_at=NOW - 60 * DAY,
                completed_at=finished,
                last_lesson=lessons[0],
            )
            for lesson in lessons if finished else lessons[:1]:
                complete(
                    learner=learner, lesson=lesson, course=course, at=finished or NOW - 59 * DAY
                )
            event(actor=learner, verb="community.group.joined", at=NOW - DAY)


def count(client, url, data) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, data)
    assert response.status_code == 200
    return len(queries.captured_queries)


@pytest.mark.parametrize("who", ["manager", "champion"])
def test_the_dashboard_query_count_is_the_same_at_two_sizes(client, who, django_assert_num_queries):
    UserFactory()  # size one: next to nothing
    centre = CommunityCentreFactory(name="Alder Hall", slug="alder-hall")
    person = UserFactory(
        role=roles.MANAGER if who == "manager" else roles.DIGITAL_CHAMPION,
        community_centre=centre,
    )
    client.force_login(person)
    data = {"period": "all", "learner_type": "tenant"}
    client.get(URL, data)  # warm the site-wide caches (footer, site settings)
    small = count(client, URL, data)
    assert small <= BUDGET

    grow(courses=4, learners=8)
    with django_assert_num_queries(small):
        client.get(URL, data)
    with django_assert_num_queries(
        count(client, reverse("dashboards:table_csv", args=["courses"]), data)
    ):
        client.get(reverse("dashboards:table_csv", args=["courses"]), data)


def test_a_fresh_snapshot_reads_far_fewer_queries(client, manager, django_assert_num_queries):
    client.force_login(manager)
    client.get(URL)
    warm_small = count(client, URL, {})
    grow(courses=2, learners=6)
    with django_assert_num_queries(warm_small):
        client.get(URL)
    settings_max_age_zero = count(client, URL, {"period": "4w"})  # a new view: worked out
    assert warm_small < settings_max_age_zero


@pytest.mark.parametrize("who", ["manager", "champion"])
def test_worked_out_from_the_raw_tables_the_count_is_the_same_at_two_sizes(
    client, who, settings, django_assert_num_queries
):
    # No snapshot is ever fresh: every figure is worked out from the raw tables each time.
    settings.DASHBOARD_SNAPSHOT_MAX_AGE = 0
    UserFactory()
    centre = CommunityCentreFactory(name="Alder Hall", slug="alder-hall")
    person = UserFactory(
        role=roles.MANAGER if who == "manager" else roles.DIGITAL_CHAMPION,
        community_centre=centre,
    )
    client.force_login(person)
    client.get(URL)  # warm the site-wide caches (footer, site settings)
    cold_small = count(client, URL, {})
    assert cold_small <= BUDGET

    grow(courses=4, learners=8)
    with django_assert_num_queries(cold_small):
        client.get(URL)
