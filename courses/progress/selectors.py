"""Reads of the learning record for a learner's own pages: the lesson and course pages,
"My learning" and "My skills".

Each function makes a fixed number of queries, whatever the number of courses started, lessons
done or skills achieved. Texts that both the pages and the JavaScript endpoint show ("3 of 5
lessons done", "Done ✓ on 27 November 2026") are made here, in one place.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from uuid import UUID

from django.db import connection
from django.db.models import (
    Case,
    CharField,
    Exists,
    ExpressionWrapper,
    F,
    FilteredRelation,
    Func,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.db.models.lookups import StartsWith
from django.utils import formats, timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext, ngettext

from wagtail.models import Page, PageViewRestriction

from courses.models import (
    Certificate,
    CourseLevel,
    CoursePage,
    Enrolment,
    LessonCompletion,
    LessonPage,
    Skill,
    SkillArea,
    SkillEvidence,
    SkillRecord,
)
from training.users.models import User
from translations.routing import in_english

__all__ = [
    "CourseProgress",
    "CourseSummary",
    "LessonProgress",
    "LessonState",
    "course_lessons_not_done",
    "course_progress",
    "course_progress_counts",
    "course_suggestion",
    "date_text",
    "learner_courses",
    "learner_skills",
    "lesson_continue",
    "lesson_for_marking",
    "lesson_progress",
    "session_lesson_states",
]


def date_text(value: datetime) -> str:
    """A date as people in the UK write it, in London time: “27 November 2026”."""
    return formats.date_format(timezone.localtime(value), "j F Y")


@dataclass(frozen=True)
class LessonState:
    """Where one learner is with one lesson."""

    done_at: datetime | None = None
    assisted: bool = False
    helper_name: str = ""
    is_new: bool = False  # added after the learner finished the course, and not done yet

    @property
    def done(self) -> bool:
        return self.done_at is not None

    @property
    def text(self) -> str:
        if self.done_at is not None:
            return gettext("Done ✓ on %(date)s") % {"date": date_text(self.done_at)}
        if self.is_new:
            return gettext("New: this lesson was added after you finished the course.")
        return gettext("Not done yet")

    @property
    def short_text(self) -> str:
        """For lists of lessons: “Done ✓”, “New” or nothing."""
        if self.done_at is not None:
            return gettext("Done ✓")
        if self.is_new:
            return gettext("New")
        return ""

    @property
    def helped_text(self) -> str:
        if not (self.done and self.assisted):
            return ""
        if self.helper_name:
            return gettext("Done with help from %(name)s") % {"name": self.helper_name}
        return gettext("Done with help")


@dataclass(frozen=True)
class CourseProgress:
    """How far one learner is through one course's published lessons."""

    done: int = 0
    total: int = 0
    started: bool = False
    finished_at: datetime | None = None

    @property
    def text(self) -> str:
        return ngettext(
            "%(done)d of %(total)d lesson done",
            "%(done)d of %(total)d lessons done",
            self.total,
        ) % {"done": self.done, "total": self.total}

    @property
    def finished_text(self) -> str:
        if self.finished_at is None:
            return ""
        return gettext("Finished on %(date)s") % {"date": date_text(self.finished_at)}

    @property
    def percent(self) -> int:
        return (self.done * 100) // self.total if self.total else 0


def _state_from_completion(completion: LessonCompletion | None, **extra) -> LessonState:
    if completion is None:
        return LessonState(**extra)
    return LessonState(
        done_at=completion.completed_at,
        assisted=completion.assisted,
        helper_name=completion.helper.name if completion.helper else "",
    )


def _lesson_is_new(lesson: Page, finished_at: datetime | None) -> bool:
    published = lesson.first_published_at
    return finished_at is not None and published is not None and published > finished_at


def _parent_path(page: Page) -> str:
    return page.path[: -page.steplen]


def _count(queryset: QuerySet) -> Coalesce:
    """COUNT(*) of a correlated subquery, as an annotation."""
    return Coalesce(
        Subquery(
            queryset.annotate(total=Func(F("pk"), function="COUNT")).values("total")[:1],
            output_field=IntegerField(),
        ),
        Value(0),
    )


