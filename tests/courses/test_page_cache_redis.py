"""The anonymous page cache against a real Redis, as in production (issue 20).

Each process keeps the copies it has read, and Redis tells it (client tracking) of any change to
the version key. These tests run with Redis (``REDIS_URL``, else the local one on database 12)
under a key prefix of their own. A purge made by another process is played by a second Redis
client moving the version on, exactly as ``page_cache_purge`` does.
"""

import os
import re
import secrets
import socket
import time

from django.middleware.csrf import (
    CSRF_ALLOWED_CHARS,
    _check_token_format,
    _does_token_match,
    _unmask_cipher_token,
)
from django.test import Client, RequestFactory

import pytest
import redis

from training.core import page_cache
from training.core.page_cache import token_hide

pytestmark = pytest.mark.django_db

REDIS_URL = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/12"


@pytest.fixture
def redis_cache(settings):
    """The default cache on Redis under a prefix of this test's own; its keys removed after."""
    prefix = f"test-page-cache-{secrets.token_hex(4)}"
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": prefix,
        }
    }
    client = redis.Redis.from_url(REDIS_URL)
    yield client, prefix
    for key in client.scan_iter(match=f"{prefix}:*"):
        client.delete(key)


def _purge_from_another_process(client: redis.Redis, prefix: str) -> None:
    client.incr(f"{prefix}:1:{page_cache.VERSION_KEY}")


def _redis_read_breaks(monkeypatch) -> None:
    def no_redis(*args, **kwargs):
        raise AssertionError("asked Redis")

    monkeypatch.setattr(page_cache, "_redis_mget", no_redis)


def _served_by(response) -> str:
    return response["X-Page-Cache"]


def test_a_copy_is_served_from_the_process_until_a_purge_elsewhere_is_heard(
    lessons, redis_cache, monkeypatch
):
    client, prefix = redis_cache
    url = lessons[0].url
    first = Client().get(url)
    second = Client().get(url)  # read from Redis, kept in the process
    with monkeypatch.context() as patched:
        _redis_read_breaks(patched)
        third = Client().get(url)  # from the process: Redis is not asked
    _purge_from_another_process(client, prefix)
    time.sleep(0.05)  # the announcement crosses the socket
    fourth = Client().get(url)

    assert [_served_by(r) for r in (first, second, third, fourth)] == ["miss", "hit", "hit", "miss"]
    for header in ("Content-Security-Policy", "X-Frame-Options", "Content-Language", "Vary"):
        assert third[header] == first[header]
    assert third["Content-Length"] == str(len(third.content))
    assert token_hide(third.content) == token_hide(first.content)


def test_publishing_here_purges_this_process_at_once(lessons, redis_cache, monkeypatch):
    url = lessons[0].url
    Client().get(url)
    Client().get(url)
    # Even before Redis's notice arrives, this process's own purge empties its copies.
    monkeypatch.setattr(page_cache._ProcessCopies, "purge_heard", lambda self: False)

    lessons[0].save_revision().publish()

    assert _served_by(Client().get(url)) == "miss"


def test_emptying_redis_by_hand_empties_every_process_s_copies(lessons, redis_cache):
    from django.core.cache import cache

    url = lessons[0].url
    Client().get(url)
    Client().get(url)
    process = page_cache._process_copies()
    assert process.copies

    cache.clear()  # FLUSHDB: the version starts again from 1, the copies are gone
    time.sleep(0.05)
    after = Client().get(url)

    assert _served_by(after) == "miss"


