"""Writes that belong to the site as a whole. Only one, on purpose: recording activity."""

from datetime import datetime
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import connection, models, transaction
from django.utils import timezone

from training.core.models import ActivityEvent, LearnerActivity
from training.core.verbs import PARTICIPATION_PREFIX, verbs


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
    _learner_activity_touch(events)


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
    _learner_activity_touch([event])
    return event


def _learner_activity_touch(events: list[ActivityEvent]) -> None:
    """Move each actor's :class:`LearnerActivity` forward to their latest event here, in one
    upsert for the whole batch (a later event already recorded is kept: it only moves forward)."""
    latest: dict[int, list] = {}
    for event in events:
        if event.actor_id is None:
            continue
        taking_part = event.occurred_at if verbs.get(event.verb).participation else None
        row = latest.setdefault(event.actor_id, [event.occurred_at, taking_part])
        row[0] = max(row[0], event.occurred_at)
        if taking_part is not None and (row[1] is None or taking_part > row[1]):
            row[1] = taking_part
    if not latest:
        return
    adapt = connection.ops.adapt_datetimefield_value
    params: list[Any] = []
    for learner_id, (active, taking_part) in sorted(latest.items()):
        params += [learner_id, adapt(active), adapt(taking_part)]
    meta = LearnerActivity._meta
    table = meta.db_table
    learner, active, part = (
        meta.get_field(name).column  # type: ignore[union-attr]  # concrete fields
        for name in ("learner", "last_active_at", "last_taking_part_at")
    )
    values = ", ".join(["(%s, %s, %s)"] * len(latest))
    # Only our own table and column names are put in; values stay parameters. The CASEs keep the
    # later time (SQLite's MAX() of a NULL is NULL, PostgreSQL's GREATEST ignores it).
    sql = (
        f"INSERT INTO {table} ({learner}, {active}, {part}) VALUES {values} "  # noqa: S608
        f"ON CONFLICT ({learner}) DO UPDATE SET "
        f"{active} = CASE WHEN excluded.{active} > {table}.{active} "
        f"THEN excluded.{active} ELSE {table}.{active} END, "
        f"{part} = CASE WHEN {table}.{part} IS NULL OR excluded.{part} > {table}.{part} "
        f"THEN excluded.{part} ELSE {table}.{part} END"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def learner_activity_rebuild() -> int:
    """Work out every :class:`LearnerActivity` row again from the activity stream (one
    transaction: readers see the old rows until it ends). Returns how many rows there are.

    For data loaded without the services (raw SQL, fixtures), or after a verb's "taking part"
    changes in the registry."""
    meta = LearnerActivity._meta
    event = ActivityEvent._meta
    actor, occurred, verb = (
        event.get_field(name).column  # type: ignore[union-attr]  # concrete fields
        for name in ("actor", "occurred_at", "verb")
    )
    learner, active, part = (
        meta.get_field(name).column  # type: ignore[union-attr]  # concrete fields
        for name in ("learner", "last_active_at", "last_taking_part_at")
    )
    taking_part = verbs.participation_verbs() or [""]  # never an empty IN (): no verb is ""
    # Only our own table and column names are put in; values stay parameters. Saying that the
    # verb starts with the prefix lets PostgreSQL use the partial index of those rows.
    sql = (
        f"INSERT INTO {meta.db_table} ({learner}, {active}, {part}) "  # noqa: S608
        f"SELECT {actor}, MAX({occurred}), MAX(CASE WHEN {verb} LIKE %s AND {verb} IN "
        f"({', '.join(['%s'] * len(taking_part))}) THEN {occurred} END) "
        f"FROM {event.db_table} WHERE {actor} IS NOT NULL GROUP BY {actor}"
    )
    with transaction.atomic():
        LearnerActivity.objects.all().delete()
        with connection.cursor() as cursor:
            cursor.execute(sql, [PARTICIPATION_PREFIX + "%", *taking_part])
    return LearnerActivity.objects.count()
