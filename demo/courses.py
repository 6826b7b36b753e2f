"""Demo courses, built from the plain data files in ``courses/demo_content/``.

Each module there defines ``COURSE`` (see any of them for the shape). Seeding is idempotent:
courses and lessons are found by slug and updated, a new revision is published, skills are
linked by code. Every lesson body is checked with the same block validation editors get, so the
demo can never hold a lesson an editor could not publish.
"""

import importlib
import pkgutil
from collections.abc import Iterable
from html import escape
from io import BytesIO
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.db import transaction

from wagtail.images import get_image_model
from wagtail.models import Page

from courses import demo_content
from courses.models import CourseIndexPage, CourseLevel, CoursePage, LessonPage, Skill
from demo.illustrations import illustration_draw
from training.core.models import HomePage

ILLUSTRATION_TITLE = "Course illustration: {slug}"
# The order beginners meet the courses in; any other course follows, by module name.
COURSE_ORDER = [
    "getting-started-with-devices",
    "staying-safe-online",
    "email-send-reply-and-attach",
    "taking-and-sharing-photos",
    "video-calls-with-family-and-friends",
    "filling-in-forms-online",
    "managing-money-online",
]


class DemoContentError(ValueError):
    """A demo data file does not fit the format or the rules."""


def demo_courses() -> list[tuple[str, dict[str, Any]]]:
    """Every ``COURSE`` in ``courses/demo_content``, by module name."""
    found = []
    for module_info in sorted(pkgutil.iter_modules(demo_content.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{demo_content.__name__}.{module_info.name}")
        course = getattr(module, "COURSE", None)
        if isinstance(course, dict):
            found.append((module_info.name, course))
    return found


def _rich(text: str) -> str:
    """Rich text from demo data: HTML is kept; plain text becomes escaped paragraphs."""
    text = (text or "").strip()
    if text.startswith("<"):
        return text
    paragraphs = [part.strip() for part in text.split("\n\n") if part.strip()]
    return "".join(f"<p>{escape(part)}</p>" for part in paragraphs)


def _block(kind: str, value: Any) -> dict[str, Any]:
    if kind == "text":
        return {"type": "text", "value": _rich(value)}
    if kind in {"tip", "watch_out"}:
        return {"type": kind, "value": _rich(value)}
    if kind == "steps":
        steps = [
            {"text": _rich(step), "image": None, "alt": ""}
            if isinstance(step, str)
            else {"text": _rich(step.get("text", "")), "image": None, "alt": ""}
            for step in value.get("steps", [])
        ]
        return {"type": "steps", "value": {"title": value.get("title", ""), "steps": steps}}
    if kind == "try_it":
        return {
            "type": "try_it",
            "value": {
                "title": value.get("title", ""),
                "instructions": _rich(value.get("instructions", "")),
            },
        }
    if kind == "quiz":
        questions = [
            {
                "question": question.get("question", ""),
                "multiple": bool(question.get("multiple", False)),
                "options": [
                    {
                        "text": option.get("text", ""),
                        "is_correct": bool(option.get("correct", option.get("is_correct"))),
                        "feedback": option.get("feedback", ""),
                    }
                    for option in question.get("options", [])
                ],
            }
            for question in value.get("questions", [])
        ]
        return {"type": "quiz", "value": {"title": value.get("title", ""), "questions": questions}}
    if kind == "video":
        return {
            "type": "video",
            "value": {
                "url": value.get("url", ""),
                "title": value.get("title", ""),
                "duration": value.get("duration", ""),
                "transcript": value.get("transcript", ""),
            },
        }
    raise DemoContentError(f"unknown block type {kind!r}")


def lesson_body(items: Iterable[tuple[str, Any]], *, where: str) -> list[dict[str, Any]]:
    """Turn ``(kind, value)`` pairs into StreamField data, checked like an editor's."""
    try:
        raw = [_block(kind, value) for kind, value in items]
    except DemoContentError as error:
        raise DemoContentError(f"{where}: {error}") from None
    stream_block = LessonPage._meta.get_field("body").stream_block
    try:
        stream_block.clean(stream_block.to_python(raw))
    except ValidationError as error:
        detail = error.as_json_data() if hasattr(error, "as_json_data") else error.messages
        raise DemoContentError(f"{where}: the lesson does not pass validation: {detail}") from None
    return raw


def _skills(codes: list[str], *, where: str) -> list[Skill]:
    skills = {skill.code: skill for skill in Skill.objects.filter(code__in=codes)}
    missing = [code for code in codes if code not in skills]
    if missing:
        raise DemoContentError(f"{where}: unknown skill codes {', '.join(missing)}")
    return [skills[code] for code in codes]


def courses_index() -> CourseIndexPage:
    """The courses index (made by a migration); made here too if it is missing."""
    index = CourseIndexPage.objects.first()
    if index is None:
        home = HomePage.objects.get()
        index = CourseIndexPage(title="Courses", slug="courses")
        home.add_child(instance=index)
        index.save_revision().publish()
    return index


def _illustration(slug: str):
    Image = get_image_model()
    title = ILLUSTRATION_TITLE.format(slug=slug)
    image = Image.objects.filter(title=title).first()
    data, alt = illustration_draw(slug=slug)
    if image is None:
        image = Image(title=title, file=ImageFile(BytesIO(data), name=f"course-{slug}.png"))
        image.save()
    return image, alt


def _children_order(parent: Page, wanted: list[str]) -> None:
    """Move the children named in ``wanted`` so they come in that order (others go first)."""
    current = [page.slug for page in Page.objects.child_of(parent).order_by("path")]
    if [slug for slug in current if slug in wanted] == wanted:
        return
    for slug in wanted:
        Page.objects.child_of(parent).get(slug=slug).move(parent, pos="last-child")


def course_seed(*, index: CourseIndexPage, data: dict[str, Any]) -> CoursePage:
    """Create or update one course and its lessons from demo data, and publish them."""
    slug = data["slug"]
    where = f"course {slug!r}"
    if data.get("level") not in CourseLevel.values:
        raise DemoContentError(f"{where}: level must be one of {', '.join(CourseLevel.values)}")
    lessons = data.get("lessons") or []
    bodies = [
        lesson_body(lesson["body"], where=f"{where}, lesson {lesson['slug']!r}")
        for lesson in lessons
    ]
    image, alt = _illustration(slug)

    course = CoursePage.objects.child_of(index).filter(slug=slug).first()
    values = {
        "title": data["title"],
        "summary": data["summary"],
        "audience": data["audience"],
        "outcomes": [("outcome", outcome) for outcome in data.get("outcomes", [])],
        "level": data["level"],
        "listing_image": image,
        "listing_image_alt": alt,
        "search_description": data["summary"],
    }
    if course is None:
        course = CoursePage(slug=slug, **values)
        index.add_child(instance=course)
    else:
        for field, value in values.items():
            setattr(course, field, value)
    course.skills.set(_skills(data.get("skills", []), where=where))
    course.save_revision().publish()

    existing = {page.slug: page for page in LessonPage.objects.child_of(course)}
    for lesson_data, body in zip(lessons, bodies, strict=True):
        lesson_where = f"{where}, lesson {lesson_data['slug']!r}"
        lesson_values = {
            "title": lesson_data["title"],
            "estimated_minutes": lesson_data.get("minutes", 10),
            "pass_mark_percent": lesson_data.get("pass_mark_percent", 80),
            "body": body,
            "search_description": lesson_data.get("summary", ""),
        }
        lesson = existing.get(lesson_data["slug"])
        if lesson is None:
            lesson = LessonPage(slug=lesson_data["slug"], **lesson_values)
            course.add_child(instance=lesson)
        else:
            for field, value in lesson_values.items():
                setattr(lesson, field, value)
        lesson.skills.set(_skills(lesson_data.get("skills", []), where=lesson_where))
        lesson.save_revision().publish()

    # Keep the lessons in the order of the data file.
    _children_order(course, [lesson["slug"] for lesson in lessons])
    return course


@transaction.atomic
def demo_seed(*, stdout) -> None:
    index = courses_index()
    courses = sorted(
        demo_courses(),
        key=lambda item: (
            COURSE_ORDER.index(item[1]["slug"]) if item[1]["slug"] in COURSE_ORDER else 99
        ),
    )
    for _module_name, data in courses:
        course_seed(index=index, data=data)
    _children_order(index, [data["slug"] for _module_name, data in courses])
    lesson_total = sum(len(data.get("lessons") or []) for _name, data in courses)
    stdout.write(f"Courses: {len(courses)} courses with {lesson_total} lessons.")
