"""Issue 12, observability: errors reach Sentry (SENTRY_DSN) or the ADMINS by email, never with
what people typed, their cookies or their address; the 500 page promises "we have been told"
only when one of them is set up."""

import json
from dataclasses import dataclass

from django.core import mail
from django.core.exceptions import ImproperlyConfigured
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import Client, RequestFactory

import pytest
import sentry_sdk
from sentry_sdk.envelope import Envelope
from sentry_sdk.transport import Transport

from tests.factories.users import UserFactory
from training.celery import app
from training.core import error_reporting, health

pytestmark = pytest.mark.django_db

POST_TEXT = "Our lift has been broken since March and nobody came to fix it"
PASSWORD = "hunter2-typed-into-a-form"
EMAIL = "ann.lee.reporter@example.org"
USERNAME = "ann-lee-reporter"
COOKIE = "a-cookie-value-nobody-should-see"
QUERY_VALUE = "flat-12-elm-court"
SECRETS = (POST_TEXT, "lift has been broken", PASSWORD, EMAIL, USERNAME, COOKIE, QUERY_VALUE)


class MemoryTransport(Transport):
    """Keeps what sentry-sdk would send to Sentry's servers."""

    def __init__(self) -> None:
        super().__init__()
        self.envelopes: list[Envelope] = []

    def capture_envelope(self, envelope: Envelope) -> None:
        self.envelopes.append(envelope)

    def events(self) -> list[dict]:
        return [event for e in self.envelopes if (event := e.get_event()) is not None]


@pytest.fixture
def sentry_events():
    """sentry-sdk on, as settings turn it on with SENTRY_DSN, sending to memory; off afterwards."""
    transport = MemoryTransport()
    error_reporting.sentry_start(
        dsn="https://publickey@sentry.example.org/1",
        environment="test",
        release="homes@test",
        transport=transport,
    )
    assert error_reporting.errors_destination() == "sentry"
    assert sentry_sdk.get_client().should_send_default_pii() is False
    yield transport.events
    sentry_sdk.get_client().close()
    sentry_sdk.get_global_scope().set_client(None)
    assert not error_reporting.sentry_is_on()


@dataclass
class Served:
    status_code: int
    headers: dict[str, str]
    html: str


@pytest.fixture
def failing_post(settings):
    """A signed-in person's form post that fails on the server, sent through Django's WSGI
    handler as gunicorn sends it (Sentry's WSGI middleware sits there), with the site's 500 page.
    """
    settings.ROOT_URLCONF = "tests.training.core.urls_error_reporting"
    settings.DEBUG = False
    signed_in = Client()
    signed_in.force_login(UserFactory(email=EMAIL, username=USERNAME))
    session_id = signed_in.cookies[settings.SESSION_COOKIE_NAME].value

    def post() -> Served:
        request = RequestFactory().post(
            f"/post-save-fails/?flat={QUERY_VALUE}", {"body": POST_TEXT, "password": PASSWORD}
        )
        environ = {
            **request.environ,
            "HTTP_COOKIE": f"{settings.SESSION_COOKIE_NAME}={session_id}; remembered={COOKIE}",
        }
        started: list = []
        # As Django's test client does: the test's transaction must outlive the request.
        request_started.disconnect(close_old_connections)
        request_finished.disconnect(close_old_connections)
        try:
            body = WSGIHandler()(environ, lambda status, headers: started.extend([status, headers]))
            html = b"".join(body).decode()
            body.close()
        finally:
            request_started.connect(close_old_connections)
            request_finished.connect(close_old_connections)
        status, headers = started
        return Served(int(status.split()[0]), dict(headers), html)

    return post


def assert_nothing_personal(text: str) -> None:
    for secret in SECRETS:
        assert secret not in text


# --- Sentry ------------------------------------------------------------------------------------


