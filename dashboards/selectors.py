"""The dashboard's figures, each counted by the database in one query.

Nothing here loops over learners or completions in Python: every figure is an aggregate
(COUNT, COUNT DISTINCT, window functions for medians), so the number of queries and the work
done in Python stay the same however much data there is. Figures are raw numbers; ``reports.py``
turns them into tables and applies small-number suppression.
"""

import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any, TypeVar

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import EmptyResultSet
from django.db import connection, transaction
from django.db.models import (
    Aggregate,
    Case,
    Count,
    DateTimeField,
    ExpressionWrapper,
    F,
    FloatField,
    Func,
    IntegerField,
    Min,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
    Window,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce, RowNumber, Trunc
from django.utils import timezone

from courses.models import (
    CoursePage,
    Enrolment,
    LessonCompletion,
    LessonPage,
    Skill,
    SkillArea,
    SkillRecord,
)
from dashboards import facts
from dashboards.filters import Filters, LearnerType
from dashboards.models import DashboardExport, LearnerFact, PlaceFact
from training.core.models import ActivityEvent, LearnerActivity
from training.core.verbs import PARTICIPATION_PREFIX, verbs
from training.places.models import CommunityCentre, Neighbourhood
from translations.routing import in_english

T = TypeVar("T")
STALLED_AFTER = timedelta(days=14)
STALLED_NAMES_SHOWN = 100
# Learners "still active" this many days after finishing a course.
SUSTAINED_DAYS = (30, 90)


# --- Building blocks ---------------------------------------------------------------------------

_once_lock = threading.Lock()


def _once(f: Filters, key: str, work: Callable[[], T]) -> T:
    """``work()`` worked out once per view and kept in ``f.cache``, also when the view's tables
    are worked out side by side (``dashboards/side_by_side.py``): a second thread asking for it
    while the first works it out waits for that answer instead of working it out again."""
    with _once_lock:
        mine = key not in f.cache
        if mine:
            f.cache[key] = Future()
        kept: Future = f.cache[key]
    if mine:
        try:
            kept.set_result(work())
        except BaseException as error:
            kept.set_exception(error)
            raise
    return kept.result()


@contextmanager
def reading_many_rows() -> Iterator[None]:
    """Work out a whole dashboard in one transaction tuned for big aggregates (PostgreSQL).

    Each figure is one query over up to a few million rows: compiling it to machine code (JIT)
    costs more than it saves (about 0.3 s a query, measured), and the default 4 MB of sort memory
    sends the per-learner groups to disk. No parallel workers: the figures already run side by
    side on connections of their own (``dashboards/side_by_side.py``), and a parallel plan
    builds its hash table once in every worker (measured: sustained engagement 138 ms with two
    workers, 90 ms without). The settings end with the transaction (no savepoint of its own:
    inside a caller's transaction they simply last until that one ends).
    """
    if connection.vendor != "postgresql":
        yield
        return
    with transaction.atomic(savepoint=False):
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT set_config('jit', 'off', true), set_config('work_mem', '64MB', true), "
                "set_config('max_parallel_workers_per_gather', '0', true)"
            )
        yield


def regrouped(inner: QuerySet, outer_sql: str, *, before: tuple = ()) -> list[tuple]:
    """Rows of ``outer_sql`` run over Django's grouped ``inner`` query (as ``{inner}``).

    For figures grouped twice (per learner first, then per group), which the ORM cannot say.
    The inner query is Django's own SQL with its parameters kept separate; ``before`` are the
    outer query's own parameters, which come first in the statement. Nothing typed by anyone is
    pasted into it. No rows when nobody can be in the view (a champion with no centre).
    """
    try:
        sql, params = inner.query.sql_with_params()
    except EmptyResultSet:
        return []
    with connection.cursor() as cursor:
        cursor.execute(outer_sql.format(inner=sql), (*before, *params))
        return cursor.fetchall()


# Rows of completions and skills are counted by their learner (never empty), not their id: the
# covering indexes hold the learner, so the count is read from the index without the table.
ROW = "learner_id"


def completions(f: Filters) -> QuerySet[LessonCompletion]:
    """Lessons completed in the period by the chosen learners (and course)."""
    qs = LessonCompletion.objects.filter(f.in_period("completed_at"), f.learner_q()).order_by()
    if f.course is not None:
        qs = qs.filter(course_id=f.course.pk)
    return qs


def enrolments(f: Filters) -> QuerySet[Enrolment]:
    """Every enrolment of the chosen learners (and course), in any period."""
    qs = Enrolment.objects.filter(f.learner_q()).order_by()
    if f.course is not None:
        qs = qs.filter(course_id=f.course.pk)
    return qs


def courses_finished(f: Filters) -> QuerySet[Enrolment]:
    return enrolments(f).filter(f.in_period("completed_at"))


def skills_achieved(f: Filters) -> QuerySet[SkillRecord]:
    qs = SkillRecord.objects.filter(f.in_period("achieved_at"), f.learner_q()).order_by()
    if f.course is not None:
        taught = LessonPage.objects.filter(
            path__startswith=f.course.path, depth=f.course.depth + 1
        ).values("skills")
        qs = qs.filter(skill_id__in=taught)
    return qs


class Seconds(Func):
    """Seconds from ``start`` to ``end``, as a number, on SQLite and PostgreSQL alike."""

    output_field = FloatField()

    def __init__(self, end, start):
        super().__init__(end, start)

    def as_sqlite(self, compiler, connection, **extra):
        return self.as_sql(
            compiler,
            connection,
            template="((julianday(%(expressions)s)) * 86400.0)",
            arg_joiner=") - julianday(",
            **extra,
        )

    def as_postgresql(self, compiler, connection, **extra):
        return self.as_sql(
            compiler,
            connection,
            template="EXTRACT(EPOCH FROM (%(expressions)s))::float",
            arg_joiner=" - ",
            **extra,
        )


