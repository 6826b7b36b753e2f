"""Translated pages are served at the same address as the English ones, in the visitor's language.

translations/routing.py: the interface language (cookie, or profile when signed in) picks the
page in that language's tree; the English page is served where there is no published copy.
"""

from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from tests.translations.courses_translated import (
    POLISH,
    course_english,
    course_translate,
    translation_publish,
)

pytestmark = pytest.mark.django_db


def in_language(client, language: str):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client


@pytest.fixture
def course():
    return course_english()


@pytest.fixture
def polish(course):
    return course_translate(course, language="pl", titles=POLISH)


def test_translated_pages_have_the_english_address(course, polish):
    english_lesson = course.get_children().get(slug="writing")
    assert polish["course"].url == course.url == "/courses/sending-an-email/"
    assert polish["writing"].url == english_lesson.url == "/courses/sending-an-email/writing/"
    assert polish["writing"].locale.language_code == "pl"


def test_the_polish_copy_is_served_to_someone_reading_in_polish(client, course, polish):
    html = in_language(client, "pl").get("/courses/sending-an-email/writing/").content.decode()

    assert "Pisanie e-maila" in html
    assert "Writing an email" not in html.split("<main")[1]
    assert '<html lang="pl"' in html


def test_the_english_page_is_served_in_english(client, course, polish):
    html = in_language(client, "en-gb").get("/courses/sending-an-email/writing/").content.decode()

    assert "Writing an email" in html
    assert "Pisanie e-maila" not in html


def test_a_signed_in_persons_profile_language_picks_the_page(client, learner, course, polish):
    learner.preferred_language = "pl"
    learner.save()
    client.force_login(learner)

    html = client.get("/courses/sending-an-email/sending/").content.decode()
    assert "Naciskanie przycisku wyślij" in html


def test_links_on_a_translated_course_lead_to_its_translated_lessons(client, course, polish):
    html = in_language(client, "pl").get("/courses/sending-an-email/").content.decode()

    assert "Pisanie e-maila" in html
    assert 'href="/courses/sending-an-email/writing/"' in html
    assert "-pl/" not in html  # no address shows the language tree's home page


def test_a_page_with_no_translation_falls_back_to_english(client, course):
    translation_publish(course, language="pl", title=POLISH["course"])  # the lessons are not

    response = in_language(client, "pl").get("/courses/sending-an-email/sending/")
    assert response.status_code == 200
    assert "Pressing send" in response.content.decode()


def test_a_draft_translation_is_never_served(client, course):
    translation_publish(course, language="pl", title=POLISH["course"])
    lesson = course.get_children().get(slug="writing")
    translation_publish(lesson, language="pl", title="Szkic lekcji", live=False)

    html = in_language(client, "pl").get("/courses/sending-an-email/writing/").content.decode()
    assert "Szkic lekcji" not in html
    assert "Writing an email" in html


def test_an_unknown_address_is_still_not_found_in_every_language(client, course, polish):
    assert in_language(client, "pl").get("/courses/sending-an-email/nothing/").status_code == 404
    assert in_language(client, "ur").get("/courses/no-such-course/").status_code == 404


def test_the_anonymous_page_cache_keeps_one_copy_per_language(client, course, polish):
    url = "/courses/sending-an-email/writing/"
    in_language(client, "pl").get(url)
    in_language(client, "en-gb").get(url)

    polish_again = in_language(client, "pl").get(url)
    english_again = in_language(client, "en-gb").get(url)
    assert polish_again["X-Page-Cache"] == english_again["X-Page-Cache"] == "hit"
    assert "Pisanie e-maila" in polish_again.content.decode()
    assert "Pisanie e-maila" not in english_again.content.decode()


def _queries(client, url: str) -> int:
    client.get(url)  # warm the caches (Locales, site root paths)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_a_translated_lesson_costs_one_query_more_than_the_english_one_at_most(
    client, learner, course, polish
):
    """Finding the page in Polish costs nothing more (Locales and home pages are cached); the
    learner's progress is read from the English lesson, which takes one lookup."""
    client.force_login(learner)
    url = "/courses/sending-an-email/writing/"
    english = _queries(in_language(client, "en-gb"), url)
    learner.preferred_language = "pl"
    learner.save()
    polish_count = _queries(client, url)

    assert "Pisanie e-maila" in client.get(url).content.decode()
    assert polish_count <= english + 1


def test_a_translated_page_invites_people_to_say_what_reads_wrongly(client, course, polish):
    polish_html = in_language(client, "pl").get(polish["writing"].url).content.decode()
    english_html = in_language(client, "en-gb").get(polish["writing"].url).content.decode()

    assert 'class="translation-note"' in polish_html
    assert 'class="translation-note"' not in english_html


def test_search_shows_each_course_once_in_the_readers_language(client, course, polish):
    # The summary was not translated, so both copies match it.
    polish_html = in_language(client, "pl").get("/search/", {"q": "send"}).content.decode()
    english_html = in_language(client, "en-gb").get("/search/", {"q": "send"}).content.decode()

    assert polish_html.count(">Wysyłanie e-maila<") == 1
    assert ">Sending an email<" not in polish_html
    assert english_html.count(">Sending an email<") == 1
    assert "Wysyłanie e-maila" not in english_html


def test_the_skills_page_lists_each_course_once_in_the_readers_language(client):
    from courses.models import Skill

    course = course_english()
    course.skills.set([Skill.objects.get(code="SAF-7")])
    course.save_revision().publish()
    course_translate(course, language="pl", titles=POLISH)

    polish_html = in_language(client, "pl").get("/courses/skills/").content.decode()
    english_html = in_language(client, "en-gb").get("/courses/skills/").content.decode()
    assert "Wysyłanie e-maila" in polish_html and "Sending an email" not in polish_html
    assert "Sending an email" in english_html and "Wysyłanie e-maila" not in english_html
