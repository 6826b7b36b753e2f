"""Two workers sending the same batch of daily emails at the same moment: every item goes out
once, each person gets one email. Needs PostgreSQL (SQLite runs one writer at a time anyway)."""

import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from django.db import connection

import pytest

from notifications.models import EmailChoice, Notification, NotificationPreference
from tests.factories.notifications import NotificationFactory
from tests.factories.users import UserFactory

ROOT = Path(__file__).resolve().parents[2]
PEOPLE, ITEMS_EACH = 40, 3

SCRIPT = """
import sys, time
import django
django.setup()
from notifications.digest import digest_batch_send
ids = [int(each) for each in sys.argv[1].split(",")]
start_at = float(sys.argv[2])
while time.time() < start_at:
    time.sleep(0.001)
print(digest_batch_send(recipient_ids=ids))
"""


@pytest.fixture
def postgres() -> None:
    if os.environ.get("DATABASE_URL", "").startswith("postgres"):
        return
    message = "PostgreSQL test: set DATABASE_URL to run it (CI does)."
    if os.environ.get("REQUIRE_SERVICES") == "1":
        pytest.fail(message + " REQUIRE_SERVICES=1 forbids skipping.")
    pytest.skip(message)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_workers_at_once_send_each_person_one_email(postgres):
    people = [UserFactory() for _ in range(PEOPLE)]
    for person in people:
        NotificationPreference.objects.create(person=person, email=EmailChoice.DAILY)
        for _ in range(ITEMS_EACH):
            NotificationFactory(recipient=person)
    parts = urlsplit(os.environ["DATABASE_URL"])
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "training.settings.test",
        "DATABASE_URL": urlunsplit(parts._replace(path=f"/{connection.settings_dict['NAME']}")),
        "PYTHONPATH": str(ROOT),
    }
    ids = ",".join(str(person.pk) for person in people)
    start_at = time.time() + 3
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", SCRIPT, ids, str(start_at)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    outputs = [process.communicate(timeout=120) for process in processes]

    for process, (_out, err) in zip(processes, outputs, strict=True):
        assert process.returncode == 0, err
    sent = [int(out.strip().splitlines()[-1]) for out, _err in outputs]
    assert sum(sent) == PEOPLE  # one email per person, between the two workers
    rows = Notification.objects.all()
    assert rows.filter(digested_at__isnull=True).count() == 0
    assert rows.filter(emailed_at__isnull=True).count() == 0
    # Each person's items were all claimed by one worker: one email holds them all.
    claims = set(rows.values_list("recipient_id", "digest_claim").distinct())
    assert len(claims) == PEOPLE
