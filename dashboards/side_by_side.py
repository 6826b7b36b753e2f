"""Work out a dashboard's figures side by side, each group on a database connection of its own.

A view nobody has asked for lately has no snapshot, and its figures are worked out on the spot:
half a dozen independent queries of 20-100 ms each on a large landlord's data. One after the
other they take the sum of their times; side by side, on PostgreSQL, each in its own backend,
they share the server's cores (issue 20: every view under 300 ms cold).

Only where it is safe and useful: on PostgreSQL, outside any transaction (a transaction's rows
are invisible to other connections, so a test's or a caller's transaction means one connection),
and with ``DASHBOARD_CONNECTIONS`` above 1 (default 3: this request's own and two more). Each
helper thread is given the request's language and time zone (Django keeps both per thread, and
a new thread starts with neither) and works on a connection of its own, kept between views as
a request thread keeps its own (``CONN_MAX_AGE``).
The groups see the database a few milliseconds apart, not in one snapshot: a lesson finished in
between may show in one table and not yet in another, as on any busy page.
"""

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import tzinfo
from typing import TypeVar

from django.conf import settings
from django.db import close_old_connections, connection, connections
from django.utils import timezone, translation

T = TypeVar("T")

_pool: ThreadPoolExecutor | None = None
_pool_size = 0
_pool_lock = threading.Lock()


def connections_at_once() -> int:
    """How many database connections one cold view may use at once (``DASHBOARD_CONNECTIONS``)."""
    return max(1, int(getattr(settings, "DASHBOARD_CONNECTIONS", 3)))


def side_by_side_possible() -> bool:
    return (
        connections_at_once() > 1
        and connection.vendor == "postgresql"
        and not connection.in_atomic_block
    )


def _helpers() -> ThreadPoolExecutor:
    """The process's helper threads (made on first use, so after a server forks its workers)."""
    global _pool, _pool_size
    with _pool_lock:
        if _pool is None:
            _pool_size = connections_at_once() - 1
            _pool = ThreadPoolExecutor(max_workers=_pool_size, thread_name_prefix="dashboard")
        return _pool


def _on_own_connection(job: Callable[[], T], language: str | None, zone: tzinfo) -> T:
    """Run ``job`` in this helper thread in the request's language and time zone (Django keeps
    both per thread), on the thread's own connection. The connection is kept from one job to
    the next as a request thread keeps its own (``CONN_MAX_AGE`` and the health check, looked at
    before and after, as Django does around each request): opening one costs about 4 ms, and a
    new database process reads each table's catalog again (about 15 ms for the activity
    stream, with its many indexes)."""
    close_old_connections()
    try:
        with translation.override(language), timezone.override(zone):
            return job()
    finally:
        close_old_connections()


def helpers_close() -> None:
    """Close every helper thread's connection, e.g. before a test database is dropped (a
    server's connections end with its process). One closing job per helper, each waiting at a
    barrier until all have started, so that every helper thread runs one."""
    with _pool_lock:
        pool, helpers = _pool, _pool_size
    if pool is None:
        return
    barrier = threading.Barrier(helpers)

    def close() -> None:
        barrier.wait(timeout=10)
        connections.close_all()  # this thread's connections only

    for future in [pool.submit(close) for _ in range(helpers)]:
        future.result()


def results_side_by_side(jobs: list[Callable[[], T]]) -> list[T]:
    """Each job's result, in order (put the longest first). When :func:`side_by_side_possible`,
    the first job runs here, on this request's connection, while the helper threads take the
    others in turn; then this thread takes any the helpers have not started. Else all run here,
    in order."""
    if len(jobs) < 2 or not side_by_side_possible():
        return [job() for job in jobs]
    pool = _helpers()
    language, zone = translation.get_language(), timezone.get_current_timezone()
    futures = [pool.submit(_on_own_connection, job, language, zone) for job in jobs[1:]]
    results: dict[int, T] = {0: jobs[0]()}
    for number, future in enumerate(futures, start=1):
        if future.cancel():  # not started by a helper yet: done here instead
            results[number] = jobs[number]()
    for number, future in enumerate(futures, start=1):
        if number not in results:
            results[number] = future.result()
    return [results[number] for number in range(len(jobs))]
