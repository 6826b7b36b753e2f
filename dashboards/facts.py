"""The dashboard's fact tables, and the one service that keeps them in step.

Every period on the dashboard ends now (the last 4 weeks, 3 or 12 months, or all time), and
every learner is in exactly one *place*: (neighbourhood, centre, staff or tenant). Two tables
follow from that (``dashboards/models.py``):

- :class:`~dashboards.models.LearnerFact`: per learner and course (0: any course), skill area or
  skill, when they last did a lesson (with help, alone), finished a course, achieved a skill,
  and their place. "Active in a period that ends now" is "last done on or after its start", so
  distinct learners are counted per place from these rows alone.
- :class:`~dashboards.models.PlaceFact`: per place, course (0: any) or skill area, and local week
  or month: lessons, lessons with help, courses finished, skills, and the distinct learners with
  a lesson or a finished course in that week or month. Sums of a period are its whole weeks (or
  months) plus the few days before its first Monday, read from the raw rows.

Kept in step by the writers calling this module, never by signals:

- :func:`completion_added`, :func:`course_finished`, :func:`skills_added`: a new completion,
  a finished enrolment, new skill records (the progress services and the test factories);
- :func:`learner_facts_change`: around anything else that changes a learner's figures (moving
  neighbourhood or centre, becoming staff, a changed or back-dated record): the learner's share
  is taken out before and put back after, worked out from their own rows;
- :func:`learner_facts_forget`: before a learner is deleted (the account-deletion hook);
- :func:`facts_rebuild` (``manage.py dashboard_facts_rebuild``): everything again from the raw
  rows, after bulk loads (the demo, the benchmark) or a change of ``TIME_ZONE``.
"""

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import connection, transaction
from django.db.models import (
    Count,
    DateField,
    F,
    Func,
    IntegerField,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from courses.models import Enrolment, LessonCompletion, Skill, SkillRecord
from dashboards.models import LearnerFact, PlaceFact

EVERY_COURSE = 0
# Kind 3 (per skill) was written until no figure read it any more (issue 20); a rebuild drops it.
KIND_COURSE, KIND_AREA = 1, 2
DAY, WEEK, MONTH = "d", "w", "m"
GRAINS = {DAY: "day", WEEK: "week", MONTH: "month"}
CUBE_COUNTS = ("lessons", "helped", "finished", "skills", "learners", "course_learners")
PLACE = ("nid", "cid", "staff")
CUBE_KEY = ("kind", "key", "grain", "starts", *PLACE)
LASTS = ("last_lesson", "last_helped", "last_alone", "last_finished", "last_skill")
# Every moment a learner fact holds: the last moments, and on a course's row the finish before.
STATE = (*LASTS, "finished_before")


def facts_timezone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def facts_enabled() -> bool:
    """Whether the dashboard reads the facts (``DASHBOARD_FACTS``, on unless set to False).

    Weeks and months are the site's own (``TIME_ZONE``); a request working in another time zone
    gets figures from the raw tables instead, so its weeks still mean its own weeks.
    """
    if not getattr(settings, "DASHBOARD_FACTS", True):
        return False
    return str(timezone.get_current_timezone()) == settings.TIME_ZONE


# --- Local weeks and months ---------------------------------------------------------------------


def local_midnight(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=facts_timezone())


def bucket_start(moment: datetime, grain: str) -> date:
    """The local day, Monday or first of the month ``moment`` is in."""
    day = moment.astimezone(facts_timezone()).date()
    if grain == DAY:
        return day
    if grain == WEEK:
        return day - timedelta(days=day.weekday())
    return day.replace(day=1)


def bucket_after(starts: date, grain: str) -> date:
    if grain == DAY:
        return starts + timedelta(days=1)
    if grain == WEEK:
        return starts + timedelta(days=7)
    return date(starts.year + starts.month // 12, starts.month % 12 + 1, 1)


def first_from(moment: datetime, grain: str) -> datetime:
    """The first local midnight (``DAY``) or Monday midnight (``WEEK``) at or after ``moment``.

    Sums of a period are its whole weeks from its first Monday on, the whole days before that,
    both from the cube, and the moments before its first midnight from the raw rows."""
    starts = local_midnight(bucket_start(moment, grain))
    if starts >= moment:
        return starts
    return local_midnight(bucket_after(starts.date(), grain))


class LocalStart(Func):
    """The local (``TIME_ZONE``) Monday or first of the month of a moment, as a date."""

    output_field = DateField()

    def __init__(self, expression: str, grain: str):
        super().__init__(F(expression))
        self.grain = grain

    def as_sql(self, compiler, connection, function=None, template=None, arg_joiner=None, **extra):
        sql, params = compiler.compile(self.source_expressions[0])
        sql, params = connection.ops.datetime_trunc_sql(
            GRAINS[self.grain], sql, tuple(params), settings.TIME_ZONE
        )
        if connection.vendor == "sqlite":
            return f"date({sql})", params
        return f"CAST({sql} AS date)", params


def place_of(path: str = "learner") -> dict[str, Any]:
    """A learner's place as three columns (0 for no neighbourhood or centre)."""
    return {
        "nid": Coalesce(F(f"{path}__neighbourhood"), Value(0), output_field=IntegerField()),
        "cid": Coalesce(F(f"{path}__community_centre"), Value(0), output_field=IntegerField()),
        "staff": F(f"{path}__is_staff_member"),
    }


def place_looked_up(path: str = "learner_id") -> dict[str, Any]:
    """A learner's place as three columns looked up by the learner's key, one index probe each:
    for a few thousand raw rows, cheaper than joining (and hashing) every learner."""
    from django.contrib.auth import get_user_model

    learner = get_user_model().objects.filter(pk=OuterRef(path)).order_by()
    return {
        "nid": Subquery(
            learner.values(n=Coalesce(F("neighbourhood"), Value(0), output_field=IntegerField()))
        ),
        "cid": Subquery(
            learner.values(c=Coalesce(F("community_centre"), Value(0), output_field=IntegerField()))
        ),
        "staff": Subquery(learner.values("is_staff_member")),
    }


# --- SQL helpers: only our own table and column names are ever put in; values are parameters ---


def qn(name: str | None) -> str:
    assert name, "a table or column name"
    return connection.ops.quote_name(name)


def table(model) -> str:
    return qn(model._meta.db_table)


def _null_time() -> str:
    return "NULL" if connection.vendor == "sqlite" else "CAST(NULL AS timestamp with time zone)"


def _later(existing: str, new: str) -> str:
    """The later of two moments, either of which may be NULL."""
    if connection.vendor == "sqlite":
        return f"COALESCE(MAX({existing}, {new}), {existing}, {new})"
    return f"GREATEST({existing}, {new})"


def part_sql(qs: QuerySet, columns: dict[str, str], names: Iterable[str]) -> tuple[str, list]:
    """``SELECT`` of ``names`` over Django's query ``qs``: each name is ``columns[name]`` (a
    column of ``qs`` or a constant of ours), or else 0."""
    sql, params = qs.query.sql_with_params()
    selected = ", ".join(f"{columns.get(name, '0')} AS {qn(name)}" for name in names)
    return f"SELECT {selected} FROM ({sql}) p", list(params)  # noqa: S608


def union_sql(parts: list[tuple[str, list]]) -> tuple[str, list]:
    params: list = []
    for _sql, part_params in parts:
        params += part_params
    return " UNION ALL ".join(sql for sql, _params in parts), params


def _date(value: date) -> Any:
    return connection.ops.adapt_datefield_value(value)


def _moment(value: datetime) -> Any:
    return connection.ops.adapt_datetimefield_value(value)


def finished_before(*, learner: Any, at: Any, course: Any) -> QuerySet:
    """When the learner last finished a course other than ``course`` before ``at`` (a finish at
    the same moment counts as before when its course id is lower), as a one-value query: what
    :attr:`LearnerFact.finished_before` holds, the same whether kept or rebuilt. The arguments
    are values, or ``OuterRef`` for a rebuild."""
    earlier = Enrolment.objects.filter(
        Q(completed_at__lt=at) | Q(completed_at=at, course_id__lt=course), learner_id=learner
    ).order_by()
    return earlier.values("learner_id").annotate(last=Max("completed_at")).values("last")[:1]


# --- The place cube: what a learner (or everyone) adds, worked out from the raw rows ----------


def _lessons_and_finished(learners: Q, *, per_course: bool) -> tuple[Any, QuerySet, QuerySet]:
    """The key (each course, or every course as one) and the completions and finished
    enrolments of ``learners`` that a rebuild groups by it."""
    key = F("course_id") if per_course else Value(EVERY_COURSE)
    lessons: QuerySet = LessonCompletion.objects.filter(learners).order_by()
    if per_course:
        lessons = lessons.filter(course_id__isnull=False)
    finished: QuerySet = Enrolment.objects.filter(learners, completed_at__isnull=False).order_by()
    return key, lessons, finished


def _cube_parts(learners: Q) -> list[tuple[str, list]]:
    names = CUBE_KEY + CUBE_COUNTS
    parts = []
    for grain in GRAINS:
        fixed = {"grain": f"'{grain}'", "starts": "p.starts", **{n: f"p.{n}" for n in PLACE}}
        for per_course in (True, False):
            key, lessons, finished = _lessons_and_finished(learners, per_course=per_course)
            lessons = lessons.values(
                starts=LocalStart("completed_at", grain), k=key, **place_of()
            ).annotate(
                n_lessons=Count("learner_id"),
                n_helped=Count("learner_id", filter=Q(assisted=True)),
                n_learners=Count("learner_id", distinct=True),
            )
            finished = finished.values(
                starts=LocalStart("completed_at", grain), k=key, **place_of()
            ).annotate(
                n_finished=Count("learner_id"), n_learners=Count("learner_id", distinct=True)
            )
            common = {**fixed, "kind": str(KIND_COURSE), "key": "p.k"}
            parts.append(
                part_sql(
                    lessons,
                    {
                        **common,
                        "lessons": "p.n_lessons",
                        "helped": "p.n_helped",
                        "learners": "p.n_learners",
                    },
                    names,
                )
            )
            parts.append(
                part_sql(
                    finished,
                    {**common, "finished": "p.n_finished", "course_learners": "p.n_learners"},
                    names,
                )
            )
        for kind, key in ((KIND_COURSE, Value(EVERY_COURSE)), (KIND_AREA, F("skill__area_id"))):
            skills = (
                SkillRecord.objects.filter(learners)
                .order_by()
                .values(starts=LocalStart("achieved_at", grain), k=key, **place_of())
                .annotate(n_skills=Count("learner_id"))
            )
            parts.append(
                part_sql(
                    skills,
                    {**fixed, "kind": str(kind), "key": "p.k", "skills": "p.n_skills"},
                    names,
                )
            )
    return parts


def _cube_add(learners: Q, *, sign: int) -> None:
    """Add (``sign`` 1) or take out (-1) the share of ``learners`` in the cube, at their place
    as it is in the database now."""
    sql, params = union_sql(_cube_parts(learners))
    key = ", ".join(f"u.{qn(n)}" for n in CUBE_KEY)
    sums = ", ".join(f"SUM(u.{qn(n)}) * {int(sign)}" for n in CUBE_COUNTS)
    columns = ", ".join(qn(n) for n in CUBE_KEY + CUBE_COUNTS)
    updates = ", ".join(
        f"{qn(n)} = {table(PlaceFact)}.{qn(n)} + EXCLUDED.{qn(n)}" for n in CUBE_COUNTS
    )
    statement = (
        f"INSERT INTO {table(PlaceFact)} ({columns}) SELECT {key}, {sums} "  # noqa: S608
        f"FROM ({sql}) u WHERE 1 = 1 GROUP BY {key} "
        f"ON CONFLICT ({', '.join(qn(n) for n in CUBE_KEY)}) DO UPDATE SET {updates}"
    )
    with connection.cursor() as cursor:
        cursor.execute(statement, params)


def _state_parts(learners: Q) -> list[tuple[str, list]]:
    names = ("learner_id", "kind", "key", *PLACE, *STATE)
    null = _null_time()
    fixed = {"learner_id": "p.learner_id", "key": "p.k", **{n: f"p.{n}" for n in PLACE}}
    fixed.update(dict.fromkeys(STATE, null))
    parts = []
    for per_course in (True, False):
        key, lessons, finished = _lessons_and_finished(learners, per_course=per_course)
        lessons = lessons.values("learner_id", k=key, **place_of()).annotate(
            t_lesson=Max("completed_at"),
            t_helped=Max("completed_at", filter=Q(assisted=True)),
            t_alone=Max("completed_at", filter=Q(assisted=False)),
        )
        before = {}
        if per_course:
            finished = finished.annotate(
                before=Subquery(
                    finished_before(
                        learner=OuterRef("learner_id"),
                        at=OuterRef("completed_at"),
                        course=OuterRef("course_id"),
                    )
                )
            )
            before = {"t_before": Max("before")}
        finished = finished.values("learner_id", k=key, **place_of()).annotate(
            t_finished=Max("completed_at"), **before
        )
        common = {**fixed, "kind": str(KIND_COURSE)}
        parts.append(
            part_sql(
                lessons,
                {
                    **common,
                    "last_lesson": "p.t_lesson",
                    "last_helped": "p.t_helped",
                    "last_alone": "p.t_alone",
                },
                names,
            )
        )
        times = {"last_finished": "p.t_finished"}
        if per_course:
            times["finished_before"] = "p.t_before"
        parts.append(part_sql(finished, {**common, **times}, names))
    for kind, key in (
        (KIND_COURSE, Value(EVERY_COURSE)),
        (KIND_AREA, F("skill__area_id")),
    ):
        skills = (
            SkillRecord.objects.filter(learners)
            .order_by()
            .values("learner_id", k=key, **place_of())
            .annotate(t_skill=Max("achieved_at"))
        )
        parts.append(
            part_sql(skills, {**fixed, "kind": str(kind), "last_skill": "p.t_skill"}, names)
        )
    return parts


def _state_insert(learners: Q) -> None:
    """Insert the learner facts of ``learners`` (who have none), from their raw rows."""
    sql, params = union_sql(_state_parts(learners))
    key = ", ".join(f"u.{qn(n)}" for n in ("learner_id", "kind", "key", *PLACE))
    lasts = ", ".join(f"MAX(u.{qn(n)})" for n in STATE)
    columns = ", ".join(qn(n) for n in ("learner_id", "kind", "key", *PLACE, *STATE))
    statement = (
        f"INSERT INTO {table(LearnerFact)} ({columns}) SELECT {key}, {lasts} "  # noqa: S608
        f"FROM ({sql}) u WHERE 1 = 1 GROUP BY {key}"
    )
    with connection.cursor() as cursor:
        cursor.execute(statement, params)


# --- Kept in step: one new record at a time --------------------------------------------------


def _place_subqueries(learner_id: int) -> tuple[list[str], list]:
    from django.contrib.auth import get_user_model

    user = get_user_model()._meta

    def column(name: str) -> str:
        return qn(getattr(user.get_field(name), "column", None))

    columns = (
        f"COALESCE({column('neighbourhood')}, 0)",
        f"COALESCE({column('community_centre')}, 0)",
        column("is_staff_member"),
    )
    sqls = [
        f"(SELECT {column} FROM {qn(user.db_table)} WHERE {qn(user.pk.column)} = %s)"  # noqa: S608
        for column in columns
    ]
    return sqls, [learner_id] * 3


def _cube_upsert(learner_id: int, rows: list[tuple[int, Any, str, date, dict]]) -> None:
    """Add to the cube rows at the learner's place: (kind, key, grain, starts, {count: (SQL,
    params)}); ``key`` may be an SQL expression given as (SQL, params)."""
    place, place_params = _place_subqueries(learner_id)
    values, params = [], []
    for kind, key, grain, starts, counts in rows:
        key_sql, key_params = key if isinstance(key, tuple) else ("%s", [key])
        cells = ["%s", key_sql, "%s", "%s", *place]
        params += [kind, *key_params, grain, _date(starts), *place_params]
        for name in CUBE_COUNTS:
            sql, count_params = counts.get(name, ("0", []))
            cells.append(sql)
            params += count_params
        values.append(f"({', '.join(cells)})")
    columns = ", ".join(qn(n) for n in CUBE_KEY + CUBE_COUNTS)
    updates = ", ".join(
        f"{qn(n)} = {table(PlaceFact)}.{qn(n)} + EXCLUDED.{qn(n)}" for n in CUBE_COUNTS
    )
    statement = (
        f"INSERT INTO {table(PlaceFact)} ({columns}) VALUES {', '.join(values)} "  # noqa: S608
        f"ON CONFLICT ({', '.join(qn(n) for n in CUBE_KEY)}) DO UPDATE SET {updates}"
    )
    with connection.cursor() as cursor:
        cursor.execute(statement, params)


def _state_upsert(learner_id: int, rows: list[tuple[int, Any, dict[str, Any]]]) -> None:
    """Move the learner's last moments forward: (kind, key, {last_...: moment}); ``key`` may be
    an SQL expression given as (SQL, params), and so may ``finished_before`` (set, not moved
    forward: a course is finished once). The place is refreshed too."""
    place, place_params = _place_subqueries(learner_id)
    values, params = [], []
    for kind, key, lasts in rows:
        key_sql, key_params = key if isinstance(key, tuple) else ("%s", [key])
        cells = ["%s", "%s", key_sql, *place]
        params += [learner_id, kind, *key_params, *place_params]
        for name in STATE:
            value = lasts.get(name)
            if isinstance(value, tuple):
                cells.append(value[0])
                params += value[1]
            elif value is not None:
                cells.append("%s")
                params.append(_moment(value))
            else:
                cells.append(_null_time())
        values.append(f"({', '.join(cells)})")
    me = table(LearnerFact)
    columns = ", ".join(qn(n) for n in ("learner_id", "kind", "key", *PLACE, *STATE))
    updates = [f"{qn(n)} = EXCLUDED.{qn(n)}" for n in PLACE]
    updates += [f"{qn(n)} = {_later(f'{me}.{qn(n)}', f'EXCLUDED.{qn(n)}')}" for n in LASTS]
    before = qn("finished_before")
    updates.append(f"{before} = COALESCE(EXCLUDED.{before}, {me}.{before})")
    statement = (
        f"INSERT INTO {me} ({columns}) VALUES {', '.join(values)} "  # noqa: S608
        f"ON CONFLICT (learner_id, kind, {qn('key')}) DO UPDATE SET {', '.join(updates)}"
    )
    with connection.cursor() as cursor:
        cursor.execute(statement, params)


def _first_in_bucket(model, *, field: str, learner_id: int, starts: date, grain: str,
                     exclude: Q, course_id: int | None) -> tuple[str, list]:  # fmt: skip
    """SQL: 1 if the learner has no other row of ``model`` in that week or month, else 0."""
    others = model.objects.filter(
        ~exclude,
        learner_id=learner_id,
        **{
            f"{field}__gte": local_midnight(starts),
            f"{field}__lt": local_midnight(bucket_after(starts, grain)),
        },
    ).order_by()
    if course_id is not None:
        others = others.filter(course_id=course_id)
    sql, params = others.values("pk").query.sql_with_params()
    return f"CASE WHEN EXISTS ({sql}) THEN 0 ELSE 1 END", list(params)


def completion_added(completion: LessonCompletion) -> None:
    """Count in a lesson completion that was just inserted (exactly once: the caller knows it
    made the row). Two statements, whatever the learner's history."""
    learner_id, at = completion.learner_id, completion.completed_at
    keys = [EVERY_COURSE] + ([completion.course_id] if completion.course_id else [])
    helped: tuple[str, list] = ("1", []) if completion.assisted else ("0", [])
    rows: list[tuple[int, Any, str, date, dict]] = []
    for grain in GRAINS:
        starts = bucket_start(at, grain)
        for key in keys:
            first = _first_in_bucket(
                LessonCompletion,
                field="completed_at",
                learner_id=learner_id,
                starts=starts,
                grain=grain,
                exclude=Q(pk=completion.pk),
                course_id=None if key == EVERY_COURSE else key,
            )
            counts = {"lessons": ("1", []), "helped": helped, "learners": first}
            rows.append((KIND_COURSE, key, grain, starts, counts))
    _cube_upsert(learner_id, rows)
    last = "last_helped" if completion.assisted else "last_alone"
    _state_upsert(learner_id, [(KIND_COURSE, key, {"last_lesson": at, last: at}) for key in keys])


def course_finished(*, learner_id: int, course_id: int, at: datetime) -> None:
    """Count in a course the learner has just finished (their enrolment's ``completed_at`` was
    just set, once). Two statements."""
    rows: list[tuple[int, Any, str, date, dict]] = []
    for grain in GRAINS:
        starts = bucket_start(at, grain)
        # At most one enrolment per learner and course: the first finish of that course.
        rows.append(
            (
                KIND_COURSE,
                course_id,
                grain,
                starts,
                {"finished": ("1", []), "course_learners": ("1", [])},
            )
        )
        first = _first_in_bucket(
            Enrolment,
            field="completed_at",
            learner_id=learner_id,
            starts=starts,
            grain=grain,
            exclude=Q(course_id=course_id),
            course_id=None,
        )
        rows.append(
            (
                KIND_COURSE,
                EVERY_COURSE,
                grain,
                starts,
                {"finished": ("1", []), "course_learners": first},
            )
        )
    _cube_upsert(learner_id, rows)
    before_sql, before_params = finished_before(
        learner=learner_id, at=at, course=course_id
    ).query.sql_with_params()
    _state_upsert(
        learner_id,
        [
            (
                KIND_COURSE,
                course_id,
                {"last_finished": at, "finished_before": (f"({before_sql})", list(before_params))},
            ),
            (KIND_COURSE, EVERY_COURSE, {"last_finished": at}),
        ],
    )


def skills_added(*, learner_id: int, skill_ids: list[int], at: datetime) -> None:
    """Count in skill records that were just made for the learner, all achieved at ``at``."""
    if not skill_ids:
        return
    areas: dict[int, int] = {}
    skill_areas = dict(Skill.objects.filter(pk__in=skill_ids).values_list("pk", "area_id"))
    for skill_id in skill_ids:
        areas[skill_areas[skill_id]] = areas.get(skill_areas[skill_id], 0) + 1
    rows: list[tuple[int, Any, str, date, dict]] = []
    for grain in GRAINS:
        starts = bucket_start(at, grain)
        rows.append(
            (KIND_COURSE, EVERY_COURSE, grain, starts, {"skills": ("%s", [len(skill_ids)])})
        )
        for area, count in areas.items():
            rows.append((KIND_AREA, area, grain, starts, {"skills": ("%s", [count])}))
    _cube_upsert(learner_id, rows)
    lasts = {"last_skill": at}
    _state_upsert(
        learner_id,
        [
            (KIND_COURSE, EVERY_COURSE, lasts),
            *[(KIND_AREA, area, lasts) for area in areas],
        ],
    )


# --- Kept in step: anything else about one learner ---------------------------------------------


@contextmanager
def learner_facts_change(*, learner_id: int) -> Iterator[None]:
    """Around any change to a learner's place, type or records other than the three above
    (moving, becoming staff, a record changed or back-dated): their share is taken out of the
    cube at their old place before, and put back from their rows at their new place after;
    their learner facts are worked out again. A few statements, reading only their rows."""
    learner = Q(learner_id=learner_id)
    with transaction.atomic():
        _cube_add(learner, sign=-1)
        yield
        _cube_add(learner, sign=1)
        LearnerFact.objects.filter(learner_id=learner_id).delete()
        _state_insert(learner)


def learner_facts_forget(*, learner_id: int) -> None:
    """Before a learner is deleted: their share goes from the cube (their learner facts go with
    them, by the foreign key)."""
    _cube_add(Q(learner_id=learner_id), sign=-1)


def facts_rebuild() -> tuple[int, int]:
    """Work out both fact tables again from the raw rows; returns their numbers of rows."""
    with transaction.atomic():
        PlaceFact.objects.all().delete()
        LearnerFact.objects.all().delete()
        _cube_add(Q(), sign=1)
        _state_insert(Q())
    if connection.vendor == "postgresql" and not connection.in_atomic_block:
        # Fresh statistics, and the visibility map that lets rows be read from an index alone
        # (VACUUM cannot run inside a transaction).
        with connection.cursor() as cursor:
            for model in (PlaceFact, LearnerFact):
                cursor.execute(f"VACUUM ANALYZE {table(model)}")
    return PlaceFact.objects.count(), LearnerFact.objects.count()
