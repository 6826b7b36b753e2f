"""Settings for the test suite: the embedded default, made fast and quiet.

``make test`` runs the suite in several processes (pytest-xdist); each one is told its name in
``PYTEST_XDIST_WORKER`` ("gw0", "gw1", …) and gets its own test database (pytest-django adds
the name to it), Redis database, badge key file and media folders, so they never share state.
"""

import os
from urllib.parse import urlsplit, urlunsplit


def _worker_number() -> int:
    """0 outside pytest-xdist, else the worker's number (gw0 → 0, gw1 → 1, …)."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    return int(worker[2:]) if worker.startswith("gw") else 0


def _redis_url_for_worker(url: str, number: int) -> str:
    """The worker's own Redis database: the URL's database number plus the worker's.

    Tests clear the cache (Redis's FLUSHDB) between them, which must not wipe the sessions and
    rate-limit counters of a test running at the same time in another worker.
    """
    parts = urlsplit(url)
    database = int(parts.path.strip("/") or 0) + number
    return urlunsplit(parts._replace(path=f"/{database}"))


# Before base.py reads it; the worker's fixtures read it from here too. Processes a test starts
# (a Celery worker) inherit both variables and so work out the same database.
if os.environ.get("REDIS_URL") and _worker_number():
    _shared = os.environ.setdefault("TEST_REDIS_URL_SHARED", os.environ["REDIS_URL"])
    os.environ["REDIS_URL"] = _redis_url_for_worker(_shared, _worker_number())

from .base import *  # noqa: E402, F403
from .base import BASE_DIR, SQLITE_PATH  # noqa: E402

# Outside pytest-xdist the names are as they always were.
_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
_SUFFIX = f"-{_WORKER}" if _WORKER else ""

SECRET_KEY = "test-only-insecure-key-homes-on-the-net"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tasks run in-process unless a test hands them to a real worker on purpose.
CELERY_TASK_ALWAYS_EAGER = True
MEDIA_ROOT = BASE_DIR / "var" / f"test-media{_SUFFIX}"
PRIVATE_FILES_ROOT = BASE_DIR / "var" / f"test-private{_SUFFIX}"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {"BACKEND": "training.core.storage.PrivateFileStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# One key file per worker: two processes making the same file at once could read it half-written.
BADGE_SIGNING_KEY_FILE = BASE_DIR / "var" / f"test-badge-signing-key{_SUFFIX}.pem"
# A fixed key for confidential reports (safeguarding/crypto.py): test data only.
REPORTS_ENCRYPTION_KEY = ["dGVzdC1vbmx5LXJlcG9ydHMta2V5LTMyLWJ5dGVzISE="]
del SQLITE_PATH
