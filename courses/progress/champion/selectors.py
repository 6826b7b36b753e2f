"""Reads for Digital Champion assisted mode: which learners a champion may see, and their progress.

A champion sees only:

- the learners of the community centre a Manager assigned them to (``champion_centre``: never
  the centre a champion picks for themselves on their profile), and
- the learners they helped: accounts they made (``assisted_by``), or anyone with a lesson or skill
  they recorded or helped with (``helper``).

Everything a champion opens goes through :func:`champion_learners`, so a learner outside that
scope is simply not found (404): a champion cannot see or change anyone else's progress. A
champion with no assignment sees nobody until a Manager assigns them to a centre.
"""

from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.db.models import Exists, Max, OuterRef, Q, QuerySet, Value
from django.db.models.functions import Coalesce, Lower, NullIf

from wagtail.models import Page

from courses.models import (
    CoursePage,
    Enrolment,
    LessonCompletion,
    LessonPage,
    Skill,
    SkillRecord,
)
from training.places.selectors import champion_centre
from training.users.models import User
from translations.routing import in_english

ASSISTED_PROGRESS_PERMISSION = "courses.record_assisted_progress"
SEARCH_MAX_LENGTH = 100


def champion_learners(*, champion: User) -> QuerySet[User]:
    """The active learners ``champion`` may see, sorted by name, with when each was last active.

    Nobody while the champion has no assigned centre.
    """
    centre = champion_centre(user=champion)
    if centre is None:
        return User.objects.none()
    helped = (
        Q(community_centre=centre)
        | Q(assisted_by=champion)
        | Exists(LessonCompletion.objects.filter(learner=OuterRef("pk"), helper=champion))
        | Exists(SkillRecord.objects.filter(learner=OuterRef("pk"), helper=champion))
    )
    return (
        User.objects.filter(helped, is_active=True)
        .exclude(pk=champion.pk)
        .select_related("community_centre")
        .annotate(
            sort_name=Lower(Coalesce(NullIf("display_name", Value("")), "username")),
            last_active=Max("enrolments__last_activity_at"),
        )
        .order_by("sort_name", "pk")
    )


def learners_search(*, learners: QuerySet[User], query: str) -> QuerySet[User]:
    """Narrow ``learners`` to those whose name or username contains every word of ``query``."""
    for word in query.split()[:5]:
        learners = learners.filter(
            Q(display_name__icontains=word)
            | Q(username__icontains=word)
            | Q(first_name__icontains=word)
            | Q(last_name__icontains=word)
        )
    return learners


@dataclass
class CourseProgress:
    enrolment: Enrolment
    lessons_done: int
    lessons_total: int


@dataclass
class LearnerProgress:
    courses: list[CourseProgress]
    completions: list[LessonCompletion]
    skills: list[SkillRecord]


def learner_progress(*, learner: User) -> LearnerProgress:
    """Everything a champion sees about one learner's learning, in four queries."""
    enrolments = list(
        Enrolment.objects.filter(learner=learner)
        .select_related("course", "last_lesson")
        .order_by("completed_at", "-last_activity_at")
    )
    completions = list(
        LessonCompletion.objects.filter(learner=learner)
        .select_related("helper", "course")
        .order_by("-completed_at", "-pk")
    )
    skills = list(
        SkillRecord.objects.filter(learner=learner)
        .select_related("skill__area", "helper")
        .order_by("-achieved_at", "-pk")
    )
    live_lessons: list[tuple[int, str]] = []
    if enrolments:
        children = reduce(
            or_,
            (
                Q(path__startswith=enrolment.course.path, depth=enrolment.course.depth + 1)
                for enrolment in enrolments
            ),
        )
        live_lessons = list(LessonPage.objects.live().filter(children).values_list("pk", "path"))
    done = {completion.lesson_id for completion in completions}
    courses = []
    for enrolment in enrolments:
        in_course = [pk for pk, path in live_lessons if path.startswith(enrolment.course.path)]
        courses.append(
            CourseProgress(
                enrolment=enrolment,
                lessons_done=sum(pk in done for pk in in_course),
                lessons_total=len(in_course),
            )
        )
    return LearnerProgress(courses=courses, completions=completions, skills=skills)


def lesson_choices() -> list[tuple[str, list[tuple[int, str]]]]:
    """Published lessons of published courses, grouped by course, in the courses' own order."""
    courses: dict[str, tuple[str, list[tuple[int, str]]]] = {
        path: (title, [])
        for path, title in CoursePage.objects.live()
        .filter(in_english())
        .order_by("path")
        .values_list("path", "title")
    }
    # English lessons only: progress is kept against them (courses/progress/languages.py).
    lessons = (
        LessonPage.objects.live()
        .filter(in_english())
        .order_by("path")
        .values_list("pk", "path", "title")
    )
    for pk, path, title in lessons:
        course = courses.get(path[: -Page.steplen])
        if course is not None:
            course[1].append((pk, title))
    return [(title, items) for title, items in courses.values() if items]


def skill_choices() -> list[tuple[str, list[tuple[int, str]]]]:
    """Every skill of the framework, grouped by area, in the framework's order."""
    areas: dict[int, tuple[str, list[tuple[int, str]]]] = {}
    for skill in Skill.objects.select_related("area"):
        areas.setdefault(skill.area_id, (skill.area.name, []))[1].append(
            (skill.pk, f"{skill.code}: {skill.statement}")
        )
    return list(areas.values())
