"""Four people taking the last place at the same moment: one gets it, three wait.

Needs PostgreSQL (DATABASE_URL), where the booking service's SELECT ... FOR UPDATE is what keeps
them apart; four separate processes book at the same instant. On SQLite, which has no row locks,
every write transaction is IMMEDIATE (settings), so bookings run one after another; the rule
they follow is tested in test_booking.py.
"""

import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from events.models import Booking
from events.services import event_book
from tests.factories.events import EventFactory
from tests.factories.users import UserFactory

ROOT = Path(__file__).resolve().parents[2]
PEOPLE = 4

SCRIPT = """
import sys, time
from pathlib import Path
import django
django.setup()
from events import services
from events.models import Event
from events.services import event_book
from training.users.models import User
# Widen the gap between counting the places taken and writing the booking, so that without
# the row lock every process would count the same free place.
counted = services._confirmed_count
def slow_count(event):
    number = counted(event)
    time.sleep(0.5)
    return number
services._confirmed_count = slow_count
person = User.objects.get(pk=int(sys.argv[1]))
event = Event.objects.get(pk=int(sys.argv[2]))
folder = Path(sys.argv[3])
(folder / f"ready-{person.pk}").touch()
while not (folder / "go").exists():
    time.sleep(0.001)
print(event_book(event=event, user=person).booking.status)
"""


@pytest.fixture
def postgres():
    if connection.vendor != "postgresql":
        message = "PostgreSQL test: set DATABASE_URL to a PostgreSQL database to run it."
        if os.environ.get("REQUIRE_SERVICES") == "1":
            pytest.fail(message + " REQUIRE_SERVICES=1 forbids skipping.")
        pytest.skip(message)


@pytest.mark.django_db
def test_booking_locks_the_event_row(postgres):
    event = EventFactory(capacity=1)
    with CaptureQueriesContext(connection) as queries:
        event_book(event=event, user=UserFactory())
    locks = [query["sql"] for query in queries.captured_queries if "FOR UPDATE" in query["sql"]]
    assert len(locks) == 1 and '"events_event"' in locks[0]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_people_booking_the_last_place_at_once_never_overbook(postgres, tmp_path):
    event = EventFactory(capacity=1)
    people = UserFactory.create_batch(PEOPLE)
    parts = urlsplit(os.environ["DATABASE_URL"])
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "training.settings.test",
        "DATABASE_URL": urlunsplit(parts._replace(path=f"/{connection.settings_dict['NAME']}")),
        "PYTHONPATH": str(ROOT),
    }
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", SCRIPT, str(person.pk), str(event.pk), str(tmp_path)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for person in people
    ]
    # Once every process is ready, all of them book at the same moment.
    deadline = time.time() + 120
    while len(list(tmp_path.glob("ready-*"))) < PEOPLE and time.time() < deadline:
        if any(process.poll() is not None for process in processes):
            break
        time.sleep(0.01)
    (tmp_path / "go").touch()
    outputs = [process.communicate(timeout=120) for process in processes]

    for process, (_out, err) in zip(processes, outputs, strict=True):
        assert process.returncode == 0, err
    assert sorted(out.strip() for out, _err in outputs) == ["confirmed"] + ["waiting"] * 3, outputs
    assert Booking.objects.filter(event=event, status=Booking.Status.CONFIRMED).count() == 1
    assert Booking.objects.filter(event=event, status=Booking.Status.WAITING).count() == 3
