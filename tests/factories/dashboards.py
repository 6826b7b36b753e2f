"""Back-dated learning records for dashboard tests: rows written as the progress services would
write them, but at chosen moments (the services always use "now"). Activity goes through the
activity service, which keeps each learner's last activity in step; completions, finished
courses and skills are counted into the dashboard's fact tables as the services do."""

from datetime import datetime

from django.db.models import F

from courses.models import CompletionMethod, Enrolment, LessonCompletion, SkillEvidence, SkillRecord
from dashboards import facts
from training.core.models import ActivityEvent
from training.core.services import activity_record


def enrol(
    *,
    learner,
    course,
    started_at: datetime,
    last_lesson=None,
    last_activity_at=None,
    completed_at=None,
) -> Enrolment:
    enrolment = Enrolment.objects.create(
        learner=learner,
        course=course,
        started_at=started_at,
        last_activity_at=last_activity_at or completed_at or started_at,
        last_lesson=last_lesson,
        completed_at=completed_at,
        lessons_completed=LessonCompletion.objects.filter(learner=learner, course=course).count(),
    )
    if completed_at is not None:
        facts.course_finished(learner_id=learner.pk, course_id=course.pk, at=completed_at)
    return enrolment


def course_finish(*, learner, course, at: datetime) -> None:
    """The learner's enrolment in ``course`` is finished at ``at`` (as the progress service
    finishes it after the last lesson)."""
    Enrolment.objects.filter(learner=learner, course=course).update(
        completed_at=at, last_activity_at=at
    )
    facts.course_finished(learner_id=learner.pk, course_id=course.pk, at=at)


def complete(*, learner, lesson, course, at: datetime, helper=None) -> LessonCompletion:
    activity_record(
        actor=learner,
        verb="lesson.completed",
        context={"course_id": course.pk, "assisted": helper is not None},
        occurred_at=at,
    )
    completion = LessonCompletion.objects.create(
        learner=learner,
        lesson=lesson,
        course=course,
        lesson_title=lesson.title,
        completed_at=at,
        method=CompletionMethod.CHAMPION if helper else CompletionMethod.DONE,
        assisted=helper is not None,
        helper=helper,
    )
    facts.completion_added(completion)
    # As lesson_complete counts it in its enrolment's lessons done.
    Enrolment.objects.filter(learner=learner, course=course).update(
        lessons_completed=F("lessons_completed") + 1
    )
    return completion


def skill_achieve(*, learner, skill, at: datetime, helper=None) -> SkillRecord:
    record = SkillRecord.objects.create(
        learner=learner,
        skill=skill,
        achieved_at=at,
        evidence=SkillEvidence.LESSONS,
        assisted=helper is not None,
        helper=helper,
    )
    facts.skills_added(learner_id=learner.pk, skill_ids=[skill.pk], at=at)
    return record


def event(*, actor, verb: str, at: datetime) -> ActivityEvent:
    return activity_record(actor=actor, verb=verb, occurred_at=at)
