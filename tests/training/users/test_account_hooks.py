"""Apps join sign-in, "Download my data" and "Delete my account" through hooks they register in
their own wagtail_hooks.py (training/users/hooks.py), not through dotted paths in settings."""

from django.conf import settings

from wagtail import hooks

import pytest

from tests.factories.users import PASSWORD, UserFactory
from training.users.data_rights.selectors import learner_data_export
from training.users.data_rights.services import account_delete
from training.users.hooks import ACCOUNT_DELETE, DATA_EXPORT_SECTIONS, SIGN_IN
from training.users.models import User

pytestmark = pytest.mark.django_db


def _names(hook_name: str) -> list[str]:
    return [f"{fn.__module__}.{fn.__name__}" for fn in hooks.get_hooks(hook_name)]


def test_settings_no_longer_name_the_hooks():
    for old in ("SIGN_IN_HOOKS", "DATA_EXPORT_SECTIONS", "ACCOUNT_DELETE_HOOKS"):
        assert not hasattr(settings, old)


def test_each_app_registers_its_part_in_order():
    assert _names(SIGN_IN) == [
        "courses.progress.session.progress_session_merge",
        "courses.offline.services.offline_session_merge",
    ]
    assert _names(DATA_EXPORT_SECTIONS) == [
        "courses.progress.learner.data_export.learning_record_export",
        "training.users.data_rights.selectors.activity_export",
        "notifications.wagtail_hooks.notifications_data_export",
        "community.wagtail_hooks.community_data_export",
        "events.wagtail_hooks.events_data_export",
        "voice.wagtail_hooks.voice_data_export",
        "safeguarding.wagtail_hooks.safeguarding_data_export",
        "dashboards.wagtail_hooks.dashboards_data_export",
    ]
    assert _names(ACCOUNT_DELETE) == [
        "community.services.account_photos_delete",
        "events.services.account_bookings_release",
        "voice.data_rights.account_voice_tidy",
        "safeguarding.wagtail_hooks.safeguarding_account_delete",
        "dashboards.services.account_exports_delete",
        "dashboards.receivers.learner_facts_account_delete",
    ]


def test_the_download_keeps_its_sections_in_the_same_order():
    data = learner_data_export(learner=UserFactory())

    assert list(data) == [
        "about",
        "format_version",
        "account",
        "profile",
        "email_addresses",
        "enrolments",
        "lesson_completions",
        "quiz_attempts",
        "skills",
        "certificates",
        "activity",
        "notifications",
        "community",
        "event_bookings",
        "tenant_verification",
        "tenant_voice",
        "confidential_reports",
        "dashboard_exports",
    ]
    assert list(data["profile"])[-1] == "reminder_emails"


def test_a_registered_section_joins_the_download_and_can_extend_the_profile():
    def section(*, person):
        return {"allotments": [person.pk], "profile": {"allotment_plot": "7B"}}

    person = UserFactory()
    with hooks.register_temporarily(DATA_EXPORT_SECTIONS, section, order=100):
        data = learner_data_export(learner=person)

    assert data["allotments"] == [person.pk]
    assert list(data)[-1] == "allotments"
    assert data["profile"]["allotment_plot"] == "7B"
    assert data["profile"]["reminder_emails"] == {"on": True, "turned_off": None}


def test_a_registered_delete_hook_runs_while_the_account_still_exists():
    seen = []

    def tidy(*, person):
        seen.append(User.objects.filter(pk=person.pk).exists())

    person = UserFactory()
    with hooks.register_temporarily(ACCOUNT_DELETE, tidy):
        account_delete(user=person)

    assert seen == [True]
    assert not User.objects.filter(pk=person.pk).exists()


def test_a_registered_sign_in_hook_runs_on_sign_in(client):
    calls = []

    def remember(*, learner, session):
        calls.append(learner.email)

    UserFactory(email="sam@example.com")
    with hooks.register_temporarily(SIGN_IN, remember):
        client.post("/account/login/", {"login": "sam@example.com", "password": PASSWORD})

    assert calls == ["sam@example.com"]
