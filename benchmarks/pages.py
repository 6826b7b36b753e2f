"""Requests per second for lesson pages, against the ceiling of a bare Django view.

    make bench                     # or: .venv/bin/python -m benchmarks.pages --seconds 8

Serves the site with gunicorn (3 workers, DEBUG off, Redis as the cache and session cache as in
production) and measures, interleaved in 7 short rounds so that the machine's noise falls on every
target alike, with 10 connections open at once:

- bare:       Django with no middleware and one URL, a page as big as the lesson page
              (``benchmarks/bare.py``, served by the same server and workers): the ceiling;
- minimal:    a view of the site returning the same page, through all of the site's middleware;
- anonymous:  a lesson page for a visitor who is not signed in;
- signed-in:  the same lesson page for a signed-in learner.

It prints the median requests per second of each and the ratios to the ceiling, and exits
non-zero when a target is missed (issue 20): anonymous >= 0.7 x bare, signed-in >= 0.06 x bare.
"""

import argparse
import json
import multiprocessing
import os
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {"anonymous": 0.7, "signed-in": 0.06}
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/10"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(port: int, path: str, cookie: str = "") -> tuple[int, bytes]:
    """One GET on a new connection (gunicorn's sync workers close it after each answer).

    Plain sockets rather than ``http.client``: the client shares the two cores with the server,
    so the less it spends per request, the less it takes from what is measured.
    """
    request = f"GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
    if cookie:
        request += f"Cookie: {cookie}\r\n"
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall((request + "\r\n").encode())
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    answer = b"".join(chunks)
    head, _, body = answer.partition(b"\r\n\r\n")
    return int(head[9:12]), body


def _client(port: int, path: str, cookie: str, seconds: float, connections: int, results) -> None:
    counts = [0] * connections
    failures: list[str] = []
    deadline = time.monotonic() + seconds

    def run(slot: int) -> None:
        while time.monotonic() < deadline and not failures:
            status, _ = fetch(port, path, cookie)
            if status != 200:
                failures.append(f"{path} answered {status}")
            counts[slot] += 1

    threads = [threading.Thread(target=run, args=(slot,)) for slot in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    results.put((sum(counts), failures))


def server_cpu_seconds(server: subprocess.Popen) -> float:
    """CPU time used so far by gunicorn's workers (Linux), to count what a request costs.

    Other work on a shared machine slows every target but does not change this, so its ratios
    stay comparable when requests per second are squeezed by a busy machine.
    """
    ticks = 0
    try:
        children = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
        for pid in children:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            ticks += int(fields[11]) + int(fields[12])  # utime, stime
    except OSError:
        return 0.0
    return ticks / os.sysconf("SC_CLK_TCK")


def measure(port: int, path: str, cookie: str, seconds: float, connections: int) -> float:
    """Requests per second with ``connections`` requests in flight at every moment."""
    processes = min(2, connections)
    per_process = [
        connections // processes + (i < connections % processes) for i in range(processes)
    ]
    results: multiprocessing.Queue = multiprocessing.Queue()
    workers = [
        multiprocessing.Process(target=_client, args=(port, path, cookie, seconds, n, results))
        for n in per_process
    ]
    started = time.monotonic()
    for worker in workers:
        worker.start()
    total = 0
    for _ in workers:
        done, failures = results.get()
        if failures:
            raise SystemExit(failures[0])
        total += done
    for worker in workers:
        worker.join()
    return total / (time.monotonic() - started)


def redis_reachable(url: str) -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(url, socket_connect_timeout=1).ping())
    except redis.RedisError:
        return False


def django_setup(env: dict) -> None:
    os.environ.update(env)
    import django

    django.setup()


def lesson_and_session() -> tuple[str, str]:
    """The busiest demo lesson's path, and a session cookie for the demo tenant."""
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY

    from courses.models import LessonPage
    from training.users.models import User

    lessons = LessonPage.objects.live().specific()
    if not lessons:
        raise SystemExit("No lessons: run `make seed` first.")
    lesson = max(lessons, key=lambda page: len(page.body.raw_data))
    user = User.objects.get(email="tenant@example.com")
    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "training.users.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return lesson.get_url(), f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