def _live_lessons_of(path_ref: str, depth_ref: str) -> QuerySet[LessonPage]:
    """Live lessons of the course in the outer query, found by its tree path and depth."""
    return (
        LessonPage.objects.live()
        .filter(path__startswith=OuterRef(path_ref), depth=OuterRef(depth_ref) + 1)
        .order_by()
    )


def _done_by(learner: User):
    """Has ``learner`` completed the lesson in the outer query?"""
    return Exists(LessonCompletion.objects.filter(learner=learner, lesson=OuterRef("pk")))


# --- The lesson and course pages ---------------------------------------------------------------


@dataclass(frozen=True)
class LessonProgress:
    """What a lesson page shows a signed-in learner, and what their enrolment says."""

    course_id: int | None
    progress: CourseProgress
    state: LessonState
    enrolled: bool = False
    last_lesson_id: int | None = None
    last_activity_at: datetime | None = None
    nudged: bool = False


def _datetime_from_row(value) -> datetime | None:
    """A date and time read with a plain cursor: PostgreSQL gives an aware datetime, SQLite the
    UTC time Django stored, without a zone (as a datetime, or as text)."""
    if value is None:
        return None
    parsed = value if isinstance(value, datetime) else parse_datetime(value)
    if parsed is not None and timezone.is_naive(parsed):
        parsed = parsed.replace(tzinfo=UTC)
    return parsed


def _lesson_progress_sql() -> str:
    """One statement: the lesson's course, the learner's enrolment in it, the course's live
    lessons and how many of them the learner has done, and this lesson's completion.

    Written out rather than built by the ORM: the ORM version (a filtered relation and two
    correlated counts) took about 4 ms of Python to build on every signed-in lesson page, forty
    times what the database took to answer it (docs/performance.md, "Lesson pages").
    """
    page, lesson, course = (
        Page._meta.db_table,
        LessonPage._meta.db_table,
        CoursePage._meta.db_table,
    )
    enrolment, completion = Enrolment._meta.db_table, LessonCompletion._meta.db_table
    live_lessons = (
        f"FROM {page} p INNER JOIN {lesson} l ON l.page_ptr_id = p.id "
        "WHERE p.live AND p.path BETWEEN %(first)s AND %(last)s AND p.depth = %(depth)s"
    )
    # Only table names are put in; every value is a parameter.
    return (
        "SELECT c.page_ptr_id, e.id, e.completed_at, e.last_lesson_id, e.last_activity_at, "  # noqa: S608
        "e.nudged_at, "
        f"(SELECT COUNT(*) {live_lessons}), "
        f"(SELECT COUNT(*) {live_lessons} AND EXISTS (SELECT 1 FROM {completion} d "
        "WHERE d.lesson_id = p.id AND d.learner_id = %(learner)s)), "
        "done.completed_at, done.assisted, done.helper_id "
        "FROM (SELECT 1 AS one) AS one "
        f"LEFT JOIN {page} cp ON cp.path = %(course)s "
        f"LEFT JOIN {course} c ON c.page_ptr_id = cp.id "
        f"LEFT JOIN {enrolment} e ON e.course_id = c.page_ptr_id AND e.learner_id = %(learner)s "
        f"LEFT JOIN {completion} done ON done.lesson_id = %(lesson)s "
        "AND done.learner_id = %(learner)s"
    )


def lesson_progress(*, learner: User, lesson: LessonPage) -> LessonProgress:
    """The learner's state for this lesson and progress through its course: one query (two
    when the lesson was done with someone's help: their name)."""
    course_path = _parent_path(lesson)
    # The children's paths, as treebeard finds them: a range the path index answers (SQLite's
    # LIKE, which ignores case, cannot use it).
    first, last = lesson._get_children_path_interval(course_path)
    params = {
        "course": course_path,
        "first": first,
        "last": last,
        "depth": lesson.depth,
        "learner": learner.pk,
        "lesson": lesson.pk,
    }
    with connection.cursor() as cursor:
        cursor.execute(_lesson_progress_sql(), params)
        (
            course_id,
            enrolment_id,
            finished,
            last_lesson_id,
            last_activity,
            nudged_at,
            lesson_total,
            lessons_done,
            done_at,
            assisted,
            helper_id,
        ) = cursor.fetchone()
    helper_name = ""
    if helper_id is not None:
        helper = User.objects.filter(pk=helper_id).first()
        helper_name = helper.name if helper else ""
    finished_at = _datetime_from_row(finished)
    done_at = _datetime_from_row(done_at)
    state = (
        LessonState(done_at=done_at, assisted=bool(assisted), helper_name=helper_name)
        if done_at is not None
        else LessonState(is_new=course_id is not None and _lesson_is_new(lesson, finished_at))
    )
    if course_id is None:
        return LessonProgress(course_id=None, progress=CourseProgress(), state=state)
    return LessonProgress(
        course_id=course_id,
        progress=CourseProgress(
            done=lessons_done,
            total=lesson_total,
            started=enrolment_id is not None,
            finished_at=finished_at,
        ),
        state=state,
        enrolled=enrolment_id is not None,
        last_lesson_id=last_lesson_id,
        last_activity_at=_datetime_from_row(last_activity),
        nudged=nudged_at is not None,
    )


