"""Copies kept in each app process for the current page-cache version.

The shared cache (Redis) answers in one round trip, but on a signed-in lesson page a round trip
costs about as much CPU as the rest of a small template, and the same few things (the site and
the page an address shows, the shared fragments, the footer) were read from it on every request.
Each process keeps its own copy of them beside the version it was made under: the version is
read from the shared cache once per request anyway (``page_cache_version``), and publishing,
unpublishing, moving or deleting a page, a change of privacy, of a site or of the site settings
moves it on (training/core/apps.py), so a copy made under an older version is never used.
"""

import threading
from typing import Any

__all__ = ["MISSING", "ProcessCopies", "process_copies_clear"]

MISSING = object()
_every: list["ProcessCopies"] = []


def process_copies_clear() -> None:
    """Forget every copy in this process (tests empty the shared cache between tests, which
    starts the version again from 1)."""
    for copies in _every:
        copies.clear()


class ProcessCopies:
    """At most ``limit`` values, all made under one version; a new version starts afresh.

    Keep only values that nobody changes once made (text, tuples, pickled bytes).
    """

    def __init__(self, limit: int = 2000) -> None:
        self.limit = limit
        self._version: int | None = None
        self._values: dict[Any, Any] = {}
        self._lock = threading.Lock()
        _every.append(self)

    def clear(self) -> None:
        with self._lock:
            self._version, self._values = None, {}

    def get(self, version: int, key: Any) -> Any:
        """The value kept for ``key`` under ``version``, or ``MISSING``."""
        with self._lock:
            if version != self._version:
                return MISSING
            return self._values.get(key, MISSING)

    def keep(self, version: int, key: Any, value: Any) -> None:
        with self._lock:
            if version != self._version or len(self._values) >= self.limit:
                self._version, self._values = version, {}
            self._values[key] = value
