"""A task sent through Redis to a real Celery worker process."""

import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from training.celery import app as celery_app
from training.core.tasks import email_send

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def celery_worker(redis_url, tmp_path):
    """Start `celery worker` in its own process, listening on a queue of its own."""
    queue = f"homes-test-{uuid.uuid4().hex[:8]}"
    log = tmp_path / "worker.log"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "training.settings.test",
        "REDIS_URL": redis_url,
    }
    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "training",
            "worker",
            "--pool=solo",
            "--queues",
            queue,
            "--loglevel=INFO",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
        ],
        cwd=ROOT,
        env=env,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
    )
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = False
    celery_app.conf.broker_url = redis_url
    celery_app.conf.result_backend = redis_url
    try:
        yield queue, log
    finally:
        celery_app.conf.task_always_eager = previous
        worker.terminate()
        try:
            worker.wait(timeout=20)
        except subprocess.TimeoutExpired:
            worker.kill()


def test_an_email_task_goes_through_redis_to_a_real_worker(celery_worker):
    queue, log = celery_worker
    result = email_send.apply_async(
        kwargs={
            "subject": "Hello",
            "body": "Sent by a real worker.",
            "from_email": "learn@example.org",
            "to": ["pat@example.com"],
        },
        queue=queue,
    )

    assert result.get(timeout=90) == 1
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and "succeeded" not in log.read_text():
        time.sleep(0.2)
    text = log.read_text()
    assert "training.core.tasks.email_send" in text
    assert "succeeded" in text