def course_progress_counts(
    *, lesson: LessonPage, learner: User | None = None, session_done: Iterable[int] = ()
) -> CourseProgress:
    """Progress through the lesson's course, just after marking it done: one query."""
    course_path = _parent_path(lesson)
    if learner is not None:
        row = (
            CoursePage.objects.filter(path=course_path)
            .annotate(
                mine=FilteredRelation("enrolments", condition=Q(enrolments__learner=learner)),
                lesson_total=_count(_live_lessons_of("path", "depth")),
                lessons_done=_count(_live_lessons_of("path", "depth").filter(_done_by(learner))),
            )
            .values("lesson_total", "lessons_done", "mine__completed_at")
            .first()
        )
        if row is None:
            return CourseProgress(done=1, total=1, started=True)
        return CourseProgress(
            done=row["lessons_done"],
            total=row["lesson_total"],
            started=True,
            finished_at=row["mine__completed_at"],
        )
    ids = set(
        LessonPage.objects.live()
        .filter(path__startswith=course_path, depth=lesson.depth)
        .values_list("pk", flat=True)
    )
    done = len(ids & set(session_done))
    return CourseProgress(done=done, total=len(ids), started=done > 0)


def session_lesson_states(entries: Mapping[str, Mapping]) -> dict[int, LessonState]:
    """States of the lessons a visitor who is not signed in has done, from their session."""
    states = {}
    for key, entry in entries.items():
        try:
            lesson_id = int(key)
        except (TypeError, ValueError):
            continue
        when = parse_datetime(str(entry.get("at", ""))) if isinstance(entry, Mapping) else None
        states[lesson_id] = LessonState(done_at=when or timezone.now())
    return states


def course_progress(
    *, learner: User, course: CoursePage, lessons: list[LessonPage]
) -> tuple[CourseProgress, dict[int, LessonState], int | None]:
    """Progress through a course whose live lessons are known: two queries.

    Returns the progress, each lesson's state by id, and the last lesson the learner opened.
    """
    enrolment = (
        Enrolment.objects.filter(learner=learner, course=course)
        .only("pk", "completed_at", "last_lesson_id")
        .first()
    )
    finished_at = enrolment.completed_at if enrolment else None
    completions = {
        completion.lesson_id: completion
        for completion in LessonCompletion.objects.filter(
            learner=learner, lesson_id__in=[lesson.pk for lesson in lessons]
        ).select_related("helper")
    }
    states = {
        lesson.pk: _state_from_completion(
            completions.get(lesson.pk), is_new=_lesson_is_new(lesson, finished_at)
        )
        for lesson in lessons
    }
    progress = CourseProgress(
        done=len(completions),
        total=len(lessons),
        started=enrolment is not None or bool(completions),
        finished_at=finished_at,
    )
    return progress, states, enrolment.last_lesson_id if enrolment else None


def lesson_continue(
    *, lessons: list[LessonPage], done_ids: set[int], last_lesson_id: int | None
) -> LessonPage | None:
    """Where to carry on: the first lesson not done from the last one opened, then from the
    start; when every lesson is done, the last one opened (or the last of the course)."""
    if not lessons:
        return None
    start = next(
        (number for number, lesson in enumerate(lessons) if lesson.pk == last_lesson_id), 0
    )
    for lesson in [*lessons[start:], *lessons[:start]]:
        if lesson.pk not in done_ids:
            return lesson
    return lessons[start] if last_lesson_id else lessons[-1]


