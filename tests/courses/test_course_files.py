"""Courses as files: course_import / course_export round-trip, idempotence and clear errors."""

import io
import shutil
from pathlib import Path

from django.core.management import CommandError, call_command

from wagtail.images import get_image_model
from wagtail.models import Revision

import pytest

from courses.content_files.markdown import html_to_markdown, markdown_to_html
from courses.models import CoursePage, LessonPage
from demo.courses import COURSES_FOLDER

pytestmark = pytest.mark.django_db

SAFE = "staying-safe-online"
PICTURE = COURSES_FOLDER / SAFE / "picture.png"


def _files(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir()) if path.is_file()}


def _import(path) -> str:
    out = io.StringIO()
    call_command("course_import", str(path), stdout=out)
    return out.getvalue()


def _counts() -> tuple[int, int, int]:
    return (
        CoursePage.objects.count(),
        LessonPage.objects.count(),
        get_image_model().objects.count(),
    )


@pytest.fixture
def course_copy(tmp_path, index):
    """A copy of one demo course folder, to spoil."""
    folder = tmp_path / SAFE
    shutil.copytree(COURSES_FOLDER / SAFE, folder)
    return folder


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new, 1))


def _refused(folder: Path, *expected: str) -> str:
    before = _counts()
    with pytest.raises(CommandError) as raised:
        _import(folder)
    message = str(raised.value)
    for part in expected:
        assert part in message, message
    assert "Nothing was imported" in message
    assert _counts() == before  # nothing half-imported
    return message


# Round trip ---------------------------------------------------------------------------------


def test_every_demo_course_round_trips_byte_for_byte(index, tmp_path):
    output = _import(COURSES_FOLDER)
    folders = sorted(path.parent for path in COURSES_FOLDER.glob("*/course.toml"))
    assert len(folders) == 7
    assert output.count(": added") - output.count("): added") == 7  # "(pl): " translations

    for folder in folders:
        out = tmp_path / folder.name
        call_command("course_export", folder.name, str(out), stdout=io.StringIO())
        assert _files(out) == _files(folder), folder.name


def test_importing_twice_duplicates_nothing_and_makes_no_revision(index):
    _import(COURSES_FOLDER)
    counts, revisions = _counts(), Revision.objects.count()

    output = _import(COURSES_FOLDER)

    assert _counts() == counts
    assert Revision.objects.count() == revisions
    assert output.count(": unchanged") - output.count("): unchanged") == 7


def test_a_changed_lesson_is_updated_in_place_with_one_new_revision(course_copy):
    _import(course_copy)
    lesson = LessonPage.objects.get(slug="making-strong-passwords")
    revisions = Revision.objects.for_instance(lesson).count()
    counts = _counts()
    _edit(course_copy / "making-strong-passwords.md", "minutes = 15", "minutes = 20")

    output = _import(course_copy)

    lesson.refresh_from_db()
    assert lesson.estimated_minutes == 20 and lesson.live
    assert Revision.objects.for_instance(lesson).count() == revisions + 1
    assert _counts() == counts
    assert f"{SAFE}: updated (1 lessons changed)" in output


def test_lesson_text_and_blocks_arrive_as_the_editor_would_store_them(course_copy):
    _import(course_copy)
    lesson = LessonPage.objects.get(slug="making-strong-passwords")
    kinds = [block.block_type for block in lesson.body]
    assert {"text", "steps", "quiz"} <= set(kinds)
    course = CoursePage.objects.get(slug=SAFE)
    assert course.listing_image.title == f"{course.title}: picture"
    assert course.listing_image_alt == "Drawing of a closed padlock"


def test_export_refuses_a_folder_that_is_not_empty(course_copy):
    _import(course_copy)
    with pytest.raises(CommandError, match="not empty"):
        call_command("course_export", SAFE, str(course_copy), stdout=io.StringIO())


def test_export_of_an_unknown_course_is_refused(index, tmp_path):
    with pytest.raises(CommandError, match="no course with the slug"):
        call_command("course_export", "nope", str(tmp_path / "x"), stdout=io.StringIO())


# Bad files: file, line and field named; nothing imported -------------------------------------


def test_a_step_picture_without_alt_text_is_refused(course_copy):
    lesson = course_copy / "making-strong-passwords.md"
    shutil.copy(PICTURE, course_copy / "screen.png")
    text = lesson.read_text()
    step = next(line for line in text.splitlines() if line.startswith("1. "))
    lesson.write_text(text.replace(step, step + "\n   picture: screen.png", 1))
    line = lesson.read_text().splitlines().index(step) + 1

    _refused(
        course_copy,
        f"{lesson}, line {line}",
        ":::steps step 1 alt",
        "alt text",
    )


