"""Settings of the workers the SIGKILL test starts (tests/scale/test_worker_sigkill.py) only.

The test suite's settings, with real (not eager) tasks on the test's own queue, the test's email
backend and folders, and short broker and outbox timings so that a killed worker's task comes
back within seconds instead of an hour. The test passes the values in environment variables.
"""

import os
from pathlib import Path

from tests.scale.sigkill_timings import LEASE_SECONDS, RETRY_AFTER_SECONDS, VISIBILITY_TIMEOUT
from training.settings.test import *  # noqa: F403

_QUEUE = os.environ["SIGKILL_QUEUE"]

CELERY_TASK_ALWAYS_EAGER = False
# Tasks queued by tasks (a digest batch queueing its emails) stay on the test's queue.
CELERY_TASK_DEFAULT_QUEUE = _QUEUE
CELERY_BROKER_TRANSPORT_OPTIONS = {
    # Redis hands an unacknowledged task to another worker this long after it was delivered:
    # more than any task of the test takes, far less than production's hour.
    "visibility_timeout": VISIBILITY_TIMEOUT,
    # Look for such tasks every second (kombu's default: roughly every 100 seconds).
    "unacked_restore_interval": 1,
    "unacked_restore_throttle": 1,
    # A worker killed while restoring tasks would otherwise block restoring for 5 minutes.
    "unacked_mutex_expire": 5,
    # The test's own bookkeeping keys, apart from anything else in this Redis database.
    "unacked_key": f"unacked-{_QUEUE}",
    "unacked_index_key": f"unacked_index-{_QUEUE}",
    "unacked_mutex_key": f"unacked_mutex-{_QUEUE}",
}
EMAIL_BACKEND = "tests.scale.sigkill_mail.EmailBackend"
EMAIL_OUTBOX_LEASE_SECONDS = LEASE_SECONDS
EMAIL_OUTBOX_RETRY_AFTER_SECONDS = RETRY_AFTER_SECONDS
PRIVATE_FILES_ROOT = Path(os.environ["SIGKILL_PRIVATE_FILES_ROOT"])
MEDIA_ROOT = Path(os.environ["SIGKILL_MEDIA_ROOT"])
SITE_URL = "https://learn.example.org"
