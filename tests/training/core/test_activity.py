from django.db import connection

import pytest

from training.core.models import ActivityEvent
from training.core.services import activity_record

pytestmark = pytest.mark.django_db


def test_activity_record_stores_actor_verb_object_and_context(learner):
    event = activity_record(actor=learner, verb="lesson.completed", obj=learner, context={"a": 1})

    stored = ActivityEvent.objects.get(pk=event.pk)
    assert stored.actor == learner
    assert stored.verb == "lesson.completed"
    assert stored.object == learner
    assert stored.context == {"a": 1}
    assert stored.occurred_at is not None


def test_events_cannot_be_changed_once_written(learner):
    event = activity_record(actor=learner, verb="account.created")

    event.verb = "something.else"
    with pytest.raises(TypeError, match="append-only"):
        event.save()
    with pytest.raises(TypeError, match="append-only"):
        ActivityEvent.objects.filter(pk=event.pk).update(verb="x")
    assert ActivityEvent.objects.get(pk=event.pk).verb == "account.created"


def test_deleting_an_account_keeps_its_events_as_anonymous_counts(learner):
    activity_record(actor=learner, verb="lesson.completed")
    learner.delete()

    event = ActivityEvent.objects.get(verb="lesson.completed")
    assert event.actor_id is None


def test_stream_has_indexes_for_reading_by_verb_and_time():
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, ActivityEvent._meta.db_table)
    indexed = {tuple(c["columns"]) for c in constraints.values() if c["index"]}
    assert ("verb", "occurred_at") in indexed
    assert ("occurred_at",) in indexed
    assert ("actor_id", "occurred_at") in indexed