def _after(field: str, days: int) -> ExpressionWrapper:
    return ExpressionWrapper(OuterRef(field) + timedelta(days=days), output_field=DateTimeField())


# --- Headline figures --------------------------------------------------------------------------


@dataclass(frozen=True)
class Headline:
    learners: int
    lessons: int
    helped_lessons: int
    helped_learners: int
    alone_lessons: int
    alone_learners: int
    courses: int
    course_learners: int
    skills: int
    skill_learners: int


@dataclass(frozen=True)
class LearnerCell:
    """Lessons of the period by the learners who share one neighbourhood, centre and type."""

    neighbourhood: str | None
    centre: str | None
    staff: bool
    learners: int
    lessons: int
    helped_lessons: int
    helped_learners: int
    alone_lessons: int
    alone_learners: int


COUNTS = ["learners", "lessons", "helped_lessons", "helped_learners", "alone_lessons",
          "alone_learners"]  # fmt: skip


def learner_cells(f: Filters) -> list[LearnerCell]:
    """One query for the headline and all three breakdowns of lessons completed.

    Grouped by the learner's neighbourhood, centre and type: every learner is in exactly one
    group, so adding up the groups gives exact totals, distinct learners included, for the
    headline and for each breakdown (a few hundred groups at most, never the raw rows).
    """
    return _once(f, "cells", lambda: _learner_cells(f))


def _cells_sql() -> str:
    """Per learner first, from the completions alone (read from an index, hashed by learner),
    then each learner's place and type joined on and the learners added up per group: much
    cheaper than COUNT(DISTINCT), and than joining every completion to its learner. Grouped by
    the places' ids (a hash of small numbers), their names joined on to the few groups last."""
    user = get_user_model()._meta
    # Only table and column names of our own models are put in; values stay parameters.
    return (  # noqa: S608
        "SELECT n.name, c.name, g.staff, g.learners, g.lessons, g.helped, g.helped_learners, "
        "g.alone, g.alone_learners FROM ("
        "SELECT u.{user_neighbourhood} AS nid, u.{user_centre} AS cid, u.{staff} AS staff, "
        "COUNT(*) AS learners, SUM(p.lessons) AS lessons, SUM(p.helped) AS helped, "
        "SUM(CASE WHEN p.helped > 0 THEN 1 ELSE 0 END) AS helped_learners, "
        "SUM(p.alone) AS alone, SUM(CASE WHEN p.alone > 0 THEN 1 ELSE 0 END) AS alone_learners "
        "FROM ({{inner}}) p INNER JOIN {user} u ON u.{pk} = p.learner_id "
        "GROUP BY u.{user_neighbourhood}, u.{user_centre}, u.{staff}) g "
        "LEFT OUTER JOIN {neighbourhood} n ON n.{neighbourhood_pk} = g.nid "
        "LEFT OUTER JOIN {centre} c ON c.{centre_pk} = g.cid"
    ).format(
        staff=user.get_field("is_staff_member").column,
        user=user.db_table,
        pk=user.pk.column,
        neighbourhood=Neighbourhood._meta.db_table,
        neighbourhood_pk=Neighbourhood._meta.pk.column,
        user_neighbourhood=user.get_field("neighbourhood").column,
        centre=CommunityCentre._meta.db_table,
        centre_pk=CommunityCentre._meta.pk.column,
        user_centre=user.get_field("community_centre").column,
    )


def _learner_cells(f: Filters) -> list[LearnerCell]:
    if _facts_ready(f):
        return _fact_cells(f)
    per_learner = (
        completions(f)
        .values("learner_id")
        .annotate(
            lessons=Count(ROW),
            helped=Count(ROW, filter=Q(assisted=True)),
            alone=Count(ROW, filter=Q(assisted=False)),
        )
    )
    return [
        LearnerCell(
            neighbourhood=row[0],
            centre=row[1],
            staff=bool(row[2]),
            **{name: int(value) for name, value in zip(COUNTS, row[3:], strict=True)},
        )
        for row in regrouped(per_learner, _cells_sql())
    ]


# --- From the fact tables (dashboards/facts.py) ------------------------------------------------


def _facts_ready(f: Filters) -> bool:
    """Whether this view reads the fact tables: not the raw path, the facts switched on, someone
    in view, and nothing recorded after the period's end. The facts count "active in the period"
    as "last done on or after its start", true of periods that end now (every view on the
    page); a view of a moment in the past (tests) reads the raw rows. One query, three index
    probes, once per view."""
    if f.raw or f.nobody or not facts.facts_enabled():
        return False
    return _once(f, "facts", lambda: not _anything_after(f.end))


def figures_prepare(f: Filters) -> None:
    """Make the one probe every figure of the view shares (:func:`_facts_ready`), before the
    figures are worked out side by side (``dashboards/side_by_side.py``)."""
    _facts_ready(f)


def _anything_after(end: datetime) -> bool:
    later: list[QuerySet] = [
        LessonCompletion.objects.filter(completed_at__gte=end),
        Enrolment.objects.filter(completed_at__gte=end),
        SkillRecord.objects.filter(achieved_at__gte=end),
    ]
    sqls: list[str] = []
    params: list = []
    for qs in later:
        sql, qs_params = qs.order_by().values("pk")[:1].query.sql_with_params()
        sqls.append(f"EXISTS ({sql})")
        params += qs_params
    with connection.cursor() as cursor:
        # Django's own SQL, its values kept as parameters.
        cursor.execute(f"SELECT 1 WHERE {' OR '.join(sqls)}", params)  # noqa: S608
        return cursor.fetchone() is not None


def _place_q(f: Filters) -> Q:
    """The chosen places, on the fact tables' copies of each learner's place."""
    q = Q()
    if f.neighbourhood is not None:
        q &= Q(nid=f.neighbourhood.pk)
    if f.centre is not None:
        q &= Q(cid=f.centre.pk)
    if f.learner_type:
        q &= Q(staff=f.learner_type == LearnerType.STAFF)
    return q


