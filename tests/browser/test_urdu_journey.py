"""Issue 17, done when: a learner switches to Urdu, reads a course translated into Urdu at its
usual address, mirrored right to left with no layout fault on a 320px phone and a 1280px screen,
finishes a lesson, then switches to English and sees the lesson done and the course's progress.

Screenshots are kept as test artefacts: in ARTEFACTS_DIR if set, else test-artifacts/urdu/ (not
kept in git). Every page reached is checked with axe-core.
"""

import os
from pathlib import Path

from django.conf import settings

import pytest

from courses.models import Enrolment, LessonCompletion
from tests.browser.helpers import assert_fits_width, axe_check, visit
from tests.factories.users import PASSWORD, UserFactory
from tests.translations.courses_translated import URDU, course_english, course_translate
from training.users import roles

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

COURSE_URL = "/courses/sending-an-email/"
LESSON_URL = "/courses/sending-an-email/writing/"
URDU_TEXT = "نیا ای میل شروع کرنے کے لیے قلم پر ٹیپ کریں۔"


@pytest.fixture
def artefacts() -> Path:
    folder = Path(os.environ.get("ARTEFACTS_DIR") or settings.BASE_DIR / "test-artifacts") / "urdu"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def course():
    """The English course, and its copy in Urdu: course and both lessons, published."""
    course = course_english()
    course_translate(course, language="ur", titles=URDU, texts={"writing": URDU_TEXT})
    return course


@pytest.fixture
def learner():
    return UserFactory(role=roles.LEARNER, username="amina", preferred_language="en-gb")


def sign_in(page, login: str) -> None:
    visit(page, "/account/login/")
    form = page.locator("form:has(#id_login)")
    form.locator("#id_login").fill(login)
    form.locator("#id_password").fill(PASSWORD)
    with page.expect_navigation():
        form.locator("button[type=submit]").click()
    axe_check(page, label="after signing in")


def language_choose(page, code: str) -> None:
    """The header's chooser: a plain form that comes back to the same page."""
    page.select_option("#language-chooser-select", code)
    with page.expect_navigation():
        page.locator(".language-chooser button[type=submit]").click()
    axe_check(page, label=f"after choosing {code}")


def assert_mirrored_and_in_view(page, width: int) -> None:
    html = page.locator("html")
    assert html.get_attribute("lang") == "ur"
    assert html.get_attribute("dir") == "rtl"
    assert_fits_width(page, width)
    # In right to left, overflow goes past the left edge, which scrollWidth does not count.
    outside = page.evaluate(
        """(width) => Array.from(document.querySelectorAll('.site-header *, main *'))
            .filter((element) => {
                const box = element.getBoundingClientRect();
                return box.width > 0 && (box.left < -1 || box.right > width + 1)
                    && !element.closest('.visually-hidden, .skip-link');
            })
            .slice(0, 10).map((element) => element.tagName.toLowerCase()
                + (typeof element.className === 'string' && element.className
                    ? '.' + element.className.trim().split(/\\s+/).join('.') : ''))""",
        width,
    )
    assert outside == [], f"{page.url} at {width}px: outside the window: {', '.join(outside)}"


def test_an_urdu_reader_finishes_a_translated_lesson_and_sees_it_done_in_english(
    page, artefacts, course, learner
):
    sign_in(page, "amina")
    visit(page, COURSE_URL)
    language_choose(page, "ur")

    # The Urdu course, at the same address, mirrored at both sizes.
    assert page.url.endswith(COURSE_URL)
    for width in (320, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        for url, name in ((COURSE_URL, "course"), (LESSON_URL, "lesson")):
            visit(page, url)
            assert_mirrored_and_in_view(page, width)
            page.screenshot(path=str(artefacts / f"ur-{width}-{name}.png"), full_page=True)
    visit(page, COURSE_URL)
    assert page.get_by_role("heading", level=1).inner_text().strip() == URDU["course"]
    assert page.locator(f'main a[href="{LESSON_URL}"]').first.is_visible()
    # Translated pages invite people to tell us if something reads wrongly.
    assert page.locator(".translation-note").is_visible()

    # The Urdu lesson: finish it with the lesson's own button (in Urdu).
    visit(page, LESSON_URL)
    assert page.get_by_role("heading", level=1).inner_text().strip() == URDU["writing"]
    assert URDU_TEXT in page.locator("main").inner_text()
    page.locator("#lesson-progress form button[type=submit]").click()
    page.locator("#lesson-progress .lesson-progress__state--done").wait_for()
    axe_check(page, label="after finishing the Urdu lesson")
    page.screenshot(path=str(artefacts / "ur-1280-lesson-done.png"), full_page=True)

    # Kept against the English lesson and course.
    english_lesson = course.get_children().get(slug="writing")
    completion = LessonCompletion.objects.get(learner=learner)
    assert completion.lesson_id == english_lesson.pk
    assert Enrolment.objects.get(learner=learner).course_id == course.pk

    # Back to English: the same address shows the English lesson, done.
    language_choose(page, "en-gb")
    assert page.url.endswith(LESSON_URL)
    html = page.locator("html")
    assert html.get_attribute("lang") == "en-gb"
    assert html.get_attribute("dir") == "ltr"
    assert page.get_by_role("heading", level=1).inner_text().strip() == "Writing an email"
    assert "Done ✓" in page.locator("#lesson-progress").inner_text()
    assert page.locator(".translation-note").count() == 0

    visit(page, COURSE_URL)
    assert "1 of 2 lessons done" in page.locator("main").inner_text()
    page.screenshot(path=str(artefacts / "en-1280-course-progress.png"), full_page=True)
