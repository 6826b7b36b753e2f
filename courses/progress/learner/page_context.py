"""What the course and lesson pages show each visitor about their own progress, and how a quiz
answered on a lesson page reaches the learning record.

The template tags in courses/templatetags/progress_tags.py call the first two and the
``QUIZ_ANSWERED`` hook (courses/wagtail_hooks.py) the last, so that the page models stay about
content and never import this code. Everything here is personal: the lesson template renders
it outside the shared fragment, and for a visitor with no session it is empty, so the anonymous
page cache still holds one copy for everyone.
"""

from dataclasses import replace
from datetime import timedelta
from typing import Any

from django.http import HttpRequest
from django.utils import timezone

from courses.models import CompletionMethod, CoursePage, LessonPage
from courses.progress.languages import page_in_default_language, pages_in_default_language
from courses.progress.selectors import (
    CourseProgress,
    LessonProgress,
    LessonState,
    course_progress,
    lesson_continue,
    lesson_progress,
    session_lesson_states,
)
from courses.progress.services import enrolment_start, quiz_attempt_record
from courses.progress.session import SESSION_KEY, session_lesson_complete
from courses.quiz import QuizResult

# Opening the lesson you were already on within this time does not write to the database again.
ENROLMENT_REFRESH = timedelta(hours=1)

__all__ = ["course_page_progress", "lesson_page_progress", "quiz_result_record"]


def session_entries(request: HttpRequest) -> dict[str, Any]:
    """Lessons done signed out, from the session. With no session cookie this reads nothing
    and sets no cookie, so the page can still be cached for everyone."""
    session = getattr(request, "session", None)
    if session is None or (session.session_key is None and not session.modified):
        return {}
    entries = session.get(SESSION_KEY) or {}
    return entries if isinstance(entries, dict) else {}


def _enrolment_stale(found: LessonProgress, lesson: LessonPage) -> bool:
    return (
        not found.enrolled
        or found.last_lesson_id != lesson.pk
        or found.nudged
        or found.last_activity_at is None
        or found.last_activity_at < timezone.now() - ENROLMENT_REFRESH
    )


def lesson_page_progress(*, request: HttpRequest, lesson: LessonPage, contents) -> dict:
    """``lesson_state`` and ``course_progress`` for the lesson page.

    Opening a lesson while signed in enrols the learner in its course and notes the lesson as
    the one to come back to. ``contents`` is the lesson's (lazy) place in its course; it is only
    read for visitors who are not signed in but have progress in their session.
    """
    empty = {"lesson_state": LessonState(), "course_progress": CourseProgress()}
    if getattr(request, "is_preview", False) or lesson.pk is None:
        return empty
    # A translated lesson shows the English lesson's progress (courses/progress/languages.py).
    lesson = page_in_default_language(lesson)
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        found = lesson_progress(learner=user, lesson=lesson)
        progress = found.progress
        if (
            request.method == "GET"
            and found.course_id is not None
            and _enrolment_stale(found, lesson)
        ):
            # Rarely (a different lesson, or an hour later): the course itself, to note it.
            course = CoursePage.objects.defer_streamfields().get(pk=found.course_id)
            enrolment_start(learner=user, course=course, lesson=lesson)
            progress = replace(progress, started=True)
        return {"lesson_state": found.state, "course_progress": progress}
    entries = session_entries(request)
    if not entries:
        return empty
    states = session_lesson_states(entries)
    live = [item for item in contents.lessons if item.live]
    english = pages_in_default_language(live)
    done = sum(1 for item in live if english[item.pk].pk in states)
    return {
        "lesson_state": states.get(lesson.pk, LessonState()),
        "course_progress": CourseProgress(done=done, total=len(live), started=done > 0),
    }


def course_page_progress(
    *, request: HttpRequest, course: CoursePage, lessons: list[LessonPage]
) -> dict:
    """``course_progress`` and ``continue_lesson`` for the course page; each lesson gets a
    ``learner_state``."""
    if getattr(request, "is_preview", False) or course.pk is None:
        return {"course_progress": CourseProgress(total=len(lessons)), "continue_lesson": None}
    user = getattr(request, "user", None)
    last_lesson_id = None
    # Progress is kept against the English course and lessons (courses/progress/languages.py):
    # read it there, then show it on these (perhaps translated) lessons.
    english = pages_in_default_language(lessons)
    if user is not None and user.is_authenticated:
        progress, english_states, last_lesson_id = course_progress(
            learner=user,
            course=page_in_default_language(course),
            lessons=[english[lesson.pk] for lesson in lessons],
        )
        states = {
            lesson.pk: english_states[english[lesson.pk].pk]
            for lesson in lessons
            if english[lesson.pk].pk in english_states
        }
        last_lesson_id = next(
            (lesson.pk for lesson in lessons if english[lesson.pk].pk == last_lesson_id),
            last_lesson_id,
        )
    else:
        in_session = session_lesson_states(session_entries(request))
        states = {
            lesson.pk: in_session[english[lesson.pk].pk]
            for lesson in lessons
            if english[lesson.pk].pk in in_session
        }
        progress = CourseProgress(done=len(states), total=len(lessons), started=bool(states))
    for lesson in lessons:
        lesson.learner_state = states.get(lesson.pk)
    done_ids = {lesson_id for lesson_id, state in states.items() if state.done}
    return {
        "course_progress": progress,
        "continue_lesson": lesson_continue(
            lessons=lessons, done_ids=done_ids, last_lesson_id=last_lesson_id
        )
        if progress.started
        else None,
    }


def quiz_result_record(
    *,
    request: HttpRequest,
    lesson: LessonPage,
    quiz_id: str,
    answers: dict[int, tuple[int, ...]],
    result: QuizResult,
) -> None:
    """Store a try at a quiz for a signed-in learner (passing completes the lesson); for a
    visitor who is not signed in, note a pass in the session."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        quiz_attempt_record(
            learner=user,
            lesson=lesson,
            quiz_block_id=quiz_id,
            answers=[list(answers.get(number, ())) for number in range(result.total)],
            score=result.score,
            total=result.total,
            passed=result.passed,
        )
    elif result.passed:
        session_lesson_complete(
            session=request.session, lesson=lesson, method=CompletionMethod.QUIZ
        )