def test_an_image_without_alt_text_is_refused(course_copy):
    lesson = course_copy / "making-strong-passwords.md"
    shutil.copy(PICTURE, course_copy / "screen.png")
    lesson.write_text(lesson.read_text() + "\n:::image\npicture: screen.png\n:::\n")
    line = len(lesson.read_text().splitlines()) - 2

    _refused(course_copy, f"{lesson}, line {line}", ":::image alt", "alt text")


def test_a_video_without_a_transcript_is_refused(course_copy):
    lesson = course_copy / "making-strong-passwords.md"
    video = "\n:::video Making a password\nurl: https://www.youtube.com/watch?v=abc123DEF45\n:::\n"
    lesson.write_text(lesson.read_text() + video)
    line = len(lesson.read_text().splitlines()) - 2

    _refused(course_copy, f"{lesson}, line {line}", ":::video transcript", "transcript")


def test_a_quiz_answer_without_feedback_is_refused(course_copy):
    lesson = course_copy / "making-strong-passwords.md"
    lines = lesson.read_text().splitlines()
    answer = next(n for n, line in enumerate(lines) if line.startswith(("( ) ", "[ ] ")))
    assert lines[answer + 1].startswith("    ")
    del lines[answer + 1]
    lesson.write_text("\n".join(lines) + "\n")

    _refused(course_copy, f"{lesson}, line {answer + 1}", ":::quiz question ", "feedback")


def test_a_quiz_question_with_no_right_answer_is_refused(course_copy):
    lesson = course_copy / "making-strong-passwords.md"
    lesson.write_text(lesson.read_text().replace("(x) ", "( ) "))

    _refused(course_copy, str(lesson), ":::quiz question 1", "Mark at least one answer as right")


def test_an_unknown_skill_code_is_refused(course_copy):
    course_file = course_copy / "course.toml"
    _edit(course_file, '"FND-8", ', '"ZZZ-99", ')
    line = (
        course_file.read_text()
        .splitlines()
        .index(next(x for x in course_file.read_text().splitlines() if x.startswith("skills")))
    )

    _refused(course_copy, f"{course_file}, line {line + 1}, skills", "'ZZZ-99'")


def test_bad_toml_is_refused_with_its_line(course_copy):
    lesson = course_copy / "making-strong-passwords.md"
    _edit(lesson, "minutes = 15", "minutes = = 15")

    _refused(course_copy, f"{lesson}, line 3, TOML", "not valid TOML")


def test_a_course_without_picture_alt_text_is_refused(course_copy):
    course_file = course_copy / "course.toml"
    _edit(course_file, 'alt = "Drawing of a closed padlock"', 'alt = ""')

    _refused(course_copy, str(course_file), "picture.alt", "alt text")


def test_a_heading_where_the_editor_offers_none_is_refused(course_copy):
    lesson = course_copy / "making-strong-passwords.md"
    lesson.write_text(lesson.read_text() + "\n:::tip\n## Big\n:::\n")

    _refused(course_copy, str(lesson), ":::tip", "<h2> cannot be used here")


def test_a_mistake_in_the_second_course_keeps_the_first_out_too(index, tmp_path):
    shutil.copytree(COURSES_FOLDER, tmp_path / "all")
    _edit(tmp_path / "all" / SAFE / "course.toml", 'level = "getting_started"', 'level = "x"')

    _refused(tmp_path / "all", "course.toml", "level")
    assert not CoursePage.objects.exists()


# Markdown ↔ rich text -------------------------------------------------------------------------


def test_markdown_and_rich_text_convert_both_ways():
    text = (
        "Tap **Settings**, then *Wi-Fi*. Read [our guide](https://example.org/a?b=1&c=2).\n\n"
        "## Before you start\n\n"
        "- one\n- **two**\n\n"
        "1. first\n2. second\n\n"
        "A star \\* and a \\[bracket\\] & <angle>\\\n"
        "on a new line\n\n"
        "\\1. not a list"
    )
    html = markdown_to_html(text)

    assert html == (
        "<p>Tap <b>Settings</b>, then <i>Wi-Fi</i>. Read "
        '<a href="https://example.org/a?b=1&amp;c=2">our guide</a>.</p>'
        "<h2>Before you start</h2>"
        "<ul><li>one</li><li><b>two</b></li></ul>"
        "<ol><li>first</li><li>second</li></ol>"
        "<p>A star * and a [bracket] &amp; &lt;angle&gt;<br/>on a new line</p>"
        "<p>1. not a list</p>"
    )
    assert html_to_markdown(html) == text.replace("\\1. not", "1\\. not")
    assert markdown_to_html(html_to_markdown(html)) == html


def test_wrapped_lines_join_into_one_paragraph():
    assert markdown_to_html("one\ntwo\n\nthree") == "<p>one two</p><p>three</p>"
    assert html_to_markdown("<p>Don&#x27;t <strong>stop</strong></p>") == "Don't **stop**"
