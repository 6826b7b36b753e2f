"""Issue 12, observability: ``/healthz`` and ``/readyz`` for load balancers."""

from unittest import mock

from django.conf import settings
from django.core.cache import caches
from django.db import OperationalError

import pytest

pytestmark = pytest.mark.django_db

# In the embedded default the broker is in-process; with REDIS_URL (CI's second pass) it is Redis,
# reached for real.
BROKER_OK = "ok" if settings.CELERY_BROKER_URL.startswith("redis") else "ok (in-process)"
SECRET_ADDRESS = "db.internal.example:5432"
SECRET_PASSWORD = "hunter2-secret"


def _assert_never_cached(response):
    directives = {part.strip() for part in response["Cache-Control"].split(",")}
    assert "no-store" in directives
    assert "X-Page-Cache" not in response


def test_healthz_answers_ok_without_a_database_query(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    _assert_never_cached(response)


def test_readyz_reports_every_part_ok(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "cache": "ok", "broker": BROKER_OK}
    _assert_never_cached(response)


def test_readyz_names_a_broken_database_and_gives_away_no_secret(client):
    failure = OperationalError(f"could not connect to {SECRET_ADDRESS} password={SECRET_PASSWORD}")
    with mock.patch("training.core.health.connection") as connection:
        connection.cursor.side_effect = failure
        response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json() == {
        "database": "unavailable",
        "cache": "ok",
        "broker": BROKER_OK,
    }
    body = response.content.decode()
    assert SECRET_ADDRESS not in body and SECRET_PASSWORD not in body
    _assert_never_cached(response)


def test_a_broken_cache_gives_503_on_readyz_and_healthz_still_answers(client):
    """The anonymous page cache looks every GET up in the cache: not these two."""
    broken = ConnectionError(f"Error 111 connecting to {SECRET_ADDRESS}")
    cache = caches["default"]
    with (
        mock.patch.object(cache, "get", side_effect=broken),
        mock.patch.object(cache, "set", side_effect=broken),
        mock.patch.object(cache, "add", side_effect=broken),
    ):
        ready = client.get("/readyz")
        alive = client.get("/healthz")
    assert ready.status_code == 503
    assert ready.json() == {"database": "ok", "cache": "unavailable", "broker": BROKER_OK}
    assert SECRET_ADDRESS not in ready.content.decode()
    assert alive.status_code == 200
    assert alive.json() == {"status": "ok"}


def test_an_unreachable_broker_gives_503_quickly(client, settings):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"  # nothing listens on port 1
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["broker"] == "unavailable"
    assert "127.0.0.1" not in response.content.decode()


def test_health_checks_refuse_anything_but_get(client):
    assert client.post("/healthz").status_code == 405
    assert client.post("/readyz").status_code == 405
