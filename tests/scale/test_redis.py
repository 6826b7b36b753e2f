from django.conf import settings
from django.core.cache import cache

import pytest
import redis

pytestmark = pytest.mark.django_db


def test_cache_and_sessions_live_in_redis(redis_url, client, learner, password):
    assert settings.CACHES["default"]["BACKEND"].endswith("RedisCache")
    assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.cached_db"

    cache.set("homes-probe", "shared", 30)
    raw = redis.Redis.from_url(redis_url)
    assert any(b"homes-probe" in key for key in raw.scan_iter("*homes-probe*"))

    client.post("/account/login/", {"login": learner.email, "password": password})
    session_key = client.session.session_key
    assert any(raw.scan_iter(f"*{session_key}*"))


def test_sign_in_rate_limits_are_counted_in_the_shared_cache(redis_url, client, learner):
    for _ in range(2):
        client.post("/account/login/", {"login": learner.email, "password": "wrong-guess"})
    raw = redis.Redis.from_url(redis_url)
    keys = list(raw.scan_iter("*allauth:rl:allauth.account:login_failed*"))
    assert keys, "allauth rate-limit counters should be in Redis, shared by every app server"
