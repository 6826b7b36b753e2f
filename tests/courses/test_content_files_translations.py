"""Translated courses as files: translations/<language>/ inside the English course folder."""

import io
import re
import shutil
from pathlib import Path

from django.core.management import CommandError, call_command
from django.test import override_settings

from wagtail.models import Locale, Revision

import pytest

from courses.models import CoursePage, LessonPage
from demo.courses import COURSES_FOLDER

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("i18n")]

EMAIL = "email-send-reply-and-attach"
REPLYING = "replying-to-an-email.md"


@pytest.fixture
def i18n():
    with override_settings(WAGTAIL_I18N_ENABLED=True):
        yield


def _import(path) -> str:
    out = io.StringIO()
    call_command("course_import", str(path), stdout=out)
    return out.getvalue()


def _polish_from_english(course: Path, *, language: str = "pl") -> Path:
    """A translation that only puts "[pl] " before each title: enough to test the machinery."""
    folder = course / "translations" / language
    shutil.rmtree(course / "translations", ignore_errors=True)
    folder.mkdir(parents=True)
    english = (course / "course.toml").read_text()
    keep = [
        line
        for line in english.split("lessons = [")[0].splitlines()
        if not line.startswith(("slug", "level", "skills"))
    ]
    text = f'language = "{language}"\n' + "\n".join(keep) + '\n\n[picture]\nalt = "[pl] alt"\n'
    (folder / "course.toml").write_text(text.replace('title = "', 'title = "[pl] ', 1))
    for lesson in course.glob("*.md"):
        body = lesson.read_text()
        body = re.sub(r"^(minutes|pass_mark|skills) = .*\n", "", body, flags=re.M)
        (folder / lesson.name).write_text(body.replace('title = "', 'title = "[pl] ', 1))
    return folder


@pytest.fixture
def course_copy(tmp_path, index):
    folder = tmp_path / EMAIL
    shutil.copytree(COURSES_FOLDER / EMAIL, folder)
    _polish_from_english(folder)
    return folder


def _polish() -> Locale:
    return Locale.objects.get(language_code="pl")


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new, 1))


def _refused(folder: Path, *expected: str) -> str:
    pages = CoursePage.objects.count(), LessonPage.objects.count()
    with pytest.raises(CommandError) as raised:
        _import(folder)
    message = str(raised.value)
    for part in expected:
        assert part in message, message
    assert (CoursePage.objects.count(), LessonPage.objects.count()) == pages
    return message


# Import -------------------------------------------------------------------------------------


def test_a_course_folder_imports_its_translation_as_published_copies(course_copy):
    output = _import(course_copy)

    assert f"{EMAIL}: added" in output
    assert f"{EMAIL} (pl): added" in output
    english = CoursePage.objects.get(slug=EMAIL, locale=Locale.get_default())
    polish = CoursePage.objects.get(slug=EMAIL, locale=_polish())
    assert polish.live and polish.translation_key == english.translation_key
    assert polish.title == "[pl] Email: send, reply and attach"
    assert polish.listing_image_alt == "[pl] alt"
    assert polish.listing_image_id == english.listing_image_id
    assert sorted(polish.skills.values_list("code", flat=True)) == ["COM-1", "SAF-10"]
    english_lessons = LessonPage.objects.child_of(english).order_by("path")
    polish_lessons = LessonPage.objects.child_of(polish).order_by("path").specific()
    assert [page.slug for page in polish_lessons] == [page.slug for page in english_lessons]
    for en_lesson, pl_lesson in zip(english_lessons.specific(), polish_lessons, strict=True):
        assert pl_lesson.live
        assert pl_lesson.translation_key == en_lesson.translation_key
        assert pl_lesson.title == f"[pl] {en_lesson.title}"
        assert pl_lesson.pass_mark_percent == en_lesson.pass_mark_percent
        assert pl_lesson.estimated_minutes == en_lesson.estimated_minutes
        assert [b.block_type for b in pl_lesson.body] == [b.block_type for b in en_lesson.body]


def test_importing_again_changes_nothing_and_a_changed_word_makes_one_revision(course_copy):
    _import(course_copy)
    pages, revisions = LessonPage.objects.count(), Revision.objects.count()

    assert _import(course_copy).count(": unchanged") == 2
    assert (LessonPage.objects.count(), Revision.objects.count()) == (pages, revisions)

    _edit(course_copy / "translations/pl" / REPLYING, "Use it only", "Tylko wtedy")
    output = _import(course_copy)

    assert f"{EMAIL}: unchanged" in output
    assert f"{EMAIL} (pl): updated (1 lessons changed)" in output
    assert Revision.objects.count() == revisions + 1
    lesson = LessonPage.objects.get(slug="replying-to-an-email", locale=_polish())
    assert "Tylko wtedy" in str(lesson.body[2].value)
    english = LessonPage.objects.get(slug="replying-to-an-email", locale=Locale.get_default())
    assert "Use it only" in str(english.body[2].value)


