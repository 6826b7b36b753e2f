"""Snapshots (summary tables): reused while fresh, worked out again when old, refreshed by beat."""

from django.urls import reverse

import pytest

from dashboards.models import DashboardSnapshot
from dashboards.tasks import dashboard_snapshots_refresh
from tests.dashboards.conftest import NOW
from tests.factories.dashboards import complete

pytestmark = pytest.mark.django_db

URL = reverse("dashboards:dashboard")


def lessons_completed(page: str) -> str:
    start = page.index("Lessons completed</th>")
    return page[start : page.index("</td>", start)].rsplit(">", 1)[-1]


def test_a_fresh_snapshot_is_reused_and_an_old_one_worked_out_again(
    client, manager, world, settings
):
    client.force_login(manager)
    assert lessons_completed(client.get(URL, {"period": "all"}).content.decode()) == "25"
    assert DashboardSnapshot.objects.count() == 1
    # One more lesson: the snapshot (at most 15 minutes old) still says 25 ...
    x = world.course_x
    lesson = x.get_children().specific().last()
    complete(learner=manager, lesson=lesson, course=x, at=NOW)
    assert lessons_completed(client.get(URL, {"period": "all"}).content.decode()) == "25"
    # ... until it is older than the maximum age: then it is worked out again, without beat.
    settings.DASHBOARD_SNAPSHOT_MAX_AGE = 0
    page = client.get(URL, {"period": "all"}).content.decode()
    assert lessons_completed(page) == "26"
    assert "Figures as at" in page
    assert DashboardSnapshot.objects.count() == 1


def test_each_view_has_its_own_snapshot_and_hidden_figures_stay_hidden(client, manager, world):
    client.force_login(manager)
    client.get(URL, {"period": "all"})
    page = client.get(URL, {"period": "all", "neighbourhood": "birch"}).content.decode()
    assert DashboardSnapshot.objects.count() == 2
    assert "<td>hidden</td>" in page
    # Read back from the stored snapshot, the CSV hides the same figures.
    csv = client.get(
        reverse("dashboards:table_csv", args=["headline"]),
        {"period": "all", "neighbourhood": "birch"},
    ).content.decode()
    assert "Active learners (finished at least one lesson),hidden," in csv


def test_beat_refreshes_every_period_for_every_place_and_each_centre(world):
    # four periods × (all learners, tenants, staff) for every place, and two centres
    assert dashboard_snapshots_refresh() == 4 * 3 + 2
    assert DashboardSnapshot.objects.filter(every_place=True).count() == 12
    assert set(DashboardSnapshot.objects.exclude(centre=None).values_list("centre", flat=True)) == {
        world.alder_hall.pk,
        world.birch_house.pk,
    }
    dashboard_snapshots_refresh()  # idempotent: the same fourteen, worked out again
    assert DashboardSnapshot.objects.count() == 14


def test_names_are_never_stored_in_a_snapshot_and_always_current(client, world):
    from tests.factories.users import UserFactory
    from training.users import roles

    champion = UserFactory(role=roles.DIGITAL_CHAMPION, community_centre=world.alder_hall)
    client.force_login(champion)
    assert "Person A6" in client.get(URL, {"period": "all"}).content.decode()
    snapshot = DashboardSnapshot.objects.get()
    assert "stalled" not in snapshot.tables
    assert "Person A6" not in str(snapshot.tables)
    # a6 deletes their account: gone from the very next page, though the snapshot is fresh.
    world.people["a6"].delete()
    assert "Person A6" not in client.get(URL, {"period": "all"}).content.decode()


def test_a_csv_of_a_view_without_a_snapshot_works_out_that_table_alone(client, manager, world):
    """No fresh snapshot: the one table asked for is worked out (the same figures as the page)
    and nothing is stored; with a fresh snapshot, the CSV is read from it."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(manager)
    csv_url = reverse("dashboards:table_csv", args=["headline"])
    with CaptureQueriesContext(connection) as alone:
        csv = client.get(csv_url, {"period": "all"}).content.decode()
    assert "Lessons completed,25," in csv
    assert not DashboardSnapshot.objects.exists()
    asked = " ".join(query["sql"] for query in alone.captured_queries)
    assert "dashboards_learnerfact" in asked  # the headline's own figures were worked out
    assert '"courses_enrolment"."started_at"' not in asked, "no course funnels worked out"
    assert "core_learneractivity" not in asked, "no sustained engagement worked out"
    client.get(URL, {"period": "all"})  # the page stores the view's snapshot
    x = world.course_x
    complete(learner=manager, lesson=x.get_children().specific().last(), course=x, at=NOW)
    # From the snapshot (at most 15 minutes old), as the page shows it: still 25.
    assert "Lessons completed,25," in client.get(csv_url, {"period": "all"}).content.decode()
