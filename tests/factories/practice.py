"""Next steps, and the groups and events they lead to, for the practice tests."""

from datetime import timedelta

from django.utils import timezone

import factory

from community.models import Group
from courses.progress.services import lesson_complete
from events.models import Event
from practice.models import NextStep, NextStepKind
from tests.factories.places import CommunityCentreFactory, NeighbourhoodFactory


class NextStepFactory(factory.django.DjangoModelFactory):
    """A step on a course by default; pass ``course=None, skill=...`` for a skill's step."""

    class Meta:
        model = NextStep

    kind = NextStepKind.JOIN_GROUP
    title = factory.Sequence(lambda n: f"Say hello to your neighbours {n}")
    text = "Your neighbours are there to help. Say hello and ask a question."
    sort_order = 0


class GroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Group
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Neighbours group {n}")
    slug = factory.Sequence(lambda n: f"neighbours-{n}")
    description = "News and help for neighbours."
    neighbourhood = factory.SubFactory(NeighbourhoodFactory)


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    title = factory.Sequence(lambda n: f"Coffee and computers {n}")
    description = "Bring your phone. We will help you with anything you are stuck on."
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=3))
    ends_at = factory.LazyAttribute(lambda event: event.starts_at + timedelta(hours=2))
    centre = factory.SubFactory(CommunityCentreFactory)
    neighbourhood = factory.LazyAttribute(lambda event: event.centre.neighbourhood)
    organiser = "Sam, Digital Champion"
    capacity = 12


def lessons_finish(learner, lessons) -> None:
    """Mark each lesson done, as “I've done this” does."""
    for lesson in lessons:
        lesson_complete(learner=learner, lesson=lesson)
