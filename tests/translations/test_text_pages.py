"""Translated snippet text on the website: events, groups, skills and next steps show in the
visitor's language, English where there is no translation, with one query per list at most."""

from html import unescape

from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

import pytest

from courses.models import Skill, SkillArea
from tests.factories.community import GroupFactory
from tests.factories.courses import course_index
from tests.factories.events import EventFactory
from translations.services import text_translation_set

pytestmark = pytest.mark.django_db


def _in(client, language: str, user) -> Client:
    """A new browser of ``user``, who chose ``language`` (on the profile and in the cookie)."""
    type(user).objects.filter(pk=user.pk).update(preferred_language=language)
    client = Client()
    client.force_login(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client


def _page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return unescape(response.content.decode())


def test_event_list_and_page_show_the_translation_in_that_language_only(client, learner):
    event = EventFactory(title="Coffee morning", description="Tea, cake and a chat.")
    EventFactory(title="Phone clinic")
    text_translation_set(obj=event, field="title", language="ur", text="کافی صبح")
    text_translation_set(obj=event, field="description", language="ur", text="چائے اور کیک۔")
    client.force_login(learner)

    client = _in(client, "ur", learner)
    listing = _page(client, "/events/")
    assert "کافی صبح" in listing and "Coffee morning" not in listing
    assert "Phone clinic" in listing  # not translated: English
    detail = _page(client, event.get_absolute_url())
    assert "کافی صبح" in detail and "چائے اور کیک۔" in detail

    client = _in(client, "pl", learner)
    assert "Coffee morning" in _page(client, "/events/")
    client = _in(client, "en-gb", learner)
    assert "Coffee morning" in _page(client, event.get_absolute_url())


def test_event_list_queries_do_not_grow_with_translated_events(client, learner):
    def _count(language: str) -> int:
        browser = _in(client, language, learner)
        browser.get("/events/")  # warm caches
        with CaptureQueriesContext(connection) as queries:
            assert browser.get("/events/").status_code == 200
        return len(queries)

    for number in range(2):
        event = EventFactory()
        text_translation_set(obj=event, field="title", language="pl", text=f"Kawa {number}")
    english, polish = _count("en-gb"), _count("pl")
    assert polish <= english + 1
    for number in range(2, 8):
        event = EventFactory()
        text_translation_set(obj=event, field="title", language="pl", text=f"Kawa {number}")
    assert _count("pl") == polish
    assert _count("en-gb") == english


def test_group_description_is_translated_on_its_page(client, learner):
    group = GroupFactory(name="Elm Court", description="News and help for neighbours.")
    text_translation_set(
        obj=group, field="description", language="pl", text="Wiadomości i pomoc dla sąsiadów."
    )
    client.force_login(learner)
    client = _in(client, "pl", learner)
    assert "Wiadomości i pomoc dla sąsiadów." in _page(client, group.get_absolute_url())
    client = _in(client, "en-gb", learner)
    assert "News and help for neighbours." in _page(client, group.get_absolute_url())


def test_skills_page_shows_translated_areas_and_statements(client, learner):
    course_index()
    area = SkillArea.objects.order_by("sort_order").first()
    skill = area.skills.order_by("sort_order").first()
    text_translation_set(obj=area, field="name", language="pa", text="ਬੁਨਿਆਦੀ ਹੁਨਰ")
    text_translation_set(obj=skill, field="statement", language="pa", text="ਮੈਂ ਫ਼ੋਨ ਚਾਲੂ ਕਰ ਸਕਦਾ ਹਾਂ")
    client.force_login(learner)
    client = _in(client, "pa", learner)
    page = _page(client, "/courses/skills/")
    assert "ਬੁਨਿਆਦੀ ਹੁਨਰ" in page and "ਮੈਂ ਫ਼ੋਨ ਚਾਲੂ ਕਰ ਸਕਦਾ ਹਾਂ" in page
    other = Skill.objects.exclude(pk=skill.pk).order_by("sort_order").first()
    assert other.statement in page  # untranslated: English
