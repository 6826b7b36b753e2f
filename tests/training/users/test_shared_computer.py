import time

from django.conf import settings

import pytest

pytestmark = pytest.mark.django_db


def test_shared_computer_sign_in_gives_a_short_session(client, learner, password):
    client.post(
        "/account/login/",
        {"login": learner.email, "password": password, "shared_computer": "on"},
    )
    session = client.session
    assert session["shared_computer"] is True
    assert session.get_expiry_age() == settings.SHARED_COMPUTER_SESSION_SECONDS
    assert settings.SHARED_COMPUTER_SESSION_SECONDS <= 15 * 60


def test_every_request_restarts_the_inactivity_timer(client, learner, password):
    client.post(
        "/account/login/",
        {"login": learner.email, "password": password, "shared_computer": "on"},
    )
    first_expiry = client.session.get_expiry_date()
    from unittest import mock

    from django.utils import timezone

    later = timezone.now() + timezone.timedelta(seconds=120)
    with mock.patch("django.contrib.sessions.backends.base.timezone.now", return_value=later):
        client.get("/")
        second_expiry = client.session.get_expiry_date()
    assert second_expiry > first_expiry


def test_the_session_ends_after_inactivity(client, learner, password, settings):
    # A real wait, so the rule holds for database sessions and for Redis sessions (whose
    # expiry is the key's time-to-live, which no mocked clock can move).
    settings.SHARED_COMPUTER_SESSION_SECONDS = 1
    client.post(
        "/account/login/",
        {"login": learner.email, "password": password, "shared_computer": "on"},
    )
    assert client.get("/account/profile/").status_code == 200
    time.sleep(2.1)
    response = client.get("/account/profile/")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/account/login/")


def test_a_personal_device_keeps_the_usual_long_session(client, learner, password):
    client.post("/account/login/", {"login": learner.email, "password": password})
    assert "shared_computer" not in client.session
    assert client.session.get_expiry_age() >= 24 * 60 * 60
