"""Single-box mode: what `make run` serves (``python -m training.serve``).

A real small server on one machine with nothing but Python: gunicorn with DEBUG off, static files
and HTML compressed, and a Celery worker and beat whose broker is a folder of message files under
``var/`` (``training/broker.py``), so every scheduled job runs. With ``REDIS_URL`` set, Redis is
the cache, session cache and broker instead, as in base.py.

Where things are kept (``VAR_DIR``, default ``var/``): the secret key (``secret-key``, made once,
readable by the owner only, unless ``DJANGO_SECRET_KEY`` is set), the broker's folders
(``broker/``), beat's schedule (``celerybeat-schedule``) and the cache shared by every process
(``cache/``).
"""

import contextlib
import os
import secrets
from pathlib import Path

from .base import *  # noqa: F403
from .base import BASE_DIR, MIDDLEWARE, REDIS_URL, STORAGES, env_list

VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))


def secret_key_from_file(path: Path) -> str:
    """The key kept in ``path``; made (mode 600) the first time. Safe when processes race."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        # Written in full under another name, then linked into place: a process starting at the
        # same moment either finds no file or the whole key, and only one key ever wins.
        draft = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
        descriptor = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(descriptor, "w") as handle:
                handle.write(secrets.token_urlsafe(50) + "\n")
            with contextlib.suppress(FileExistsError):  # another process made it first
                os.link(draft, path)
        finally:
            draft.unlink(missing_ok=True)
    key = path.read_text().strip()
    if len(key) < 32:
        raise RuntimeError(f"{path} holds no usable secret key: delete it to make a new one.")
    return key


DEBUG = False
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY") or secret_key_from_file(VAR_DIR / "secret-key")
# This machine's own names, a specific address the server listens on (HOST=192.168.1.20), and
# any more in DJANGO_ALLOWED_HOSTS (the name other computers on the network use).
# (Listening on every address, 0.0.0.0 or ::, names no host: list the names people type.)
_HOST = os.environ.get("HOST", "127.0.0.1")
_ALL_ADDRESSES = {"", "0.0.0.0", "::"}  # noqa: S104 — compared with, not bound to
ALLOWED_HOSTS = list(
    dict.fromkeys(
        [
            "127.0.0.1",
            "localhost",
            "[::1]",
            *([_HOST] if _HOST not in _ALL_ADDRESSES else []),
            *env_list("DJANGO_ALLOWED_HOSTS"),
        ]
    )
)

# Static files: collected by `make run`, our own CSS and JS without their comments
# (training/core/static_files.py), each kept compressed beside its hashed name and served by
# WhiteNoise with long cache lifetimes.
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STORAGES = {
    **STORAGES,
    "staticfiles": {
        "BACKEND": "training.core.static_files.MinifiedCompressedManifestStaticFilesStorage"
    },
}
# HTML compressed too. Django's GZipMiddleware pads each response with random bytes against
# BREACH, and our CSRF tokens are masked per response. Below WhiteNoise (static files are
# already compressed), above everything that writes the page.
MIDDLEWARE = list(MIDDLEWARE)
MIDDLEWARE.insert(
    MIDDLEWARE.index("whitenoise.middleware.WhiteNoiseMiddleware") + 1,
    "django.middleware.gzip.GZipMiddleware",
)

if not REDIS_URL:
    # Several processes (gunicorn's workers, the Celery worker) must see one cache: a page
    # published by the worker purges the page cache for every web process, and rate limits
    # count across all of them. Files under var/ are shared and need no install.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "cache"),
            "TIMEOUT": 300,
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }

    # Celery: real tasks, handed to the worker through message files (training/broker.py).
    _BROKER_DIR = VAR_DIR / "broker"
    CELERY_BROKER_URL = "filesystem://localhost/"
    CELERY_BROKER_TRANSPORT = "training.broker:Transport"
    # No visibility timeout here (that is Redis's): a message leaves the folder when the worker
    # takes it, and acks_late + reject_on_worker_lost (base.py) put it back if the worker stops
    # or a pool process dies before the task finished. The time limits in base.py still hold.
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_BROKER_DIR / "queue"),
        "data_folder_out": str(_BROKER_DIR / "queue"),
        "processing_folder": str(_BROKER_DIR / "processing"),
        "control_folder": str(_BROKER_DIR / "control"),
        "polling_interval": 1.0,
    }
    CELERY_TASK_ALWAYS_EAGER = False
    CELERY_RESULT_BACKEND = None  # nothing reads task results
    # Remote control would leave a reply queue per worker start in the folder; nothing uses it.
    CELERY_WORKER_ENABLE_REMOTE_CONTROL = False

CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")
