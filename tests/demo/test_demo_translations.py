"""The demo in Polish: two whole courses, the home page and course list, groups and events,
seeded from demo/content/ (translations/pl.json and each course's translations/pl/), twice
with the same result."""

import io
import json
from html import unescape

from django.conf import settings
from django.core.cache import cache

from wagtail.models import Locale, Page, Revision

import pytest

from community.models import Group
from courses.models import CourseIndexPage, CoursePage, LessonPage
from demo import community, core, courses, events, places, translations, users
from demo.translations import (
    TRANSLATIONS_FOLDER,
    DemoTranslationError,
    translation_file_read,
)
from events.models import Event
from tests.factories.courses import course_index
from tests.site.demo_db import module_data
from training.core.models import HomePage
from translations.models import PageTranslationStatus, TextTranslation
from translations.selectors import text_translated

pytestmark = pytest.mark.django_db

POLISH_COURSES = ["email-send-reply-and-attach", "video-calls-with-family-and-friends"]
PL = json.loads((TRANSLATIONS_FOLDER / "pl.json").read_text(encoding="utf-8"))


def _seed() -> str:
    out = io.StringIO()
    for module in (core, places, users, courses, events, community, translations):
        module.demo_seed(stdout=out)
    return out.getvalue()


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo parts the translations need, seeded once for the module (then rolled back)."""
    with module_data(django_db_blocker, tmp_path_factory.mktemp("demo-translations")):
        course_index()
        _seed()
        yield


@pytest.fixture
def _media_and_cache(demo):
    """Replaces the suite's per-test media folder: the demo's pictures are the module's."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def seeded(demo, db):
    return demo


def _polish() -> Locale:
    return Locale.objects.get(language_code="pl")


def test_two_demo_courses_are_published_in_polish_with_every_lesson(seeded):
    for slug in POLISH_COURSES:
        english = CoursePage.objects.get(slug=slug, locale=Locale.get_default())
        polish = CoursePage.objects.get(slug=slug, locale=_polish())
        assert polish.live and polish.translation_key == english.translation_key
        assert polish.title != english.title
        english_lessons = LessonPage.objects.child_of(english).order_by("path")
        polish_lessons = LessonPage.objects.child_of(polish).order_by("path")
        assert [p.translation_key for p in polish_lessons] == [
            p.translation_key for p in english_lessons
        ]
        assert all(lesson.live for lesson in polish_lessons)
        assert PageTranslationStatus.objects.get(page=polish).status == "needs_review"
    polish_index = CourseIndexPage.objects.get(locale=_polish())
    assert [page.slug for page in CoursePage.objects.child_of(polish_index)] == POLISH_COURSES


def test_the_polish_home_page_and_course_list_take_their_words_from_pl_json(seeded):
    home = HomePage.objects.get(locale=_polish())
    assert home.live and home.alias_of_id is None
    assert home.introduction == PL["pages"]["home"]["introduction"]
    assert home.call_to_action == "Zobacz kursy"
    assert "<h2>Jak to działa</h2><ol><li>Wybierz krótki kurs." in home.body
    index = CourseIndexPage.objects.get(locale=_polish())
    assert index.live and index.alias_of_id is None
    assert (index.title, index.introduction) == ("Kursy", PL["pages"]["courses"]["introduction"])
    english = HomePage.objects.get(locale=Locale.get_default())
    assert english.call_to_action == "See the courses"  # the English is untouched


def test_group_descriptions_and_events_are_translated_through_the_translations_app(seeded):
    group = Group.objects.get(slug="gardening")
    expected = PL["groups"]["gardening"]["description"]
    assert text_translated(obj=group, field="description", language="pl") == expected
    assert text_translated(obj=group, field="description", language="en-gb") == group.description
    event = Event.objects.get(title="Coffee and computers")
    assert text_translated(obj=event, field="title", language="pl") == "Kawa i komputery"
    assert TextTranslation.objects.filter(language="pl").count() == len(PL["groups"]) + sum(
        len(fields) for fields in PL["events"].values()
    )


def test_seeding_again_gives_the_same_result_and_no_new_revisions(seeded):
    translated = Page.objects.exclude(locale=Locale.get_default())
    pages, revisions = (
        Page.objects.count(),
        Revision.page_revisions.filter(
            object_id__in=[str(pk) for pk in translated.values_list("pk", flat=True)]
        ).count(),
    )
    texts = list(TextTranslation.objects.order_by("pk").values_list("pk", "text", "updated_at"))
    statuses = list(PageTranslationStatus.objects.order_by("pk").values_list("pk", "status"))

    _seed()

    assert (
        Page.objects.count(),
        Revision.page_revisions.filter(
            object_id__in=[str(pk) for pk in translated.values_list("pk", flat=True)]
        ).count(),
    ) == (pages, revisions)
    assert (
        list(TextTranslation.objects.order_by("pk").values_list("pk", "text", "updated_at"))
        == texts
    )
    assert list(PageTranslationStatus.objects.order_by("pk").values_list("pk", "status")) == (
        statuses
    )


def test_a_polish_visitor_sees_the_polish_lesson_at_the_english_address(seeded, client):
    english = LessonPage.objects.get(slug="replying-to-an-email", locale=Locale.get_default())
    address = english.url

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "pl"
    polish = unescape(client.get(address).content.decode())
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en-gb"
    in_english = unescape(client.get(address).content.decode())

    assert "Odpowiadanie na e-mail" in polish and "Odpowiedz wszystkim" in polish
    assert "Replying to an email" in in_english and "Odpowiadanie" not in in_english


def test_a_translation_file_that_breaks_the_schema_is_refused_with_the_key(tmp_path):
    path = tmp_path / "pl.json"
    path.write_text(json.dumps({"language": "pl", "pages": {"home": {"headline": "x"}}}))
    with pytest.raises(DemoTranslationError, match=r"pl.json, pages.home.headline: unknown"):
        translation_file_read(path)
    path.write_text(json.dumps({"language": "ur"}))
    with pytest.raises(DemoTranslationError, match=r"pl.json, language: should be 'pl'"):
        translation_file_read(path)
    path.write_text(json.dumps({"language": "pl", "groups": {"gardening": {"description": ""}}}))
    with pytest.raises(DemoTranslationError, match=r"groups.gardening.description: should be"):
        translation_file_read(path)


def test_every_demo_translation_file_follows_the_schema():
    files = sorted(TRANSLATIONS_FOLDER.glob("*.json"))
    assert "pl.json" in [path.name for path in files]
    for path in files:
        translation_file_read(path)
