"""Next steps for tests. Groups and events come from tests/factories/community.py and events.py."""

import factory

from courses.progress.services import lesson_complete
from practice.models import NextStep, NextStepKind


class NextStepFactory(factory.django.DjangoModelFactory):
    """A step on a course by default; pass ``course=None, skill=...`` for a skill's step."""

    class Meta:
        model = NextStep

    kind = NextStepKind.JOIN_GROUP
    title = factory.Sequence(lambda n: f"Say hello to your neighbours {n}")
    text = "Your neighbours are there to help. Say hello and ask a question."
    sort_order = 0


def lessons_finish(learner, lessons) -> None:
    """Mark each lesson done, as “I've done this” does."""
    for lesson in lessons:
        lesson_complete(learner=learner, lesson=lesson)
