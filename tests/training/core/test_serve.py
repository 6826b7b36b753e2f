"""`make run` for real: ``python -m training.serve`` with the single-box settings.

The supervisor starts gunicorn, a Celery worker and Celery beat on the folder broker, in a
temporary folder of their own (database, var/, media, static files, mail), on a free port. No
Redis: the tests remove REDIS_URL and DATABASE_URL from the children's environment. With
PostgreSQL (CI's second pass) the children use the test database; with SQLite, a copy of it.
"""

import gzip
import http.client
import json
import os
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from email import policy
from email.parser import BytesParser
from pathlib import Path
from urllib.parse import quote

from django.db import connection
from django.utils import timezone

import pytest

from tests.factories.events import BookingFactory, EventFactory

ROOT = Path(__file__).resolve().parents[3]
READY_SECONDS = 50
STOP_SECONDS = 45
# What the children must not inherit from the test run: they get their own below.
LEFT_OUT = {
    "DATABASE_URL",
    "REDIS_URL",
    "TEST_REDIS_URL_SHARED",
    "DJANGO_SETTINGS_MODULE",
    "DJANGO_SECRET_KEY",
    "DJANGO_ALLOWED_HOSTS",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
    "EMAIL_HOST",
    "HOST",
    "PORT",
    "WEB_CONCURRENCY",
    "WORKER_CONCURRENCY",
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def site_env(folder: Path, settings_module: str) -> dict[str, str]:
    return {
        **{name: value for name, value in os.environ.items() if name not in LEFT_OUT},
        "DJANGO_SETTINGS_MODULE": settings_module,
        "HOST": "127.0.0.1",
        "PORT": str(free_port()),
        "VAR_DIR": str(folder / "var"),
        "STATIC_ROOT": str(folder / "static"),
        "SQLITE_PATH": str(folder / "db.sqlite3"),
        "MEDIA_ROOT": str(folder / "media"),
        "PRIVATE_FILES_ROOT": str(folder / "private"),
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(folder / "mail"),
    }


def collect_static(env: dict[str, str]) -> None:
    """What `make run` does before it serves."""
    result = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr


def share_test_database(env: dict[str, str]) -> None:
    """Let the children see what this test wrote: the test database itself, or a copy."""
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        copy = sqlite3.connect(env["SQLITE_PATH"])
        try:
            connection.connection.backup(copy)
        finally:
            copy.close()
        return
    db = connection.settings_dict
    env["DATABASE_URL"] = (
        f"postgres://{quote(db['USER'] or '', safe='')}:{quote(db['PASSWORD'] or '', safe='')}"
        f"@{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}/{quote(db['NAME'], safe='')}"
    )


# --- Processes, read from /proc ------------------------------------------------------------------


def process_stat(pid: int) -> tuple[str, int, int] | None:
    """(state, parent pid, start time) of a process, or None if there is none."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return None
    fields = text[text.rindex(")") + 2 :].split()
    return fields[0], int(fields[1]), int(fields[19])


def descendants(pid: int) -> dict[int, int]:
    """Every process below ``pid`` (children, grandchildren…), with its start time."""
    parents: dict[int, list[tuple[int, int]]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and (stat := process_stat(int(entry.name))):
            parents.setdefault(stat[1], []).append((int(entry.name), stat[2]))
    found: dict[int, int] = {}
    waiting = [pid]
    while waiting:
        for child, started in parents.get(waiting.pop(), []):
            found[child] = started
            waiting.append(child)
    return found


def still_running(processes: dict[int, int]) -> list[int]:
    """Those of ``processes`` still alive (a zombie or a new process with the same pid is not)."""
    alive = []
    for pid, started in processes.items():
        stat = process_stat(pid)
        if stat and stat[0] != "Z" and stat[2] == started:
            alive.append(pid)
    return alive


def command_line(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except FileNotFoundError:
        return ""


# --- The site -------------------------------------------------------------------------------------


def get(port: int, path: str) -> tuple[int, http.client.HTTPMessage, bytes]:
    """GET as a browser would (accepting gzip); the body as sent."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    try:
        conn.request("GET", path, headers={"Accept-Encoding": "gzip"})
        response = conn.getresponse()
        return response.status, response.headers, response.read()
    finally:
        conn.close()


def wait_for(what: str, check, server: subprocess.Popen, log: Path, seconds: float):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"make run stopped ({server.returncode}) before {what}:\n{log.read_text()}")
        try:
            result = check()
        except OSError:
            result = None
        if result:
            return result
        time.sleep(0.3)
    pytest.fail(f"No {what} after {seconds}s:\n{log.read_text()[-6000:]}")


@contextmanager
def make_run(env: dict[str, str], log: Path) -> Iterator[subprocess.Popen]:
    """The supervisor, as `make run` starts it. Whatever happens, nothing is left running."""
    server = subprocess.Popen(
        [sys.executable, "-m", "training.serve"],
        cwd=ROOT,
        env=env,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
    )
    seen: dict[int, int] = {}
    try:
        yield server
    finally:
        if server.poll() is None:
            seen = descendants(server.pid)
            server.send_signal(signal.SIGTERM)
            try:
                server.wait(timeout=STOP_SECONDS)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
        for pid in still_running(seen):
            os.kill(pid, signal.SIGKILL)


