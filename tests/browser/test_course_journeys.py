"""Course journeys in a real browser: a visitor finds a course through the course list's
filters and through search, reads a lesson and uses the reading aids.

Every page reached is checked with axe-core (``visit`` and ``submit`` do it).
"""

import re

import pytest

from courses.models import CourseLevel, Enrolment, LessonCompletion
from tests.browser.helpers import axe_check, submit, visit
from tests.factories.courses import CoursePageFactory, LessonPageFactory, text_block

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

COURSE = "Staying safe with passwords"
OTHER_LEVEL = "Passwords for beginners"
OTHER_AREA = "Sending your first email"


@pytest.fixture
def courses():
    """Three published courses; only one is in "Being safe and legal online" at "Next steps"."""
    course = CoursePageFactory(
        title=COURSE,
        slug="staying-safe-with-passwords",
        summary="Make strong passwords and keep them safe.",
        level=CourseLevel.NEXT_STEPS,
        skills=["SAF-7"],
    )
    LessonPageFactory(
        parent=course,
        title="Making strong passwords",
        slug="strong",
        skills=["SAF-7"],
        body=[
            text_block("<p>Join <b>three random words</b> to make a strong password.</p>"),
            text_block("<p>Never use the same password for two accounts.</p>"),
        ],
    )
    CoursePageFactory(
        title=OTHER_LEVEL,
        slug="passwords-for-beginners",
        level=CourseLevel.GETTING_STARTED,
        skills=["SAF-7"],
    )
    CoursePageFactory(
        title=OTHER_AREA,
        slug="sending-your-first-email",
        level=CourseLevel.NEXT_STEPS,
        skills=["COM-1"],
    )
    return course


def course_titles(page) -> list[str]:
    return page.locator(".course-card__title").all_inner_texts()


def root_font_size(page) -> float:
    return page.evaluate("() => parseFloat(getComputedStyle(document.documentElement).fontSize)")


def test_a_visitor_finds_a_course_by_filter_and_search_and_uses_the_reading_aids(page, courses):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))

    # The course list, filtered by skill area and level (a GET form).
    visit(page, "/courses/")
    assert set(course_titles(page)) == {COURSE, OTHER_LEVEL, OTHER_AREA}
    page.get_by_label("Skill area").select_option(label="Being safe and legal online")
    page.get_by_label("Level").select_option(label="Next steps")
    submit(page, "Show courses")
    assert re.search(r"[?&]area=SAF(&|$)", page.url), page.url
    assert "level=next_steps" in page.url
    assert course_titles(page) == [COURSE]
    assert page.get_by_role("heading", name="1 course", exact=True).is_visible()

    # Search finds it too.
    visit(page, "/search/")
    page.get_by_label("What do you want to learn about?").fill("passwords")
    submit(page, "Search")
    results = page.locator(".search-result__title")
    assert COURSE in results.all_inner_texts()
    assert "Making strong passwords" in results.all_inner_texts()

    # Open the course from the results, then its lesson.
    with page.expect_navigation():
        results.get_by_role("link", name=COURSE, exact=True).click()
    axe_check(page, label="course page")
    assert page.get_by_role("heading", level=1).inner_text() == COURSE
    with page.expect_navigation():
        page.get_by_role("main").get_by_role("link", name="Making strong passwords").first.click()
    axe_check(page, label="lesson page")
    assert page.get_by_role("heading", level=1).inner_text() == "Making strong passwords"
    assert page.get_by_text("Lesson 1 of 1").is_visible()
    assert page.get_by_text("three random words").is_visible()

    # Reading aids: the text size control changes the root font size, and back again.
    lesson_url = page.url
    before = root_font_size(page)
    page.get_by_role("button", name="Bigger", exact=True).click()
    page.wait_for_function(
        "(before) => parseFloat(getComputedStyle(document.documentElement).fontSize) > before",
        arg=before,
    )
    assert root_font_size(page) == pytest.approx(before * 1.125)
    axe_check(page, label="text made bigger")
    page.get_by_role("button", name="Reset", exact=True).click()
    page.wait_for_function(
        "(before) => parseFloat(getComputedStyle(document.documentElement).fontSize) === before",
        arg=before,
    )

    # "Listen" is offered where the browser can speak, and pressing it breaks nothing.
    assert page.evaluate("() => 'speechSynthesis' in window")
    listen = page.get_by_role("button", name="Listen to this lesson")
    assert listen.is_visible()
    listen.click()
    page.wait_for_timeout(300)
    assert page.url == lesson_url
    axe_check(page, label="after pressing Listen")
    assert errors == [], errors

    # Reading stores nothing: no enrolment or completion without an account.
    assert not Enrolment.objects.exists()
    assert not LessonCompletion.objects.exists()
