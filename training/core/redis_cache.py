"""Django's Redis cache, with one Redis client kept per connection pool.

Django's ``RedisCacheClient.get_client`` makes a new ``redis.Redis`` object on every call, and
making one copies redis-py's table of about 170 reply handlers: on a signed-in lesson page, with
five or six cache reads, that cost more CPU than the round trips themselves (docs/performance.md,
"Lesson pages"). A ``redis.Redis`` object holds no connection of its own (it takes one from the
pool for each command) and may be shared by threads, so keeping one per pool changes nothing
else. Set as the cache ``BACKEND`` in training/settings/base.py when ``REDIS_URL`` is set.
"""

from typing import Any

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient as DjangoRedisCacheClient

__all__ = ["RedisCache"]


class RedisCacheClient(DjangoRedisCacheClient):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._clients: dict[int, Any] = {}

    def get_client(self, key: Any = None, *, write: bool = False) -> Any:
        django: Any = self  # Django's private attributes, which its type stubs do not declare
        index = django._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            if index not in django._pools:  # as Django's _get_connection_pool, for this index
                django._pools[index] = django._pool_class.from_url(
                    django._servers[index], **django._pool_options
                )
            client = self._clients[index] = django._client(connection_pool=django._pools[index])
        return client


class RedisCache(DjangoRedisCache):
    def __init__(self, server: Any, params: dict) -> None:
        super().__init__(server, params)
        self._class = RedisCacheClient
