"""A learner's record as xAPI statements (Experience API 1.0.3), for "Download my learning".

- actor: an Agent named by an ``account`` on this site (its number), never by email address;
- verbs from the ADL vocabulary: registered (started a course), completed (a lesson or a course),
  passed / failed (a quiz attempt, with its score), mastered (a skill achieved);
- object: the lesson, course or quiz as an Activity whose id is its web address;
- ``context.instructor``: the Digital Champion who helped, as an Agent account, when they did.

Statement ids are derived from the records, so downloading twice gives the same statements and a
Learning Record Store that receives them twice keeps one copy.
"""

import uuid
from datetime import UTC, datetime
from typing import Any

from django.conf import settings
from django.http import HttpRequest

from wagtail.models import Page

from courses.models import Enrolment, LessonCompletion, QuizAttempt, SkillRecord
from training.core.addresses import site_url
from training.users.models import User

ADL = "http://adlnet.gov/expapi/verbs/"
ACTIVITY = "http://adlnet.gov/expapi/activities/"
LANGUAGE = "en-GB"


def _verb(name: str) -> dict[str, Any]:
    return {"id": ADL + name, "display": {LANGUAGE: name}}


def _time(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _agent(user_id: int) -> dict[str, Any]:
    return {"objectType": "Agent", "account": {"homePage": site_url() + "/", "name": str(user_id)}}


def _page_iri(page: Page | None, request: HttpRequest | None, fallback: str) -> str:
    parts = page.get_url_parts(request) if page is not None else None
    return f"{site_url()}{parts[2]}" if parts else f"{site_url()}/#{fallback}"


def _activity(iri: str, name: str, kind: str) -> dict[str, Any]:
    return {
        "objectType": "Activity",
        "id": iri,
        "definition": {"name": {LANGUAGE: name}, "type": ACTIVITY + kind},
    }


def _statement_id(kind: str, pk: int) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"{site_url()}/xapi/{kind}/{pk}"))


def _statement(
    *,
    kind: str,
    pk: int,
    actor: dict[str, Any],
    verb: str,
    obj: dict[str, Any],
    timestamp: datetime,
    result: dict[str, Any] | None = None,
    parent: dict[str, Any] | None = None,
    helper_id: int | None = None,
) -> dict[str, Any]:
    context: dict[str, Any] = {"platform": settings.WAGTAIL_SITE_NAME, "language": LANGUAGE}
    if parent is not None:
        context["contextActivities"] = {"parent": [parent]}
    if helper_id is not None:
        context["instructor"] = _agent(helper_id)
    statement = {
        "id": _statement_id(kind, pk),
        "actor": actor,
        "verb": _verb(verb),
        "object": obj,
        "context": context,
        "timestamp": _time(timestamp),
    }
    if result is not None:
        statement["result"] = result
    return statement


def xapi_statements(*, learner: User, request: HttpRequest | None = None) -> list[dict[str, Any]]:
    """Every statement of one learner's record, oldest first. Four queries, however many records."""
    actor = _agent(learner.pk)
    courses: dict[int, dict[str, Any]] = {}

    def course_activity(course) -> dict[str, Any]:
        if course.pk not in courses:
            iri = _page_iri(course, request, f"course-{course.pk}")
            courses[course.pk] = _activity(iri, course.title, "course")
        return courses[course.pk]

    statements: list[dict[str, Any]] = []
    for enrolment in Enrolment.objects.filter(learner=learner).select_related("course"):
        course = course_activity(enrolment.course)
        statements.append(
            _statement(
                kind="enrolment",
                pk=enrolment.pk,
                actor=actor,
                verb="registered",
                obj=course,
                timestamp=enrolment.started_at,
            )
        )
        if enrolment.completed_at:
            statements.append(
                _statement(
                    kind="course-completion",
                    pk=enrolment.pk,
                    actor=actor,
                    verb="completed",
                    obj=course,
                    timestamp=enrolment.completed_at,
                    result={"completion": True},
                )
            )

    completions = LessonCompletion.objects.filter(learner=learner).select_related(
        "lesson", "course"
    )
    for completion in completions:
        iri = _page_iri(completion.lesson, request, f"lesson-completion-{completion.pk}")
        parent = course_activity(completion.course) if completion.course is not None else None
        statements.append(
            _statement(
                kind="lesson-completion",
                pk=completion.pk,
                actor=actor,
                verb="completed",
                obj=_activity(iri, completion.lesson_title, "lesson"),
                timestamp=completion.completed_at,
                result={"completion": True},
                parent=parent,
                helper_id=completion.helper_id,
            )
        )

    for attempt in QuizAttempt.objects.filter(learner=learner).select_related("lesson"):
        lesson = attempt.lesson
        title = lesson.title if lesson is not None else ""
        lesson_iri = _page_iri(lesson, request, f"quiz-attempt-{attempt.pk}")
        score: dict[str, Any] = {"raw": attempt.score, "min": 0, "max": attempt.total}
        if attempt.total:
            score["scaled"] = round(attempt.score / attempt.total, 4)
        statements.append(
            _statement(
                kind="quiz-attempt",
                pk=attempt.pk,
                actor=actor,
                verb="passed" if attempt.passed else "failed",
                obj=_activity(
                    f"{lesson_iri}#quiz-{attempt.quiz_block_id}",
                    f"Quiz: {title}" if title else "Quiz",
                    "assessment",
                ),
                timestamp=attempt.attempted_at,
                result={"score": score, "success": attempt.passed, "completion": True},
                parent=_activity(lesson_iri, title, "lesson") if lesson is not None else None,
            )
        )

    for record in SkillRecord.objects.filter(learner=learner).select_related("skill"):
        skill = record.skill
        statements.append(
            _statement(
                kind="skill",
                pk=record.pk,
                actor=actor,
                verb="mastered",
                obj=_activity(
                    f"{site_url()}/courses/skills/#skill-{skill.code.lower()}",
                    f"{skill.code}: {skill.statement}",
                    "objective",
                ),
                timestamp=record.achieved_at,
                helper_id=record.helper_id,
            )
        )

    statements.sort(key=lambda statement: statement["timestamp"])
    return statements


__all__ = ["xapi_statements"]