def lesson_for_marking(*, lesson_id: int) -> LessonPage | None:
    """A live lesson, noting whether it or a page above it has a view restriction: one query."""
    restrictions_above = PageViewRestriction.objects.filter(
        StartsWith(ExpressionWrapper(OuterRef("path"), output_field=CharField()), F("page__path"))
    )
    return (
        LessonPage.objects.live()
        .annotate(restricted=Exists(restrictions_above))
        .filter(pk=lesson_id)
        .first()
    )


# --- My learning -------------------------------------------------------------------------------


@dataclass
class CourseSummary:
    """One course a learner has started, as "My learning" shows it."""

    enrolment: Enrolment
    course: CoursePage
    progress: CourseProgress
    continue_lesson: LessonPage | None = None
    new_lessons: int = 0
    certificate_id: UUID | None = None

    @property
    def finished(self) -> bool:
        return self.progress.finished_at is not None

    @property
    def bar_id(self) -> str:
        return f"course-progress-{self.course.pk}"


def learner_courses(*, learner: User) -> list[CourseSummary]:
    """Every course the learner started, most recent first, with progress: two queries."""
    lessons = _live_lessons_of("course_path", "course_depth")
    not_done = lessons.filter(~_done_by(learner))
    enrolments = list(
        Enrolment.objects.filter(learner=learner)
        .select_related("course")
        .defer("course__outcomes")
        .annotate(
            course_path=F("course__path"),
            course_depth=F("course__depth"),
            last_path=F("last_lesson__path"),
        )
        .annotate(
            lesson_total=_count(lessons),
            live_lessons_done=_count(lessons.filter(_done_by(learner))),
            new_lessons=_count(not_done.filter(first_published_at__gt=OuterRef("completed_at"))),
            # The first lesson not done from the last one opened on, else from the start.
            next_lesson_id=Coalesce(
                Subquery(
                    not_done.filter(path__gte=OuterRef("last_path"))
                    .order_by("path")
                    .values("pk")[:1]
                ),
                Subquery(not_done.order_by("path").values("pk")[:1]),
            ),
            certificate_id=Subquery(
                Certificate.objects.filter(
                    learner=learner, course=OuterRef("course_id"), revoked_at__isnull=True
                ).values("pk")[:1]
            ),
        )
        .order_by("-last_activity_at", "-pk")
    )
    wanted = {
        enrolment.next_lesson_id or enrolment.last_lesson_id
        for enrolment in enrolments
        if enrolment.next_lesson_id or enrolment.last_lesson_id
    }
    continue_lessons = (
        LessonPage.objects.live().defer_streamfields().in_bulk(wanted) if wanted else {}
    )
    return [
        CourseSummary(
            enrolment=enrolment,
            course=enrolment.course,
            progress=CourseProgress(
                done=enrolment.live_lessons_done,
                total=enrolment.lesson_total,
                started=True,
                finished_at=enrolment.completed_at,
            ),
            continue_lesson=continue_lessons.get(
                enrolment.next_lesson_id or enrolment.last_lesson_id
            ),
            new_lessons=enrolment.new_lessons,
            certificate_id=enrolment.certificate_id,
        )
        for enrolment in enrolments
    ]


