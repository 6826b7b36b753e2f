"""A Course Editor builds a lesson with a text block and a quiz in the Wagtail admin and
publishes it; a visitor then sees it on the public site (checked with axe-core)."""

import pytest

from courses.models import LessonPage
from tests.browser.helpers import visit
from tests.factories.courses import CoursePageFactory
from tests.factories.users import PASSWORD, UserFactory
from training.users import roles

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

QUESTION = "Which button sends the message?"


def test_an_editor_builds_a_lesson_with_a_quiz_and_publishes_it(page, context_new):
    editor = UserFactory(role=roles.COURSE_EDITOR)
    course = CoursePageFactory(title="Texting your family", slug="texting-your-family")

    page.goto("/admin/login/")  # sends staff to the one sign-in page (allauth)
    page.fill("#id_login", editor.email)
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.locator("form:has(#id_login) button[type=submit]").click()
    page.goto(f"/admin/pages/add/courses/lessonpage/{course.pk}/")

    page.fill("#id_title", "Sending a text message")
    # A text block.
    page.locator("button.c-sf-add-button").first.click()
    page.get_by_role("option", name="Text", exact=True).click()
    page.locator("[contenteditable=true]").first.click()
    page.keyboard.type("Open the messages app and tap the pencil.")
    # A quiz with one question and two answers.
    page.locator("button.c-sf-add-button").last.click()
    page.get_by_role("option", name="Quiz", exact=True).click()
    prefix = "#body-1-value-questions-0-value-"
    page.fill(f"{prefix}question", QUESTION)
    page.fill(f"{prefix}options-0-value-text", "The arrow next to the message")
    page.check(f"{prefix}options-0-value-is_correct")
    page.fill(f"{prefix}options-0-value-feedback", "Yes: the arrow sends it.")
    option_add = page.locator("[data-contentpath=options] button[data-streamfield-list-add]").last
    option_add.click()
    page.fill(f"{prefix}options-1-value-text", "The camera")
    page.fill(f"{prefix}options-1-value-feedback", "No: the camera adds a photo.")

    page.get_by_role("button", name="More actions").click()
    with page.expect_navigation():
        page.get_by_role("button", name="Publish").click()

    lesson = LessonPage.objects.get(title="Sending a text message")
    assert lesson.live
    assert [block.block_type for block in lesson.body] == ["text", "quiz"]
    quiz = lesson.body[1].value
    assert quiz["questions"][0]["question"] == QUESTION
    assert [o["is_correct"] for o in quiz["questions"][0]["options"]] == [True, False]

    visitor = context_new().new_page()
    visit(visitor, lesson.get_url())
    assert visitor.get_by_role("heading", name="Sending a text message").is_visible()
    assert visitor.get_by_text("Open the messages app and tap the pencil.").is_visible()
    assert visitor.get_by_text(QUESTION).is_visible()
