"""Structured logs: one JSON object a line, each carrying the id of the request it belongs to.

:class:`RequestIdMiddleware` (``training/core/middleware.py``) takes a safe ``X-Request-ID`` from
the incoming request or makes one, and keeps it in :data:`request_id_var` while the request runs.
:class:`RequestIdFilter` puts it on every log record, and :class:`JsonFormatter` writes the time,
level, logger, message, request id and exception text, nothing else: the extra objects Django
hangs on a record (the request, its POST data) are never written, so no post text or password
reaches the log.

Tasks queued during a request carry the id in their message headers
(:func:`task_publish_add_request_id`) and the worker logs under it
(:func:`task_prerun_set_request_id`); the signals are connected in ``training/celery.py``.
"""

import json
import logging
import re
import uuid
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any

from training.core.scrub import text_scrub, traceback_scrub

REQUEST_ID_HEADER = "X-Request-ID"
TASK_HEADER = "x_request_id"
_SAFE_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")

request_id_var: ContextVar[str | None] = ContextVar("request_id", default=None)


def request_id_new() -> str:
    return uuid.uuid4().hex


def request_id_from_header(value: str | None) -> str:
    """The incoming id if it is safe to log and echo (≤ 64 of A-Z a-z 0-9 . _ -), else a new one."""
    if value and _SAFE_REQUEST_ID.fullmatch(value):
        return value
    return request_id_new()


class RequestIdFilter(logging.Filter):
    """Put the current request id (or None outside a request) on every record."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            record.request_id = request_id_var.get()
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object a line: time, level, logger, message, request_id (and exception, stack)."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, tz=UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": text_scrub(record.getMessage()),
            "request_id": getattr(record, "request_id", None) or request_id_var.get(),
        }
        if record.exc_info:
            entry["exception"] = traceback_scrub([self.formatException(record.exc_info)])
        elif record.exc_text:
            entry["exception"] = traceback_scrub([record.exc_text])
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


# --- Celery: the request id travels with the task ------------------------------------------------


def task_publish_add_request_id(headers: dict | None = None, **kwargs: Any) -> None:
    """``before_task_publish``: a task queued during a request carries the request's id."""
    request_id = request_id_var.get()
    if headers is not None and request_id and TASK_HEADER not in headers:
        headers[TASK_HEADER] = request_id


def task_prerun_set_request_id(task: Any = None, **kwargs: Any) -> None:
    """``task_prerun``: in a worker, log under the id of the request that queued the task.

    A task run eagerly runs inside the request itself, which already has the id.
    """
    if task is None or getattr(task.request, "is_eager", False):
        return
    request_id = getattr(task.request, TASK_HEADER, None)
    request_id_var.set(request_id_from_header(request_id) if request_id else None)


def task_postrun_clear_request_id(task: Any = None, **kwargs: Any) -> None:
    """``task_postrun``: the next task on this worker does not inherit the id."""
    if task is not None and not getattr(task.request, "is_eager", False):
        request_id_var.set(None)
