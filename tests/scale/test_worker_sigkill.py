"""Lose nothing when a worker dies: real Celery workers on Redis, killed with SIGKILL mid-task.

Two workers (prefork, one pool process each, the production settings: acks_late,
reject_on_worker_lost, prefetch 1) work through emails, daily emails (digests), event reminders
and dashboard exports. Round after round, the test queues work, arms one hold point
(tests/scale/sigkill_hooks.py) where dying matters, waits until a task is stopped there, and
kills the whole worker (its process group) with SIGKILL, then starts another in its place. Some
rounds kill only the pool process running the task, which the worker itself replaces. Then the
queue drains, with the outbox's beat task running as beat would.

Afterwards every effect happened exactly once: each expected email was written once by the
test's mail server (no duplicate Message-ID, nothing missing, nothing extra), every outbox row
is stamped sent, every export is ready with exactly one complete file and no leftovers, and
every killed task was delivered again by Redis. The figures go to docs/reliability.md.
"""

import email
import email.policy
import json
import os
import signal
import statistics
import subprocess
import sys
import time
import uuid
import zipfile
from collections import Counter
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from django.db import connection
from django.http import QueryDict
from django.utils import timezone

import pytest
import redis

from dashboards.access import Scope
from dashboards.filters import DashboardFilterForm, filters_from
from dashboards.models import DashboardExport, ExportStatus
from dashboards.services import export_file_name, export_request
from events.tasks import events_remind_tomorrow
from notifications.digest import digests_dispatch
from notifications.models import (
    EmailChoice,
    NotificationKind,
    NotificationPreference,
    OutgoingEmail,
)
from notifications.services import notification_send
from notifications.tasks import outgoing_emails_flush
from tests.factories.events import BookingFactory, EventFactory
from tests.factories.notifications import NotificationFactory
from tests.factories.users import UserFactory
from training.celery import app as celery_app
from training.users import roles

pytestmark = [pytest.mark.redis, pytest.mark.postgres]

ROOT = Path(__file__).resolve().parents[2]
WORKERS = 2
ROUNDS = 26
# Every sixth round (0, 6, 12, …) kills only the pool process running the task: the worker
# replaces it at once and Celery puts the task back (reject_on_worker_lost). The first of them
# hits an email being sent, whose lease is still held when it comes back. The other rounds kill
# the whole worker.
POOL_PROCESS_KILL_EVERY = 6
# What each round queues, and the point where it then waits to kill a worker.
ROUND_PLAN = [
    ("email-smtp", "emails"),
    ("outbox-insert", "digests"),
    ("export-start", "export"),
    ("email-publish", "reminders"),
    ("export-file-written", "export"),
    ("outbox-insert", "reminders"),
    ("email-publish", "digests"),
]
HOLD_WAIT_SECONDS = 40
DRAIN_SECONDS = 60
QUIET_SECONDS = 1.0
BEAT_SECONDS = 1.0  # how often the test queues the outbox's beat task
EXPORT_TABLES = 9


def database_url_for(name: str) -> str:
    parts = urlsplit(os.environ["DATABASE_URL"])
    return urlunsplit(parts._replace(path=f"/{name}"))


class Workers:
    """The worker processes, forked by tests/scale/sigkill_worker.py: each in a process group of
    its own, so that one SIGKILL to the group kills the worker and its pool process at once, as
    a lost machine or container would."""

    def __init__(self, *, folder: Path, queue: str, env: dict):
        self.folder, self.queue = folder, queue
        self.launcher = subprocess.Popen(
            [sys.executable, "-m", "tests.scale.sigkill_worker"],
            cwd=ROOT,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=(folder / "launcher.log").open("wb"),
            text=True,
            start_new_session=True,
        )
        self.running: set[int] = set()
        self.started = 0

    def start(self) -> None:
        self.started += 1
        argv = [
            "--pool=prefork",
            "--concurrency=1",
            f"--queues={self.queue}",
            f"--hostname=w{self.started}-{self.queue}@%h",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            "--loglevel=INFO",
        ]
        log = self.folder / f"worker-{self.started}.log"
        self.launcher.stdin.write(json.dumps({"log": str(log), "argv": argv}) + "\n")
        self.launcher.stdin.flush()
        self.running.add(int(self.launcher.stdout.readline()))

    @staticmethod
    def _kill_group(group: int) -> None:
        try:
            os.killpg(group, signal.SIGKILL)
        except ProcessLookupError:
            return
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                os.kill(group, 0)
            except ProcessLookupError:
                return
            time.sleep(0.01)
        raise AssertionError(f"worker {group} outlived SIGKILL")

    def kill_worker_of(self, pid: int) -> None:
        """SIGKILL the whole worker that process ``pid`` belongs to."""
        group = os.getpgid(pid)
        assert group in self.running, (pid, group)
        self._kill_group(group)
        self.running.discard(group)

    def stop(self) -> None:
        for group in self.running:
            self._kill_group(group)
        self.running.clear()
        self.launcher.kill()
        self.launcher.wait(timeout=20)

    def logs(self) -> str:
        tails = []
        for log in sorted(self.folder.glob("*.log")):
            if log.name.startswith(("worker-", "launcher")):
                lines = log.read_text(errors="replace").splitlines()[-15:]
                tails.append(f"--- {log.name}\n" + "\n".join(lines))
        return "\n".join(tails)