def _since(f: Filters, field: str) -> Q:
    """Learner facts of someone active in the period: their last ``field`` is in it."""
    if f.start is None:
        return Q(**{f"{field}__isnull": False})
    return Q(**{f"{field}__gte": f.start})


def _course_key(f: Filters) -> int:
    return f.course.pk if f.course is not None else facts.EVERY_COURSE


def _whole_weeks(f: Filters, qs: QuerySet[PlaceFact]) -> tuple[QuerySet[PlaceFact], Filters | None]:
    """The period's sums: its whole local weeks from the cube and the whole days before its
    first Monday (all time: every month), and the view narrowed to the moments before its first
    midnight (None when there are none), whose rows are read raw: less than a day of rows."""
    if f.start is None:
        return qs.filter(grain=facts.MONTH), None
    midnight = facts.first_from(f.start, facts.DAY)
    monday = facts.first_from(f.start, facts.WEEK)
    whole = qs.filter(
        Q(grain=facts.WEEK, starts__gte=monday.date())
        | Q(grain=facts.DAY, starts__gte=midnight.date(), starts__lt=monday.date())
    )
    if midnight == f.start:
        return whole, None
    return whole, replace(f, end=midnight)


def _edge(f: Filters, edge: Filters, model, field: str) -> QuerySet:
    """Rows of ``model`` in the days before the period's first Monday, of the chosen course and
    places (each row's place looked up by its learner: a few thousand rows at most)."""
    qs = model.objects.filter(edge.in_period(field)).order_by()
    if f.course is not None and model is not SkillRecord:
        qs = qs.filter(course_id=f.course.pk)
    return qs.annotate(**facts.place_looked_up()).filter(_place_q(f))


FACT_CELL = (
    *("nid", "cid", "staff", "learners", "lessons", "helped", "helped_learners"),
    *("alone_learners", "finished", "course_learners", "skills", "skill_learners"),
)


def _fact_cells_sql(f: Filters) -> tuple[str, list]:
    """Per place: the learners active in the period from the learner facts, and the sums from
    the cube and the raw days before the first Monday, in one statement."""
    place = {name: f"p.{name}" for name in facts.PLACE}
    state = (
        LearnerFact.objects.filter(_place_q(f), kind=facts.KIND_COURSE, key=_course_key(f))
        .values(*facts.PLACE)
        .annotate(
            a=Count("nid", filter=_since(f, "last_lesson")),
            b=Count("nid", filter=_since(f, "last_helped")),
            c=Count("nid", filter=_since(f, "last_alone")),
            d=Count("nid", filter=_since(f, "last_finished")),
            e=Count("nid", filter=_since(f, "last_skill")),
        )
    )
    learners = {"learners": "p.a", "helped_learners": "p.b", "alone_learners": "p.c",
                "course_learners": "p.d", "skill_learners": "p.e"}  # fmt: skip
    parts = [facts.part_sql(state, {**place, **learners}, FACT_CELL)]
    cube, edge = _whole_weeks(
        f, PlaceFact.objects.filter(_place_q(f), kind=facts.KIND_COURSE, key=_course_key(f))
    )
    sums = cube.values(*facts.PLACE).annotate(
        l=Sum("lessons"), h=Sum("helped"), fi=Sum("finished"), s=Sum("skills")
    )
    parts.append(
        facts.part_sql(
            sums,
            {**place, "lessons": "p.l", "helped": "p.h", "finished": "p.fi", "skills": "p.s"},
            FACT_CELL,
        )
    )
    if edge is not None:
        lessons = (
            _edge(f, edge, LessonCompletion, "completed_at")
            .values(*facts.PLACE)
            .annotate(l=Count(ROW), h=Count(ROW, filter=Q(assisted=True)))
        )
        parts.append(
            facts.part_sql(lessons, {**place, "lessons": "p.l", "helped": "p.h"}, FACT_CELL)
        )
        finished = (
            _edge(f, edge, Enrolment, "completed_at").values(*facts.PLACE).annotate(fi=Count(ROW))
        )
        parts.append(facts.part_sql(finished, {**place, "finished": "p.fi"}, FACT_CELL))
        if f.course is None:
            skills = (
                _edge(f, edge, SkillRecord, "achieved_at")
                .values(*facts.PLACE)
                .annotate(s=Count(ROW))
            )
            parts.append(facts.part_sql(skills, {**place, "skills": "p.s"}, FACT_CELL))
    union, params = facts.union_sql(parts)
    qn = facts.qn
    sums_sql = ", ".join(f"SUM(u.{qn(name)})" for name in FACT_CELL[3:])
    # Only our own table and column names are put in; values stay parameters.
    sql = (
        f"SELECT n.{qn(Neighbourhood._meta.get_field('name').column)}, "  # noqa: S608
        f"c.{qn(CommunityCentre._meta.get_field('name').column)}, g.* FROM ("
        f"SELECT u.nid, u.cid, u.staff, {sums_sql} FROM ({union}) u "
        f"GROUP BY u.nid, u.cid, u.staff) g "
        f"LEFT OUTER JOIN {facts.table(Neighbourhood)} n "
        f"ON n.{qn(Neighbourhood._meta.pk.column)} = g.nid "
        f"LEFT OUTER JOIN {facts.table(CommunityCentre)} c "
        f"ON c.{qn(CommunityCentre._meta.pk.column)} = g.cid"
    )
    return sql, params


