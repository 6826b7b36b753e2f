"""Issue 20: lessons near the machine's limit.

- a visitor who is not signed in gets the lesson from the page cache before any other middleware
  runs, with every header the whole stack gave the first copy, in their own language;
- a signed-in learner's warm lesson page reads one thing from the database: their progress.
"""

import gzip
import re
from unittest import mock

from django.db import connection
from django.middleware.locale import LocaleMiddleware
from django.test import Client
from django.test.utils import CaptureQueriesContext

import pytest

from tests.courses.test_performance import _course_of_size
from training.core.page_cache import token_hide

pytestmark = pytest.mark.django_db

# The learner's progress; the site, the page, the session and the person come from the caches.
SIGNED_IN_LESSON_QUERY_BUDGET = 1
# Headers the middleware after the page cache adds; a copy must carry them all.
SECURITY_HEADERS = (
    "Content-Security-Policy",
    "X-Frame-Options",
    "Referrer-Policy",
    "X-Content-Type-Options",
    "Cross-Origin-Opener-Policy",
)


def _csrf_token(html: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


# --- Anonymous visitors: the copy answers first ------------------------------------------------


def test_a_copy_keeps_every_security_header_of_the_first_visit(lessons):
    first = Client().get(lessons[0].url)
    second = Client().get(lessons[0].url)

    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    for header in (*SECURITY_HEADERS, "Content-Language", "Vary", "Content-Type"):
        assert second[header] == first[header], header
    assert "Accept-Language" in second["Vary"] and "Cookie" in second["Vary"]
    assert second["Content-Length"] == str(len(second.content))


def test_a_copy_answers_before_any_other_middleware_runs(lessons):
    Client().get(lessons[0].url)
    broken = mock.patch.object(
        LocaleMiddleware, "process_request", side_effect=AssertionError("ran")
    )
    with broken, CaptureQueriesContext(connection) as queries:
        response = Client().get(lessons[0].url)

    assert response.status_code == 200
    assert response["X-Page-Cache"] == "hit"
    assert len(queries) == 0
    assert not hasattr(response.wsgi_request, "session")
    assert not hasattr(response.wsgi_request, "user")


def test_every_answer_has_its_own_request_id(lessons):
    Client().get(lessons[0].url)
    first = Client().get(lessons[0].url)
    second = Client().get(lessons[0].url, headers={"X-Request-ID": "lesson-check-1234"})

    assert first["X-Page-Cache"] == second["X-Page-Cache"] == "hit"
    assert re.fullmatch(r"[0-9a-f]{32}", first["X-Request-ID"])
    assert second["X-Request-ID"] == "lesson-check-1234"


def test_each_language_gets_its_own_copy(lessons):
    url = lessons[0].url
    polish_browser = {"Accept-Language": "pl"}
    Client().get(url)
    polish_first = Client().get(url, headers=polish_browser)
    polish = Client().get(url, headers=polish_browser)
    english = Client().get(url)
    chosen = Client()
    chosen.cookies["django_language"] = "ur"
    urdu = chosen.get(url)

    assert polish_first["X-Page-Cache"] == "miss"  # not the English copy
    assert polish["X-Page-Cache"] == english["X-Page-Cache"] == "hit"
    assert polish["Content-Language"] == "pl"
    assert english["Content-Language"] == "en-gb"
    assert urdu["X-Page-Cache"] == "miss"
    assert urdu["Content-Language"] == "ur"
    assert 'lang="pl"' in polish.content.decode()
    assert 'lang="en-gb"' in english.content.decode()


def test_visitors_with_a_session_never_get_a_copy(lessons, learner):
    Client().get(lessons[0].url)
    with_session = Client()
    with_session.cookies["sessionid"] = "not-a-real-session"
    signed_in = Client()
    signed_in.force_login(learner)

    assert "X-Page-Cache" not in with_session.get(lessons[0].url)
    page = signed_in.get(lessons[0].url)
    assert "X-Page-Cache" not in page
    assert "Sign out" in page.content.decode()
    assert "private" in page["Cache-Control"]


def test_a_copy_sets_a_csrf_cookie_for_a_new_visitor_and_keeps_an_old_one(lessons):
    quiz_lesson = lessons[1]
    Client().get(quiz_lesson.url)
    newcomer = Client(enforce_csrf_checks=True)
    page = newcomer.get(quiz_lesson.url)

    assert page["X-Page-Cache"] == "hit"
    assert "csrftoken" in page.cookies
    assert "Cookie" in page["Vary"]
    html = page.content.decode()
    assert "__CSRF_TOKEN_FOR_THIS_VISITOR__" not in html
    again = newcomer.get(quiz_lesson.url)
    # Django sends the cookie again to renew it, but the visitor keeps their own token.
    assert again.cookies["csrftoken"].value == page.cookies["csrftoken"].value
    assert token_hide(again.content) == token_hide(page.content)
    quiz_id = re.search(r'name="quiz" value="([^"]+)"', html).group(1)
    answer = newcomer.post(
        quiz_lesson.url,
        {"csrfmiddlewaretoken": _csrf_token(again.content.decode()), "quiz": quiz_id},
    )
    assert answer.status_code == 200


def test_with_compression_a_copy_is_compressed_only_for_browsers_that_ask(lessons, settings):
    middleware = list(settings.MIDDLEWARE)
    middleware.insert(
        middleware.index("whitenoise.middleware.WhiteNoiseMiddleware") + 1,
        "django.middleware.gzip.GZipMiddleware",
    )
    settings.MIDDLEWARE = middleware
    url = lessons[0].url
    first = Client().get(url, headers={"Accept-Encoding": "gzip"})
    plain = Client().get(url)
    packed = Client().get(url, headers={"Accept-Encoding": "gzip"})

    assert first["Content-Encoding"] == "gzip"
    assert (plain["X-Page-Cache"], packed["X-Page-Cache"]) == ("hit", "hit")
    assert "Content-Encoding" not in plain
    assert packed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed["Vary"]
    assert token_hide(gzip.decompress(packed.content)) == token_hide(plain.content)
    assert token_hide(gzip.decompress(first.content)) == token_hide(plain.content)


# --- Signed-in learners: six queries at most ----------------------------------------------------


def _warm_queries(client, url: str) -> list[str]:
    client.get(url)  # fills the caches: fragments, footer, the person, restrictions
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    assert "Sign out" in response.content.decode()
    return [query["sql"] for query in queries.captured_queries]


def test_a_warm_signed_in_lesson_page_makes_one_query(client, learner, index, settings):
    # As in production: sessions in the database, read through the cache.
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    small = _course_of_size(lessons=2, blocks=1, skills=["SAF-7"], title="Small")
    large = _course_of_size(
        lessons=6, blocks=12, skills=["SAF-7", "SAF-9", "SAF-10", "FND-8", "FND-9"], title="Large"
    )
    client.force_login(learner)

    small_queries = _warm_queries(client, small.url)
    large_queries = _warm_queries(client, large.url)

    assert len(small_queries) == len(large_queries)
    assert len(large_queries) <= SIGNED_IN_LESSON_QUERY_BUDGET, "\n".join(large_queries)
    read = " ".join(large_queries)
    assert '"django_session"' not in read
    assert 'FROM "users_user" WHERE' not in read  # the person comes from the cache
    assert '"wagtailcore_pageviewrestriction"' not in read
    assert '"wagtailcore_site"' not in read and '"wagtailcore_page"."url_path"' not in read


def test_with_redis_as_the_cache_copies_are_read_through_one_kept_client(lessons, settings):
    import secrets

    import redis

    from training.core import page_cache

    url = "redis://127.0.0.1:6379/10"
    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except redis.RedisError:
        pytest.skip("no Redis at 127.0.0.1:6379")
    prefix = f"test-page-cache-{secrets.token_hex(4)}"
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": prefix,
        }
    }
    try:
        first = Client().get(lessons[0].url)
        second = Client().get(lessons[0].url)
        lessons[0].save_revision().publish()  # purges: the version moves on
        third = Client().get(lessons[0].url)
    finally:  # only this test's own keys: the Redis database may be shared
        client = redis.Redis.from_url(url)
        for key in client.scan_iter(match=f"{prefix}:*"):
            client.delete(key)

    assert (first["X-Page-Cache"], second["X-Page-Cache"], third["X-Page-Cache"]) == (
        "miss",
        "hit",
        "miss",
    )
    assert page_cache._process_copies_by_client  # the copies kept per process (Redis only)
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert token_hide(second.content) == token_hide(first.content)