def test_a_lost_listening_connection_drops_the_process_copies(lessons, redis_cache, monkeypatch):
    client, _ = redis_cache
    url = lessons[0].url
    Client().get(url)
    Client().get(url)
    process = page_cache._process_copies()
    process.listener._sock.shutdown(socket.SHUT_RDWR)  # as when Redis restarts or the link drops
    time.sleep(0.05)

    # Nothing can be heard any more, so the copy is read from Redis again (and a new listener made).
    after = Client().get(url)
    renewed = page_cache._process_copies()

    assert _served_by(after) == "hit"
    assert process.broken and not process.copies
    assert renewed is not process and not renewed.broken
    # The new listener starts with no copies: one more read from Redis, then from the process.
    assert _served_by(Client().get(url)) == "hit"
    with monkeypatch.context() as patched:
        _redis_read_breaks(patched)
        assert _served_by(Client().get(url)) == "hit"


def test_where_redis_will_not_track_every_hit_asks_redis_and_tracking_is_tried_rarely(
    lessons, redis_cache, monkeypatch
):
    attempts = []

    def refused(*args):
        attempts.append(1)
        raise redis.ResponseError("unknown command 'CLIENT TRACKING'")  # Redis before 6

    monkeypatch.setattr(page_cache, "_ProcessCopies", refused)
    url = lessons[0].url
    answers = [Client().get(url) for _ in range(4)]

    assert [_served_by(answer) for answer in answers] == ["miss", "hit", "hit", "hit"]
    assert attempts == [1]


def test_a_process_copy_is_kept_a_few_seconds_at_most(lessons, redis_cache, monkeypatch):
    url = lessons[0].url
    Client().get(url)
    Client().get(url)
    later = time.monotonic() + page_cache.PROCESS_COPY_SECONDS + 1
    monkeypatch.setattr(page_cache.time, "monotonic", lambda: later)
    asked = []
    real_mget = page_cache._redis_mget
    monkeypatch.setattr(
        page_cache, "_redis_mget", lambda *args: asked.append(1) or real_mget(*args)
    )

    assert _served_by(Client().get(url)) == "hit"
    assert asked == [1]


def test_with_redis_a_new_visitor_gets_a_working_csrf_cookie_from_a_copy(lessons, redis_cache):
    quiz_lesson = lessons[1]
    Client().get(quiz_lesson.url)
    Client().get(quiz_lesson.url)
    newcomer = Client(enforce_csrf_checks=True)
    page = newcomer.get(quiz_lesson.url)
    html = page.content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    quiz_id = re.search(r'name="quiz" value="([^"]+)"', html).group(1)

    answer = newcomer.post(quiz_lesson.url, {"csrfmiddlewaretoken": token, "quiz": quiz_id})

    assert _served_by(page) == "hit"
    assert _does_token_match(token, page.cookies["csrftoken"].value)
    assert answer.status_code == 200


def test_csrf_tokens_are_django_s_format_masked_afresh_each_time():
    request = RequestFactory().get("/")
    first = page_cache.csrf_token(request)
    second = page_cache.csrf_token(request)
    secret = request.META["CSRF_COOKIE"]

    assert request.META["CSRF_COOKIE_NEEDS_UPDATE"] is True
    assert len(secret) == 32 and len(first) == 64
    _check_token_format(secret)
    _check_token_format(first)
    assert first != second
    assert _unmask_cipher_token(first) == _unmask_cipher_token(second) == secret
    # A visitor who has a cookie keeps their secret.
    returning = RequestFactory().get("/")
    returning.META["CSRF_COOKIE"] = secret
    assert _unmask_cipher_token(page_cache.csrf_token(returning)) == secret


def test_csrf_secrets_use_every_character_of_the_alphabet_about_evenly():
    drawn = "".join(page_cache._csrf_random_string() for _ in range(4000))  # 128,000 characters

    counts = [drawn.count(char) for char in CSRF_ALLOWED_CHARS]
    assert set(drawn) == set(CSRF_ALLOWED_CHARS)
    expected = len(drawn) / len(CSRF_ALLOWED_CHARS)  # about 2,065 each
    assert all(abs(count - expected) < 0.15 * expected for count in counts), counts
    assert len({page_cache._csrf_random_string() for _ in range(1000)}) == 1000
