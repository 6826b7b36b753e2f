"""“Put it into practice” on the pages where learners see what they finished.

Everything here is personal. Each tag returns an empty :class:`Practice` for visitors who are
not signed in (and in previews), so pages kept in the anonymous page cache never hold a step.
Templates render the result outside any shared fragment.
"""

from django import template

from practice.selectors import (
    Practice,
    StepResolver,
    course_next_steps,
    learner_next_steps,
    lesson_next_steps,
    steps_index,
    steps_mark_done,
)

register = template.Library()


def _learner(context):
    request = context.get("request")
    if request is None or getattr(request, "is_preview", False):
        return None
    user = getattr(request, "user", None)
    return user if user is not None and user.is_authenticated else None


@register.simple_tag(takes_context=True)
def practice_for_lesson(context, lesson, done: bool = False) -> Practice:
    """The steps earned through this lesson's course or skills, once the lesson is done.

    ``leads_to_steps`` says whether finishing the lesson could show steps at all: the lesson
    template then sends “I've done this” as a plain form, so the page comes back with them.
    """
    learner = _learner(context)
    if learner is None or not getattr(lesson, "pk", None):
        return Practice()
    if not steps_index().leads(lesson):
        return Practice()
    if not done:
        return Practice(leads_to_steps=True)
    earned, leads = lesson_next_steps(learner=learner, lesson=lesson)
    return StepResolver(learner).practice(earned, leads_to_steps=leads)


@register.simple_tag(takes_context=True)
def practice_for_course(context, course, finished: bool = False) -> Practice:
    """The steps of a course the learner has finished (on the course and certificate pages)."""
    learner = _learner(context)
    course_id = getattr(course, "pk", course)
    if learner is None or not finished or not course_id:
        return Practice()
    return StepResolver(learner).practice(course_next_steps(course_id=course_id))


@register.simple_tag(takes_context=True)
def practice_for_learner(context, *, skills_only: bool = False) -> Practice:
    """Every step the learner has earned, and which they have done (My learning, My skills)."""
    learner = _learner(context)
    if learner is None:
        return Practice()
    steps = learner_next_steps(learner=learner)
    if skills_only:
        steps = [step for step in steps if step.skill_id]
    practice = StepResolver(learner).practice(steps)
    steps_mark_done(learner=learner, steps=practice.steps)
    return practice
