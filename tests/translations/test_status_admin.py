"""The Translations area of the admin: who may open it, translating a snippet's text, a
translated page's status, and the list's query count."""

from html import unescape

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Locale, PageLogEntry

import pytest

from tests.factories.community import GroupFactory
from tests.factories.courses import CoursePageFactory, course_index
from tests.factories.events import EventFactory
from tests.factories.users import UserFactory
from training.users import roles
from translations.models import PageTranslationStatus, TextTranslation
from translations.selectors import page_translation_status_for, text_translated
from translations.services import page_translation_status_set, text_translation_set

pytestmark = pytest.mark.django_db

OVERVIEW = "/admin/translations/"


def _text_url(obj, language="pl") -> str:
    return f"/admin/translations/text/{obj._meta.label_lower}/{obj.pk}/{language}/"


@pytest.fixture
def polish_course(settings):
    settings.WAGTAIL_I18N_ENABLED = True
    course_index()
    english = CoursePageFactory(title="Using email", slug="using-email")
    english.save_revision().publish()
    polish = english.copy_for_translation(Locale.objects.get(language_code="pl"), copy_parents=True)
    polish.title = "Korzystanie z poczty e-mail"
    polish.save_revision().publish()
    return english, polish


# --- Who may open it -------------------------------------------------------------------------


@pytest.mark.parametrize("role", [roles.COURSE_EDITOR, roles.MANAGER])
def test_course_editors_and_managers_see_the_menu_item_and_the_list(client, role):
    group = GroupFactory(name="Elm Court neighbours")
    client.force_login(UserFactory(role=role))

    home = client.get("/admin/")
    assert OVERVIEW in home.content.decode()
    response = client.get(OVERVIEW)
    assert response.status_code == 200
    page = unescape(response.content.decode())
    assert "Elm Court neighbours" in page
    assert _text_url(group) in page
    assert client.get(_text_url(group)).status_code == 200


@pytest.mark.parametrize(
    ("role", "refused_to"),
    [
        (roles.MODERATOR, "/admin/"),
        (roles.DIGITAL_CHAMPION, "/admin/"),
        (roles.SAFEGUARDING_OFFICER, "/admin/"),
        (roles.HOUSING_OFFICER, "/login/"),  # no admin access at all
        (roles.LEARNER, "/login/"),
    ],
)
def test_other_roles_are_refused_and_change_nothing(client, role, refused_to):
    group = GroupFactory(description="Gardening")
    client.force_login(UserFactory(role=role))

    if refused_to == "/admin/":
        home = client.get("/admin/")
        assert OVERVIEW not in home.content.decode()
    for url in (OVERVIEW, _text_url(group)):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].endswith(refused_to) or refused_to in response["Location"]
    response = client.post(_text_url(group), {"description": "Ogrodnictwo", "status": "ready"})
    assert response.status_code == 302
    assert not TextTranslation.objects.exists()


def test_visitors_are_sent_to_sign_in(client):
    response = client.get(OVERVIEW)
    assert response.status_code == 302 and "login" in response["Location"]


# --- Translating a snippet's text --------------------------------------------------------------


def test_an_editor_translates_an_event_with_the_english_beside_each_field(client, editor):
    event = EventFactory(
        title="Coffee morning", description="Tea, cake and a chat.", accessibility=""
    )
    client.force_login(editor)

    form = unescape(client.get(_text_url(event, "ur")).content.decode())
    assert "Coffee morning" in form and "Tea, cake and a chat." in form
    assert 'lang="ur"' in form

    response = client.post(
        _text_url(event, "ur"),
        {
            "title": "کافی صبح",
            "description": "چائے، کیک اور گپ شپ۔",
            "accessibility": "",
            "status": "needs_review",
        },
    )

    assert response.status_code == 302 and response["Location"] == OVERVIEW
    stored = {row.field: row for row in TextTranslation.objects.filter(language="ur")}
    assert set(stored) == {"title", "description"}
    assert stored["title"].text == "کافی صبح"
    assert stored["title"].translator == editor
    assert stored["title"].status == "needs_review"
    assert text_translated(obj=event, field="title", language="ur") == "کافی صبح"
    listing = unescape(client.get(OVERVIEW + "?language=ur&status=needs_review").content.decode())
    assert "Coffee morning" in listing and "Needs review" in listing