def _fact_cells(f: Filters) -> list[LearnerCell]:
    """The cells from the fact tables; the period's courses and skills go in ``f.cache``."""
    sql, params = _fact_cells_sql(f)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    cells = []
    totals = dict.fromkeys(("courses", "course_learners", "skills", "skill_learners"), 0)
    for row in rows:
        neighbourhood, centre, _nid, _cid, staff, *counts = row
        values = dict(zip(FACT_CELL[3:], (int(value or 0) for value in counts), strict=True))
        totals["courses"] += values["finished"]
        for name in ("course_learners", "skills", "skill_learners"):
            totals[name] += values[name]
        if values["learners"]:
            cells.append(
                LearnerCell(
                    neighbourhood=neighbourhood,
                    centre=centre,
                    staff=bool(staff),
                    learners=values["learners"],
                    lessons=values["lessons"],
                    helped_lessons=values["helped"],
                    helped_learners=values["helped_learners"],
                    alone_lessons=values["lessons"] - values["helped"],
                    alone_learners=values["alone_learners"],
                )
            )
    if f.course is not None:
        totals.update(_course_skills(f)[1])
    f.cache["fact_totals"] = totals
    return cells


def _course_skills_sql() -> str:
    """Per learner and area first (each skill's area joined on: 43 rows, not a lookup per
    fact), kept once (a CTE used twice), then per area and in all, ordered as the areas are."""
    area, skill = SkillArea._meta, Skill._meta
    qn = facts.qn
    pk, name = qn(area.pk.column), qn(area.get_field("name").column)
    order = qn(area.get_field("sort_order").column)
    # Only our own table and column names are put in; values stay parameters.
    return (
        f"WITH x AS (SELECT p.learner_id AS learner, s.{qn(skill.get_field('area').column)} "  # noqa: S608
        f"AS area, COUNT(*) AS skills FROM ({{inner}}) p "
        f"INNER JOIN {facts.table(Skill)} s ON s.{qn(skill.pk.column)} = p.key "
        f"GROUP BY p.learner_id, s.{qn(skill.get_field('area').column)}) "
        f"SELECT t.name, t.skills, t.learners FROM ("
        f"SELECT a.{name} AS name, a.{order} AS sort_order, SUM(x.skills) AS skills, "
        f"COUNT(*) AS learners FROM x INNER JOIN {facts.table(SkillArea)} a ON a.{pk} = x.area "
        f"GROUP BY a.{pk}, a.{name}, a.{order} "
        f"UNION ALL SELECT NULL, NULL, SUM(x.skills), COUNT(DISTINCT x.learner) FROM x) t "
        f"ORDER BY t.sort_order IS NULL, t.sort_order, t.name"
    )


def _course_skills(f: Filters) -> tuple[list[tuple], dict[str, int]]:
    """With a course chosen, its skills (those its lessons teach now, which changes on
    publish) by area and in all, for the headline and skills by area together: one read of the
    skill records of the period, from their time index (learner and skill included; the
    learners' place from the users table). Measured on the benchmark (issue 20), this reads a
    few thousand pages where the per-skill learner facts, one 170-byte row per record, read
    tens of thousands (docs/performance.md, "Second round")."""

    def work() -> tuple[list[tuple], dict[str, int]]:
        per_skill = skills_achieved(f).values("learner_id", key=F("skill_id"))
        rows = regrouped(per_skill, _course_skills_sql())
        areas = [row for row in rows if row[0] is not None]
        total = [row for row in rows if row[0] is None]
        skills, learners = (total[0][1] or 0, total[0][2]) if total else (0, 0)
        return areas, {"skills": int(skills), "skill_learners": int(learners)}

    return _once(f, "course_skills", work)


def _sum(cells: list[LearnerCell]) -> dict[str, int]:
    return {name: sum(getattr(cell, name) for cell in cells) for name in COUNTS}


def headline(f: Filters) -> Headline:
    """Active learners, lessons, courses and skills in the period, and help versus alone."""
    lessons = _sum(learner_cells(f))
    if _facts_ready(f):
        return Headline(**lessons, **f.cache["fact_totals"])
    courses = courses_finished(f).aggregate(
        courses=Count("pk"), course_learners=Count("learner_id", distinct=True)
    )
    skills = skills_achieved(f).aggregate(
        skills=Count(ROW), skill_learners=Count("learner_id", distinct=True)
    )
    return Headline(**lessons, **courses, **skills)


# --- Courses: funnel and median time -----------------------------------------------------------


@dataclass(frozen=True)
class CourseFunnel:
    course_id: int
    title: str
    lessons: int
    started: int
    halfway: int
    completed: int
    median_seconds: float | None


def course_lesson_counts(f: Filters) -> list[tuple[int, str, int]]:
    """(id, title, number of live lessons) of every live course (or the chosen one)."""
    lessons = (
        LessonPage.objects.live()
        .filter(path__startswith=OuterRef("path"), depth=OuterRef("depth") + 1)
        .order_by()
        .annotate(n=Func(F("pk"), function="COUNT"))
        .values("n")[:1]
    )
    courses = CoursePage.objects.live().filter(in_english()).order_by("title")
    if f.course is not None:
        courses = courses.filter(pk=f.course.pk)
    return list(
        courses.annotate(
            lesson_count=Coalesce(Subquery(lessons, output_field=IntegerField()), Value(0))
        ).values_list("pk", "title", "lesson_count")
    )


def _cohort(f: Filters) -> QuerySet[Enrolment]:
    """Enrolments started in the period: the people each course's funnel follows."""
    return enrolments(f).filter(f.in_period("started_at"))


MEDIAN_SQL = (
    "SELECT ranked.course_id, AVG(ranked.seconds) FROM ({inner}) ranked "
    "WHERE ranked.position IN ((ranked.size + 1) / 2, (ranked.size + 2) / 2) "
    "GROUP BY ranked.course_id"
)


class Median(Aggregate):
    """The median of a number over each group, on PostgreSQL: an ordered-set aggregate, which
    sorts each group's values once as it goes (no window over every row and no second pass).
    With an even number of values it is the mean of the middle two, worked out as
    ``lo + (hi - lo) / 2`` (the window version's ``(lo + hi) / 2`` can differ in the last bit)."""

    function = "percentile_cont"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = FloatField()


def _seconds_taken() -> Seconds:
    return Seconds("completed_at", "started_at")


def _ordered_set_medians() -> bool:
    return connection.vendor == "postgresql"


