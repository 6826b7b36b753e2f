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
