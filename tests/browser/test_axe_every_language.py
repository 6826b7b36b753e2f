"""Issue 17: the key pages pass axe-core (WCAG 2.2 AA) in every language of settings.LANGUAGES,
with the right ``<html lang dir>`` (Urdu right to left). The real catalogues are compiled with
msgfmt into a temporary folder, so the pages are in the language, not English with a new tag.

A visitor's language is the language cookie (what the chooser sets); a signed-in person's is
their profile's preferred language."""

import shutil
import subprocess
from pathlib import Path

from django.conf import settings
from django.utils import translation
from django.utils.translation import get_language_bidi

import pytest

from tests.browser.helpers import axe_check
from tests.factories.community import GroupFactory, PostFactory
from tests.factories.courses import CoursePageFactory, LessonPageFactory, text_block
from tests.factories.events import EventFactory
from tests.factories.users import UserFactory
from tests.factories.voice import tenancy_add
from training.places.models import CommunityCentre, Neighbourhood
from voice.models import TenantVerification

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

LANGUAGES = [code for code, _name in settings.LANGUAGES]


@pytest.fixture
def compiled(settings, tmp_path):
    """Every enabled language's catalogue, compiled as `make compilemessages` does."""
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        pytest.skip("needs msgfmt (Debian's gettext), as `make compilemessages` does")
    source = Path(settings.BASE_DIR) / "locale"
    for po in source.glob("*/LC_MESSAGES/*.po"):
        target = tmp_path / "locale" / po.relative_to(source).with_suffix(".mo")
        target.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([msgfmt, "-o", str(target), str(po)], check=True)
    settings.LOCALE_PATHS = [tmp_path / "locale"]
    yield
    translation.deactivate()


@pytest.fixture
def key_pages(demo_content):
    """Home, course list, a course, a lesson, a group, events, sign in, report a problem."""
    elm = Neighbourhood.objects.get(slug="elm-court")
    course = CoursePageFactory(title="Video calls", slug="video-calls", skills=["COM-2"])
    lesson = LessonPageFactory(
        parent=course,
        title="Making a call",
        slug="making-a-call",
        body=[text_block("<p>Tap the camera button to start.</p>")],
    )
    group = GroupFactory(
        name="Elm Court neighbours", slug="elm-court-neighbours", neighbourhood=elm
    )
    PostFactory(group=group, author=UserFactory(display_name="Sam"), body="Benches are in.")
    EventFactory(
        title="Coffee and computers",
        centre=CommunityCentre.objects.get(slug="elm-court-community-centre"),
    )
    tenant = UserFactory(display_name="Marley Quinn", neighbourhood=elm)
    TenantVerification.objects.create(
        person=tenant, tenancy=tenancy_add("TEN-000123", "N1 8ZZ", elm), method="in_person"
    )
    return {
        "public": [
            "/",
            "/courses/",
            course.get_url(),
            lesson.get_url(),
            group.get_absolute_url(),
            "/events/",
            "/account/login/",
        ],
        "signed_in": ["/voice/reports/new/"],
        "tenant": tenant,
    }


def check_in(page, url: str, code: str, problems: list[str]) -> None:
    response = page.goto(url)
    if response is None or response.status != 200:
        problems.append(f"{code} {url}: answered {response.status if response else 'nothing'}")
        return
    html = page.locator("html")
    direction = "rtl" if get_language_bidi_of(code) else "ltr"
    if (html.get_attribute("lang"), html.get_attribute("dir")) != (code, direction):
        problems.append(
            f"{code} {url}: <html lang={html.get_attribute('lang')} "
            f"dir={html.get_attribute('dir')}>, expected lang={code} dir={direction}"
        )
    try:
        axe_check(page, label=f"in {code}")
    except AssertionError as error:
        problems.append(str(error))


def get_language_bidi_of(code: str) -> bool:
    with translation.override(code):
        return get_language_bidi()


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_key_pages_pass_axe_in_each_language(
    code, compiled, key_pages, context_new, sign_in, live_server
):
    problems: list[str] = []
    visitor = context_new(viewport={"width": 1280, "height": 800})
    visitor.add_cookies(
        [{"name": settings.LANGUAGE_COOKIE_NAME, "value": code, "url": live_server.url}]
    )
    page = visitor.new_page()
    for url in key_pages["public"]:
        check_in(page, url, code, problems)
    if code != settings.LANGUAGE_CODE:
        # The pages really are in the language: sign-in's heading is not the English one.
        page.goto("/account/login/")
        assert page.get_by_role("heading", level=1).inner_text() != "Sign in"

    tenant = key_pages["tenant"]
    tenant.preferred_language = code
    tenant.save(update_fields=["preferred_language"])
    signed_in = context_new(viewport={"width": 1280, "height": 800})
    sign_in(signed_in, tenant)
    page = signed_in.new_page()
    for url in key_pages["signed_in"]:
        check_in(page, url, code, problems)
    assert not problems, "\n\n".join(problems)
