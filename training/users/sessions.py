"""Sessions housekeeping: expired sessions are deleted every night.

Django never deletes an expired session by itself: it is refused when it comes back, and its
row stays. Production keeps sessions in the database and reads them through Redis
(``cached_db``), so every sign-in leaves a row; without this job ``django_session`` would reach
about 9 million rows after five years (docs/performance.md, "Scale on paper").

For the database engines (``db``, ``cached_db`` and engines built on them) this deletes what
Django's own ``SessionStore.clear_expired()`` deletes, the rows whose ``expire_date`` has
passed, in batches (:mod:`training.core.housekeeping`), since the first run on a database that
was never cleared may find millions. Their copies in the cache run out at the same moment
(``cached_db`` stores them for the session's age), so nothing is left there either. Other
engines use their own ``clear_expired()`` (the file engine deletes files; the cache and
signed-cookie engines need nothing). Celery beat runs it every night
(``training.users.tasks.sessions_clear_expired_task``); running it twice is harmless.
"""

import logging
from datetime import datetime
from importlib import import_module

from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.utils import timezone

from training.core.housekeeping import BATCH_SIZE, rows_delete_in_batches

logger = logging.getLogger(__name__)


def sessions_clear_expired(*, now: datetime | None = None, batch_size: int = BATCH_SIZE) -> int:
    """Delete the expired sessions of the configured ``SESSION_ENGINE``. Returns how many rows
    went (0 for engines that keep no rows)."""
    store_class = import_module(settings.SESSION_ENGINE).SessionStore
    if not issubclass(store_class, DatabaseSessionStore):
        store_class.clear_expired()
        logger.info("Expired sessions cleared (%s)", settings.SESSION_ENGINE)
        return 0
    now = now or timezone.now()
    expired = store_class.get_model_class().objects.filter(expire_date__lt=now)
    deleted = rows_delete_in_batches(queryset=expired, batch_size=batch_size)
    logger.info("Expired sessions deleted: %d", deleted)
    return deleted
