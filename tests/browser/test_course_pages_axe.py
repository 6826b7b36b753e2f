"""Every public page type of the courses area passes axe-core and fits a 320px-wide screen."""

import pytest

from tests.browser.helpers import assert_fits_width, visit
from tests.factories.courses import (
    CoursePageFactory,
    LessonPageFactory,
    question,
    quiz_block,
    text_block,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_course_list_course_lesson_skills_and_search_pass_axe(context_new):
    course = CoursePageFactory(title="Video calls", slug="video-calls", skills=["COM-2"])
    lesson = LessonPageFactory(
        parent=course,
        title="Making a call",
        slug="making-a-call",
        skills=["COM-2"],
        body=[text_block("<p>Tap the camera button to start.</p>"), quiz_block(question())],
    )
    urls = [
        "/courses/",
        "/courses/?level=getting_started",
        course.get_url(),
        lesson.get_url(),
        "/courses/skills/",
        "/search/?q=call",
    ]
    for width in (1280, 320):
        page = context_new(viewport={"width": width, "height": 800}).new_page()
        for url in urls:
            visit(page, url)
            if width == 320:
                assert_fits_width(page, 320)
