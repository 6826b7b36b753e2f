"""Test settings under pytest-xdist: every worker process has its own Redis database, badge key
file and media folders (``training/settings/test.py``), and what a worker starts agrees."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

READ_SETTINGS = """
import json, os, subprocess, sys
from django.conf import settings
print(json.dumps({
    "cache": settings.CACHES["default"].get("LOCATION"),
    "broker": settings.CELERY_BROKER_URL,
    "key": str(settings.BADGE_SIGNING_KEY_FILE),
    "media": str(settings.MEDIA_ROOT),
    "private": str(settings.PRIVATE_FILES_ROOT),
    "env": os.environ.get("REDIS_URL"),
}))
"""


def settings_in_process(**environ: str) -> dict:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"PYTEST_XDIST_WORKER", "REDIS_URL", "TEST_REDIS_URL_SHARED"}
    }
    env.update(DJANGO_SETTINGS_MODULE="training.settings.test", **environ)
    done = subprocess.run(
        [sys.executable, "-c", READ_SETTINGS],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)


def test_each_worker_has_its_own_redis_database_key_file_and_media():
    first = settings_in_process(PYTEST_XDIST_WORKER="gw0", REDIS_URL="redis://cache:6379/1")
    second = settings_in_process(PYTEST_XDIST_WORKER="gw1", REDIS_URL="redis://cache:6379/1")

    assert first["cache"] == first["broker"] == "redis://cache:6379/1"
    assert second["cache"] == second["broker"] == second["env"] == "redis://cache:6379/2"
    for name in ["key", "media", "private"]:
        assert first[name] != second[name], name
    assert second["key"].endswith("test-badge-signing-key-gw1.pem")


def test_a_process_a_worker_starts_uses_the_workers_redis_database():
    worker = settings_in_process(PYTEST_XDIST_WORKER="gw1", REDIS_URL="redis://cache:6379/1")
    # What a Celery worker started by a test inherits: the worker's environment, as changed.
    child = settings_in_process(
        PYTEST_XDIST_WORKER="gw1",
        REDIS_URL=worker["env"],
        TEST_REDIS_URL_SHARED="redis://cache:6379/1",
    )

    assert child["cache"] == child["broker"] == "redis://cache:6379/2"


def test_outside_xdist_the_settings_are_as_before():
    alone = settings_in_process()

    assert alone["key"].endswith("var/test-badge-signing-key.pem")
    assert alone["media"].endswith("var/test-media")
    assert alone["broker"] == "memory://"
