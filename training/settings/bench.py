"""Production-like settings for `make bench`: DEBUG off, gunicorn, the local database.

Not for real deployments: it keeps the embedded database and needs no secrets, so that the
benchmark runs on a fresh clone. Everything that affects speed is as in production.
"""

import os

from .base import *  # noqa: F403

DEBUG = False
# The runner passes one throwaway key to every gunicorn worker and to itself.
SECRET_KEY = os.environ["BENCH_SECRET_KEY"]
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = "benchmarks.urls"
LOGGING = {"version": 1, "disable_existing_loggers": True}
