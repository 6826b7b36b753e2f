"""Functions live where their names say: reads in selectors.py, writes in services.py, helpers
named as they read ("a memorable password")."""

import pytest

from courses.progress import selectors, services
from courses.progress.selectors import course_lessons_not_done
from courses.progress.services import lesson_complete
from training.users import passwords


def test_what_is_left_of_a_course_is_a_selector(learner, course, lessons):
    assert not hasattr(services, "course_lessons_not_done")
    assert "course_lessons_not_done" in selectors.__all__

    lesson_complete(learner=learner, lesson=lessons[0])

    assert (
        list(course_lessons_not_done(learner=learner, course=course).order_by("path"))
        == (lessons[1:])
    )


@pytest.mark.django_db
def test_the_password_helper_reads_naturally():
    assert not hasattr(passwords, "password_memorable")
    assert len(passwords.memorable_password().split("-")) >= 2
