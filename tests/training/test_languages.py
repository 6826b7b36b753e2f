"""Issue 17, the interface in the community's languages: chooser, remembering the choice,
<html lang dir>, one cached copy per language, emails in the recipient's language, and CSS that
mirrors for right-to-left languages (logical properties only)."""

import re
from pathlib import Path

from django.conf import settings
from django.core import mail
from django.utils import translation

import pytest

from notifications.email import email_payload
from tests.factories.courses import CoursePageFactory, course_index
from tests.factories.users import UserFactory
from training.users.languages import language_choices

pytestmark = pytest.mark.django_db

COOKIE = settings.LANGUAGE_COOKIE_NAME
SITE_CSS = Path(settings.BASE_DIR) / "static" / "css" / "site.css"


def html_tag(response) -> str:
    match = re.search(r"<html[^>]*>", response.content.decode())
    assert match
    return match.group(0)


def test_the_languages_are_english_polish_punjabi_and_urdu():
    codes = [code for code, _name in settings.LANGUAGES]
    assert codes == ["en-gb", "pl", "pa", "ur"]
    names = {choice["code"]: choice["name_local"] for choice in language_choices()}
    # Each in its own script, no flags.
    assert names == {"en-gb": "English", "pl": "polski", "pa": "ਪੰਜਾਬੀ", "ur": "اردو"}


def test_adding_a_language_is_one_settings_line(settings, client):
    """The chooser and the text direction come from settings.LANGUAGES and Django's LANG_INFO."""
    settings.LANGUAGES = [*settings.LANGUAGES, ("ar", "Arabic")]
    choices = {choice["code"]: choice for choice in language_choices()}
    assert choices["ar"]["name_local"] == "العربيّة"
    assert choices["ar"]["bidi"] is True
    client.cookies[COOKIE] = "ar"
    response = client.get("/account/login/")
    assert 'lang="ar"' in html_tag(response)
    assert 'dir="rtl"' in html_tag(response)
    assert 'value="ar"' in response.content.decode()


def test_english_is_left_to_right_and_urdu_right_to_left(client):
    assert html_tag(client.get("/account/login/")) == '<html lang="en-gb" dir="ltr">'
    client.cookies[COOKIE] = "ur"
    assert html_tag(client.get("/account/login/")) == '<html lang="ur" dir="rtl">'
    client.cookies[COOKIE] = "pa"
    assert html_tag(client.get("/account/login/")) == '<html lang="pa" dir="ltr">'


def test_the_header_has_a_chooser_that_works_without_javascript(client):
    html = client.get("/account/login/").content.decode()
    chooser = html[html.index('class="language-chooser"') :]
    chooser = chooser[: chooser.index("</form>")]
    assert 'action="/account/language/"' in html
    assert '<option value="ur" lang="ur">اردو</option>' in chooser
    assert '<option value="en-gb" lang="en-gb" selected>English</option>' in chooser
    assert 'type="submit"' in chooser


def test_choosing_a_language_sets_the_cookie_and_goes_back(client):
    response = client.post("/account/language/", {"language": "ur", "next": "/courses/"})
    assert response.status_code == 302
    assert response["Location"] == "/courses/"
    assert response.cookies[COOKIE].value == "ur"
    assert html_tag(client.get("/account/login/")) == '<html lang="ur" dir="rtl">'


def test_a_language_not_offered_or_a_foreign_next_is_ignored(client):
    response = client.post(
        "/account/language/", {"language": "xx", "next": "https://evil.example/"}
    )
    assert response["Location"] == "/"
    assert COOKIE not in response.cookies


def test_the_chooser_takes_only_posts(client):
    assert client.get("/account/language/").status_code == 405


def test_a_signed_in_persons_choice_is_kept_on_their_profile(client):
    person = UserFactory()
    client.force_login(person)
    client.post("/account/language/", {"language": "pl", "next": "/"})
    person.refresh_from_db()
    assert person.preferred_language == "pl"


def test_on_signing_in_the_profiles_language_is_applied(client, password):
    person = UserFactory(preferred_language="ur")
    client.cookies[COOKIE] = "pl"
    response = client.post("/account/login/", {"login": person.username, "password": password})
    assert response.status_code == 302
    assert response.cookies[COOKIE].value == "ur"
    assert 'dir="rtl"' in html_tag(client.get("/account/profile/"))


def test_a_new_account_starts_in_the_language_being_read(client):
    from training.users.models import User

    client.cookies[COOKIE] = "pa"
    password = "kettle-otter-maple-47"
    client.post(
        "/account/signup/",
        {"email": "new@example.com", "password1": password, "password2": password},
    )
    assert User.objects.get(email="new@example.com").preferred_language == "pa"


