"""Writes to the learning record. Read this file to understand the progress rules.

- Starting a course enrols the learner (once).
- A lesson is completed by "I've done this" or by passing its quiz — once, however often the
  button is pressed, in however many tabs: the database's unique constraint decides.
- A course is complete when all its published lessons are complete.
- A skill is achieved when every published lesson that teaches it is complete, or when a Digital
  Champion records it as observed. Only the skills of the lesson just finished are checked, so a
  completion never re-reads the learner's whole history.
- Later edits to a course never take away what was earned: records are never deleted by edits.
- Every event goes into the activity stream.
"""

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db import transaction
from django.db.models import Exists, F, Func, IntegerField, OuterRef, Subquery
from django.utils import timezone

from wagtail.models import Page

from courses.models import (
    CompletionMethod,
    CoursePage,
    Enrolment,
    LessonCompletion,
    LessonPage,
    QuizAttempt,
    Skill,
    SkillEvidence,
    SkillRecord,
)
from courses.progress.languages import page_in_default_language
from courses.verbs import (
    COURSE_COMPLETED,
    COURSE_STARTED,
    LESSON_COMPLETED,
    QUIZ_ATTEMPTED,
    SKILL_ACHIEVED,
)
from dashboards import facts as dashboard_facts
from training.core.db import rows_insert_once
from training.core.services import activity_event, activity_record, activity_record_many
from training.users.models import User


@dataclass
class CompletionResult:
    completion: LessonCompletion
    created: bool
    course_completed: bool = False
    skills_achieved: list[int] = field(default_factory=list)


def _course_path(lesson: Page) -> str:
    return lesson.path[: -Page.steplen]


def _lessons_not_done(*, learner: User, course_path: str, exclude_pk: int | None = None):
    """Live lessons of a course (by its tree path) that the learner has not completed."""
    done = LessonCompletion.objects.filter(learner=learner, lesson=OuterRef("pk"))
    lessons = LessonPage.objects.live().filter(
        path__startswith=course_path, depth=len(course_path) // Page.steplen + 1
    )
    if exclude_pk is not None:
        lessons = lessons.exclude(pk=exclude_pk)
    return lessons.filter(~Exists(done))


@transaction.atomic
def enrolment_start(*, learner: User, course: CoursePage, lesson: LessonPage | None = None):
    """Enrol the learner in a course (once), or note that they are back. Returns the enrolment."""
    # A translated course is the English course (courses/progress/languages.py).
    course = page_in_default_language(course)
    lesson = page_in_default_language(lesson) if lesson is not None else None
    now = timezone.now()
    updated = Enrolment.objects.filter(learner=learner, course=course).update(
        last_activity_at=now, nudged_at=None, **({"last_lesson": lesson} if lesson else {})
    )
    if updated:
        return Enrolment.objects.get(learner=learner, course=course)
    enrolment, created = Enrolment.objects.get_or_create(
        learner=learner,
        course=course,
        defaults={"started_at": now, "last_activity_at": now, "last_lesson": lesson},
    )
    if created:
        activity_record(actor=learner, verb=COURSE_STARTED, obj=course)
    return enrolment


