"""Kinds of message: improvements, consultation decisions and champion decisions each have their
own kind, and people may choose how they hear about each kind on the email-choice page."""

import importlib
import re

from django.apps import apps
from django.core import mail

import pytest

from notifications.models import (
    Delivery,
    EmailChoice,
    KindEmailChoice,
    Notification,
    NotificationKind,
)
from notifications.selectors import CHOOSABLE_KINDS, email_choice_get, email_choices_by_kind
from notifications.services import (
    email_choice_set,
    kind_email_choices_set,
    notification_send,
)
from tests.factories.notifications import NotificationFactory
from tests.factories.users import UserFactory
from tests.notifications.test_views import SETTINGS, stop_url

pytestmark = pytest.mark.django_db


def tell(person, kind):
    return notification_send(recipient=person, kind=kind, subject="News", body="Something new.")


def test_every_kind_of_message():
    assert {kind.value for kind in NotificationKind} == {
        "reply",
        "join_decision",
        "event_reminder",
        "event_update",
        "content_hidden",
        "report_update",
        "improvement",
        "consultation_decision",
        "champion_decision",
    }
    # A hidden post is always emailed: it is not a choice.
    assert NotificationKind.CONTENT_HIDDEN not in CHOOSABLE_KINDS
    assert len(CHOOSABLE_KINDS) == len(NotificationKind) - 1


def test_a_kind_follows_the_choice_for_all_until_chosen_differently(learner):
    email_choice_set(person=learner, choice=EmailChoice.DAILY)
    assert email_choice_get(person=learner, kind=NotificationKind.IMPROVEMENT) == "daily"
    kind_email_choices_set(person=learner, choices={NotificationKind.IMPROVEMENT: "none"})
    assert email_choice_get(person=learner, kind=NotificationKind.IMPROVEMENT) == "none"
    assert email_choice_get(person=learner, kind=NotificationKind.REPLY) == "daily"
    assert email_choice_get(person=learner) == "daily"

    assert tell(learner, NotificationKind.IMPROVEMENT).delivery == Delivery.NONE
    assert tell(learner, NotificationKind.REPLY).delivery == Delivery.DIGEST


def test_one_kind_straight_away_while_everything_else_is_off(learner, send_now):
    email_choice_set(person=learner, choice=EmailChoice.NONE)
    kind_email_choices_set(
        person=learner, choices={NotificationKind.CONSULTATION_DECISION: "immediate"}
    )
    with send_now():
        decided = tell(learner, NotificationKind.CONSULTATION_DECISION)
        reply = tell(learner, NotificationKind.REPLY)
    assert (decided.delivery, reply.delivery) == (Delivery.IMMEDIATE, Delivery.NONE)
    assert len(mail.outbox) == 1


def test_a_hidden_post_is_not_a_choice_and_is_always_emailed(learner):
    with pytest.raises(ValueError):
        kind_email_choices_set(person=learner, choices={"no_such_kind": "none"})
    with pytest.raises(ValueError):
        kind_email_choices_set(person=learner, choices={NotificationKind.CONTENT_HIDDEN: "none"})
    assert not KindEmailChoice.objects.exists()
    email_choice_set(person=learner, choice=EmailChoice.NONE)
    assert tell(learner, NotificationKind.CONTENT_HIDDEN).delivery == Delivery.IMMEDIATE


def test_stopping_one_kind_settles_only_its_waiting_daily_messages(learner):
    improvement = NotificationFactory(recipient=learner, kind=NotificationKind.IMPROVEMENT)
    reply = NotificationFactory(recipient=learner, kind=NotificationKind.REPLY)
    kind_email_choices_set(person=learner, choices={NotificationKind.IMPROVEMENT: "none"})
    improvement.refresh_from_db()
    reply.refresh_from_db()
    assert (improvement.delivery, reply.delivery) == (Delivery.NONE, Delivery.DIGEST)


