"""Data made once for a whole test module and taken away again at its end.

``seed_demo`` takes several seconds, and the permission matrix makes a few dozen objects for
hundreds of requests, so these modules build their data once, inside an outer transaction that
is rolled back when the module finishes. Each test still runs in its own savepoint
(pytest-django's ``db`` fixture), so whatever a test writes (opening a lesson enrols a learner,
say) is undone before the next one.

A module using it makes a module-scoped fixture that builds its data inside ``module_data``,
and overrides the suite's ``_media_and_cache`` fixture with one that depends on it, since its
files live in the module's own folder rather than in one per test (see tests/site/test_crawl.py).
"""

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.core.cache import cache
from django.db import transaction
from django.test import override_settings


@contextmanager
def module_data(django_db_blocker, root: Path) -> Iterator[None]:
    """Open the database for the module, with media and private files under ``root``; on
    leaving, roll back everything made inside."""
    with (
        override_settings(MEDIA_ROOT=root / "media", PRIVATE_FILES_ROOT=root / "private"),
        django_db_blocker.unblock(),
        transaction.atomic(),
    ):
        cache.clear()
        yield
        transaction.set_rollback(True)
    cache.clear()
