"""The learner's own pages: marking a lesson done, "My learning", "My skills" and the xAPI
download of their record.

Thin: each view reads the request, calls a service or a selector, and answers. A learner only
ever sees their own record: no view here takes a learner's id from the address.
"""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from courses.models import LessonPage
from courses.progress.languages import page_in_default_language
from courses.progress.learner.page_context import session_entries
from courses.progress.learner.xapi import xapi_statements
from courses.progress.selectors import (
    CourseProgress,
    LessonState,
    course_progress_counts,
    course_suggestion,
    learner_courses,
    learner_skills,
    lesson_for_marking,
    session_lesson_states,
)
from courses.progress.services import lesson_complete
from courses.progress.session import session_lesson_complete

PROGRESS_ANCHOR = "#lesson-progress"


def _wants_json(request: HttpRequest) -> bool:
    """Only the page's script asks for JSON; a browser's own form post prefers HTML."""
    return request.get_preferred_type(["text/html", "application/json"]) == "application/json"


def _lesson_or_404(request: HttpRequest, lesson_id: int) -> LessonPage:
    lesson = lesson_for_marking(lesson_id=lesson_id)
    if lesson is None:
        raise Http404
    if lesson.restricted:
        # A private lesson: only those who may read it may mark it done.
        for restriction in lesson.get_view_restrictions():
            if not restriction.accept_request(request):
                raise Http404
    return lesson


def _back_to(lesson: LessonPage) -> HttpResponse:
    """Post/Redirect/Get: back to the lesson, at its progress. Without the request, Wagtail
    finds the address from its cached site list, with no query."""
    return redirect((lesson.get_url() or "/") + PROGRESS_ANCHOR)


def _done_message(*, created: bool, course_finished: bool) -> str:
    if not created:
        return _("You had already finished this lesson.")
    if course_finished:
        return _("Well done! You have finished this lesson and the whole course.")
    return _("Well done! You have finished this lesson.")


@require_POST
def lesson_done(request: HttpRequest, lesson_id: int) -> HttpResponse:
    """“I've done this”: record the lesson as done, once, then go back to it (or answer the
    page's script in JSON). Lessons with a quiz are done by passing the quiz instead."""
    # A translated lesson is done as the English lesson, and counts in the English course.
    lesson = page_in_default_language(_lesson_or_404(request, lesson_id))
    wants_json = _wants_json(request)
    if lesson.has_quiz:
        refusal = _("This lesson has a quiz. Pass the quiz to finish the lesson.")
        if wants_json:
            return JsonResponse({"done": False, "message": refusal}, status=400)
        messages.info(request, refusal)
        return _back_to(lesson)

    signed_in = request.user.is_authenticated
    if signed_in:
        result = lesson_complete(learner=request.user, lesson=lesson)
        created, course_finished = result.created, result.course_completed
    else:
        created = session_lesson_complete(session=request.session, lesson=lesson)
        course_finished = False
    message = _done_message(created=created, course_finished=course_finished)

    if not wants_json:
        messages.success(request, message)
        return _back_to(lesson)

    if signed_in:
        completion = result.completion
        state = LessonState(
            done_at=completion.completed_at,
            assisted=completion.assisted,
            helper_name=completion.helper.name if completion.helper_id else "",
        )
        progress = course_progress_counts(lesson=lesson, learner=request.user)
    else:
        states = session_lesson_states(session_entries(request))
        state = states.get(lesson.pk, LessonState())
        progress = course_progress_counts(lesson=lesson, session_done=states.keys())
    return JsonResponse(
        _done_payload(message=message, created=created, state=state, progress=progress)
    )


def _done_payload(
    *, message: str, created: bool, state: LessonState, progress: CourseProgress
) -> dict:
    return {
        "done": True,
        "created": created,
        # Read out by screen readers when the page updates without a reload.
        "message": _("%(message)s %(progress)s.") % {"message": message, "progress": progress.text},
        "state": state.text,
        "helped": state.helped_text,
        "progress": {"done": progress.done, "total": progress.total, "text": progress.text},
    }


@login_required
def my_learning(request: HttpRequest) -> HttpResponse:
    """The courses the learner started and finished, where to carry on, and what to do next."""
    started = learner_courses(learner=request.user)
    return render(
        request,
        "courses/progress/my_learning.html",
        {
            "doing": [summary for summary in started if not summary.finished],
            "finished": [summary for summary in started if summary.finished],
            "suggestion": course_suggestion(learner=request.user, started=started),
        },
    )


@login_required
def my_skills(request: HttpRequest) -> HttpResponse:
    """The skills framework, with what the learner can do and how to learn the rest."""
    areas = learner_skills(learner=request.user)
    return render(
        request,
        "courses/progress/my_skills.html",
        {
            "areas": areas,
            "achieved_count": sum(area.achieved_count for area in areas),
            "skill_count": sum(len(area.skills) for area in areas),
        },
    )


@login_required
@require_GET
def xapi_export(request: HttpRequest) -> HttpResponse:
    """The signed-in learner's own record as xAPI statements, to download."""
    statements = xapi_statements(learner=request.user, request=request)
    response = HttpResponse(
        json.dumps(statements, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="my-learning-xapi.json"'
    response["Cache-Control"] = "private, no-store"
    return response
