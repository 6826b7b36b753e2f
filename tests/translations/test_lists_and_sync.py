"""Lists show each page once, in the reader's language where it is translated; only course
content gets aliases in the other languages' trees (translations/sync.py)."""

from django.conf import settings

from wagtail.models import Locale

import pytest

from courses.models import CoursePage, LessonPage
from tests.courses.test_authoring import add_url, lesson_form
from tests.factories.courses import CoursePageFactory
from tests.factories.users import UserFactory
from tests.translations.courses_translated import POLISH, course_english, course_translate
from training.users import roles
from translations.sync import page_aliases_sync

pytestmark = pytest.mark.django_db


def in_language(client, language: str):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client


@pytest.fixture
def courses():
    """Three English courses; the middle one is translated into Polish."""
    first = CoursePageFactory(title="Staying safe online", slug="staying-safe")
    translated = course_english()
    last = CoursePageFactory(title="Video calls", slug="video-calls")
    course_translate(translated, language="pl", titles=POLISH)
    return [first, translated, last]


def test_a_polish_reader_sees_every_course_once_in_the_english_order(client, courses):
    html = in_language(client, "pl").get("/courses/").content.decode()

    titles = ["Staying safe online", POLISH["course"], "Video calls"]
    assert [html.count(f">{title}<") for title in titles] == [1, 1, 1], html
    assert [html.index(f">{title}<") for title in titles] == sorted(
        html.index(f">{title}<") for title in titles
    )
    assert ">Sending an email<" not in html


def test_an_english_reader_sees_each_english_course_once(client, courses):
    html = in_language(client, "en-gb").get("/courses/").content.decode()

    for title in ("Staying safe online", "Sending an email", "Video calls"):
        assert html.count(f">{title}<") == 1
    assert POLISH["course"] not in html


def test_a_lesson_added_in_the_admin_appears_in_the_polish_course(client, courses):
    english = courses[1]
    client.force_login(UserFactory(role=roles.COURSE_EDITOR))

    response = client.post(
        add_url(english), lesson_form("Adding a photo", **{"action-publish": "publish"})
    )

    assert response.status_code == 302
    [lesson, alias] = LessonPage.objects.filter(slug="adding-a-photo").order_by("pk")
    assert alias.alias_of_id == lesson.pk
    assert alias.locale.language_code == "pl"
    polish_course = CoursePage.objects.get(title=POLISH["course"])
    assert alias.get_parent().pk == polish_course.pk
    # Languages the course is not translated into get nothing (and no new parents).
    assert not LessonPage.objects.filter(slug="adding-a-photo", locale__language_code="ur")
    html = in_language(client, "pl").get(f"{english.url}adding-a-photo/")
    assert html.status_code == 200


def test_a_course_gets_no_copies_while_the_course_list_is_english_only():
    course = CoursePageFactory(title="Staying safe online", slug="staying-safe")

    assert page_aliases_sync(page=course) == []
    assert CoursePage.objects.filter(slug="staying-safe").count() == 1


def test_a_new_course_gets_an_alias_where_the_course_list_is_translated(courses):
    index = courses[0].get_parent()
    new = CoursePageFactory(title="Online banking", slug="online-banking", parent=index)

    [alias] = page_aliases_sync(page=new)

    assert alias.alias_of_id == new.pk and alias.locale.language_code == "pl"
    assert page_aliases_sync(page=new) == []  # already has its copy


def test_only_english_pages_are_synced():
    english = course_english()
    polish = course_translate(english, language="pl", titles=POLISH)

    assert page_aliases_sync(page=polish["writing"]) == []
    assert Locale.objects.filter(language_code="pl").exists()


def test_a_voice_page_made_in_the_admin_gets_no_copies_with_translated_home_pages(client):
    """Voice services find the English home page even with translated ones present, and an
    improvement added in the admin stays one page."""
    from tests.factories.places import NeighbourhoodFactory
    from tests.voice.test_improvements import admin_add_url, admin_form
    from voice.improvements_services import improvements_index_ensure
    from voice.models import ImprovementPage

    course_translate(course_english(), language="pl", titles=POLISH)  # makes home-pl
    index = improvements_index_ensure()
    assert index.locale.language_code == settings.LANGUAGE_CODE
    client.force_login(UserFactory(role=roles.MANAGER))

    response = client.post(admin_add_url(index), admin_form(NeighbourhoodFactory()))

    assert response.status_code == 302
    assert ImprovementPage.objects.count() == 1


def test_the_dashboards_course_filter_and_the_lesson_picker_list_each_course_once(courses):
    from courses.progress.champion.selectors import lesson_choices
    from dashboards.filters import DashboardFilterForm

    titles = [str(course.title) for course in DashboardFilterForm.base_fields["course"].queryset]
    assert titles == ["Sending an email", "Staying safe online", "Video calls"]

    # Only courses with lessons are offered; the translated one is offered once, in English.
    picked = [title for title, _lessons in lesson_choices()]
    assert picked == ["Sending an email"]
    [(_title, lessons)] = [entry for entry in lesson_choices() if entry[0] == "Sending an email"]
    assert [title for _pk, title in lessons] == ["Writing an email", "Pressing send"]