def test_the_first_visit_prompt_shows_until_a_language_is_chosen(client):
    first = client.get("/account/login/").content.decode()
    assert 'class="language-prompt"' in first
    assert "No thanks, keep this language" in first
    # Dismissing it is choosing the language shown now.
    response = client.post("/account/language/", {"language": "en-gb", "next": "/account/login/"})
    assert response.cookies[COOKIE].value == "en-gb"
    assert 'class="language-prompt"' not in client.get("/account/login/").content.decode()


def test_signed_in_people_are_not_prompted(client):
    client.force_login(UserFactory())
    assert 'class="language-prompt"' not in client.get("/account/profile/").content.decode()


def test_the_anonymous_page_cache_keeps_one_copy_per_language(client):
    course_index()
    CoursePageFactory(title="Staying safe", slug="staying-safe")
    url = "/courses/staying-safe/"
    english = client.get(url)
    assert english["X-Page-Cache"] == "miss"
    assert "Cookie" in english["Vary"]
    assert client.get(url)["X-Page-Cache"] == "hit"

    urdu_visitor = type(client)()
    urdu_visitor.cookies[COOKIE] = "ur"
    urdu = urdu_visitor.get(url)
    assert urdu["X-Page-Cache"] == "miss"
    assert 'dir="rtl"' in html_tag(urdu)
    again = urdu_visitor.get(url)
    assert again["X-Page-Cache"] == "hit"
    assert 'dir="rtl"' in html_tag(again)
    # And English visitors still get the English copy.
    assert 'dir="ltr"' in html_tag(client.get(url))


def test_the_browsers_language_picks_the_copy_too(client):
    course_index()
    CoursePageFactory(title="Staying safe", slug="staying-safe")
    url = "/courses/staying-safe/"
    client.get(url)
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="ur")
    assert response["X-Page-Cache"] == "miss"
    assert 'lang="ur"' in html_tag(response)
    assert "Accept-Language" in response["Vary"]


def test_translated_pages_invite_people_to_say_what_reads_wrongly(client):
    english = client.get("/account/login/").content.decode()
    assert "This page is a translation" not in english
    client.cookies[COOKIE] = "pl"
    polish = client.get("/account/login/").content.decode()
    assert 'class="translation-note"' in polish


def test_emails_are_in_the_recipients_language():
    person = UserFactory(preferred_language="ur", email="pat@example.org")
    seen = []

    class Subject:
        def __str__(self) -> str:
            seen.append(translation.get_language())
            return "Hello"

    with translation.override("pl"):
        payload = email_payload(
            person=person, template="notification", subject=Subject(), context={}
        )
    assert seen == ["ur"]
    assert '<html lang="ur" dir="rtl">' in payload["html"]


def test_the_daily_digest_subject_is_in_the_recipients_language(monkeypatch):
    from notifications import digest

    person = UserFactory(preferred_language="pl", email="pat@example.org")
    seen = []

    def ngettext(singular, plural, number):
        seen.append(translation.get_language())
        return plural

    monkeypatch.setattr(digest, "ngettext", ngettext)
    digest.digest_payload(person=person, items=[], total=2)
    assert seen == ["pl"]
    assert not mail.outbox


# Physical left/right properties that may stay, each with its reason. (None so far.)
PHYSICAL_ALLOWED: set[tuple[str, str]] = set()
_DECLARATION = re.compile(r"(?:^|[{;])\s*([a-z-]+)\s*:\s*([^;{}]*)(?=[;}])")


def test_site_css_uses_logical_properties_only():
    css = re.sub(r"/\*.*?\*/", "", SITE_CSS.read_text(), flags=re.S)
    physical = []
    for prop, value in _DECLARATION.findall(css):
        value = value.strip()
        sided = re.search(r"\b(left|right)\b", prop) or (
            prop in ("float", "clear", "text-align") and re.search(r"\b(left|right)\b", value)
        )
        if sided and (prop, value) not in PHYSICAL_ALLOWED:
            physical.append(f"{prop}: {value}")
    assert physical == []


def test_the_css_names_system_fonts_for_gurmukhi_and_urdu():
    css = SITE_CSS.read_text()
    assert re.search(r':lang\(pa\)\s*\{[^}]*"Noto Sans Gurmukhi"', css)
    assert re.search(r':lang\(ur\)\s*\{[^}]*"Noto Nastaliq Urdu"', css)
    assert "@font-face" not in css


def test_a_notification_is_written_in_the_recipients_language():
    from django.utils.translation import gettext_lazy

    from notifications.services import notification_send

    person = UserFactory(preferred_language="ur", email="pat@example.org")
    seen = []

    class Text:
        def __str__(self) -> str:
            seen.append(translation.get_language())
            return "Hello"

    with translation.override("pl"):
        notification = notification_send(
            recipient=person, kind="event_update", subject=Text(), body=gettext_lazy("Hello")
        )
    assert seen == ["ur"]
    assert notification is not None and notification.subject == "Hello"