def test_with_sentry_an_error_in_a_view_is_one_event_without_anything_personal(
    sentry_events, failing_post, settings
):
    settings.ADMINS = [("Ann Admin", "admin@example.org")]
    response = failing_post()

    assert response.status_code == 500
    events = sentry_events()
    assert len(events) == 1
    event = events[0]
    (exception,) = event["exception"]["values"]
    assert exception["type"] == "ValueError"
    assert exception["mechanism"]["type"] == "django"
    assert exception["value"] == "could not save the post [Filtered]"
    assert event["environment"] == "test" and event["release"] == "homes@test"
    assert event["request"]["method"] == "POST"
    assert event["request"]["url"].endswith("/post-save-fails/")
    assert event["request"]["query_string"] == "flat=[Filtered]"
    assert not {"data", "cookies", "env"} & set(event["request"])
    assert "cookie" not in {name.lower() for name in event["request"]["headers"]}
    assert "user" not in event or set(event["user"]) <= {"id"}
    assert event["tags"]["request_id"] == response.headers["X-Request-ID"]
    frames = exception["stacktrace"]["frames"]
    assert frames[-1]["function"] == "post_save_fails" and "vars" not in frames[-1]
    sent = json.dumps(event)
    assert_nothing_personal(sent)
    assert "sessionid" not in sent
    # Sentry has it, so the admins get no email, and the page can say so.
    assert mail.outbox == []
    assert "We have been told about it" in response.html


def test_the_scrubber_drops_what_a_careless_event_could_carry():
    event = {
        "user": {"id": 7, "email": EMAIL, "username": USERNAME, "ip_address": "203.0.113.9"},
        "request": {
            "method": "POST",
            "url": f"https://learn.example.org/groups/?flat={QUERY_VALUE}",
            "query_string": f"flat={QUERY_VALUE}&page=2",
            "data": {"body": POST_TEXT, "password": PASSWORD},
            "cookies": {"sessionid": COOKIE},
            "env": {"REMOTE_ADDR": "203.0.113.9"},
            "headers": {
                "Cookie": f"sessionid={COOKIE}",
                "Authorization": f"Basic {PASSWORD}",
                "X-Forwarded-For": "203.0.113.9",
                "User-Agent": "Mozilla/5.0 (Linux; Android 9)",
                "Referer": f"https://learn.example.org/report/?flat={QUERY_VALUE}",
            },
        },
        "exception": {
            "values": [
                {
                    "type": "IntegrityError",
                    "value": f"Key (email)=({EMAIL}) already exists.",
                    "stacktrace": {"frames": [{"function": "save", "vars": {"text": POST_TEXT}}]},
                }
            ]
        },
        "logentry": {"message": "saving %s", "params": [POST_TEXT]},
        "extra": {
            "report": {"details": POST_TEXT},
            "original_text": POST_TEXT,
            "celery-job": {"task_name": "community.tasks.x", "args": [EMAIL], "kwargs": {}},
        },
        "breadcrumbs": {
            "values": [{"category": "query", "message": f"to {EMAIL}", "data": {"p": PASSWORD}}]
        },
    }

    scrubbed = error_reporting.event_scrub(event, {})

    assert scrubbed is not None
    assert scrubbed["user"] == {"id": 7}
    assert scrubbed["request"]["headers"] == {
        "User-Agent": "Mozilla/5.0 (Linux; Android 9)",
        "Referer": "https://learn.example.org/report/?flat=[Filtered]",
    }
    assert scrubbed["request"]["query_string"] == "flat=[Filtered]&page=[Filtered]"
    assert scrubbed["exception"]["values"][0]["value"] == "Key (email)=[Filtered] already exists."
    assert scrubbed["extra"]["celery-job"]["task_name"] == "community.tasks.x"
    assert_nothing_personal(json.dumps(scrubbed))
    assert "203.0.113.9" not in json.dumps(scrubbed)


@app.task(name="tests.training.core.test_error_reporting.task_that_fails")
def task_that_fails(address: str) -> None:
    raise RuntimeError(f"could not send the reminder to {address}")


