"""Hold points and a journal for the SIGKILL test's workers (tests/scale/test_worker_sigkill.py).

Everything here runs inside the Celery workers the test starts, never in production. The test and
the workers talk through files in ``$SIGKILL_DIR``:

- ``control/arm-<point>``: the test asks for the next task that reaches ``<point>`` to stop
  there. The first process to get there renames it to ``control/held-<pid>-<point>`` (a rename
  is atomic, so only one process ever holds it) and waits to be killed.
- ``journal.log``: one line per task started and finished (id, name, redelivered or not,
  process id), written with O_APPEND so that lines from several processes never mix.

The points (where a worker can die that matters for "exactly once"):

- ``export-start``: a dashboard export's task has started; nothing is written yet.
- ``export-file-written``: the export's file is in place; the database does not know yet.
- ``outbox-insert``: emails were inserted into the outbox inside a task's transaction (a daily
  email batch, event reminders) that has not committed yet.
- ``email-publish``: a task committed and is handing an email's send task to Redis.
- ``email-smtp``: a send task claimed an email and is talking to the "mail server" (the test
  email backend), which has not taken the message yet.
"""

import json
import os
import time
from pathlib import Path

HOLD_MAX_SECONDS = 30.0
POINTS = ("export-start", "export-file-written", "outbox-insert", "email-publish", "email-smtp")


def _dir() -> Path:
    return Path(os.environ["SIGKILL_DIR"])


def hold(point: str) -> None:
    """If the test armed ``point``, take the arm and wait here to be killed."""
    control = _dir() / "control"
    mine = control / f"held-{os.getpid()}-{point}"
    try:
        os.rename(control / f"arm-{point}", mine)
    except FileNotFoundError:
        return
    deadline = time.monotonic() + HOLD_MAX_SECONDS
    while time.monotonic() < deadline:
        time.sleep(0.02)
    # Not killed: the test has given up on this hold. Carry on as if nothing happened.
    mine.unlink(missing_ok=True)


def journal(**entry) -> None:
    line = (json.dumps({**entry, "pid": os.getpid(), "at": time.time()}) + "\n").encode()
    fd = os.open(_dir() / "journal.log", os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        os.write(fd, line)
    finally:
        os.close(fd)


def _task_started(task_id=None, task=None, **kwargs) -> None:
    delivery = getattr(task.request, "delivery_info", None) or {}
    journal(
        event="start",
        id=task_id,
        name=task.name,
        redelivered=bool(delivery.get("redelivered")),
        retries=task.request.retries,
    )
    if task.name == "dashboards.tasks.dashboard_export_build":
        hold("export-start")


def _task_finished(task_id=None, task=None, state=None, retval=None, **kwargs) -> None:
    result = retval if isinstance(retval, int | str | type(None)) else repr(retval)
    journal(event="end", id=task_id, name=task.name, state=state, result=result)


def _email_publishing(sender=None, **kwargs) -> None:
    if sender == "notifications.tasks.outgoing_email_send":
        hold("email-publish")


def _export_saving(sender=None, instance=None, update_fields=None, **kwargs) -> None:
    if update_fields and "file" in update_fields:
        hold("export-file-written")


def _outbox_insert(execute, sql, params, many, context):
    result = execute(sql, params, many, context)
    inserted = sql.startswith('INSERT INTO "notifications_outgoingemail"')
    if inserted and context["connection"].in_atomic_block:
        hold("outbox-insert")
    return result


def _pool_process_started(**kwargs) -> None:
    from django.db import connections

    connections["default"].execute_wrappers.append(_outbox_insert)


def install() -> None:
    """Connect the hooks (in the worker's main process, before its pool process starts)."""
    from django.db.models.signals import pre_save

    from celery import signals

    from dashboards.models import DashboardExport

    signals.task_prerun.connect(_task_started, weak=False)
    signals.task_postrun.connect(_task_finished, weak=False)
    signals.before_task_publish.connect(_email_publishing, weak=False)
    signals.worker_process_init.connect(_pool_process_started, weak=False)
    pre_save.connect(_export_saving, sender=DashboardExport, weak=False)