def cache_clear(redis_url: str, prefix: str) -> None:
    """Remove this run's keys (they all carry its own prefix) from the shared Redis database."""
    import redis

    client = redis.Redis.from_url(redis_url)
    for key in client.scan_iter(match=f"*{prefix}*", count=1000):
        client.delete(key)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    # Many short rounds rather than a few long ones: on a shared machine the load swings within
    # seconds, and the median of 7 interleaved rounds is steadier than that of 3.
    parser.add_argument("--seconds", type=float, default=2.0, help="per target per round")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers")
    parser.add_argument("--connections", type=int, default=10, help="requests in flight at once")
    parser.add_argument(
        "--redis-url",
        default=os.environ.get("BENCH_REDIS_URL", DEFAULT_REDIS_URL),
        help="cache and session cache, as in production ('' for the embedded per-process cache)",
    )
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()

    secret = secrets.token_urlsafe(50)
    prefix = f"bench-{secrets.token_hex(4)}"
    env = {
        "DJANGO_SETTINGS_MODULE": "training.settings.bench",
        "BENCH_SECRET_KEY": secret,
        "REDIS_URL": "",
        "CACHE_KEY_PREFIX": prefix,
    }
    if args.redis_url and redis_reachable(args.redis_url):
        env["REDIS_URL"] = args.redis_url
    elif args.redis_url:
        print(f"Redis is not answering at {args.redis_url}: using the per-process cache.")
    django_setup(env)
    lesson_path, cookie = lesson_and_session()
    env = {**os.environ, **env}

    port = free_port()
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
            "bare": ("/bench/bare/", ""),
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
        cpu_costs: dict[str, list[float]] = {name: [] for name in paths}
        for round_number in range(args.rounds):
            for name, (path, cookie_value) in paths.items():
                cpu_before = server_cpu_seconds(server)
                rate = measure(port, path, cookie_value, args.seconds, args.connections)
                cpu = (server_cpu_seconds(server) - cpu_before) / (rate * args.seconds)
                rates[name].append(rate)
                cpu_costs[name].append(cpu)
                print(
                    f"round {round_number + 1}: {name:<10} {rate:8.1f} req/s "
                    f"{cpu * 1e6:8.0f} µs of server CPU a request",
                    flush=True,
                )
    finally:
        stop(server)
        if env["REDIS_URL"]:
            cache_clear(env["REDIS_URL"], prefix)

    medians = {name: statistics.median(values) for name, values in rates.items()}
    ceiling = medians["bare"]
    cache_name = "Redis" if env["REDIS_URL"] else "per-process"
    print(f"\nlesson page: {lesson_path} ({len(body):,} bytes of HTML)")
    print(
        f"{args.workers} workers, {args.connections} connections, {cache_name} cache, "
        f"load average {os.getloadavg()[0]:.2f}"
    )
    costs = {name: statistics.median(values) for name, values in cpu_costs.items()}
    print(f"{'target':<10} {'req/s':>8} {'× bare':>8} {'goal':>6}   CPU µs/request  bare ÷ it")
    verdict = True
    for name, rate in medians.items():
        ratio = rate / ceiling
        goal = TARGETS.get(name)
        ok = goal is None or ratio >= goal
        verdict &= ok
        goal_text = f"≥{goal}" if goal else "-"
        cost = costs[name]
        by_cpu = costs["bare"] / cost if cost else 0.0
        print(
            f"{name:<10} {rate:8.1f} {ratio:8.3f} {goal_text:>6}   {cost * 1e6:14.0f} "
            f"{by_cpu:10.3f} {'' if ok else 'MISSED'}"
        )
    if args.json:
        figures = {
            "medians": medians,
            "rounds": rates,
            "cpu_seconds_per_request": costs,
            "bytes": len(body),
            "cache": cache_name,
        }
        args.json.write_text(json.dumps(figures, indent=2))
    sys.exit(0 if verdict else 1)


def start_gunicorn(port: int, workers: int, env: dict) -> subprocess.Popen:
    server = subprocess.Popen(
        [
            str(Path(sys.executable).with_name("gunicorn")),
            "benchmarks.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--backlog",
            "256",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    deadline = time.monotonic() + 120  # a busy machine starts workers slowly
    while time.monotonic() < deadline:
        try:
            if fetch(port, "/bench/bare/")[0] == 200:
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