@transaction.atomic
def lesson_complete(
    *,
    learner: User,
    lesson: LessonPage,
    method: str = CompletionMethod.DONE,
    helper: User | None = None,
    note: str = "",
    completed_at: datetime | None = None,
) -> CompletionResult:
    """Record that ``learner`` finished ``lesson``; exactly once. ``helper`` is whoever helped.

    Returns what changed: whether this call made the completion, finished the course, and which
    skills it achieved. At most seven statements, however long the learner's history.
    """
    # Finishing a translated lesson finishes the English one (courses/progress/languages.py).
    lesson = page_in_default_language(lesson)
    now = completed_at or timezone.now()
    course_path = _course_path(lesson)
    # First, touch the enrolment. On PostgreSQL this locks its row, so two completions in the
    # same course by the same learner (two tabs) queue up, and the second sees the first.
    # Its lessons done become the learner's other completions in the course and this one
    # (the same whether or not this one was done before: no second statement afterwards).
    others_done = Subquery(
        LessonCompletion.objects.filter(learner_id=learner.pk, course_id=OuterRef("course_id"))
        .exclude(lesson_id=lesson.pk)
        .order_by()
        .annotate(n=Func(F("pk"), function="COUNT"))
        .values("n")[:1],
        output_field=IntegerField(),
    )
    touched = Enrolment.objects.filter(learner=learner, course__path=course_path).update(
        last_activity_at=timezone.now(),
        last_lesson=lesson,
        nudged_at=None,
        lessons_completed=others_done + 1,
    )
    # One query: the course, and whether any *other* live lesson of it is still to do.
    course_row = (
        CoursePage.objects.filter(path=course_path)
        .annotate(
            others_to_do=Exists(
                _lessons_not_done(learner=learner, course_path=course_path, exclude_pk=lesson.pk)
            )
        )
        .values("pk", "others_to_do")
        .first()
    )
    course_id = course_row["pk"] if course_row else None
    events = []
    if not touched and course_id is not None:
        _enrolment, enrolled = Enrolment.objects.get_or_create(
            learner=learner,
            course_id=course_id,
            defaults={
                "started_at": now,
                "last_activity_at": now,
                "last_lesson": lesson,
                # No enrolment, so no completion in this course before (enrolments go only
                # with their learner or course): this lesson is the first.
                "lessons_completed": 1,
            },
        )
        if enrolled:
            events.append(
                activity_event(
                    actor=learner,
                    verb=COURSE_STARTED,
                    context={"course_id": course_id},
                    occurred_at=now,
                )
            )

    # The unique constraint makes this insert happen at most once, whoever gets there first,
    # and the same statement tells us whether it was us.
    completion = LessonCompletion(
        learner=learner,
        lesson=lesson,
        course_id=course_id,
        lesson_title=lesson.title,
        revision_id=lesson.live_revision_id,
        completed_at=now,
        method=method,
        assisted=helper is not None,
        helper=helper,
        note=note,
    )
    created = bool(rows_insert_once([completion]))
    if not created:
        activity_record_many(events)
        existing = LessonCompletion.objects.get(learner=learner, lesson=lesson)
        return CompletionResult(completion=existing, created=False)

    result = CompletionResult(completion=completion, created=True)
    # The managers' dashboard's fact tables count it in (two statements; dashboards/facts.py).
    dashboard_facts.completion_added(completion)
    context: dict[str, Any] = {
        "course_id": course_id,
        "method": method,
        "assisted": helper is not None,
        "helper_id": helper.pk if helper else None,
    }
    events.append(
        activity_event(
            actor=learner, verb=LESSON_COMPLETED, obj=lesson, context=context, occurred_at=now
        )
    )
    result.skills_achieved = _skills_check(
        learner=learner, lesson=lesson, helper=helper, now=now, events=events
    )
    if course_row and not course_row["others_to_do"]:
        result.course_completed = _course_complete(
            learner=learner, course_id=course_row["pk"], now=now, context=context, events=events
        )
    activity_record_many(events)
    return result


def _skills_check(
    *, learner: User, lesson: LessonPage, helper: User | None, now, events: list
) -> list[int]:
    """Achieve the skills of this lesson whose every live lesson is now complete.

    Reads only this lesson's skills and the lessons that teach them, never the learner's
    whole history.
    """
    done = LessonCompletion.objects.filter(learner=learner, lesson=OuterRef("pk"))
    # Lessons in the same language only: a translated copy is the same lesson (and progress is
    # kept against the English one, courses/progress/languages.py).
    teaching_not_done = (
        LessonPage.objects.live()
        .filter(skills=OuterRef("pk"), locale_id=lesson.locale_id)
        .filter(~Exists(done))
    )
    already = SkillRecord.objects.filter(learner=learner, skill=OuterRef("pk"))
    achieved = list(
        Skill.objects.filter(lessons=lesson)
        .filter(~Exists(teaching_not_done), ~Exists(already))
        .values_list("pk", flat=True)
    )
    made = rows_insert_once(
        [
            SkillRecord(
                learner=learner,
                skill_id=skill_id,
                achieved_at=now,
                evidence=SkillEvidence.LESSONS,
                assisted=helper is not None,
                helper=helper,
            )
            for skill_id in achieved
        ],
        returning="skill",
    )
    events.extend(
        activity_event(
            actor=learner,
            verb=SKILL_ACHIEVED,
            context={
                "skill_id": skill_id,
                "evidence": SkillEvidence.LESSONS,
                "assisted": helper is not None,
                "helper_id": helper.pk if helper else None,
            },
            occurred_at=now,
        )
        for skill_id in made
    )
    dashboard_facts.skills_added(learner_id=learner.pk, skill_ids=made, at=now)
    return made


