import pytest

from tests.factories.courses import (
    CoursePageFactory,
    LessonPageFactory,
    course_index,
    question,
    quiz_block,
    text_block,
)


@pytest.fixture
def index(db):
    return course_index()


@pytest.fixture
def course(index):
    """A published course with three published lessons; the second has a two-question quiz."""
    course = CoursePageFactory(
        title="Staying safe with passwords",
        slug="staying-safe-with-passwords",
        summary="Make strong passwords and keep them safe.",
        skills=["SAF-7", "FND-8"],
    )
    LessonPageFactory(parent=course, title="Why passwords matter", slug="why", estimated_minutes=5)
    LessonPageFactory(
        parent=course,
        title="Making strong passwords",
        slug="strong",
        estimated_minutes=15,
        pass_mark_percent=100,
        skills=["SAF-7"],
        body=[
            text_block("<p>Join <b>three random words</b> to make a strong password.</p>"),
            quiz_block(
                question(),
                question(
                    "Which of these should you keep secret?",
                    multiple=True,
                    options=[
                        ("Your password", True, "Yes: never share it."),
                        ("Your security code", True, "Yes: banks never ask for it."),
                        ("The name of your town", False, "It is not a secret, but take care."),
                    ],
                ),
            ),
        ],
    )
    LessonPageFactory(
        parent=course, title="Changing a password", slug="changing", estimated_minutes=10
    )
    return course


@pytest.fixture
def lessons(course):
    from courses.models import LessonPage

    return list(LessonPage.objects.child_of(course).order_by("path"))
