"""Demo courses: the course files in ``demo/content/courses/``, loaded with ``course_import``.

Each course is a folder in the plain course file format (docs/course-files.md), so trainers and
translators edit text files, not code. Loading goes through the same import service as
``manage.py course_import``: the same validation as the Wagtail editor, and idempotent (courses
and lessons are found by slug; a page gets a new revision only if its file changed).
"""

from pathlib import Path
from typing import Any

from wagtail.models import Locale

from courses.content_files.files import course_folder_read
from courses.content_files.services import (
    children_order_set,
    course_files_import,
    english_courses_index,
)
from courses.models import CourseIndexPage
from training.core.models import HomePage

COURSES_FOLDER = Path(__file__).resolve().parent / "content" / "courses"
# The order beginners meet the courses in; any other course folder follows, by name.
COURSE_ORDER = [
    "getting-started-with-devices",
    "staying-safe-online",
    "email-send-reply-and-attach",
    "taking-and-sharing-photos",
    "video-calls-with-family-and-friends",
    "filling-in-forms-online",
    "managing-money-online",
]


def demo_course_folders() -> list[Path]:
    """Every demo course folder, in the order beginners meet them."""
    folders = sorted(path.parent for path in COURSES_FOLDER.glob("*/course.toml"))
    return sorted(
        folders,
        key=lambda folder: (
            COURSE_ORDER.index(folder.name) if folder.name in COURSE_ORDER else len(COURSE_ORDER)
        ),
    )


def demo_courses() -> list[tuple[str, dict[str, Any]]]:
    """Every demo course as (folder name, its details), read from its files."""
    found = []
    for folder in demo_course_folders():
        course = course_folder_read(folder)
        lessons = [{"slug": lesson.slug, "skills": lesson.skills} for lesson in course.lessons]
        found.append(
            (
                folder.name,
                {
                    "slug": course.slug,
                    "title": course.title,
                    "skills": course.skills,
                    "lessons": lessons,
                },
            )
        )
    return found


def courses_index() -> CourseIndexPage:
    """The courses index (made by a migration); made here too if it is missing."""
    index = english_courses_index()
    if index is None:
        home = HomePage.objects.get(locale=Locale.get_default())
        index = CourseIndexPage(title="Courses", slug="courses")
        home.add_child(instance=index)
        index.save_revision().publish()
    return index


def demo_seed(*, stdout) -> None:
    index = courses_index()
    folders = demo_course_folders()
    lesson_total, slugs = 0, []
    for folder in folders:
        # English only: the translations come last (demo/translations.py), after the demo
        # learners' progress, which is kept against the English pages.
        (result,) = course_files_import(path=folder, index=index, translations=False)
        lesson_total += result.course.get_children().count()
        slugs.append(result.course.slug)
    children_order_set(parent=index, wanted=slugs)
    stdout.write(f"Courses: {len(folders)} courses with {lesson_total} lessons.")
