"""Settings for test_serve.py: the single-box mode of `make run`, unchanged but for one thing.

The event reminder is due every two seconds instead of every hour, so that the test sees beat,
the broker and the worker do their work within a few seconds.
"""

from training.settings.local import *  # noqa: F403
from training.settings.local import CELERY_BEAT_SCHEDULE

CELERY_BEAT_SCHEDULE = {
    **CELERY_BEAT_SCHEDULE,
    "remind-event-guests": {**CELERY_BEAT_SCHEDULE["remind-event-guests"], "schedule": 2.0},
}
