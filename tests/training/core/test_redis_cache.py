"""The Redis cache backend keeps one Redis client per pool (training/core/redis_cache.py), and
still reads and writes like Django's own, against a real Redis under a prefix of its own."""

import os
import secrets

from django.core.cache import caches

import pytest
import redis

REDIS_URL = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/13"


@pytest.fixture
def redis_cache(settings):
    prefix = f"test-redis-cache-{secrets.token_hex(4)}"
    settings.CACHES = {
        "default": {
            "BACKEND": "training.core.redis_cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": prefix,
        }
    }
    yield caches["default"]
    client = redis.Redis.from_url(REDIS_URL)
    for key in client.scan_iter(match=f"{prefix}:*"):
        client.delete(key)


def test_every_call_uses_the_same_client(redis_cache):
    backend = redis_cache._cache

    assert backend.get_client("a") is backend.get_client("b")
    assert backend.get_client("a", write=True) is backend.get_client("b")


def test_values_are_written_read_counted_and_deleted_as_with_djangos_backend(redis_cache):
    redis_cache.set("person", {"name": "Ada", "roles": ["Learner"]})
    redis_cache.set("visits", 1)
    redis_cache.incr("visits")

    assert redis_cache.get("person") == {"name": "Ada", "roles": ["Learner"]}
    assert redis_cache.get_many(["person", "visits", "absent"]) == {
        "person": {"name": "Ada", "roles": ["Learner"]},
        "visits": 2,
    }
    assert redis_cache.add("visits", 5) is False
    redis_cache.delete("person")
    assert redis_cache.get("person") is None
