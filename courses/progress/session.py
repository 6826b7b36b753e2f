"""Progress of visitors who are not signed in, kept in their session until they sign in.

When they sign up or sign in, :func:`progress_session_merge` records it against their account
through the usual services, so nothing is counted twice.
"""

from django.contrib.sessions.backends.base import SessionBase
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from courses.models import CompletionMethod, LessonPage
from courses.progress.languages import page_in_default_language
from courses.progress.services import lesson_complete
from training.users.models import User

SESSION_KEY = "progress_lessons"


def session_lesson_complete(
    *, session: SessionBase, lesson: LessonPage, method: str = CompletionMethod.DONE
) -> bool:
    """Note a finished lesson in the session. Returns False if it was already there."""
    lessons = dict(session.get(SESSION_KEY, {}))
    key = str(page_in_default_language(lesson).pk)  # a translated lesson is the English one
    if key in lessons:
        return False
    lessons[key] = {"at": timezone.now().isoformat(), "method": method}
    session[SESSION_KEY] = lessons
    return True


def session_lessons_done(*, session: SessionBase) -> set[int]:
    return {int(key) for key in session.get(SESSION_KEY, {})}


def progress_session_merge(*, learner: User, session: SessionBase) -> int:
    """Record the session's finished lessons for ``learner``; return how many were new."""
    lessons = session.pop(SESSION_KEY, None)
    if not lessons:
        return 0
    live = LessonPage.objects.live().in_bulk([int(key) for key in lessons])
    made = 0
    for key, entry in sorted(lessons.items(), key=lambda item: item[1].get("at", "")):
        lesson = live.get(int(key))
        if lesson is None:
            continue
        when = parse_datetime(entry.get("at", "")) or timezone.now()
        method = entry.get("method", CompletionMethod.DONE)
        if method not in CompletionMethod.values or method == CompletionMethod.CHAMPION:
            method = CompletionMethod.DONE
        result = lesson_complete(learner=learner, lesson=lesson, method=method, completed_at=when)
        made += result.created
    return made