def test_emptying_a_box_removes_that_translation(client, editor):
    group = GroupFactory(description="Gardening")
    text_translation_set(obj=group, field="description", language="pl", text="Ogrodnictwo")
    client.force_login(editor)
    response = client.post(_text_url(group), {"description": "", "status": "in_progress"})
    assert response.status_code == 302
    assert not TextTranslation.objects.exists()


def test_too_long_text_gets_a_message_beside_the_field_and_keeps_what_was_typed(client, editor):
    event = EventFactory(title="Coffee morning", description="Tea.")
    client.force_login(editor)
    typed = "Poranna kawa " + "bardzo " * 20

    response = client.post(
        _text_url(event),
        {"title": typed, "description": "Herbata.", "accessibility": "", "status": "ready"},
    )

    assert response.status_code == 400
    page = unescape(response.content.decode())
    assert 'id="id_title_error"' in page
    assert "at most 120 characters" in page
    assert typed.strip() in page
    assert "Herbata." in page
    assert not TextTranslation.objects.exists()


def test_ready_with_an_empty_box_asks_for_the_translation(client, editor):
    group = GroupFactory(description="Gardening")
    client.force_login(editor)
    response = client.post(_text_url(group), {"description": "", "status": "ready"})
    assert response.status_code == 400
    assert 'id="id_description_error"' in response.content.decode()
    assert not TextTranslation.objects.exists()


def test_an_unknown_status_is_refused_with_a_message(client, editor):
    group = GroupFactory(description="Gardening")
    client.force_login(editor)
    response = client.post(_text_url(group), {"description": "Ogrodnictwo", "status": "done"})
    assert response.status_code == 400
    assert 'id="id_status_error"' in response.content.decode()
    assert "Ogrodnictwo" in unescape(response.content.decode())
    assert not TextTranslation.objects.exists()


@pytest.mark.parametrize(
    "url",
    [
        "/admin/translations/text/community.group/{pk}/en-gb/",
        "/admin/translations/text/community.group/{pk}/xx/",
        "/admin/translations/text/community.membership/{pk}/pl/",
        "/admin/translations/text/nothing/{pk}/pl/",
        "/admin/translations/text/community.group/999999/pl/",
    ],
)
def test_addresses_of_nothing_translatable_are_not_found(client, editor, url):
    group = GroupFactory()
    client.force_login(editor)
    assert client.get(url.format(pk=group.pk)).status_code == 404


def test_out_of_date_text_is_shown_as_such(client, editor):
    group = GroupFactory(name="Elm Court neighbours", description="Gardening")
    text_translation_set(obj=group, field="description", language="pl", text="Ogrodnictwo")
    group.description = "Gardening and growing food"
    group.save()
    client.force_login(editor)
    listing = unescape(client.get(OVERVIEW + "?language=pl&status=out_of_date").content.decode())
    assert "Elm Court neighbours" in listing and "Out of date" in listing
    ready = unescape(client.get(OVERVIEW + "?language=pl&status=ready").content.decode())
    assert "Elm Court neighbours" not in ready


def test_a_bad_filter_shows_a_message_not_an_error(client, editor):
    client.force_login(editor)
    response = client.get(OVERVIEW + "?language=zz&status=nonsense")
    assert response.status_code == 200
    assert 'id="id_language_error"' in response.content.decode()


