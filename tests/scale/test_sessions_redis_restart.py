"""Sessions survive a Redis restart: kept in the database, read through Redis (``cached_db``)."""

import time

from django.conf import settings
from django.contrib.sessions.models import Session

import pytest
import redis

pytestmark = pytest.mark.django_db


def sign_in(client, learner, password, **extra) -> str:
    client.post("/account/login/", {"login": learner.email, "password": password, **extra})
    assert client.get("/account/profile/").status_code == 200
    return client.session.session_key


def test_a_redis_restart_signs_nobody_out(redis_url, client, learner, password):
    assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.cached_db"
    raw = redis.Redis.from_url(redis_url)
    session_key = sign_in(client, learner, password)
    assert any(raw.scan_iter(f"*{session_key}*"))  # read through Redis

    raw.flushdb()  # what Redis holds after a restart without persistence

    response = client.get("/account/profile/")
    assert response.status_code == 200
    assert learner.email in response.content.decode()
    assert "Sign out" in response.content.decode()


def test_signing_out_ends_the_session_in_redis_and_in_the_database(
    redis_url, client, learner, password
):
    raw = redis.Redis.from_url(redis_url)
    session_key = sign_in(client, learner, password)

    assert client.post("/account/logout/").status_code == 302

    assert not Session.objects.filter(session_key=session_key).exists()
    assert not any(raw.scan_iter(f"*{session_key}*"))
    response = client.get("/account/profile/")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/account/login/")


def test_a_shared_computer_session_still_ends_after_a_redis_restart(
    redis_url, client, learner, password, settings
):
    # The database row keeps the short expiry, so Redis losing its copy changes nothing.
    settings.SHARED_COMPUTER_SESSION_SECONDS = 1
    sign_in(client, learner, password, shared_computer="on")
    redis.Redis.from_url(redis_url).flushdb()

    time.sleep(2.1)

    response = client.get("/account/profile/")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/account/login/")
