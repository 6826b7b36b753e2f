"""Writes that belong to the site as a whole. Only one, on purpose: recording activity."""

from datetime import datetime
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone

from training.core.models import ActivityEvent
from training.core.verbs import verbs


def activity_event(
    *,
    actor: Any | None,
    verb: str,
    obj: models.Model | None = None,
    context: dict[str, Any] | None = None,
    occurred_at: datetime | None = None,
) -> ActivityEvent:
    """An unsaved event; record several at once with :func:`activity_record_many`.

    Raises :class:`training.core.verbs.UnknownVerb` for a verb no app declared.
    """
    verbs.get(verb)
    event = ActivityEvent(
        actor=actor if actor is not None and getattr(actor, "pk", None) else None,
        verb=verb,
        context=context or {},
        occurred_at=occurred_at or timezone.now(),
    )
    if obj is not None:
        event.object_type = ContentType.objects.get_for_model(obj, for_concrete_model=False)
        event.object_id = str(obj.pk)
    return event


def activity_record_many(events: list[ActivityEvent]) -> None:
    """Append several events in one statement (e.g. a lesson, a skill and a course finished)."""
    for event in events:
        verbs.get(event.verb)
    ActivityEvent.objects.bulk_create(events)


def activity_record(
    *,
    actor: Any | None,
    verb: str,
    obj: models.Model | None = None,
    context: dict[str, Any] | None = None,
    occurred_at: datetime | None = None,
) -> ActivityEvent:
    """Append one event to the activity stream and return it.

    ``verb`` is one declared in an app's ``verbs.py`` (see :mod:`training.core.verbs`), such as
    ``training.users.verbs.ACCOUNT_CREATED``; any other raises
    :class:`training.core.verbs.UnknownVerb`.
    ``context`` holds anything a reader needs later without joining other tables (for example
    the helper of an assisted completion, or the neighbourhood at the time).
    """
    event = activity_event(
        actor=actor, verb=verb, obj=obj, context=context, occurred_at=occurred_at
    )
    event.save()
    return event
