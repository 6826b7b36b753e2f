"""`make run`: the web server, a Celery worker and Celery beat, started and stopped as one.

    python -m training.serve        # HOST (default 127.0.0.1) and PORT (default 8000)

Starts three child processes — gunicorn (``web``), ``celery worker`` (``worker``, no beat) and
``celery beat`` (``beat``) — each in a process group of its own, so Ctrl-C reaches only this
supervisor, which then stops them in order. On SIGINT or SIGTERM it asks each to stop (SIGTERM:
gunicorn finishes its requests, the worker its tasks), waits up to ``STOP_SECONDS``, then kills
whatever is left, and exits 0. If one of them dies on its own, it says so in the log, stops the
others and exits 1: a site whose emails silently stopped would be worse than one that is down.
On Linux each child is also told to stop if this supervisor is killed outright.

Settings default to ``training.settings.local`` (the single-box mode: the broker is a folder
under var/). Other knobs: ``WEB_CONCURRENCY`` (gunicorn processes, default 2) and
``WORKER_CONCURRENCY`` (Celery pool processes, default 2).
"""

import contextlib
import ctypes
import logging
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any

from training.core.logging import JsonFormatter

ROOT = Path(__file__).resolve().parent.parent
STOP_SECONDS = 30.0
POLL_SECONDS = 0.25
NAMES = {"web": "the web server", "worker": "the Celery worker", "beat": "Celery beat"}

logger = logging.getLogger("training.serve")


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def bind_address(host: str, port: str) -> str:
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def commands(*, host: str, port: str) -> dict[str, list[str]]:
    """What each child runs (this Python, so the same virtual environment)."""
    python = sys.executable
    return {
        "web": [
            python,
            "-m",
            "gunicorn",
            "training.wsgi:application",
            "--config",
            "python:training.gunicorn_conf",
            "--bind",
            bind_address(host, port),
            "--workers",
            os.environ.get("WEB_CONCURRENCY", "2"),
            # Threads, so a slow phone on a poor connection holds a thread, not a whole process
            # (nothing in front of gunicorn buffers for it here).
            "--worker-class",
            "gthread",
            "--threads",
            "4",
            "--graceful-timeout",
            "10",
            # gunicorn's control socket lives in the home folder: two sites would share it.
            "--no-control-socket",
        ],
        "worker": [
            python,
            "-m",
            "celery",
            "-A",
            "training",
            "worker",
            "--loglevel=INFO",
            "--concurrency",
            os.environ.get("WORKER_CONCURRENCY", "2"),
            # Chatter between workers, which a single box does not need and a folder broker
            # would keep as files.
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
        ],
        "beat": [python, "-m", "celery", "-A", "training", "beat", "--loglevel=INFO"],
    }


def _stop_when_parent_dies() -> Callable[[], None] | None:
    """A function for the child to run before it starts: on Linux, SIGTERM if we are killed."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(None, use_errno=True)
    except OSError:
        return None
    parent = os.getpid()
    pr_set_pdeathsig = 1

    def set_death_signal() -> None:
        libc.prctl(pr_set_pdeathsig, signal.SIGTERM)
        if os.getppid() != parent:  # we died before the line above: stop at once
            os._exit(1)

    return set_death_signal


def start(argv: list[str], env: dict[str, str]) -> subprocess.Popen:
    # Our own fixed commands (S603); preexec_fn is safe: this supervisor runs no threads.
    return subprocess.Popen(  # noqa: S603
        argv,
        cwd=ROOT,
        env=env,
        start_new_session=True,
        preexec_fn=_stop_when_parent_dies(),
    )


def _kill_group(child: subprocess.Popen, sig: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(child.pid, sig)


def stop_all(children: dict[str, subprocess.Popen], timeout: float = STOP_SECONDS) -> None:
    """SIGTERM each child; kill any still there after ``timeout``; leave no process behind."""
    for child in children.values():
        if child.poll() is None:
            child.send_signal(signal.SIGTERM)
    deadline = time.monotonic() + timeout
    for name, child in children.items():
        try:
            child.wait(timeout=max(0.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            logger.error("%s (pid %s) did not stop in %ss: killed", NAMES[name], child.pid, timeout)
        # Anything the child left behind in its group (a pool process, a gunicorn worker).
        _kill_group(child, signal.SIGKILL)
        code = child.wait()
        logger.info("%s (pid %s) stopped, exit code %s", _sentence(NAMES[name]), child.pid, code)


def supervise(children: dict[str, subprocess.Popen], requested: list[int]) -> int:
    """Wait until a stop is requested (0) or a child dies (1); then stop every child."""
    while True:
        if requested:
            logger.info("Stopping (%s)", signal.Signals(requested[0]).name)
            stop_all(children)
            logger.info("Stopped")
            return 0
        for name, child in children.items():
            code = child.poll()
            if code is not None:
                logger.error(
                    "%s (pid %s) stopped unexpectedly with exit code %s: stopping everything",
                    _sentence(NAMES[name]),
                    child.pid,
                    code,
                )
                stop_all(children)
                return 1
        time.sleep(POLL_SECONDS)


def static_files_missing() -> str:
    """A message if the pages would fail for want of collected static files, else ''."""
    from django.conf import settings

    storages: Any = settings.STORAGES
    if "Manifest" not in storages["staticfiles"]["BACKEND"]:
        return ""
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    if manifest.exists():
        return ""
    return (
        f"No collected static files in {settings.STATIC_ROOT}: run `make run`, or "
        "`python manage.py collectstatic --noinput` with the same settings, first."
    )


def main() -> int:
    handler = logging.StreamHandler()
    handler.setFormatter(JsonFormatter())
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "training.settings.local")
    # Loading the settings here first makes var/secret-key (if needed) before any child starts.
    problem = static_files_missing()
    if problem:
        logger.error(problem)
        return 2

    host = os.environ.get("HOST", "127.0.0.1")
    port = os.environ.get("PORT", "8000")
    requested: list[int] = []

    def request_stop(signum: int, frame: FrameType | None) -> None:
        requested.append(signum)

    signal.signal(signal.SIGINT, request_stop)
    signal.signal(signal.SIGTERM, request_stop)

    children: dict[str, subprocess.Popen] = {}
    try:
        for name, argv in commands(host=host, port=port).items():
            children[name] = start(argv, dict(os.environ))
    except OSError:
        logger.exception("Could not start every part: stopping")
        stop_all(children)
        return 1
    logger.info(
        "Serving http://%s/ with %s",
        bind_address(host, port),
        ", ".join(f"{NAMES[name]} (pid {child.pid})" for name, child in children.items()),
    )
    return supervise(children, requested)


if __name__ == "__main__":
    sys.exit(main())