def course_medians(f: Filters) -> dict[int, float]:
    """Median seconds from starting to finishing each course, for the period's cohort.

    Computed in the database: on PostgreSQL with :class:`Median`; elsewhere (SQLite) with
    window functions (ROW_NUMBER and COUNT over each course): the middle row, or the mean of
    the two middle rows.
    """
    finished = _cohort(f).filter(completed_at__isnull=False)
    if _ordered_set_medians():
        rows = finished.values("course_id").annotate(median=Median(_seconds_taken()))
        return {row["course_id"]: float(row["median"]) for row in rows}
    inner = (
        finished.annotate(seconds=_seconds_taken())
        .annotate(
            position=Window(RowNumber(), partition_by=F("course_id"), order_by=F("seconds").asc()),
            size=Window(Count("pk"), partition_by=F("course_id")),
        )
        .values("course_id", "seconds", "position", "size")
    )
    return {course_id: float(seconds) for course_id, seconds in regrouped(inner, MEDIAN_SQL)}


def course_funnels(f: Filters) -> list[CourseFunnel]:
    """Per course: started in the period, got halfway, finished; and the median time taken."""
    courses = course_lesson_counts(f)
    done = (
        LessonCompletion.objects.filter(
            learner_id=OuterRef("learner_id"), course_id=OuterRef("course_id")
        )
        .order_by()
        # Counting a column of the (learner, course) index: read from the index alone.
        .annotate(n=Func(F("learner_id"), function="COUNT"))
        .values("n")[:1]
    )
    # Halfway: at least half of the course's live lessons done (or the course finished).
    half_of = Case(
        *[When(course_id=pk, then=Value((count + 1) // 2)) for pk, _title, count in courses],
        default=Value(0),
        output_field=IntegerField(),
    )
    if _learner_activity_used(f):
        # Each enrolment's own count, kept by lesson_complete: a plain scan, no search per row.
        done_here: F | Coalesce = F("lessons_completed")
    else:
        done_here = Coalesce(Subquery(done, output_field=IntegerField()), Value(0))
    finished = Q(completed_at__isnull=False)
    # On PostgreSQL the medians come in the same pass over the cohort as the counts.
    together = _ordered_set_medians()
    rows = (
        _cohort(f)
        .annotate(done=done_here, half=half_of)
        .values("course_id")
        .annotate(
            # Counting the course (never empty), not the id: the cohort's index holds it.
            started=Count("course_id"),
            halfway=Count("course_id", filter=finished | Q(done__gte=F("half"), half__gt=0)),
            completed=Count("course_id", filter=finished),
            median=(
                Median(_seconds_taken(), filter=finished)
                if together
                else Value(None, output_field=FloatField())
            ),
        )
    )
    counted = {row["course_id"]: row for row in rows}
    if together:
        medians = {
            pk: float(row["median"]) for pk, row in counted.items() if row["median"] is not None
        }
    else:
        medians = course_medians(f)
    empty = {"started": 0, "halfway": 0, "completed": 0}
    return [
        CourseFunnel(
            course_id=pk,
            title=title,
            lessons=count,
            started=counted.get(pk, empty)["started"],
            halfway=counted.get(pk, empty)["halfway"],
            completed=counted.get(pk, empty)["completed"],
            median_seconds=medians.get(pk),
        )
        for pk, title, count in courses
    ]


# --- Trends ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TrendPoint:
    starts: datetime
    lessons: int
    learners: int
    courses: int
    course_learners: int


def _bucket(f: Filters, field: str) -> Trunc:
    return Trunc(
        field, f.bucket, output_field=DateTimeField(), tzinfo=timezone.get_current_timezone()
    )


class CountOf(Func):
    """``COUNT(column)`` or ``COUNT(DISTINCT column)`` as a value: for a one-figure subquery."""

    function = "COUNT"
    output_field = IntegerField()

    def __init__(self, column: str, *, distinct: bool = False):
        super().__init__(F(column))
        if distinct:
            self.template = "%(function)s(DISTINCT %(expressions)s)"


TREND_SQL = "SELECT v.column1, ({lessons}), ({learners}) FROM (VALUES {buckets}) v"


def _lessons_per_bucket(
    f: Filters, buckets: list[datetime], ends: list[datetime] | None = None
) -> dict[datetime, tuple[int, int]]:
    """Lessons and distinct learners in each week or month: one statement, one index range each.

    Every bucket is a range of the completions' time index counted on its own, which is about
    twice as fast as grouping a year of completions by a truncated date (measured). The buckets
    are a VALUES list of (number, start, end), so the number of queries stays one.
    """

    def in_bucket(qs):
        return qs.filter(
            completed_at__gte=RawSQL("v.column2", ()), completed_at__lt=RawSQL("v.column3", ())
        )

    try:
        lessons_sql, lessons_params = (
            in_bucket(completions(f)).annotate(n=CountOf(ROW)).values("n").query.sql_with_params()
        )
        learners_sql, learners_params = (
            in_bucket(completions(f))
            .annotate(n=CountOf("learner_id", distinct=True))
            .values("n")
            .query.sql_with_params()
        )
    except EmptyResultSet:  # nobody can be in the view (a champion with no centre)
        return {}
    if not buckets:
        return {}
    adapt = connection.ops.adapt_datetimefield_value
    if ends is None:
        ends = [*buckets[1:], _next_bucket(f, buckets[-1])]
    values, params = [], []
    for number, (start, end) in enumerate(zip(buckets, ends, strict=True)):
        values.append("(%s, %s, %s)")
        params += [number, adapt(start), adapt(end)]
    sql = TREND_SQL.format(lessons=lessons_sql, learners=learners_sql, buckets=", ".join(values))
    with connection.cursor() as cursor:
        cursor.execute(sql, (*lessons_params, *learners_params, *params))
        return {buckets[number]: (lessons, learners) for number, lessons, learners in cursor}


def trend(f: Filters) -> list[TrendPoint]:
    """Lessons and courses completed per week or month, with every week or month in between."""
    if _facts_ready(f):
        return _trend_facts(f)
    courses: dict[Any, Any] = {
        row["b"]: row
        for row in courses_finished(f)
        .annotate(b=_bucket(f, "completed_at"))
        .values("b")
        .annotate(courses=Count("pk"), course_learners=Count("learner_id", distinct=True))
    }
    # The first week or month: the period's, or for all time the earliest lesson or course.
    if f.start is not None:
        first = _start_of(f, f.start)
    else:
        earliest = completions(f).aggregate(first=Min("completed_at"))["first"]
        starts = [*courses, *([_start_of(f, earliest)] if earliest else [])]
        if not starts:
            return []
        first = min(starts)
    buckets = _buckets_between(f, first, _start_of(f, f.end))
    lessons = _lessons_per_bucket(f, buckets)
    if not courses and not any(count for count, _learners in lessons.values()):
        return []
    return [
        TrendPoint(
            starts=b,
            lessons=lessons.get(b, (0, 0))[0],
            learners=lessons.get(b, (0, 0))[1],
            courses=courses.get(b, {}).get("courses", 0),
            course_learners=courses.get(b, {}).get("course_learners", 0),
        )
        for b in buckets
    ]


def _trend_facts(f: Filters) -> list[TrendPoint]:
    """The trend from the cube: every whole week or month (its distinct learners kept per
    place, so they add up), and the period's first, partial one read raw (a month at most)."""
    cube = PlaceFact.objects.filter(
        _place_q(f),
        kind=facts.KIND_COURSE,
        key=_course_key(f),
        grain=facts.WEEK if f.bucket == "week" else facts.MONTH,
    )
    first = _start_of(f, f.start) if f.start is not None else None
    if first is not None:
        whole_from = first if first == f.start else _next_bucket(f, first)
        cube = cube.filter(starts__gte=whole_from.date())
    counted: dict[date, tuple[int, int, int, int]] = {}
    for row in cube.values("starts").annotate(
        l=Sum("lessons"), n=Sum("learners"), c=Sum("finished"), cl=Sum("course_learners")
    ):
        counted[row["starts"]] = (int(row["l"]), int(row["n"]), int(row["c"]), int(row["cl"]))
    if first is not None and whole_from != first:
        lessons, learners = _lessons_per_bucket(f, [first], [whole_from]).get(first, (0, 0))
        done = (
            courses_finished(f)
            .filter(completed_at__lt=whole_from)
            .aggregate(courses=Count("pk"), course_learners=Count("learner_id", distinct=True))
        )
        counted[first.date()] = (lessons, learners, done["courses"], done["course_learners"])
    if first is None:
        # All time: from the first week or month with a lesson or a course finished.
        begun = [day for day, (lessons, _n, courses, _c) in counted.items() if lessons or courses]
        if not begun:
            return []
        first = facts.local_midnight(min(begun))
    if not any(lessons or courses for lessons, _n, courses, _c in counted.values()):
        return []
    empty = (0, 0, 0, 0)
    return [
        TrendPoint(
            starts=b,
            lessons=counted.get(b.date(), empty)[0],
            learners=counted.get(b.date(), empty)[1],
            courses=counted.get(b.date(), empty)[2],
            course_learners=counted.get(b.date(), empty)[3],
        )
        for b in _buckets_between(f, first, _start_of(f, f.end))
    ]


def _start_of(f: Filters, moment: datetime) -> datetime:
    local = timezone.localtime(moment).replace(hour=0, minute=0, second=0, microsecond=0)
    if f.bucket == "week":
        local -= timedelta(days=local.weekday())
    else:
        local = local.replace(day=1)
    return local.replace(tzinfo=None).replace(tzinfo=timezone.get_current_timezone())


def _next_bucket(f: Filters, starts: datetime) -> datetime:
    return _buckets_between(f, starts, starts + timedelta(days=32 if f.bucket == "month" else 7))[1]


def _buckets_between(f: Filters, first: datetime, last: datetime) -> list[datetime]:
    """Each week or month from ``first`` to ``last``: one per chart bar (at most a few dozen)."""
    first, last = timezone.localtime(first), timezone.localtime(last)
    tz = timezone.get_current_timezone()
    out, day = [], first.replace(tzinfo=None)
    end = last.replace(tzinfo=None)
    while day <= end:
        out.append(day.replace(tzinfo=tz))
        if f.bucket == "week":
            day += timedelta(days=7)
        else:
            day = day.replace(year=day.year + day.month // 12, month=day.month % 12 + 1)
    return out


# --- Breakdowns --------------------------------------------------------------------------------


@dataclass(frozen=True)
class BreakdownRow:
    label: str | None
    learners: int
    lessons: int
    helped_lessons: int
    helped_learners: int


def breakdown(f: Filters, *, by: str) -> list[BreakdownRow]:
    """Learners, lessons and lessons done with help, by one field of the learner.

    ``by`` is "neighbourhood", "centre" or "learner_type". Named places in alphabetical order,
    then "not given"; tenants before staff.
    """
    attribute = {"neighbourhood": "neighbourhood", "centre": "centre", "learner_type": "staff"}[by]
    groups: dict = {}
    for cell in learner_cells(f):
        groups.setdefault(getattr(cell, attribute), []).append(cell)
    rows = []
    for label in sorted(groups, key=lambda value: (value is None, value)):
        total = _sum(groups[label])
        rows.append(
            BreakdownRow(
                label=label,
                learners=total["learners"],
                lessons=total["lessons"],
                helped_lessons=total["helped_lessons"],
                helped_learners=total["helped_learners"],
            )
        )
    return rows


@dataclass(frozen=True)
class SkillAreaRow:
    area: str
    skills: int
    learners: int


def _skill_areas_sql() -> str:
    """Per area and learner first, then per area: cheaper than COUNT(DISTINCT) per area."""
    area = SkillArea._meta
    # Only table and column names of our own models are put in; values stay parameters.
    return (  # noqa: S608
        "SELECT a.{name}, SUM(p.skills), COUNT(*) FROM ({{inner}}) p "
        "INNER JOIN {table} a ON a.{pk} = p.area "
        "GROUP BY a.{pk}, a.{name}, a.{sort_order} ORDER BY a.{sort_order}, a.{name}"
    ).format(
        table=area.db_table,
        pk=area.pk.column,
        name=area.get_field("name").column,
        sort_order=area.get_field("sort_order").column,
    )


def skills_by_area(f: Filters) -> list[SkillAreaRow]:
    if _facts_ready(f):
        rows = _skills_by_area_facts(f)
    else:
        per_learner = (
            skills_achieved(f)
            .annotate(area=F("skill__area_id"))
            .values("area", "learner_id")
            .annotate(skills=Count(ROW))
        )
        rows = regrouped(per_learner, _skill_areas_sql())
    return [
        SkillAreaRow(area=name, skills=int(skills), learners=int(learners))
        for name, skills, learners in rows
    ]


def _skills_by_area_facts(f: Filters) -> list[tuple]:
    """(area, skills, learners) from the fact tables: learners from the learner facts per area,
    skills from the cube and the raw days before the first Monday. With a course chosen,
    :func:`_course_skills`."""
    if f.course is not None:
        return _course_skills(f)[0]
    names = ("area", "skills", "learners")
    # Only the learners with a skill in the period, from their own index (learner_fact_skill).
    state = (
        LearnerFact.objects.filter(_place_q(f), _since(f, "last_skill"), kind=facts.KIND_AREA)
        .values(k=F("key"))
        .annotate(n=Count("nid"))
    )
    parts = [facts.part_sql(state, {"area": "p.k", "learners": "p.n"}, names)]
    cube, edge = _whole_weeks(f, PlaceFact.objects.filter(_place_q(f), kind=facts.KIND_AREA))
    sums = cube.values(k=F("key")).annotate(s=Sum("skills"))
    parts.append(facts.part_sql(sums, {"area": "p.k", "skills": "p.s"}, names))
    if edge is not None:
        raw = (
            _edge(f, edge, SkillRecord, "achieved_at")
            .values(k=F("skill__area_id"))
            .annotate(s=Count(ROW))
        )
        parts.append(facts.part_sql(raw, {"area": "p.k", "skills": "p.s"}, names))
    union, params = facts.union_sql(parts)
    area_meta = SkillArea._meta
    qn = facts.qn
    pk, name = qn(area_meta.pk.column), qn(area_meta.get_field("name").column)
    order = qn(area_meta.get_field("sort_order").column)
    # Only our own table and column names are put in; values stay parameters.
    sql = (
        f"SELECT a.{name}, SUM(u.skills), SUM(u.learners) FROM ({union}) u "  # noqa: S608
        f"INNER JOIN {facts.table(SkillArea)} a ON a.{pk} = u.area "
        f"GROUP BY a.{pk}, a.{name}, a.{order} HAVING SUM(u.learners) > 0 "
        f"ORDER BY a.{order}, a.{name}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


# --- Stalled learners --------------------------------------------------------------------------


def stalled(f: Filters, *, now: datetime | None = None) -> QuerySet[Enrolment]:
    """Enrolments started but not finished, with nothing done for 14 days or more.

    Only those whose last activity falls in the chosen period, so "all time" shows everyone.
    """
    cutoff = (now or f.end) - STALLED_AFTER
    return enrolments(f).filter(
        f.in_period("last_activity_at"), completed_at__isnull=True, last_activity_at__lte=cutoff
    )


def stalled_by_course(f: Filters) -> list[tuple[str, int]]:
    """(course title, stalled learners) by title. A learner has one enrolment per course, so
    the enrolments are counted per course (from the index of unfinished enrolments alone) and
    the titles of those few groups looked up after."""
    per_course = (
        stalled(f)
        .values("course_id")
        .annotate(learners=Count("course_id"))
        .annotate(
            title=Subquery(CoursePage.objects.filter(pk=OuterRef("course_id")).values("title")[:1])
        )
        .order_by("title", "course_id")
    )
    return [(row["title"], row["learners"]) for row in per_course]


def stalled_people(f: Filters) -> list[Enrolment]:
    """The stalled enrolments themselves, most recently active first: for a centre's champion."""
    return list(
        stalled(f)
        .select_related("learner", "course", "last_lesson")
        .order_by("-last_activity_at", "pk")[:STALLED_NAMES_SHOWN]
    )


# --- Sustained engagement ----------------------------------------------------------------------


@dataclass(frozen=True)
class Sustained:
    finishers: int
    # days -> (finishers who finished at least that long ago, of them still active then)
    after: dict[int, tuple[int, int]]
    community: int


def _sustained_sql(*, taking_part: int) -> str:
    """Counted per learner (their first course finished in the period), one index probe each
    into the activity stream per question: much cheaper than COUNT(DISTINCT) over every
    finished enrolment with three probes each."""
    event = ActivityEvent._meta
    actor, occurred, verb = (
        event.get_field(name).column  # type: ignore[union-attr]  # concrete fields
        for name in ("actor", "occurred_at", "verb")
    )
    # Only table and column names of our own models are put in; values stay parameters.
    exists = (
        f"EXISTS (SELECT 1 FROM {event.db_table} a WHERE a.{actor} = p.learner_id AND a.{occurred} "  # noqa: E501, S608
    )
    columns = ["COUNT(*)"]
    for days in SUSTAINED_DAYS:
        columns.append("SUM(CASE WHEN p.first <= %s THEN 1 ELSE 0 END)")
        columns.append(
            f"SUM(CASE WHEN p.first <= %s AND {exists}>= p.after_{days}) THEN 1 ELSE 0 END)"
        )
    # Taking part: one of the registry's participation verbs (``taking_part`` parameters). They
    # all start with PARTICIPATION_PREFIX (the registry makes sure), and saying so lets the probe
    # use the partial index of those rows.
    participation = f"a.{verb} LIKE %s AND a.{verb} IN ({', '.join(['%s'] * taking_part)})"
    columns.append(f"SUM(CASE WHEN {exists}> p.first AND {participation}) THEN 1 ELSE 0 END)")
    return "SELECT " + ", ".join(columns) + " FROM ({inner}) p"  # noqa: S608


def _learner_activity_used(f: Filters) -> bool:
    """Whether to read what the services keep instead of searching the raw rows: each
    learner's last activity (:class:`LearnerActivity`) and each enrolment's lessons done. Unless
    the raw path is asked for (``f.raw``, or ``DASHBOARD_FACTS = False``). Time zones do not
    matter here: nothing is grouped by day."""
    return not f.raw and getattr(settings, "DASHBOARD_FACTS", True)


def _sustained_state_sql() -> str:
    """:func:`_sustained_sql` with each learner's :class:`LearnerActivity` row joined on.

    "Any event at or after T" is "the last event is at or after T", and "an event that counts
    as taking part after T" is "the last such event is after T": the same answers, from one
    row per learner instead of three searches of the stream."""
    state = LearnerActivity._meta
    learner, active, part = (
        state.get_field(name).column  # type: ignore[union-attr]  # concrete fields
        for name in ("learner", "last_active_at", "last_taking_part_at")
    )
    columns = ["COUNT(*)"]
    for days in SUSTAINED_DAYS:
        columns.append("SUM(CASE WHEN p.first <= %s THEN 1 ELSE 0 END)")
        columns.append(
            f"SUM(CASE WHEN p.first <= %s AND s.{active} >= p.after_{days} THEN 1 ELSE 0 END)"
        )
    columns.append(f"SUM(CASE WHEN s.{part} > p.first THEN 1 ELSE 0 END)")
    # Only table and column names of our own models are put in; values stay parameters.
    join = f"LEFT OUTER JOIN {state.db_table} s ON s.{learner} = p.learner_id"
    return "SELECT " + ", ".join(columns) + " FROM ({inner}) p " + join  # noqa: S608


def _first_finishes(f: Filters) -> QuerySet:
    """Each learner's first course finished in the period, from the learner facts: the row of
    a course finished in it with no finish of theirs before it in the period (with a course
    chosen: that course's row). One row per learner, read from an index with no grouping; the
    same columns as :func:`sustained`'s per-learner query."""
    rows = LearnerFact.objects.filter(
        _place_q(f), _since(f, "last_finished"), kind=facts.KIND_COURSE
    )
    if f.course is not None:
        rows = rows.filter(key=f.course.pk)
    else:
        first = Q(finished_before__isnull=True)
        if f.start is not None:
            first |= Q(finished_before__lt=f.start)
        rows = rows.exclude(key=facts.EVERY_COURSE).filter(first)
    return rows.values(
        "learner_id",
        first=F("last_finished"),
        **{
            f"after_{days}": ExpressionWrapper(
                F("last_finished") + timedelta(days=days), output_field=DateTimeField()
            )
            for days in SUSTAINED_DAYS
        },
    )


def sustained(f: Filters) -> Sustained:
    """Of the learners who finished a course in the period: who was still active 30 and 90 days
    later (any activity-stream event by them from then on), and who went on to take part in the
    community (any event after finishing whose verb counts as taking part: see
    :mod:`training.core.verbs`).

    A learner counts once, however many courses they finished; "active 30 days later" needs one
    of their finished courses to have been followed by activity 30 days or more after it, which
    is the same as activity 30 days or more after the first of them (and a learner is old enough
    to ask about when their first course is).
    """
    per_learner = (
        courses_finished(f)
        .values("learner_id")
        .annotate(
            first=Min("completed_at"),
            **{
                f"after_{days}": ExpressionWrapper(
                    Min("completed_at") + timedelta(days=days), output_field=DateTimeField()
                )
                for days in SUSTAINED_DAYS
            },
        )
    )
    adapt = connection.ops.adapt_datetimefield_value
    before = []
    for days in SUSTAINED_DAYS:
        old_enough = adapt(f.end - timedelta(days=days))
        before += [old_enough, old_enough]
    if _facts_ready(f):
        rows = regrouped(_first_finishes(f), _sustained_state_sql(), before=tuple(before))
    elif _learner_activity_used(f):
        rows = regrouped(per_learner, _sustained_state_sql(), before=tuple(before))
    else:
        # Never an empty IN (): no verb is called "".
        taking_part = verbs.participation_verbs() or [""]
        before += [PARTICIPATION_PREFIX + "%", *taking_part]
        rows = regrouped(
            per_learner, _sustained_sql(taking_part=len(taking_part)), before=tuple(before)
        )
    # One row of sums (empty sums are NULL); no row at all when nobody can be in the view.
    row = [int(value or 0) for value in rows[0]] if rows else [0] * (2 + 2 * len(SUSTAINED_DAYS))
    return Sustained(
        finishers=row[0],
        after={days: (row[1 + 2 * i], row[2 + 2 * i]) for i, days in enumerate(SUSTAINED_DAYS)},
        community=row[-1],
    )


# --- Data rights -------------------------------------------------------------------------------


def dashboard_exports_export(*, person) -> list[dict]:
    """The dashboard files ``person`` asked for, for "Download my data" (not their contents:
    those are figures about other people, and are deleted after a week anyway)."""
    return [
        {
            "asked_for": export.requested_at.isoformat(),
            "filters": export.filters,
            "every_place": export.every_place,
            "community_centre": export.centre.name if export.centre else None,
            "status": export.status,
            "finished": export.finished_at.isoformat() if export.finished_at else None,
        }
        for export in DashboardExport.objects.filter(requested_by=person)
        .select_related("centre")
        .order_by("requested_at", "pk")
    ]
