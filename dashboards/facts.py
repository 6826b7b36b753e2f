"""The dashboard's fact table: each learner's lessons per course per calendar month.

Counting a year of lesson completions per learner reads about a million index entries; the
same year from :class:`~dashboards.models.LessonMonth` is a few hundred thousand small rows.
Periods are rolling ("the last 12 months" ends now, at any minute of the day), so a period is
split into the whole months inside it, read from the facts, and the days at either end, read
from the completions themselves (see :func:`month_span`). Both halves are counted per learner
and added up per learner before anyone is counted, so distinct-learner figures stay exact.

The rule for keeping the facts in step lives here only: :func:`learner_facts_touch` works out one
learner's rows again from their completions. The progress service calls it after recording a
lesson, and a ``post_save`` receiver calls it for completions saved any other way (the admin,
the demo, back-dated test records). A learner's place and type are not copied into the facts,
so moving neighbourhood or centre changes nothing here. ``manage.py dashboard_facts_rebuild``
works every row out again from the completions, giving the same rows.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Count, DateField, F, Q, QuerySet, Value
from django.db.models.functions import Trunc
from django.utils import timezone

from courses.models import LessonCompletion
from dashboards.models import LessonMonth

EVERY_COURSE = 0


def facts_timezone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def facts_enabled() -> bool:
    """Whether the dashboard reads the facts (``DASHBOARD_FACTS``, on unless set to False).

    The facts are grouped by month in the site's own time zone; a request working in another
    one gets figures from the raw tables instead, so its months still mean its own months.
    """
    if not getattr(settings, "DASHBOARD_FACTS", True):
        return False
    return str(timezone.get_current_timezone()) == settings.TIME_ZONE


def _month_rows(completions: QuerySet[LessonCompletion], *, per_course: bool) -> tuple[str, list]:
    """SQL and parameters of (learner_id, course_key, month, lessons, helped) rows."""
    rows = (
        completions.order_by()
        .annotate(
            course_key=F("course_id") if per_course else Value(EVERY_COURSE),
            fact_month=Trunc(
                "completed_at", "month", output_field=DateField(), tzinfo=facts_timezone()
            ),
        )
        .values("learner_id", "course_key", "fact_month")
        .annotate(
            fact_lessons=Count("learner_id"),
            fact_helped=Count("learner_id", filter=Q(assisted=True)),
        )
    )
    if per_course:
        rows = rows.filter(course_id__isnull=False)
    sql, params = rows.query.sql_with_params()
    meta = LessonMonth._meta
    learner = meta.get_field("learner").column
    columns = f"{learner}, course_id, month, lessons, helped"

    # Only our own table and column names are put in; every value stays a parameter.
    insert = (
        f"INSERT INTO {meta.db_table} ({columns}) "  # noqa: S608
        f"SELECT q.learner_id, q.course_key, q.fact_month, q.fact_lessons, q.fact_helped "
        f"FROM ({sql}) q"
    )
    return insert, list(params)


def _facts_insert(completions: QuerySet[LessonCompletion]) -> None:
    with connection.cursor() as cursor:
        for per_course in (True, False):
            sql, params = _month_rows(completions, per_course=per_course)
            cursor.execute(sql, params)


def learner_facts_touch(*, learner_id: int, added: LessonCompletion | None = None) -> None:
    """Keep one learner's fact rows in step with their completions.

    ``added``: a completion that was just inserted (exactly once: the caller knows it made the
    row), counted in with one statement, an upsert that adds it to its month's row for its
    course and for every course. Without ``added`` (a completion changed, or anything else),
    the learner's rows are worked out whole again from their completions (three statements, a
    few dozen rows read by the learner's index), so any change in any month is caught.
    """
    if added is not None:
        _completion_add(added)
        return
    with transaction.atomic():
        LessonMonth.objects.filter(learner_id=learner_id).delete()
        _facts_insert(LessonCompletion.objects.filter(learner_id=learner_id))


def _completion_add(completion: LessonCompletion) -> None:
    local = completion.completed_at.astimezone(facts_timezone())
    month = connection.ops.adapt_datefield_value(local.date().replace(day=1))
    helped = 1 if completion.assisted else 0
    keys = [EVERY_COURSE] if completion.course_id is None else [completion.course_id, EVERY_COURSE]
    meta = LessonMonth._meta
    table = meta.db_table
    learner = meta.get_field("learner").column
    rows, params = [], []
    for key in keys:
        rows.append("(%s, %s, %s, 1, %s)")
        params += [completion.learner_id, key, month, helped]
    # Only our own table and column names are put in; every value stays a parameter.
    sql = (
        f"INSERT INTO {table} ({learner}, course_id, month, lessons, helped) "  # noqa: S608
        f"VALUES {', '.join(rows)} ON CONFLICT ({learner}, course_id, month) DO UPDATE SET "
        f"lessons = {table}.lessons + EXCLUDED.lessons, helped = {table}.helped + EXCLUDED.helped"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def facts_rebuild() -> int:
    """Work out every fact row again from the completions; returns how many rows there are."""
    with transaction.atomic():
        LessonMonth.objects.all().delete()
        _facts_insert(LessonCompletion.objects.all())
    if connection.vendor == "postgresql" and not connection.in_atomic_block:
        # Fresh statistics, and the visibility map that lets a period's rows be read from the
        # covering index alone (VACUUM cannot run inside a transaction).
        with connection.cursor() as cursor:
            cursor.execute(f"VACUUM ANALYZE {LessonMonth._meta.db_table}")  # noqa: S608
    return LessonMonth.objects.count()


# --- Splitting a period into whole months and edges ----------------------------------------


def month_start(moment: datetime) -> datetime:
    """The start of the local calendar month ``moment`` is in (aware, site time zone)."""
    local = moment.astimezone(facts_timezone())
    return datetime(local.year, local.month, 1, tzinfo=facts_timezone())


def next_month(starts: datetime) -> datetime:
    year, month = (starts.year + 1, 1) if starts.month == 12 else (starts.year, starts.month + 1)
    return datetime(year, month, 1, tzinfo=facts_timezone())


def month_span(start: datetime | None, end: datetime) -> tuple[datetime | None, datetime] | None:
    """The whole local months inside [start, end), as (first month's start or None for "from
    the beginning", the end of the last whole month); None when no whole month fits.

    Everything in [start, first) and [last, end) is read from the completions themselves.
    """
    last = month_start(end)
    if start is None:
        return None, last
    first = month_start(start)
    if first < start:
        first = next_month(first)
    if first >= last:
        return None
    return first, last