def wait_until_ready(server: subprocess.Popen, log: Path, port: int) -> None:
    wait_for("answer from /healthz", lambda: get(port, "/healthz")[0] == 200, server, log, 50)
    # The worker's pool and beat are up when they say so.
    wait_for("ready worker", lambda: "ready." in log.read_text(), server, log, READY_SECONDS)
    wait_for("beat", lambda: "beat: Starting" in log.read_text(), server, log, READY_SECONDS)


def emails(folder: Path) -> list:
    """Every email Django's file backend has written so far."""
    separator = b"\n" + b"-" * 79 + b"\n"
    found = []
    for file in sorted(folder.glob("*.log")) if folder.exists() else []:
        for part in file.read_bytes().split(separator):
            if part.strip():
                found.append(BytesParser(policy=policy.default).parsebytes(part))
    return found


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_make_run_serves_with_debug_off_compressed_and_runs_scheduled_jobs(tmp_path):
    booking = BookingFactory(
        event=EventFactory(title="Garden day", starts_at=timezone.now() + timedelta(hours=20))
    )
    env = site_env(tmp_path, "tests.training.core.serve_settings")
    collect_static(env)
    share_test_database(env)
    port = int(env["PORT"])
    log = tmp_path / "make-run.log"

    with make_run(env, log) as server:
        wait_until_ready(server, log, port)

        # DEBUG is off: an unknown address gets the site's own 404 page, compressed.
        status, headers, body = get(port, "/no-such-page-here/")
        assert status == 404
        assert headers["Content-Encoding"] == "gzip"
        page = gzip.decompress(body).decode()
        assert "Sorry, we cannot find that page" in page
        assert "DEBUG = True" not in page

        status, headers, body = get(port, "/")
        assert status == 200
        assert headers["Content-Encoding"] == "gzip"
        assert headers["Server"].startswith("gunicorn")
        home = gzip.decompress(body).decode()

        # The stylesheet is written into the page (slow phones: no second round trip) ...
        assert "<style>" in home and "box-sizing" in home
        # ... and the other static files are collected under hashed names, served compressed and
        # kept for a year.
        script = re.search(r'src="(/static/js/offline\.[0-9a-f]{12}\.js)"', home)
        assert script, home[:2000]
        status, headers, body = get(port, script.group(1))
        assert status == 200
        assert headers["Content-Encoding"] == "gzip"
        assert "immutable" in headers["Cache-Control"]
        assert b"{" in gzip.decompress(body)

        # Beat queued the reminder job in the folder broker, the worker ran it, and the email
        # it queued in turn was sent by the worker too: written by the file email backend.
        def reminder():
            return [
                message
                for message in emails(tmp_path / "mail")
                if "Garden day" in message["Subject"]
            ]

        sent = wait_for("reminder email", reminder, server, log, READY_SECONDS)
        assert sent[0]["To"] == booking.guest.email
        assert "Garden day" in sent[0].get_body(("plain",)).get_content()
        assert (tmp_path / "var" / "broker" / "queue").is_dir()

        running = descendants(server.pid)
        assert len(running) >= 3 + 2  # web, worker and beat, and the web and pool processes
        server.send_signal(signal.SIGTERM)
        assert server.wait(timeout=STOP_SECONDS) == 0

    assert still_running(running) == []
    text = log.read_text()
    assert "Stopping (SIGTERM)" in text
    # gunicorn, the worker and beat write the same JSON lines as the site (gunicorn_conf, LOGGING).
    loggers = {json.loads(line)["logger"] for line in text.splitlines() if line.startswith("{")}
    assert {"gunicorn.error", "celery.beat"} <= loggers
    assert any(name.startswith("celery.worker") or name == "celery.apps.worker" for name in loggers)
    assert '"Stopped"' in text
    # Beat kept running every two seconds; the reminder was claimed once, so sent once.
    assert len(reminder()) == 1
    # The secret key was made on first start, readable by its owner only.
    key = tmp_path / "var" / "secret-key"
    assert key.stat().st_mode & 0o777 == 0o600
    assert len(key.read_text().strip()) >= 50


def test_when_one_part_dies_make_run_stops_the_others_and_fails(tmp_path):
    env = site_env(tmp_path, "training.settings.local")
    collect_static(env)
    port = int(env["PORT"])
    log = tmp_path / "make-run.log"

    with make_run(env, log) as server:
        wait_until_ready(server, log, port)
        running = descendants(server.pid)
        worker = next(
            pid
            for pid in running
            if process_stat(pid)[1] == server.pid and " worker " in command_line(pid)
        )

        os.kill(worker, signal.SIGKILL)

        assert server.wait(timeout=STOP_SECONDS) == 1
    assert still_running(running) == []
    text = log.read_text()
    assert (
        f"The Celery worker (pid {worker}) stopped unexpectedly with exit code -9: "
        "stopping everything"
    ) in text
    with pytest.raises(OSError):
        get(port, "/healthz")


def test_make_run_refuses_to_start_without_collected_static_files(tmp_path):
    env = site_env(tmp_path, "training.settings.local")

    result = subprocess.run(
        [sys.executable, "-m", "training.serve"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode == 2
    assert "No collected static files in" in result.stderr
    assert "make run" in result.stderr
