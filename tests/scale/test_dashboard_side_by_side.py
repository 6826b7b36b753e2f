"""A cold dashboard view on PostgreSQL works out its tables side by side, each group on a
connection of its own (dashboards/side_by_side.py), with the same tables as one after the other,
in the reader's language, and leaves no connection open.

Outside a transaction (a test's transaction would hide its rows from the other connections),
so these tests commit their rows and the database is emptied after each.
"""

import threading
import time

from django.db import connection
from django.db.backends.signals import connection_created
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

import pytest

from dashboards.access import Scope
from dashboards.filters import DashboardFilterForm, filters_from
from dashboards.models import DashboardSnapshot
from dashboards.reports import dashboard_tables
from dashboards.side_by_side import helpers_close, side_by_side_possible
from tests.dashboards.conftest import world_build

# Committed rows, emptied after each test; the roles and other migration data put back.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

EVERY_PLACE = Scope(every_place=True)


def open_connections() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()")
        return cursor.fetchone()[0]


def tables_of(query: dict) -> dict:
    from django.http import QueryDict
    from django.utils.http import urlencode

    form = DashboardFilterForm(QueryDict(urlencode(query)), scope=EVERY_PLACE)
    return dashboard_tables(filters_from(form), EVERY_PLACE)


def test_the_tables_are_the_same_side_by_side_as_one_after_the_other(postgres):
    world = world_build()
    opened: list[object] = []
    helpers: list = []  # every helper thread's connection (Django's wrapper) ever opened here

    def counted(sender, connection, **kwargs):
        opened.append(connection)
        if threading.current_thread().name.startswith("dashboard"):
            helpers.append(connection)

    assert side_by_side_possible()
    before = open_connections()
    connection_created.connect(counted)
    try:
        for query in ({"period": "all"}, {"period": "12m", "course": str(world.course_x.pk)}):
            helpers_close()
            with translation.override("pl"):
                apart = tables_of(query)
            assert opened, "helper threads opened connections of their own"
            opened.clear()
            with override_settings(DASHBOARD_CONNECTIONS=1), translation.override("pl"):
                assert not side_by_side_possible()
                together = tables_of(query)
            assert not opened, "one after the other: this connection only"
            assert apart == together
            # In the reader's language on every connection (Polish titles, not English).
            assert apart["headline"].title == together["headline"].title != "Headline figures"
            assert apart["sustained"].rows and apart["courses"].rows
    finally:
        connection_created.disconnect(counted)
    # The helpers keep their connections for the next view (as a request thread does) ...
    assert any(helper.connection is not None for helper in helpers)
    assert open_connections() > before
    helpers_close()
    # ... until closed: by the helpers, and then by the server (whose processes take a moment
    # to leave its list of connections after the client has gone).
    assert helpers and all(helper.connection is None for helper in helpers)
    deadline = time.monotonic() + 10
    while open_connections() > before and time.monotonic() < deadline:
        time.sleep(0.05)
    assert open_connections() <= before


def test_a_managers_cold_page_is_whole(postgres, client, manager):
    world_build()
    client.force_login(manager)
    url = reverse("dashboards:dashboard")
    DashboardSnapshot.objects.all().delete()
    cold = client.get(url, {"period": "all"})
    assert cold.status_code == 200
    page = cold.content.decode()
    # The figures (worked out side by side) and the champions' help (beside them).
    assert "<td>25</td>" in page  # lessons completed, all time
    assert "Help given by Digital Champions" in page
    warm = client.get(url, {"period": "all"})
    assert warm.content.decode().count("<td>25</td>") == page.count("<td>25</td>")