def _course_complete(*, learner: User, course_id: int, now, context: dict, events: list) -> bool:
    finished = Enrolment.objects.filter(
        learner=learner, course_id=course_id, completed_at__isnull=True
    ).update(completed_at=now)
    if finished:
        dashboard_facts.course_finished(learner_id=learner.pk, course_id=course_id, at=now)
        events.append(
            activity_event(
                actor=learner,
                verb=COURSE_COMPLETED,
                context={**context, "course_id": course_id},
                occurred_at=now,
            )
        )
        # Certificate and congratulations email, after commit. Imported here: tasks may import us.
        from courses.progress.tasks import course_completed

        transaction.on_commit(
            lambda: course_completed.delay(learner_id=learner.pk, course_id=course_id)
        )
    return bool(finished)


@transaction.atomic
def quiz_attempt_record(
    *,
    learner: User,
    lesson: LessonPage,
    quiz_block_id: str,
    answers: list,
    score: int,
    total: int,
    passed: bool,
) -> tuple[QuizAttempt, CompletionResult | None]:
    """Store a try at a quiz; passing it completes the lesson."""
    lesson = page_in_default_language(lesson)  # kept against the English lesson
    attempt = QuizAttempt.objects.create(
        learner=learner,
        lesson=lesson,
        quiz_block_id=quiz_block_id,
        answers=answers,
        score=score,
        total=total,
        passed=passed,
    )
    activity_record(
        actor=learner,
        verb=QUIZ_ATTEMPTED,
        obj=lesson,
        context={"score": score, "total": total, "passed": passed},
    )
    completion = (
        lesson_complete(learner=learner, lesson=lesson, method=CompletionMethod.QUIZ)
        if passed
        else None
    )
    return attempt, completion


@transaction.atomic
def skill_record_observed(
    *, learner: User, skill: Skill, helper: User, note: str = ""
) -> tuple[SkillRecord, bool]:
    """A Digital Champion saw the learner do it: record the skill as achieved with help, once."""
    record, created = SkillRecord.objects.get_or_create(
        learner=learner,
        skill=skill,
        defaults={
            "evidence": SkillEvidence.OBSERVED,
            "assisted": True,
            "helper": helper,
            "note": note,
        },
    )
    if created:
        dashboard_facts.skills_added(
            learner_id=learner.pk, skill_ids=[skill.pk], at=record.achieved_at
        )
        activity_record(
            actor=learner,
            verb=SKILL_ACHIEVED,
            context={
                "skill_id": skill.pk,
                "evidence": SkillEvidence.OBSERVED,
                "assisted": True,
                "helper_id": helper.pk,
            },
        )
    return record, created


__all__ = [
    "CompletionResult",
    "enrolment_start",
    "lesson_complete",
    "quiz_attempt_record",
    "skill_record_observed",
]


def enrolments_lessons_done_rebuild() -> int:
    """Work out every enrolment's lessons done again from the completions (one statement), for
    data loaded without :func:`lesson_complete` (raw SQL, fixtures). Returns the enrolments."""
    done = (
        LessonCompletion.objects.filter(
            learner_id=OuterRef("learner_id"), course_id=OuterRef("course_id")
        )
        .order_by()
        .annotate(n=Func(F("pk"), function="COUNT"))
        .values("n")[:1]
    )
    return Enrolment.objects.update(lessons_completed=Subquery(done, output_field=IntegerField()))