def test_leaving_a_kind_out_goes_back_to_the_choice_for_all(learner):
    kind_email_choices_set(
        person=learner,
        choices={NotificationKind.IMPROVEMENT: "none", NotificationKind.REPLY: "daily"},
    )
    kind_email_choices_set(person=learner, choices={NotificationKind.REPLY: "none"})
    assert email_choices_by_kind(person=learner) == {"reply": "none"}
    assert KindEmailChoice.objects.count() == 1


def test_the_page_offers_a_choice_for_each_kind_and_saves_it(client, learner):
    client.force_login(learner)
    html = client.get(SETTINGS).content.decode()
    for kind in CHOOSABLE_KINDS:
        assert f'<label for="id_kind_{kind.value}">{kind.label}</label>' in html
    assert 'id="id_kind_content_hidden"' not in html

    response = client.post(
        SETTINGS,
        {"email": "immediate", "kind_champion_decision": "daily", "kind_improvement": ""},
        follow=True,
    )
    assert response.status_code == 200
    assert email_choices_by_kind(person=learner) == {"champion_decision": "daily"}
    html = response.content.decode()
    assert re.search(
        r'<select name="kind_champion_decision"[^>]*>.*?<option value="daily" selected>',
        html,
        re.S,
    )


def test_a_made_up_choice_for_a_kind_is_refused_and_nothing_changes(client, learner):
    kind_email_choices_set(person=learner, choices={NotificationKind.IMPROVEMENT: "daily"})
    client.force_login(learner)
    response = client.post(SETTINGS, {"email": "none", "kind_improvement": "hourly"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html
    assert "Choose one of the options in the list." in html
    assert email_choices_by_kind(person=learner) == {"improvement": "daily"}
    assert email_choice_get(person=learner) == EmailChoice.IMMEDIATE


def test_someone_signed_out_cannot_choose_for_a_kind(client):
    response = client.post(SETTINGS, {"email": "immediate", "kind_improvement": "none"})
    assert response.status_code == 302
    assert not KindEmailChoice.objects.exists()


def test_the_unsubscribe_link_stops_every_kind_too(client, learner):
    kind_email_choices_set(person=learner, choices={NotificationKind.IMPROVEMENT: "immediate"})
    client.post(stop_url(learner))
    assert email_choice_get(person=learner) == EmailChoice.NONE
    assert email_choice_get(person=learner, kind=NotificationKind.IMPROVEMENT) == "none"
    assert not KindEmailChoice.objects.exists()


def test_download_my_data_has_the_choices_by_kind(learner):
    from notifications.selectors import notifications_export

    kind_email_choices_set(person=learner, choices={NotificationKind.IMPROVEMENT: "none"})
    assert notifications_export(person=learner)["email_choices_by_kind"] == {"improvement": "none"}


def test_the_migration_moves_earlier_messages_to_their_own_kinds():
    migration = importlib.import_module("notifications.migrations.0004_kinds_of_their_own")
    person = UserFactory()

    def sent(kind, key):
        return NotificationFactory(recipient=person, kind=kind, dedupe_key=key)

    rows = {
        "improvement": sent("report_update", "improvement-4-1"),
        "consultation": sent("report_update", "consultation-9-1"),
        "report": sent("report_update", "report-update-3-1"),
        "approved": sent("join_decision", "champion-application-2"),
        "ended": sent("join_decision", "champion-role-ended-5"),
        "group": sent("join_decision", ""),
    }
    migration.kinds_of_their_own(apps, None)
    kinds = {name: Notification.objects.get(pk=row.pk).kind for name, row in rows.items()}
    assert kinds == {
        "improvement": "improvement",
        "consultation": "consultation_decision",
        "report": "report_update",
        "approved": "champion_decision",
        "ended": "champion_decision",
        "group": "join_decision",
    }
    migration.kinds_as_before(apps, None)
    assert Notification.objects.get(pk=rows["improvement"].pk).kind == "report_update"
    assert Notification.objects.get(pk=rows["ended"].pk).kind == "join_decision"