def course_suggestion(*, learner: User, started: list[CourseSummary]) -> CoursePage | None:
    """A live course the learner has not started: one query.

    After finishing a "Getting started" course, "Next steps" courses come first; otherwise
    "Getting started" ones. Then courses in the same skill areas as the ones already started.
    """
    finished_basics = any(
        summary.finished and summary.course.level == CourseLevel.GETTING_STARTED
        for summary in started
    )
    preferred = CourseLevel.NEXT_STEPS if finished_basics else CourseLevel.GETTING_STARTED
    started_areas = Skill.objects.filter(
        courses__enrolments__learner=learner, courses__live=True
    ).values("area_id")
    same_area = CoursePage.skills.through.objects.filter(
        coursepage_id=OuterRef("pk"), skill__area_id__in=started_areas
    )
    return (
        CoursePage.objects.live()
        .public()
        .defer_streamfields()
        .filter(
            # English courses: enrolments are kept against them (courses/progress/languages.py).
            in_english(),
            ~Exists(Enrolment.objects.filter(learner=learner, course=OuterRef("pk"))),
            Exists(_live_lessons_of("path", "depth")),
        )
        .annotate(
            level_first=Case(
                When(level=preferred, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            ),
            same_area=Exists(same_area),
        )
        .order_by("level_first", F("same_area").desc(), "path")
        .first()
    )


# --- My skills ---------------------------------------------------------------------------------


@dataclass
class SkillLesson:
    lesson: LessonPage
    course: Page | None


@dataclass
class SkillStatus:
    skill: Skill
    record: SkillRecord | None
    lessons_to_do: list[SkillLesson] = field(default_factory=list)
    lessons_total: int = 0

    @property
    def achieved(self) -> bool:
        return self.record is not None

    @property
    def achieved_text(self) -> str:
        record = self.record
        if record is None:
            return ""
        values = {"date": date_text(record.achieved_at)}
        values["name"] = record.helper.name if record.helper else ""
        if record.evidence == SkillEvidence.OBSERVED:
            if values["name"]:
                return gettext("You got this skill on %(date)s. %(name)s saw you do it.") % values
            return (
                gettext("You got this skill on %(date)s. A Digital Champion saw you do it.")
                % values
            )
        if record.assisted:
            if values["name"]:
                return gettext("You got this skill on %(date)s, with help from %(name)s.") % values
            return gettext("You got this skill on %(date)s, with help.") % values
        return gettext("You got this skill on %(date)s, on your own.") % values


@dataclass
class AreaSkills:
    area: SkillArea
    skills: list[SkillStatus]

    @property
    def achieved_count(self) -> int:
        return sum(1 for status in self.skills if status.achieved)


def learner_skills(*, learner: User) -> list[AreaSkills]:
    """The framework's areas and skills, with what the learner achieved and, for the skills
    still to get, the live lessons they have not done yet that teach them: five queries."""
    records = {
        record.skill_id: record
        for record in SkillRecord.objects.filter(learner=learner).select_related("helper")
    }
    # English lessons: lessons done are kept against them (courses/progress/languages.py).
    lessons_to_do = (
        LessonPage.objects.live()
        .public()
        .defer_streamfields()
        .filter(in_english(), ~_done_by(learner))
        .order_by("path")
    )
    teaching = (
        LessonPage.objects.live()
        .filter(in_english(), skills=OuterRef("pk"))
        .order_by()
        .annotate(total=Func(F("pk"), function="COUNT"))
        .values("total")[:1]
    )
    skills = (
        Skill.objects.order_by("sort_order", "code")
        .annotate(lessons_total=Coalesce(Subquery(teaching, output_field=IntegerField()), Value(0)))
        .prefetch_related(Prefetch("lessons", queryset=lessons_to_do, to_attr="lessons_to_do"))
    )
    areas = list(
        SkillArea.objects.order_by("sort_order", "code").prefetch_related(
            Prefetch("skills", queryset=skills, to_attr="skill_list")
        )
    )
    course_paths = {
        _parent_path(lesson)
        for area in areas
        for skill in area.skill_list
        if skill.pk not in records
        for lesson in skill.lessons_to_do
    }
    courses = (
        {page.path: page for page in Page.objects.filter(path__in=course_paths)}
        if course_paths
        else {}
    )
    return [
        AreaSkills(
            area=area,
            skills=[
                SkillStatus(
                    skill=skill,
                    record=records.get(skill.pk),
                    lessons_to_do=[]
                    if skill.pk in records
                    else [
                        SkillLesson(lesson=lesson, course=courses.get(_parent_path(lesson)))
                        for lesson in skill.lessons_to_do
                    ],
                    lessons_total=skill.lessons_total,
                )
                for skill in area.skill_list
            ],
        )
        for area in areas
    ]


def course_lessons_not_done(*, learner: User, course: CoursePage) -> QuerySet[LessonPage]:
    """The course's live lessons this learner still has to do (a queryset)."""
    done = LessonCompletion.objects.filter(learner=learner, lesson=OuterRef("pk"))
    return LessonPage.objects.live().child_of(course).filter(~Exists(done))