def test_a_translation_folder_alone_imports_into_the_english_course(course_copy):
    shutil.move(course_copy / "translations", course_copy.parent / "kept")
    _import(course_copy)
    assert not CoursePage.objects.filter(locale=_polish()).exists()
    shutil.move(course_copy.parent / "kept", course_copy / "translations")

    output = _import(course_copy / "translations" / "pl")

    assert output == f"{EMAIL} (pl): added\n"
    assert CoursePage.objects.get(slug=EMAIL, locale=_polish()).live


def test_a_translation_alone_without_its_english_course_on_the_site_is_refused(course_copy):
    _refused(
        course_copy / "translations" / "pl",
        "translations/pl/course.toml, translation: the English course "
        "'email-send-reply-and-attach' is not on the site: import it first",
    )


def test_export_writes_the_translation_back_byte_for_byte(course_copy, tmp_path):
    # Written the way export writes (the generated copy above is not): import, export, compare
    # a second export of the re-imported files with the first.
    _import(course_copy)
    first = tmp_path / "first"
    call_command("course_export", EMAIL, str(first), stdout=io.StringIO())
    written = {p.relative_to(first): p.read_bytes() for p in first.rglob("*") if p.is_file()}
    assert Path("translations/pl/course.toml") in written
    assert Path("translations/pl") / REPLYING in written

    _import(first)
    second = tmp_path / "second"
    call_command("course_export", EMAIL, str(second), stdout=io.StringIO())
    again = {p.relative_to(second): p.read_bytes() for p in second.rglob("*") if p.is_file()}
    assert again == written
    polish = written[Path("translations/pl/course.toml")].decode()
    assert polish.startswith('language = "pl"\ntitle = "[pl] Email: send, reply and attach"\n')
    assert "slug" not in polish and "skills" not in polish
    lesson = written[Path("translations/pl") / REPLYING].decode()
    assert lesson.startswith('+++\ntitle = "[pl] Replying to an email"\n+++\n')


@pytest.mark.parametrize(
    "course", sorted({path.parents[1].name for path in COURSES_FOLDER.glob("*/translations/*/")})
)
def test_every_demo_translation_round_trips_byte_for_byte(index, tmp_path, course):
    _import(COURSES_FOLDER / course)
    out = tmp_path / course
    call_command("course_export", course, str(out), stdout=io.StringIO())
    for folder in (COURSES_FOLDER / course / "translations").iterdir():
        for file in folder.iterdir():
            written = out / "translations" / folder.name / file.name
            assert written.read_bytes() == file.read_bytes(), file


def test_an_alias_of_the_english_course_becomes_the_translation(course_copy, tmp_path):
    shutil.move(course_copy / "translations", tmp_path / "kept")
    _import(course_copy)
    english = CoursePage.objects.get(slug=EMAIL, locale=Locale.get_default())
    english.copy_for_translation(_polish(), copy_parents=True, alias=True)  # "sync page tree"
    out = tmp_path / "out"
    call_command("course_export", EMAIL, str(out), stdout=io.StringIO())
    assert not (out / "translations").exists()  # an alias is not a translation
    shutil.move(tmp_path / "kept", course_copy / "translations")

    _import(course_copy)

    polish = CoursePage.objects.get(slug=EMAIL, locale=_polish())
    assert polish.alias_of_id is None and polish.live
    assert polish.title == "[pl] Email: send, reply and attach"
    assert english.title == "Email: send, reply and attach"


# Errors: each names the file, the line and what is wrong ------------------------------------


def _pl(folder: Path, name: str = REPLYING) -> Path:
    return folder / "translations" / "pl" / name


def test_a_missing_lesson_file_is_refused(course_copy):
    _pl(course_copy).unlink()
    _refused(
        course_copy,
        f"translations/pl/{REPLYING}, lesson: missing: every English lesson needs a translation",
    )


def test_a_lesson_file_with_no_english_lesson_is_refused(course_copy):
    _pl(course_copy, "extra-lesson.md").write_text("+++\ntitle = 'x'\n+++\n")
    _refused(
        course_copy,
        "translations/pl/extra-lesson.md, lesson: the English course has no lesson with this name",
    )