def test_the_list_makes_the_same_number_of_queries_however_many_texts(client, editor):
    client.force_login(editor)

    def _count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(OVERVIEW).status_code == 200
        return len(queries)

    for number in range(3):
        group = GroupFactory(description=f"Group {number}")
        text_translation_set(
            obj=group, field="description", language="pl", text="Grupa", translator=editor
        )
    client.get(OVERVIEW)  # warm caches (content types, site)
    few = _count()
    for number in range(3, 12):
        group = GroupFactory(description=f"Group {number}", neighbourhood=None)
        text_translation_set(
            obj=group, field="description", language="pa", text="ਗਰੁੱਪ", translator=editor
        )
        EventFactory()
    assert _count() == few


# --- Translated pages ------------------------------------------------------------------------


def test_a_page_translation_is_out_of_date_when_the_english_is_published_again(
    polish_course, editor
):
    english, polish = polish_course
    record = page_translation_status_set(page=polish, status="ready", user=editor)
    english.refresh_from_db()
    assert record.source_revision_id == english.live_revision_id
    assert page_translation_status_for(page=polish)[0] == "ready"
    assert PageLogEntry.objects.filter(page=polish, action="translations.page.status_set").exists()

    # A draft of the English does not make it out of date; publishing does.
    english.title = "Using email safely"
    english.save_revision()
    assert page_translation_status_for(page=polish)[0] == "ready"
    english.get_latest_revision().publish()
    assert page_translation_status_for(page=polish)[0] == "out_of_date"

    page_translation_status_set(page=polish, status="ready", user=editor)
    assert page_translation_status_for(page=polish)[0] == "ready"


def test_an_english_page_has_no_translation_status(polish_course):
    from django.core.exceptions import ValidationError

    english, _polish = polish_course
    with pytest.raises(ValidationError):
        page_translation_status_set(page=english, status="ready")
    assert not PageTranslationStatus.objects.exists()


def test_an_editor_sets_a_translated_pages_status_in_the_list(client, editor, polish_course):
    english, polish = polish_course
    client.force_login(editor)
    listing = unescape(client.get(OVERVIEW + "?language=pl").content.decode())
    assert "Using email" in listing
    assert f"/admin/translations/page/{polish.pk}/" in listing
    assert f"/admin/pages/{polish.pk}/edit/" in listing

    response = client.post(f"/admin/translations/page/{polish.pk}/", {"status": "needs_review"})
    assert response.status_code == 302
    record = PageTranslationStatus.objects.get(page=polish)
    assert (record.status, record.translator) == ("needs_review", editor)

    bad = client.post(f"/admin/translations/page/{polish.pk}/", {"status": "finished"})
    assert bad.status_code == 400
    assert 'id="id_status_error"' in bad.content.decode()
    assert client.get(f"/admin/translations/page/{english.pk}/").status_code == 404


def test_only_editors_and_managers_set_a_page_status(client, polish_course):
    _english, polish = polish_course
    client.force_login(UserFactory(role=roles.MODERATOR))
    response = client.post(f"/admin/translations/page/{polish.pk}/", {"status": "ready"})
    assert response.status_code == 302 and response["Location"].endswith("/admin/")
    assert not PageTranslationStatus.objects.exists()


def test_the_page_editor_shows_a_translated_pages_status_to_editors_only(
    client, editor, polish_course
):
    english, polish = polish_course
    page_translation_status_set(page=polish, status="needs_review", user=editor)
    client.force_login(editor)
    edit = unescape(client.get(f"/admin/pages/{polish.pk}/edit/").content.decode())
    assert "Translation: Needs review" in edit
    assert f"/admin/translations/page/{polish.pk}/" in edit
    english_edit = unescape(client.get(f"/admin/pages/{english.pk}/edit/").content.decode())
    assert "Translation:" not in english_edit

    from translations.wagtail_hooks import translation_status_header_button

    assert len(list(translation_status_header_button(polish, editor, "edit"))) == 1
    champion = UserFactory(role=roles.DIGITAL_CHAMPION)
    assert list(translation_status_header_button(polish, champion, "edit")) == []
