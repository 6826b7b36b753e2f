"""Each visitor's own progress on the course and lesson pages.

The page models stay about content; these tags read (and, for a signed-in learner opening a
lesson, note) where the visitor is. Everything here is personal: templates render it outside
any shared fragment, and for a visitor with no session it is empty, so the anonymous page cache
still holds one copy for everyone (see courses/progress/learner/page_context.py).
"""

from django import template

from courses.progress.learner.page_context import course_page_progress, lesson_page_progress

register = template.Library()


@register.simple_tag(takes_context=True)
def course_progress_for(context, course, lessons) -> dict:
    """``course_progress`` and ``continue_lesson``; each of ``lessons`` gets a
    ``learner_state``. Use it before the list of lessons."""
    return course_page_progress(request=context["request"], course=course, lessons=lessons)


@register.simple_tag(takes_context=True)
def lesson_progress_for(context, lesson, contents) -> dict:
    """``lesson_state`` and ``course_progress`` for the lesson page (opening a lesson signed in
    enrols the learner and notes the lesson as the one to come back to)."""
    return lesson_page_progress(request=context["request"], lesson=lesson, contents=contents)
