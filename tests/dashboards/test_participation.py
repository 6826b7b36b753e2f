"""'Went on to take part in the community' counts the verbs the registry says are taking part,
not every verb that happens to be named ``community.…``."""

from dataclasses import replace

from django.http import QueryDict

import pytest

from community.verbs import CONTENT_HIDDEN, GROUP_JOINED, GROUP_LEFT, POST_DELETED
from dashboards.access import Scope
from dashboards.filters import DashboardFilterForm, filters_from
from dashboards.selectors import sustained
from events.verbs import EVENT_CANCELLED
from tests.dashboards.conftest import DAY, NOW
from tests.factories.dashboards import event
from training.core.services import learner_activity_rebuild
from training.core.verbs import Verb, verbs

pytestmark = pytest.mark.django_db


def took_part(*, raw: bool = False) -> int:
    form = DashboardFilterForm(QueryDict(""), scope=Scope(every_place=True))
    return sustained(replace(filters_from(form, now=NOW), raw=raw)).community


def test_leaving_deleting_cancelling_or_being_hidden_is_not_taking_part(world, monkeypatch):
    # a1..a5 each joined a group after finishing (conftest): five took part.
    assert took_part() == 5
    finished = NOW - 91 * DAY  # after every one of them finished
    for name in ("a1", "a2", "a3", "a4", "a5"):
        for verb in (GROUP_LEFT, POST_DELETED, CONTENT_HIDDEN, EVENT_CANCELLED):
            event(actor=world.people[name], verb=verb, at=finished)
    assert took_part() == took_part(raw=True) == 5
    # The registry decides, not the name: were joining a group not taking part, nobody did
    # (with the old ``community.`` prefix rule all five still would).
    monkeypatch.setattr(verbs, "_verbs", dict(verbs._verbs))
    verbs._verbs[GROUP_JOINED] = Verb(GROUP_JOINED, "Joined a group.", participation=False)
    assert took_part(raw=True) == 0
    # Each learner's last taking part (LearnerActivity) was worked out with the old registry:
    # changing what counts needs a rebuild, after which both ways agree.
    learner_activity_rebuild()
    assert took_part() == 0
