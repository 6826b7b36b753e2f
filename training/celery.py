"""The Celery application. Tasks live in each app's ``tasks.py`` and are found automatically."""

import os

from celery import Celery, signals

from training.core.logging import (
    task_postrun_clear_request_id,
    task_prerun_set_request_id,
    task_publish_add_request_id,
)

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "training.settings.dev")

app = Celery("training")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

# Tasks queued during a request log under that request's id (training/core/logging.py).
signals.before_task_publish.connect(task_publish_add_request_id, weak=False)
signals.task_prerun.connect(task_prerun_set_request_id, weak=False)
signals.task_postrun.connect(task_postrun_clear_request_id, weak=False)