class Work:
    """What the test queued, and so which effects it expects, each exactly once."""

    def __init__(self, manager):
        self.manager = manager
        self.immediate: dict[str, str] = {}  # subject -> address
        self.digests: dict[str, list[str]] = {}  # address -> the subjects of their items
        self.reminders: dict[tuple[str, str], int] = {}  # (address, event title) -> booking
        self.exports: list[DashboardExport] = []
        self.batch = 0

    def queue(self, kind: str) -> None:
        self.batch += 1
        getattr(self, f"_queue_{kind}")()

    def _queue_emails(self) -> None:
        for each in range(2):
            person = UserFactory()
            subject = f"Round {self.batch}: Sam replied to you ({each})"
            notification_send(
                recipient=person,
                kind=NotificationKind.REPLY,
                subject=subject,
                body="Sam said: see you on Tuesday.",
                url="/community/",
            )
            self.immediate[subject] = person.email

    def _queue_digests(self) -> None:
        for _ in range(2):
            person = UserFactory()
            NotificationPreference.objects.create(person=person, email=EmailChoice.DAILY)
            items = [NotificationFactory(recipient=person) for _ in range(2)]
            self.digests[person.email] = [item.subject for item in items]
        # As the 07:30 beat task does, in batches of one person: several tasks to kill.
        digests_dispatch(batch_size=1)

    def _queue_reminders(self) -> None:
        title = f"Garden day {self.batch}"
        event = EventFactory(title=title, starts_at=timezone.now() + timedelta(hours=20))
        for _ in range(2):
            booking = BookingFactory(event=event)
            self.reminders[(booking.guest.email, title)] = booking.pk
        events_remind_tomorrow.delay()

    def _queue_export(self) -> None:
        scope = Scope(every_place=True)
        filters = filters_from(DashboardFilterForm(QueryDict("period=all"), scope=scope))
        self.exports.append(export_request(user=self.manager, scope=scope, filters=filters))

    def emails_expected(self) -> int:
        return len(self.immediate) + len(self.digests) + len(self.reminders)


def read_mail(folder: Path) -> list[email.message.EmailMessage]:
    return [
        email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        for path in sorted(folder.glob("[!.]*.eml"))
    ]


def read_journal(path: Path) -> list[dict]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