def test_a_language_that_is_not_the_folder_name_is_refused(course_copy):
    _edit(_pl(course_copy, "course.toml"), 'language = "pl"', 'language = "ur"')
    _refused(course_copy, "pl/course.toml, line 1, language: 'ur' is not the name of its folder")


def test_a_language_the_site_does_not_have_is_refused(course_copy):
    (course_copy / "translations/pl").rename(course_copy / "translations/xx")
    _edit(course_copy / "translations/xx/course.toml", 'language = "pl"', 'language = "xx"')
    _refused(course_copy, "xx/course.toml, line 1, language: 'xx' is not one of the site's")


def test_a_language_missing_is_refused(course_copy):
    _edit(_pl(course_copy, "course.toml"), 'language = "pl"\n', "")
    _refused(course_copy, "pl/course.toml, language: missing")


def test_a_slug_in_the_translation_is_refused(course_copy):
    _edit(_pl(course_copy, "course.toml"), 'language = "pl"\n', 'language = "pl"\nslug = "x"\n')
    _refused(
        course_copy, "pl/course.toml, line 2, slug: comes from the English course, leave it out"
    )


def test_a_pass_mark_in_a_translated_lesson_is_refused(course_copy):
    _edit(_pl(course_copy), "+++\ntitle", "+++\npass_mark = 50\ntitle")
    _refused(
        course_copy,
        f"pl/{REPLYING}, line 2, pass_mark: comes from the English course, leave it out",
    )


def test_a_different_number_of_outcomes_is_refused(course_copy):
    _edit(_pl(course_copy, "course.toml"), '    "reply to an email",\n', "")
    _refused(course_copy, "pl/course.toml, line 5, outcomes: 4 outcomes here but 5 in the English")


def test_blocks_that_do_not_line_up_are_refused(course_copy):
    _edit(_pl(course_copy), ":::watch-out", ":::tip")
    _refused(
        course_copy,
        f"pl/{REPLYING}, line 24, block 5: this is :::tip here but :::watch-out in the English",
    )


def test_a_missing_block_is_refused(course_copy):
    text = _pl(course_copy).read_text()
    _pl(course_copy).write_text(text[: text.index(":::quiz")])
    _refused(
        course_copy,
        f"pl/{REPLYING}, block 7: missing: the English lesson has 7 blocks, this has 6; "
        "the next one in the English is :::quiz",
    )


def test_an_extra_block_is_refused(course_copy):
    _pl(course_copy).write_text(_pl(course_copy).read_text() + "\n:::tip\nMore.\n:::\n")
    _refused(course_copy, f"pl/{REPLYING}, line 50, block 8: the English lesson has only 7")


def test_a_different_right_answer_is_refused(course_copy):
    _edit(_pl(course_copy), "(x) Reply\n", "( ) Reply\n")
    _edit(_pl(course_copy), "( ) Reply all\n", "(x) Reply all\n")
    _refused(
        course_copy,
        f"pl/{REPLYING}, line 34, block 7 question 1 answer 1: this answer is right in the "
        "English: mark it the same",
    )


def test_a_missing_answer_is_refused(course_copy):
    _edit(_pl(course_copy), "[ ] Write it all in capital letters\n", "")
    _refused(course_copy, "line 41, block 7 question 2: 2 answers here but 3 in the English")


def test_tick_boxes_where_the_english_has_round_buttons_are_refused(course_copy):
    _edit(_pl(course_copy), "(x) Reply\n", "[x] Reply\n")
    _edit(_pl(course_copy), "( ) Reply all\n", "[ ] Reply all\n")
    _edit(_pl(course_copy), "( ) Forward\n", "[ ] Forward\n")
    _refused(course_copy, "line 33, block 7 question 1: use ( ) for the answers")


def test_a_different_number_of_steps_is_refused(course_copy):
    _edit(_pl(course_copy), "6. Tap or click Send.", "Tap or click Send.")
    _refused(course_copy, "line 7, block 2: 5 steps here but 6 in the English")


def test_a_missing_picture_alt_text_is_refused(course_copy):
    _edit(_pl(course_copy, "course.toml"), '\n[picture]\nalt = "[pl] alt"\n', "")
    _refused(course_copy, "pl/course.toml, picture.alt: missing")


def test_the_blocks_own_rules_apply_to_translations(course_copy):
    _edit(
        _pl(course_copy),
        "    Not quite. Forward sends the email to someone new. "
        "Reply sends it back to the sender.\n",
        "",
    )
    _refused(
        course_copy,
        f"pl/{REPLYING}, line 38, :::quiz question 1 answer 3 feedback: This field is required.",
    )
