"""Time the nightly deletions (expired sessions, old notifications) on large tables (issue 20).

    createdb -h 127.0.0.1 -U postgres housekeeping_bench
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/housekeeping_bench \\
        .venv/bin/python -m benchmarks.housekeeping [--live-sessions 140000] \\
        [--expired-sessions 500000] [--notifications 450000] [--old-notifications 200000]

Migrates the database, empties ``django_session`` and the benchmark person's notifications, and
fills them with bulk SQL: sessions still live and sessions that expired (a database nobody
cleared), a year of notifications and older ones past ``NOTIFICATION_RETENTION_DAYS``. Then it
times two runs of each job, as beat runs them (``training/users/sessions.py``,
``notifications/retention.py``, 5,000 rows a batch):

- **first run**: everything that piled up, in batches;
- **a night**: after ``VACUUM ANALYZE``, one night's share (sessions: 150,000 learners signing
  in twice a month; notifications: 2.25 million in five years), against the rows kept.

Prints rows deleted, seconds, rows a second, and the process's own CPU seconds.
PostgreSQL only: never point it at a database you care about (it empties ``django_session``).
"""

import argparse
import os
import secrets
import time
from datetime import timedelta

# One night's share at the scale of docs/performance.md, "Scale on paper".
SESSIONS_A_NIGHT = 150_000 * 24 // 365  # 9,863 sign-ins a day, each leaving a row
NOTIFICATIONS_A_NIGHT = 2_250_000 // (5 * 365)  # 1,232
BENCH_USERNAME = "housekeeping-bench"
# A signed-in learner's session as the app stores it (measured at about 300 bytes a row).
SESSION_DATA = "x" * 220


def setup_django() -> None:
    if not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        raise SystemExit(
            "Set DATABASE_URL to a PostgreSQL database of its own, e.g. "
            "postgres://postgres@127.0.0.1:5432/housekeeping_bench"
        )
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "training.settings.bench")
    os.environ.setdefault("BENCH_SECRET_KEY", secrets.token_urlsafe(40))
    import django

    django.setup()


def sql(statement: str, params: list | None = None) -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(statement, params or [])


def vacuum(table: str) -> None:
    from django.db import connection

    with connection.cursor() as cursor:  # autocommit: VACUUM cannot run in a transaction
        cursor.execute(f"VACUUM ANALYZE {table}")


def sessions_seed(*, first: int, count: int, expired: bool) -> None:
    """``count`` sessions numbered from ``first``: expired ones ended 12 hours to 14 days
    ago, live ones end 12 hours to 14 days from now."""
    sql(
        "INSERT INTO django_session (session_key, session_data, expire_date) "
        "SELECT md5(i::text) || lpad(i::text, 8, '0'), %s, "
        "now() + %s * ((1 + i %% 14) * interval '1 day' - (i %% 43200) * interval '1 second') "
        "FROM generate_series(%s, %s) AS i",
        [SESSION_DATA, -1 if expired else 1, first, first + count - 1],
    )


def notifications_seed(*, person_id: int, count: int, oldest_days: int, newest_days: int) -> None:
    """``count`` notifications sent between ``oldest_days`` and ``newest_days`` ago."""
    span = max(oldest_days - newest_days, 1) * 86400
    sql(
        "INSERT INTO notifications_notification (recipient_id, kind, subject, body, url, "
        "dedupe_key, delivery, created_at, emailed_at) "
        "SELECT %s, 'reply', 'Sam replied to your post ' || i, "
        "'Sam said: What a lovely photo of the new flower beds! ' || repeat('x', 150), "
        "'/community/posts/' || i || '/', 'community-reply-bench-' || i || '-' || %s, "
        "'immediate', t, t "
        "FROM generate_series(1, %s) AS i, "
        "LATERAL (SELECT now() - %s * interval '1 day' + (i::bigint * %s / %s) * interval "
        "'1 second' AS t) AS sent",
        [person_id, oldest_days, count, oldest_days, span, count],
    )


def timed(label: str, job) -> None:
    wall, cpu = time.perf_counter(), time.process_time()
    rows = job()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(
        f"  {label:<40} {rows:>9,} rows  {wall:7.2f} s  {rows / wall if wall else 0:>9,.0f} rows/s"
        f"  CPU {cpu:5.2f} s",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--live-sessions", type=int, default=140_000)
    parser.add_argument("--expired-sessions", type=int, default=500_000)
    parser.add_argument("--notifications", type=int, default=450_000)
    parser.add_argument("--old-notifications", type=int, default=200_000)
    args = parser.parse_args()
    setup_django()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.contrib.sessions.models import Session
    from django.core.management import call_command
    from django.utils import timezone

    from notifications.models import Notification
    from notifications.retention import notifications_retention_delete
    from training.users.sessions import sessions_clear_expired

    print("Migrating", flush=True)
    call_command("migrate", verbosity=0)
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    person, _ = get_user_model().objects.get_or_create(
        username=BENCH_USERNAME, defaults={"email": f"{BENCH_USERNAME}@example.org"}
    )
    print("Seeding", flush=True)
    sql("TRUNCATE django_session")
    Notification.objects.filter(recipient=person).delete()
    sessions_seed(first=1, count=args.live_sessions, expired=False)
    sessions_seed(first=args.live_sessions + 1, count=args.expired_sessions, expired=True)
    days = settings.NOTIFICATION_RETENTION_DAYS
    notifications_seed(
        person_id=person.pk, count=args.notifications, oldest_days=days - 1, newest_days=0
    )
    notifications_seed(
        person_id=person.pk,
        count=args.old_notifications,
        oldest_days=3 * days,
        newest_days=days + 1,
    )
    vacuum("django_session")
    vacuum("notifications_notification")
    print("Timing (first run: everything that piled up)", flush=True)
    timed("expired sessions", lambda: sessions_clear_expired())
    timed("notifications past retention", lambda: notifications_retention_delete().notifications)
    vacuum("django_session")
    vacuum("notifications_notification")
    sessions_seed(first=10**8, count=SESSIONS_A_NIGHT, expired=True)
    notifications_seed(
        person_id=person.pk, count=NOTIFICATIONS_A_NIGHT, oldest_days=days + 1, newest_days=days
    )
    vacuum("django_session")
    vacuum("notifications_notification")
    print("Timing (a night: one day's share)", flush=True)
    timed("expired sessions", lambda: sessions_clear_expired())
    timed("notifications past retention", lambda: notifications_retention_delete().notifications)
    kept_sessions = Session.objects.count()
    kept_notifications = Notification.objects.filter(recipient=person).count()
    print(
        f"  kept: {kept_sessions:,} sessions, {kept_notifications:,} notifications "
        f"(at {timezone.now():%Y-%m-%d %H:%M} UTC)"
    )
    assert kept_sessions == args.live_sessions
    assert kept_notifications == args.notifications
    # Leave the database small for whoever runs it next.
    sql("TRUNCATE django_session")
    Notification.objects.filter(recipient=person).delete()
    print(f"  (took {timedelta(seconds=round(time.process_time()))} of CPU in all)")


if __name__ == "__main__":
    main()
