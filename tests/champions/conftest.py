"""The champions tests' fixtures: the real track (imported from its course files)."""

from pathlib import Path

import pytest

from champions.selectors import track_courses
from courses.models import LessonPage
from courses.progress.services import enrolment_start, lesson_complete
from tests.factories.courses import course_index

TRACK_FOLDER = (
    Path(__file__).resolve().parents[2]
    / "demo"
    / "content"
    / "courses"
    / "helping-others-get-online"
)


@pytest.fixture
def track(db):
    """The three courses of "Helping others get online", imported from the demo course files."""
    from courses.content_files.services import course_files_import

    course_files_import(path=TRACK_FOLDER, index=course_index())
    return track_courses()


def track_lessons(track) -> list[LessonPage]:
    return [
        lesson
        for course in track
        for lesson in LessonPage.objects.live().child_of(course).order_by("path")
    ]


def track_finish(*, learner, track, at=None, leave_last: bool = False) -> None:
    """Mark the track's lessons done through the service (all, or all but the last)."""
    lessons = track_lessons(track)
    if leave_last:
        lessons = lessons[:-1]
    for course in track:
        enrolment_start(learner=learner, course=course)
    for lesson in lessons:
        lesson_complete(learner=learner, lesson=lesson, completed_at=at)
