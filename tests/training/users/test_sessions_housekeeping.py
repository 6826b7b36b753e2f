"""Expired sessions are deleted every night, with the database engine and with cached_db (what
production runs), in batches; live sessions stay and still sign their person in."""

import logging
from datetime import timedelta
from importlib import import_module

from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from tests.factories.users import UserFactory
from training.core.housekeeping import rows_delete_in_batches
from training.users.sessions import sessions_clear_expired
from training.users.tasks import sessions_clear_expired_task

pytestmark = pytest.mark.django_db

DB = "django.contrib.sessions.backends.db"
CACHED_DB = "django.contrib.sessions.backends.cached_db"


def _session(*, data: dict, expired: bool) -> str:
    """A saved session of the configured engine; an expired one ended a day ago."""
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store.update(data)
    store.set_expiry(timezone.now() - timedelta(days=1) if expired else 60 * 60)
    store.save()
    return store.session_key


def _load(session_key: str) -> dict:
    """What the engine reads for the key: the data without Django's expiry, {} if none."""
    store = import_module(settings.SESSION_ENGINE).SessionStore(session_key=session_key)
    return {k: v for k, v in store.load().items() if k != "_session_expiry"}


@pytest.mark.parametrize("engine", [DB, CACHED_DB])
def test_expired_sessions_are_deleted_and_live_ones_kept(settings, engine, caplog):
    settings.SESSION_ENGINE = engine
    expired = [_session(data={"n": n}, expired=True) for n in range(3)]
    live = _session(data={"cart": "lesson 4"}, expired=False)
    with caplog.at_level(logging.INFO, logger="training.users.sessions"):
        assert sessions_clear_expired() == 3
    assert list(Session.objects.values_list("session_key", flat=True)) == [live]
    assert _load(live) == {"cart": "lesson 4"}
    for key in expired:
        assert _load(key) == {}
    assert "Expired sessions deleted: 3" in caplog.text
    assert sessions_clear_expired() == 0  # a second run finds nothing


def test_with_cached_db_a_signed_in_person_stays_signed_in(settings, client):
    settings.SESSION_ENGINE = CACHED_DB
    person = UserFactory()
    client.force_login(person)
    _session(data={"old": True}, expired=True)
    assert sessions_clear_expired() == 1
    assert Session.objects.filter(session_key=client.session.session_key).exists()
    response = client.get("/account/notifications/")
    assert response.status_code == 200
    assert response.wsgi_request.user == person


def test_many_expired_sessions_go_in_batches(settings):
    settings.SESSION_ENGINE = DB
    now = timezone.now()
    Session.objects.bulk_create(
        [
            Session(session_key=f"expired{n:033d}", session_data="x", expire_date=now)
            for n in range(7)
        ]
        + [
            Session(
                session_key="live" + "0" * 36, session_data="x", expire_date=now + timedelta(days=1)
            )
        ]
    )
    with CaptureQueriesContext(connection) as queries:
        assert sessions_clear_expired(now=now + timedelta(seconds=1), batch_size=3) == 7
    deletes = [q["sql"] for q in queries.captured_queries if q["sql"].startswith("DELETE")]
    assert len(deletes) == 3  # 3 + 3 + 1
    assert list(Session.objects.values_list("session_key", flat=True)) == ["live" + "0" * 36]


def test_the_batch_helper_refuses_a_batch_of_none_and_does_nothing_on_no_rows():
    with pytest.raises(ValueError):
        rows_delete_in_batches(queryset=Session.objects.all(), batch_size=0)
    assert rows_delete_in_batches(queryset=Session.objects.all()) == 0


def test_engines_without_rows_use_their_own_clear_expired(settings):
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.signed_cookies"
    Session.objects.create(
        session_key="a" * 40, session_data="x", expire_date=timezone.now() - timedelta(days=1)
    )
    assert sessions_clear_expired() == 0
    assert Session.objects.count() == 1  # not this engine's rows


def test_the_beat_task_runs_it_every_night():
    _session(data={}, expired=True)
    assert sessions_clear_expired_task.run() == 1
    entry = settings.CELERY_BEAT_SCHEDULE["clear-expired-sessions"]
    assert entry["task"] == "training.users.tasks.sessions_clear_expired_task"
    assert entry["schedule"].hour == {2} and entry["schedule"].minute == {20}