class Run:
    """The rounds of kills and the drain afterwards, with beat's outbox task running."""

    def __init__(self, *, folder: Path, queue: str, broker, workers: Workers, work: Work):
        self.folder, self.queue, self.broker = folder, queue, broker
        self.workers, self.work = workers, work
        self.control = folder / "control"
        self.kills: list[dict] = []
        self.last_beat = 0.0

    def beat(self) -> None:
        """Queue the outbox's beat task about once a second (production: once a minute)."""
        if time.monotonic() - self.last_beat >= BEAT_SECONDS:
            outgoing_emails_flush.delay()
            self.last_beat = time.monotonic()

    def round(self, number: int) -> None:
        point, kind = ROUND_PLAN[number % len(ROUND_PLAN)]
        # Armed first: the work may reach the point before this process looks again.
        (self.control / f"arm-{point}").touch()
        self.work.queue(kind)
        deadline = time.monotonic() + HOLD_WAIT_SECONDS
        while not (held := sorted(self.control.glob("held-*"))):
            assert time.monotonic() < deadline, (
                f"round {number}: no task reached {point!r}\n{self.workers.logs()}"
            )
            self.beat()
            time.sleep(0.01)
        pid = int(held[0].name.split("-")[1])
        whole_worker = number % POOL_PROCESS_KILL_EVERY != 0
        if whole_worker:
            self.workers.kill_worker_of(pid)
            self.workers.start()
        else:
            os.kill(pid, signal.SIGKILL)
        held[0].unlink()
        self.kills.append(
            {"point": point, "pid": pid, "whole_worker": whole_worker, "at": time.time()}
        )

    def state(self) -> str:
        emails = len(list((self.folder / "mail").glob("[!.]*.eml")))
        in_flight = self.broker.llen(self.queue) + self.broker.hlen(f"unacked-{self.queue}")
        return f"{emails}/{self.work.emails_expected()} emails, {in_flight} tasks in flight"

    def drained(self) -> bool:
        emails = len(list((self.folder / "mail").glob("[!.]*.eml")))
        in_flight = self.broker.llen(self.queue) + self.broker.hlen(f"unacked-{self.queue}")
        return (
            emails >= self.work.emails_expected()
            and in_flight == 0
            and not OutgoingEmail.objects.filter(sent_at__isnull=True).exists()
            and not DashboardExport.objects.exclude(status=ExportStatus.READY).exists()
        )

    def drain(self) -> None:
        """Wait until every effect is there and no task is queued or unacknowledged (a task
        running, or waiting for its retry, is unacknowledged), then confirm it a second on."""
        deadline = time.monotonic() + DRAIN_SECONDS
        quiet_since = None
        while True:
            if self.drained():
                quiet_since = quiet_since or time.monotonic()
                if time.monotonic() - quiet_since > QUIET_SECONDS:
                    return
            else:
                quiet_since = None
                self.beat()  # not once all is done: its own task would keep the queue busy
            assert time.monotonic() < deadline, (
                f"not drained: {self.state()}\n{self.workers.logs()}"
            )
            time.sleep(0.1)


def assert_every_email_once(work: Work, messages, outbox: list[OutgoingEmail]) -> None:
    message_ids = Counter(message["Message-ID"] for message in messages)
    assert [mid for mid, count in message_ids.items() if count > 1] == []
    by_subject = Counter((message["Subject"], message["To"]) for message in messages)
    for subject, address in work.immediate.items():
        assert by_subject[(subject, address)] == 1, subject
    for address, items in work.digests.items():
        theirs = [
            message
            for message in messages
            if message["To"] == address and message["Subject"].startswith("Your daily update")
        ]
        assert len(theirs) == 1, address
        body = theirs[0].get_body(preferencelist=("plain",)).get_content()
        assert all(item in body for item in items), address
    for address, title in work.reminders:
        sent = [m for m in messages if m["To"] == address and title in m["Subject"]]
        assert len(sent) == 1, (address, title)
    assert len(messages) == work.emails_expected()
    assert all(row.sent_at is not None for row in outbox)
    assert sorted(row.message_id for row in outbox) == sorted(message_ids)


def assert_one_file_per_export(work: Work, private_root: Path) -> None:
    every_file = sorted(
        path for path in (private_root / "dashboards" / "exports").rglob("*") if path.is_file()
    )
    for export in work.exports:
        export.refresh_from_db()
        assert export.status == ExportStatus.READY
        assert export.file.name == export_file_name(export=export)
        with zipfile.ZipFile(export.file.path) as archive:
            assert archive.testzip() is None
            assert len(archive.namelist()) == EXPORT_TABLES
    # No second copy, no partial file left behind.
    assert every_file == sorted(Path(export.file.path) for export in work.exports)


def assert_killed_tasks_came_back(kills: list[dict], journal: list[dict]) -> None:
    """The task each kill interrupted (the last one started in the killed process) was
    delivered again by Redis, flagged as redelivered, and finished."""
    starts = [entry for entry in journal if entry["event"] == "start"]
    ended = {entry["id"] for entry in journal if entry["event"] == "end"}
    for kill in kills:
        killed = [e for e in starts if e["pid"] == kill["pid"] and e["at"] <= kill["at"]][-1]
        again = [
            entry
            for entry in starts
            if entry["id"] == killed["id"] and entry["at"] > kill["at"] and entry["redelivered"]
        ]
        assert again, (kill, killed)
        assert killed["id"] in ended, killed


