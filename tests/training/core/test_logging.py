"""Issue 12, observability: JSON log lines with request ids, passed on to Celery tasks, and no
post text or password in any log line."""

import io
import json
import logging
from types import SimpleNamespace

import pytest
from celery import signals

from community.models import Post
from tests.factories.community import GroupFactory, member_add
from tests.factories.users import UserFactory
from training.core.logging import (
    JsonFormatter,
    RequestIdFilter,
    request_id_var,
    task_postrun_clear_request_id,
    task_prerun_set_request_id,
    task_publish_add_request_id,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def log_lines():
    """Everything the root logger writes, through the JSON formatter, as parsed objects."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RequestIdFilter())
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.INFO)

    def lines() -> list[dict]:
        raw = stream.getvalue()
        lines.raw = raw
        return [json.loads(line) for line in raw.splitlines()]

    yield lines
    root.removeHandler(handler)
    root.setLevel(old_level)


def test_a_request_logs_json_with_the_id_sent_back_in_the_header(client, log_lines):
    response = client.get("/no-such-page-here/")  # Django logs "Not Found" for it
    assert response.status_code == 404
    request_id = response["X-Request-ID"]
    assert len(request_id) == 32 and int(request_id, 16) >= 0  # a new uuid4 hex
    entries = [e for e in log_lines() if "/no-such-page-here/" in e["message"]]
    assert entries, "the 404 was logged"
    entry = entries[0]
    assert entry["request_id"] == request_id
    assert entry["level"] == "WARNING"
    assert entry["logger"] == "django.request"
    assert set(entry) >= {"time", "level", "logger", "message", "request_id"}
    assert request_id_var.get() is None  # cleared when the request finished


def test_a_valid_incoming_id_is_kept(client, log_lines):
    response = client.get("/no-such-page-here/", headers={"X-Request-ID": "lb-1234.abc_DEF"})
    assert response["X-Request-ID"] == "lb-1234.abc_DEF"
    assert {e["request_id"] for e in log_lines()} == {"lb-1234.abc_DEF"}


@pytest.mark.parametrize(
    "incoming",
    ["has space", "x" * 65, "semi;colon", "new\nline", 'quote"d', "ünïcode", ""],
)
def test_an_unsafe_incoming_id_is_replaced(client, incoming):
    response = client.get("/healthz", headers={"X-Request-ID": incoming})
    sent_back = response["X-Request-ID"]
    assert sent_back != incoming
    assert len(sent_back) == 32 and int(sent_back, 16) >= 0


def test_exception_text_is_in_the_line():
    record = logging.LogRecord("x", logging.ERROR, __file__, 1, "it broke", None, None)
    try:
        raise ValueError("the reason")
    except ValueError:
        import sys

        record.exc_info = sys.exc_info()
    entry = json.loads(JsonFormatter().format(record))
    assert entry["message"] == "it broke"
    assert "ValueError: the reason" in entry["exception"]
    assert entry["request_id"] is None


def test_an_exception_quoting_what_someone_typed_is_scrubbed_in_the_line():
    """A failing save may put the post in its message: the line keeps the code, not the words."""
    record = logging.LogRecord(
        "x", logging.ERROR, __file__, 1, "saving %s", ("ann@example.org",), None
    )
    typed = "Our lift has been broken since Tuesday"
    try:
        raise ValueError(f"could not save the post '{typed}'")
    except ValueError:
        import sys

        record.exc_info = sys.exc_info()
    line = JsonFormatter().format(record)
    entry = json.loads(line)
    assert "lift has been broken" not in line
    assert "ann@example.org" not in line
    assert entry["message"] == "saving [email]"
    assert "ValueError: could not save the post [Filtered]" in entry["exception"]
    assert "raise ValueError(f\"could not save the post '{typed}'\")" in entry["exception"]


def test_no_post_text_or_password_in_any_log_line(client, log_lines):
    wrong_password = "Zq-wrong-Pass-8812"
    body = "Distinctive post body pelican-marmalade-4471"
    user = UserFactory()
    response = client.post("/account/login/", {"login": user.email, "password": wrong_password})
    assert response.status_code == 200  # the form again, with its message
    assert "_auth_user_id" not in client.session

    group = GroupFactory()
    member_add(group, user)
    client.force_login(user)
    client.post(f"/community/groups/{group.slug}/new-post/", {"text": body})
    assert Post.objects.get().body == body
    # Django hangs the whole request (its POST data too) on the record of a 4xx: never written.
    missing = client.post("/community/groups/no-such-group/new-post/", {"text": body})
    assert missing.status_code == 404
    client.post("/account/password/change/", {"oldpassword": wrong_password})

    entries = log_lines()
    assert any("no-such-group" in e["message"] for e in entries)
    assert wrong_password not in log_lines.raw
    assert "pelican-marmalade" not in log_lines.raw


def test_a_task_queued_in_a_request_carries_its_id_and_the_worker_logs_under_it():
    assert task_publish_add_request_id in [r for _, r in signals.before_task_publish.receivers]
    headers: dict = {}
    token = request_id_var.set("req-42")
    try:
        task_publish_add_request_id(headers=headers)
    finally:
        request_id_var.reset(token)
    assert headers == {"x_request_id": "req-42"}

    # In the worker: the task's request has the message headers on it.
    task = SimpleNamespace(request=SimpleNamespace(is_eager=False, x_request_id="req-42"))
    token = request_id_var.set(None)
    try:
        task_prerun_set_request_id(task=task)
        assert request_id_var.get() == "req-42"
        entry = json.loads(
            JsonFormatter().format(
                logging.LogRecord("worker", logging.INFO, __file__, 1, "sent", None, None)
            )
        )
        assert entry["request_id"] == "req-42"
        task_postrun_clear_request_id(task=task)
        assert request_id_var.get() is None
    finally:
        request_id_var.reset(token)


def test_a_task_queued_outside_a_request_has_no_id():
    headers: dict = {}
    task_publish_add_request_id(headers=headers)
    assert headers == {}
