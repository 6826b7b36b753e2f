"""Requests per second for lesson pages, against the ceiling of a minimal view.

    make bench                     # or: .venv/bin/python -m benchmarks.pages --seconds 8

Serves the site with gunicorn (several workers, DEBUG off) and measures, interleaved in rounds
so that the machine's noise falls on every target alike:

- minimal:    a Django view returning a page as big as the lesson page (the ceiling);
- anonymous:  a lesson page for a visitor who is not signed in;
- signed-in:  the same lesson page for a signed-in learner.

It prints the median requests per second of each and the ratios to the ceiling. Targets (issue 3):
anonymous >= 0.5 x minimal, signed-in >= 0.05 x minimal.
"""

import argparse
import http.client
import json
import multiprocessing
import os
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {"anonymous": 0.5, "signed-in": 0.05}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(port: int, path: str, cookie: str = "") -> tuple[int, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Host": "localhost"}
    if cookie:
        headers["Cookie"] = cookie
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, body


def _client(port: int, path: str, cookie: str, seconds: float, results) -> None:
    done = 0
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        status, _ = fetch(port, path, cookie)
        if status != 200:
            raise SystemExit(f"{path} answered {status}")
        done += 1
    results.put(done)


def measure(port: int, path: str, cookie: str, seconds: float, clients: int) -> float:
    results: multiprocessing.Queue = multiprocessing.Queue()
    workers = [
        multiprocessing.Process(target=_client, args=(port, path, cookie, seconds, results))
        for _ in range(clients)
    ]
    started = time.monotonic()
    for worker in workers:
        worker.start()
    total = sum(results.get() for _ in workers)
    for worker in workers:
        worker.join()
    return total / (time.monotonic() - started)


def django_setup(secret: str) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "training.settings.bench"
    os.environ["BENCH_SECRET_KEY"] = secret
    import django

    django.setup()


def lesson_and_session() -> tuple[str, str]:
    """The busiest demo lesson's path, and a session cookie for the demo tenant."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    from courses.models import LessonPage
    from training.users.models import User

    lessons = LessonPage.objects.live().specific()
    if not lessons:
        raise SystemExit("No lessons: run `make seed` first.")
    lesson = max(lessons, key=lambda page: len(page.body.raw_data))
    user = User.objects.get(email="tenant@example.com")
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "training.users.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return lesson.get_url(), f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=6.0, help="per target per round")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers")
    parser.add_argument("--clients", type=int, default=4, help="concurrent client processes")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()

    secret = secrets.token_urlsafe(50)
    django_setup(secret)
    lesson_path, cookie = lesson_and_session()

    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "training.settings.bench",
        "BENCH_SECRET_KEY": secret,
    }
    # First find the lesson page's size, so the ceiling returns a page just as big.
    server = start_gunicorn(port, args.workers, env)
    try:
        status, body = fetch(port, lesson_path)
        if status != 200:
            raise SystemExit(f"{lesson_path} answered {status}")
    finally:
        stop(server)
    env["BENCH_PAGE_BYTES"] = str(len(body))

    server = start_gunicorn(port, args.workers, env)
    try:
        paths = {
            "minimal": ("/bench/minimal/", ""),
            "anonymous": (lesson_path, ""),
            "signed-in": (lesson_path, cookie),
        }
        for path, cookie_value in paths.values():  # warm every worker's caches
            for _ in range(args.workers * 4):
                fetch(port, path, cookie_value)
        status, signed_in_body = fetch(port, lesson_path, cookie)
        if b"Sign out" not in signed_in_body:
            raise SystemExit("The signed-in request was not signed in.")
        rates: dict[str, list[float]] = {name: [] for name in paths}
        for round_number in range(args.rounds):
            for name, (path, cookie_value) in paths.items():
                rate = measure(port, path, cookie_value, args.seconds, args.clients)
                rates[name].append(rate)
                print(f"round {round_number + 1}: {name:<10} {rate:8.1f} req/s", flush=True)
    finally:
        stop(server)

    medians = {name: statistics.median(values) for name, values in rates.items()}
    ceiling = medians["minimal"]
    print(f"\nlesson page: {lesson_path} ({len(body):,} bytes of HTML)")
    print(f"{'target':<10} {'req/s':>8} {'× minimal':>10} {'goal':>6}")
    verdict = True
    for name, rate in medians.items():
        ratio = rate / ceiling
        goal = TARGETS.get(name)
        ok = goal is None or ratio >= goal
        verdict &= ok
        goal_text = f"≥{goal}" if goal else "-"
        print(f"{name:<10} {rate:8.1f} {ratio:10.2f} {goal_text:>6} {'' if ok else 'MISSED'}")
    if args.json:
        args.json.write_text(json.dumps({"medians": medians, "bytes": len(body)}, indent=2))
    sys.exit(0 if verdict else 1)


def start_gunicorn(port: int, workers: int, env: dict) -> subprocess.Popen:
    server = subprocess.Popen(
        [
            str(Path(sys.executable).with_name("gunicorn")),
            "training.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if fetch(port, "/bench/minimal/")[0] == 200:
                return server
        except OSError:
            time.sleep(0.2)
    stop(server)
    raise SystemExit("gunicorn did not start")


def stop(server: subprocess.Popen) -> None:
    server.send_signal(signal.SIGTERM)
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        server.kill()


if __name__ == "__main__":
    main()
