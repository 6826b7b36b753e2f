"""Two processes completing the same lesson at the same moment leave one completion."""

import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from django.db import connection

import pytest

from courses.models import LessonCompletion
from training.core.models import ActivityEvent

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import os, sys, time
import django
django.setup()
from courses.models import LessonPage
from courses.progress.services import lesson_complete
from training.users.models import User
learner = User.objects.get(pk=int(sys.argv[1]))
lesson = LessonPage.objects.get(pk=int(sys.argv[2]))
start_at = float(sys.argv[3])
while time.time() < start_at:
    time.sleep(0.001)
result = lesson_complete(learner=learner, lesson=lesson)
print("created" if result.created else "existing")
"""


def database_url_for(name: str) -> str:
    parts = urlsplit(os.environ["DATABASE_URL"])
    return urlunsplit(parts._replace(path=f"/{name}"))


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_processes_completing_one_lesson_leave_one_completion(postgres, learner, lessons):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "training.settings.test",
        "DATABASE_URL": database_url_for(connection.settings_dict["NAME"]),
        "PYTHONPATH": str(ROOT),
    }
    start_at = time.time() + 3
    args = [sys.executable, "-c", SCRIPT, str(learner.pk), str(lessons[0].pk), str(start_at)]
    processes = [
        subprocess.Popen(
            args, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for _ in range(2)
    ]
    outputs = [process.communicate(timeout=120) for process in processes]

    for process, (_out, err) in zip(processes, outputs, strict=True):
        assert process.returncode == 0, err
    assert sorted(out.strip() for out, _err in outputs) == ["created", "existing"]
    assert LessonCompletion.objects.filter(learner=learner, lesson=lessons[0]).count() == 1
    assert ActivityEvent.objects.filter(actor=learner, verb="lesson.completed").count() == 1