def test_with_sentry_an_error_in_a_celery_task_is_an_event_without_its_arguments(sentry_events):
    with pytest.raises(RuntimeError):
        task_that_fails.apply(args=[EMAIL])

    events = sentry_events()
    assert len(events) == 1
    (exception,) = events[0]["exception"]["values"]
    assert exception["type"] == "RuntimeError"
    assert exception["mechanism"]["type"] == "celery"
    assert exception["value"] == "could not send the reminder to [email]"
    job = events[0]["extra"]["celery-job"]
    assert job == {
        "task_name": "tests.training.core.test_error_reporting.task_that_fails",
        "args": "[Filtered]",
        "kwargs": "[Filtered]",
    }
    assert EMAIL not in json.dumps(events[0])


def test_a_dsn_that_is_not_one_stops_start_up_without_showing_it():
    with pytest.raises(ImproperlyConfigured, match="SENTRY_DSN is not a Sentry DSN") as error:
        error_reporting.sentry_start(dsn="sentry.example.org/secret-key-1", environment="test")
    assert "secret-key-1" not in str(error.value)
    assert not error_reporting.sentry_is_on()


# --- ADMINS by email -----------------------------------------------------------------------------


def test_without_sentry_a_server_error_emails_the_admins_once_without_the_post(
    failing_post, settings
):
    settings.ADMINS = [("Ann Admin", "admin@example.org")]
    response = failing_post()

    assert response.status_code == 500
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["admin@example.org"]
    assert message.subject == "[Homes on the Net] ERROR: Internal Server Error: /post-save-fails/"
    assert message.alternatives == []  # no HTML report with the request in it
    assert "Request: POST /post-save-fails/" in message.body
    assert f"Request id: {response.headers['X-Request-ID']}" in message.body
    assert 'raise ValueError(f"could not save the post' in message.body  # the traceback
    assert "ValueError: could not save the post [Filtered]" in message.body
    assert_nothing_personal(message.subject + message.body)
    assert "sessionid" not in message.body and "SECRET_KEY" not in message.body
    assert "We have been told about it" in response.html


def test_a_deliberate_503_is_not_emailed_at_every_poll(client, settings, monkeypatch):
    """/readyz answers 503 while the database is down: logged as an error, never mailed."""
    settings.ADMINS = [("Ann Admin", "admin@example.org")]

    def database_down() -> str:
        raise OSError("could not connect")

    monkeypatch.setitem(health.CHECKS, "database", database_down)
    assert client.get("/readyz").status_code == 503
    assert mail.outbox == []


def test_with_neither_the_500_page_promises_nothing_and_says_what_to_do(failing_post, settings):
    settings.ADMINS = []
    response = failing_post()

    html = response.html
    assert response.status_code == 500
    assert mail.outbox == []
    assert "Sorry, something went wrong" in html
    assert "been told" not in html
    assert "Wait a few minutes, then try again." in html
    assert "tell the people who run this site" in html
    assert f"give them this reference: <code>{response.headers['X-Request-ID']}</code>" in html
    assert_nothing_personal(html)


# --- ADMINS from the environment ---------------------------------------------------------------


def test_admins_are_read_from_names_and_addresses():
    assert error_reporting.admins_parse(
        'Ann Lee <ann@example.org>, bob@example.org, "Khan, Sam" <sam@example.org>,'
    ) == [
        ("Ann Lee", "ann@example.org"),
        ("bob@example.org", "bob@example.org"),
        ("Khan, Sam", "sam@example.org"),
    ]
    assert error_reporting.admins_parse("") == []
    assert error_reporting.admins_parse("  ") == []


@pytest.mark.parametrize(
    "value", ["ann@example.org bob@example.org", "Ann Lee", "Ann <ann@>", "ann@example.org,,x"]
)
def test_admins_that_are_not_addresses_stop_start_up_with_how_to_write_them(value):
    with pytest.raises(ImproperlyConfigured, match=r"ADMINS: .* is not an email address") as error:
        error_reporting.admins_parse(value)
    assert 'ADMINS="Ann Lee <ann@example.org>, bob@example.org"' in str(error.value)