def figures_of(run: Run, *, messages, outbox, journal, seconds, draining) -> dict:
    handed_over = {}
    for line in (run.folder / "handed-over.log").read_text().splitlines():
        message_id, moment = line.rsplit(" ", 1)
        handed_over[message_id] = float(moment)
    windows = [
        (row.sent_at.timestamp() - handed_over[row.message_id]) * 1000
        for row in outbox
        if row.message_id in handed_over
    ]
    starts = [entry for entry in journal if entry["event"] == "start"]
    ends = [entry for entry in journal if entry["event"] == "end"]
    flushes = [entry for entry in ends if entry["name"].endswith("outgoing_emails_flush")]
    whole = [kill for kill in run.kills if kill["whole_worker"]]
    message_ids = Counter(message["Message-ID"] for message in messages)
    return {
        "kills": len(run.kills),
        "whole_worker_kills": len(whole),
        "pool_process_kills": len(run.kills) - len(whole),
        "kills_by_point": dict(Counter(kill["point"] for kill in run.kills)),
        "workers_started": run.workers.started,
        "emails": len(messages),
        "exports": len(run.work.exports),
        "tasks": len({entry["id"] for entry in starts}),
        "task_runs": len(starts),
        "task_runs_by_name": dict(Counter(e["name"].rsplit(".", 1)[-1] for e in starts)),
        "redelivered_runs": sum(1 for entry in starts if entry["redelivered"]),
        "busy_retries": sum(1 for entry in ends if entry["state"] == "RETRY"),
        "handed_on_by_beat": sum(entry["result"] or 0 for entry in flushes),
        "duplicates": sum(count - 1 for count in message_ids.values()),
        "window_ms_median": round(statistics.median(windows), 2),
        "window_ms_max": round(max(windows), 2),
        "seconds": round(seconds, 1),
        "seconds_draining": round(draining, 1),
    }


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_workers_killed_mid_task_lose_nothing_and_do_nothing_twice(
    redis_url, postgres, tmp_path, settings
):
    began = time.monotonic()
    queue = f"homes-sigkill-{uuid.uuid4().hex[:8]}"
    folder = tmp_path / "sigkill"
    (folder / "control").mkdir(parents=True)
    (folder / "mail").mkdir()
    env = {
        **os.environ,
        "DATABASE_URL": database_url_for(connection.settings_dict["NAME"]),
        "SIGKILL_DIR": str(folder),
        "SIGKILL_QUEUE": queue,
        "SIGKILL_PRIVATE_FILES_ROOT": str(settings.PRIVATE_FILES_ROOT),
        "SIGKILL_MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "PYTHONPATH": str(ROOT),
    }
    broker = redis.Redis.from_url(redis_url)
    work = Work(manager=UserFactory(role=roles.MANAGER))
    saved = (celery_app.conf.task_always_eager, celery_app.conf.task_default_queue)
    celery_app.conf.task_always_eager = False
    celery_app.conf.broker_url = redis_url
    celery_app.conf.task_default_queue = queue
    workers = Workers(folder=folder, queue=queue, env=env)
    run = Run(folder=folder, queue=queue, broker=broker, workers=workers, work=work)
    try:
        for _ in range(WORKERS):
            workers.start()
        for number in range(ROUNDS):
            run.round(number)
        rounds_done = time.monotonic()
        run.drain()
    finally:
        workers.stop()
        celery_app.conf.task_always_eager, celery_app.conf.task_default_queue = saved
        for key in broker.scan_iter(match=f"*{queue}*"):
            broker.delete(key)
    seconds, draining = time.monotonic() - began, time.monotonic() - rounds_done

    messages = read_mail(folder / "mail")
    outbox = list(OutgoingEmail.objects.all())
    journal = read_journal(folder / "journal.log")
    assert_every_email_once(work, messages, outbox)
    assert_one_file_per_export(work, Path(settings.PRIVATE_FILES_ROOT))
    assert sum(1 for kill in run.kills if kill["whole_worker"]) >= 20
    assert {kill["point"] for kill in run.kills} == {point for point, _kind in ROUND_PLAN}
    assert_killed_tasks_came_back(run.kills, journal)

    figures = figures_of(
        run, messages=messages, outbox=outbox, journal=journal, seconds=seconds, draining=draining
    )
    print("SIGKILL figures:", json.dumps(figures, sort_keys=True))
    if target := os.environ.get("SIGKILL_FIGURES"):
        Path(target).write_text(json.dumps(figures, indent=2, sort_keys=True) + "\n")
