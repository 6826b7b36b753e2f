"""Limits on how often one person may do something, counted in the shared cache.

allauth limits its own actions (sign-in, sign-up, password reset: ``ACCOUNT_RATE_LIMITS``). Our
own actions — writing posts and replies, typing a password to delete an account — are limited
here, in ``settings.RATE_LIMITS``: ``{"action": "10/h"}`` means at most 10 in each hour (``s``,
``m``, ``h`` or ``d``). The counter is a fixed window in the cache (Redis at scale, so every app
server shares it): cheap, and at worst it lets twice the limit through across a window's edge,
which is still far below a flood.
"""

import time

from django.conf import settings
from django.core.cache import cache

_SECONDS = {"s": 1, "m": 60, "h": 60 * 60, "d": 24 * 60 * 60}


def rate_limit_parse(text: str) -> tuple[int, int]:
    """``"10/h"`` → ``(10, 3600)``: how many, in how many seconds."""
    count, _, unit = text.partition("/")
    if not count.isdigit() or unit not in _SECONDS:
        raise ValueError(f"A rate limit is written like '10/h', not {text!r}.")
    return int(count), _SECONDS[unit]


def rate_limit_consume(*, action: str, key: str | int) -> bool:
    """Count one ``action`` by ``key`` (e.g. a user's id); False once the limit is reached."""
    count, seconds = rate_limit_parse(settings.RATE_LIMITS[action])
    window = int(time.time() // seconds)
    cache_key = f"rate-limit:{action}:{key}:{window}"
    if cache.add(cache_key, 1, timeout=seconds):
        return True
    try:
        used = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, 1, timeout=seconds)
        return True
    return used <= count
