"""Health checks for load balancers: ``/healthz`` (the process answers) and ``/readyz``.

``/readyz`` asks each part the site needs — the database, the cache and the Celery broker — and
answers 200 only when every part is reachable, else 503 with the failing part named. The body
never carries an address, a password or an error message: only "ok" or "unavailable" per part
(the reason goes to the log). Neither answer may be kept by a cache.
"""

import logging
import uuid
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)

OK = "ok"
UNAVAILABLE = "unavailable"
BROKER_TIMEOUT_SECONDS = 2.0


def check_database() -> str:
    """One trivial query on the default database."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return OK


def check_cache() -> str:
    """Write a value and read it back (a cache that drops writes is not ready either)."""
    key = f"readyz:{uuid.uuid4().hex}"
    cache.set(key, "1", timeout=10)
    found = cache.get(key)
    cache.delete(key)
    if found != "1":
        raise RuntimeError("the cache did not keep a value")
    return OK


def check_broker() -> str:
    """The Celery broker: in-process in the embedded default, else one quick connection."""
    broker_url = str(getattr(settings, "CELERY_BROKER_URL", "") or "")
    if not broker_url or broker_url.startswith("memory://"):
        return f"{OK} (in-process)"
    from training.celery import app

    with app.connection_for_write(url=broker_url, connect_timeout=BROKER_TIMEOUT_SECONDS) as conn:
        conn.ensure_connection(
            max_retries=1, interval_start=0, interval_step=0, timeout=BROKER_TIMEOUT_SECONDS
        )
    return OK


CHECKS: dict[str, Callable[[], str]] = {
    "database": check_database,
    "cache": check_cache,
    "broker": check_broker,
}


def readiness() -> tuple[bool, dict[str, str]]:
    """Every part's state, and whether all of them are ready."""
    parts: dict[str, str] = {}
    for name, check in CHECKS.items():
        try:
            parts[name] = check()
        except Exception:  # noqa: BLE001 — any failure means "not ready"; the log has the reason.
            logger.exception("Readiness check failed: %s", name)
            parts[name] = UNAVAILABLE
    return all(state.startswith(OK) for state in parts.values()), parts


def _never_cached(response: JsonResponse) -> JsonResponse:
    add_never_cache_headers(response)  # no-cache, no-store, must-revalidate, private, max-age=0
    return response


@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """The process answers. No database, no cache."""
    return _never_cached(JsonResponse({"status": OK}))


@require_GET
def readyz(request: HttpRequest) -> JsonResponse:
    """The database, the cache and the broker are reachable: 200, else 503 naming the part."""
    ready, parts = readiness()
    return _never_cached(JsonResponse(parts, status=200 if ready else 503))
