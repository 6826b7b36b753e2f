"""Import and export courses as course files (docs/course-files.md).

Import checks everything with the rules editors get in Wagtail: each lesson body with the
blocks' own ``clean`` (alt text, transcripts, quiz answers and feedback), the outcomes with
their stream block, and the pages with ``full_clean`` when they are saved. It runs in one
transaction: a course folder with a mistake stops the import and nothing is kept.
"""

import tomllib
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.db import transaction

from wagtail.actions.convert_alias import ConvertAliasPageAction
from wagtail.images import get_image_model
from wagtail.models import Locale, Page

from courses.blocks import CALLOUT_FEATURES, LESSON_TEXT_FEATURES
from courses.content_files.files import (
    COURSE_FILE,
    FILE_NAMES,
    TRANSLATIONS,
    CourseData,
    CourseFileError,
    LessonData,
    Picture,
    course_folder_read,
    course_folder_write,
    course_folders,
    translation_folder_read,
    translation_folder_write,
    translation_folders,
)
from courses.content_files.markdown import html_tags
from courses.models import CourseIndexPage, CoursePage, LessonPage, Skill

__all__ = [
    "CourseImportResult",
    "children_order_set",
    "course_data_from_page",
    "course_files_export",
    "course_files_import",
    "course_translations_data",
    "english_courses_index",
    "translated_copy_get_or_make",
]

# The HTML tags each rich text feature allows; p and br are always allowed.
FEATURE_TAGS = {
    "bold": {"b", "strong"},
    "italic": {"i", "em"},
    "link": {"a"},
    "ol": {"ol", "li"},
    "ul": {"ul", "li"},
    "h2": {"h2"},
    "h3": {"h3"},
    "h4": {"h4"},
}
# (block type, field in its value or "" for the value itself) → rich text features.
RICH_TEXT_FEATURES = {
    ("text", ""): LESSON_TEXT_FEATURES,
    ("tip", ""): CALLOUT_FEATURES,
    ("watch_out", ""): CALLOUT_FEATURES,
    ("try_it", "instructions"): LESSON_TEXT_FEATURES,
    ("steps", "text"): CALLOUT_FEATURES,
}
COURSE_FIELDS = {
    "listing_image_alt": "picture.alt",
    "listing_image": "picture.file",
    "search_description": "summary",
}
LESSON_FIELDS = {
    "estimated_minutes": "minutes",
    "pass_mark_percent": "pass_mark",
    "search_description": "summary",
}
PART_NAMES = {"steps": "step", "questions": "question", "options": "answer"}
FIELD_NAMES = {"image": "picture", "is_correct": "right answer", "instructions": "text"}


@dataclass
class CourseImportResult:
    course: CoursePage
    created: bool
    changed: bool
    lessons_changed: int
    language: str = ""  # "" for the English course, else the translation's language code


# Messages -----------------------------------------------------------------------------------


def _error_items(error: ValidationError, path: tuple = ()):
    """(path, message) for every message in a (nested) block validation error."""
    block_errors = getattr(error, "block_errors", None)
    non_block = getattr(error, "non_block_errors", None)
    if block_errors is None and non_block is None:
        for message in error.messages:
            yield path, message
        return
    for key, sub_error in (block_errors or {}).items():
        yield from _error_items(sub_error, (*path, key))
    for sub_error in non_block.as_data() if non_block else []:
        for message in sub_error.messages:
            yield path, message


def _where(lesson: LessonData, path: tuple) -> tuple[int | None, str]:
    """The line of the nearest part of the lesson the path points into, and its name."""
    line = None
    for end in range(len(path), 0, -1):
        if path[:end] in lesson.lines:
            line = lesson.lines[path[:end]]
            break
    if not path:
        return line, "lesson"
    words = [f":::{FILE_NAMES.get(lesson.body[path[0]]['type'], 'text')}"]
    parts = list(path[1:])
    while parts:
        part = parts.pop(0)
        if parts and isinstance(parts[0], int) and part in PART_NAMES:
            words.append(f"{PART_NAMES[part]} {parts.pop(0) + 1}")
        elif not isinstance(part, int):
            words.append(FIELD_NAMES.get(part, part))
    return line, " ".join(words)


def _page_error(error: ValidationError, *, data, names: dict[str, str]) -> CourseFileError:
    field_name, messages = next(iter(error.message_dict.items()))
    name = names.get(field_name, field_name)
    line = data.lines.get(name) or data.lines.get(name.split(".")[0])
    return CourseFileError(data.path, line, name, " ".join(messages))


# Checking -----------------------------------------------------------------------------------


def _skills(codes: list[str], *, data) -> list[Skill]:
    found = {skill.code: skill for skill in Skill.objects.filter(code__in=codes)}
    for code in codes:
        if code not in found:
            raise CourseFileError(
                data.path,
                data.lines.get("skills"),
                "skills",
                f"there is no skill with the code {code!r} in the skills framework",
            )
    return [found[code] for code in codes]


def _rich_text_check(lesson: LessonData) -> None:
    """Rich text may only use what the editor offers in that place (e.g. no headings in tips)."""
    for index, block in enumerate(lesson.body):
        kind, value = block["type"], block["value"]
        for (block_type, key), features in RICH_TEXT_FEATURES.items():
            if block_type != kind:
                continue
            texts: list[tuple[str, tuple]] = [(value, ())] if not key else []
            if kind == "steps":
                texts = [(step["text"], ("steps", n)) for n, step in enumerate(value["steps"])]
            elif key:
                texts = [(value[key], (key,))]
            allowed = {"p", "br"}.union(*(FEATURE_TAGS[name] for name in features))
            for html, path in texts:
                extra = sorted(html_tags(html) - allowed)
                if extra:
                    line, name = _where(lesson, (index, *path))
                    raise CourseFileError(
                        lesson.path, line, name, f"<{extra[0]}> cannot be used here"
                    )


def _image(picture: Picture, *, title: str):
    """The image with exactly these bytes, stored once however often it is imported."""
    Image = get_image_model()
    image = Image.objects.filter(file_hash=picture.sha1).first()
    if image is None:
        image = Image(title=title, file=ImageFile(BytesIO(picture.data), name=picture.name))
        image._set_file_hash()
        image.save()
    return image


def _raw(value: Any, *, images: dict[str, Any]) -> Any:
    if isinstance(value, Picture):
        return images[value.sha1].pk
    if isinstance(value, dict):
        return {key: _raw(item, images=images) for key, item in value.items()}
    if isinstance(value, list):
        return [_raw(item, images=images) for item in value]
    return value


def _pictures(value: Any):
    if isinstance(value, Picture):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _pictures(item)
    elif isinstance(value, list):
        for item in value:
            yield from _pictures(item)


def _body_checked(lesson: LessonData, *, images: dict[str, Any]) -> list[dict[str, Any]]:
    """The lesson body as StreamField data, after the blocks' own validation."""
    _rich_text_check(lesson)
    raw = _raw(lesson.body, images=images)
    stream_block = LessonPage._meta.get_field("body").stream_block
    try:
        stream_block.clean(stream_block.to_python(raw))
    except ValidationError as error:
        path, message = next(_error_items(error))
        line, name = _where(lesson, path)
        raise CourseFileError(lesson.path, line, name, message) from None
    return raw


def _outcomes_checked(data: CourseData) -> list[dict[str, str]]:
    raw = [{"type": "outcome", "value": outcome} for outcome in data.outcomes]
    stream_block = CoursePage._meta.get_field("outcomes").stream_block
    try:
        stream_block.clean(stream_block.to_python(raw))
    except ValidationError as error:
        path, message = next(_error_items(error))
        where = f"outcomes, outcome {path[0] + 1}" if path else "outcomes"
        raise CourseFileError(data.path, data.lines.get("outcomes"), where, message) from None
    return raw


# Import -------------------------------------------------------------------------------------


def children_order_set(*, parent: Page, wanted: list[str]) -> None:
    """Move the children named in ``wanted`` so they come in that order (others go first)."""
    current = [page.slug for page in Page.objects.child_of(parent).order_by("path")]
    if [slug for slug in current if slug in wanted] == wanted:
        return
    for slug in wanted:
        Page.objects.child_of(parent).get(slug=slug).move(parent, pos="last-child")


def _page_save(
    page: Page | None,
    model: type[Page],
    *,
    slug: str,
    values: dict,
    parent: Page,
    skills,
    data,
    names,
) -> Page:
    """Create the page under ``parent`` or update it in place, then publish a new revision."""
    is_new = page is None
    if page is None:
        page = model(slug=slug, **values)
    else:
        for name, value in values.items():
            setattr(page, name, value)
    try:
        if is_new:
            parent.add_child(instance=page)
        page.skills.set(skills)
        page.save_revision().publish()
    except ValidationError as error:
        raise _page_error(error, data=data, names=names) from None
    return page


def _lesson_key(lesson: LessonData) -> tuple:
    return (lesson.title, lesson.minutes, lesson.pass_mark, sorted(lesson.skills),
            lesson.summary, lesson.body)  # fmt: skip


def _course_import(
    *, index: CourseIndexPage, data: CourseData, page: CoursePage | None = None
) -> CourseImportResult:
    course_skills = _skills(data.skills, data=data)
    lesson_skills = [_skills(lesson.skills, data=lesson) for lesson in data.lessons]
    outcomes = _outcomes_checked(data)
    pictures = [*_pictures([lesson.body for lesson in data.lessons])]
    images = {p.sha1: _image(p, title=p.name) for p in pictures}
    if data.picture is not None:
        images[data.picture.sha1] = _image(data.picture, title=f"{data.title}: picture")
    bodies = [_body_checked(lesson, images=images) for lesson in data.lessons]

    course = page or CoursePage.objects.child_of(index).filter(slug=data.slug).specific().first()
    current = course_data_from_page(course) if course is not None else None
    changed = current is None or current.details() != data.details() or not course.live
    if changed:
        values = {
            "title": data.title,
            "summary": data.summary,
            "audience": data.audience,
            "outcomes": outcomes,
            "level": data.level,
            "listing_image": images[data.picture.sha1] if data.picture else None,
            "listing_image_alt": data.picture_alt,
            "search_description": data.summary,
        }
        course = _page_save(
            course,
            CoursePage,
            slug=data.slug,
            values=values,
            parent=index,
            skills=course_skills,
            data=data,
            names=COURSE_FIELDS,
        )

    existing = {page.slug: page for page in LessonPage.objects.child_of(course).specific()}
    old = {lesson.slug: lesson for lesson in current.lessons} if current else {}
    lessons_changed = 0
    for lesson_data, body, skills in zip(data.lessons, bodies, lesson_skills, strict=True):
        lesson = existing.get(lesson_data.slug)
        before = old.get(lesson_data.slug)
        unchanged = before is not None and _lesson_key(before) == _lesson_key(lesson_data)
        if lesson is not None and lesson.live and unchanged:
            continue
        lessons_changed += 1
        values = {
            "title": lesson_data.title,
            "estimated_minutes": lesson_data.minutes,
            "pass_mark_percent": lesson_data.pass_mark,
            "body": body,
            "search_description": lesson_data.summary,
        }
        _page_save(
            lesson,
            LessonPage,
            slug=lesson_data.slug,
            values=values,
            parent=course,
            skills=skills,
            data=lesson_data,
            names=LESSON_FIELDS,
        )

    children_order_set(parent=course, wanted=[lesson.slug for lesson in data.lessons])
    return CourseImportResult(
        course=course,
        created=current is None,
        changed=changed,
        lessons_changed=lessons_changed,
        language=data.language,
    )


# Translations -------------------------------------------------------------------------------


def _translation_locale(data: CourseData) -> Locale:
    """The Wagtail locale of a translation's language, which must be one of the site's."""
    codes = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
    if data.language not in codes:
        own = data.language == settings.LANGUAGE_CODE
        message = (
            "this is the English course's own language"
            if own
            else f"{data.language!r} is not one of the site's languages: {', '.join(codes)}"
        )
        raise CourseFileError(data.path, data.lines.get("language"), "language", message)
    locale, _created = Locale.objects.get_or_create(language_code=data.language)
    return locale


def translated_copy_get_or_make(*, page: Page, locale: Locale) -> Page:
    """The translation of ``page`` in ``locale``, as a page of its own (not an alias).

    Made with ``copy_for_translation`` (with copies of the pages above it, if missing) when
    there is none. An alias (Wagtail's copy that follows the English page, made by "sync page
    tree" or for the pages above a translation) becomes an ordinary page, to take its words.
    """
    translated = page.get_translation_or_none(locale)
    if translated is None:
        translated = page.copy_for_translation(locale, copy_parents=True)
    if translated.alias_of_id is not None:
        ConvertAliasPageAction(translated).execute(skip_permission_checks=True)
    return Page.objects.get(pk=translated.pk).specific


def _translation_import(*, english: CoursePage, data: CourseData) -> CourseImportResult:
    """Create or update the translated copy of ``english`` (and of its lessons), and publish.

    The copies are made with Wagtail's ``copy_for_translation``, in the page tree of the
    language (its home page and course list are copied too if they are missing), so they
    share each English page's translation key.
    """
    locale = _translation_locale(data)
    created = english.get_translation_or_none(locale) is None
    course = translated_copy_get_or_make(page=english, locale=locale)
    slugs = [lesson.slug for lesson in data.lessons]
    for lesson in LessonPage.objects.child_of(english).filter(slug__in=slugs):
        translated_copy_get_or_make(page=lesson, locale=locale)
    result = _course_import(index=course.get_parent().specific, data=data, page=course)
    result.created = created
    return result


def english_courses_index() -> CourseIndexPage | None:
    """The courses index of the site's own language (translations have their own)."""
    indexes = CourseIndexPage.objects.order_by("path")
    return indexes.filter(locale=Locale.get_default()).first() or indexes.first()


def _english_course_of(folder: Path, *, index: CourseIndexPage) -> CoursePage:
    """The English course a translation folder alone belongs to (it must be on the site)."""
    course_file = folder.parent.parent / COURSE_FILE
    where = folder / COURSE_FILE
    if folder.parent.name != TRANSLATIONS or not course_file.is_file():
        raise CourseFileError(
            where, None, "translation", f"keep it in <course folder>/{TRANSLATIONS}/<language>/"
        )
    try:
        slug = tomllib.loads(course_file.read_text(encoding="utf-8")).get("slug")
    except tomllib.TOMLDecodeError:
        slug = None
    course = CoursePage.objects.child_of(index).filter(slug=slug or "").specific().first()
    if course is None:
        raise CourseFileError(
            where,
            None,
            "translation",
            f"the English course {slug!r} is not on the site: import it first",
        )
    return course


def _is_translation(folder: Path) -> bool:
    return folder.parent.name == TRANSLATIONS and (folder.parent.parent / COURSE_FILE).is_file()


@transaction.atomic
def course_files_import(
    *, path: Path | str, index: CourseIndexPage | None = None, translations: bool = True
) -> list[CourseImportResult]:
    """Create or update the courses in a course folder, or in a folder of course folders.

    Courses are matched by slug under the courses index, lessons by slug under their course;
    a page is saved and published again only if something in its file changed. Each course's
    translations (``translations/<language>/``) follow it; a translation folder on its own is
    imported into the English course already on the site (``translations=False``: the English
    courses only). Raises ``CourseFileError`` (naming
    the file, line and field) and keeps nothing if any file is wrong.
    """
    folders = course_folders(Path(path))
    index = index or english_courses_index()
    if index is None:
        raise CourseFileError(path, None, "courses index", "make the courses index page first")
    # Read (and check) every file before anything is saved.
    plan: list[tuple[CoursePage | None, CourseData, list[CourseData]]] = []
    for folder in folders:
        if _is_translation(folder):
            english = _english_course_of(folder, index=index)
            data = translation_folder_read(folder, english=course_data_from_page(english))
            _translation_locale(data)
            plan.append((english, data, []))
            continue
        data = course_folder_read(folder)
        translated = [
            translation_folder_read(sub, english=data)
            for sub in (translation_folders(folder) if translations else [])
        ]
        for translation in translated:
            _translation_locale(translation)
        plan.append((None, data, translated))
    results = []
    for course, data, translated in plan:
        if course is not None:
            results.append(_translation_import(english=course, data=data))
            continue
        result = _course_import(index=index, data=data)
        results.append(result)
        for translation in translated:
            results.append(_translation_import(english=result.course, data=translation))
    return results


# Export -------------------------------------------------------------------------------------


def _picture(image) -> Picture | None:
    if image is None:
        return None
    name = Path(image.file.name).name
    ext = name.rpartition(".")[2]
    if image.title.lower().endswith(f".{ext.lower()}") and "/" not in image.title:
        name = image.title
    with image.file.open("rb") as file:
        return Picture(name=name, data=file.read())


def _value_data(kind: str, value: Any) -> Any:
    if kind in {"text", "tip", "watch_out"}:
        return value.source
    if kind == "try_it":
        return {"title": value["title"] or "", "instructions": value["instructions"].source}
    if kind == "steps":
        steps = [
            {"text": step["text"].source, "image": _picture(step["image"]), "alt": step["alt"]}
            for step in value["steps"]
        ]
        return {"title": value["title"] or "", "steps": steps}
    if kind == "quiz":
        questions = [
            {
                "question": question["question"],
                "multiple": bool(question["multiple"]),
                "options": [
                    {
                        "text": option["text"],
                        "is_correct": bool(option["is_correct"]),
                        "feedback": option["feedback"],
                    }
                    for option in question["options"]
                ],
            }
            for question in value["questions"]
        ]
        return {"title": value["title"] or "", "questions": questions}
    if kind == "image":
        return {
            "image": _picture(value["image"]),
            "alt": value["alt"] or "",
            "caption": value["caption"] or "",
        }
    return {name: value[name] or "" for name in ("url", "title", "duration", "transcript")}


def _skill_codes(page: Page) -> list[str]:
    skills = sorted(page.skills.all(), key=lambda skill: (skill.area_id, skill.sort_order))
    return [skill.code for skill in skills]


def course_data_from_page(course: CoursePage) -> CourseData:
    """A course and its lessons as they are now (the latest saved version of each page)."""
    data = CourseData(
        slug=course.slug,
        title=course.title,
        summary=course.summary,
        audience=course.audience,
        level=course.level,
        outcomes=course.outcome_texts,
        skills=_skill_codes(course),
        picture=_picture(course.listing_image),
        picture_alt=course.listing_image_alt if course.listing_image_id else "",
    )
    for lesson in LessonPage.objects.child_of(course).order_by("path").specific():
        data.lessons.append(_lesson_data_from_page(lesson))
    return data


def _lesson_data_from_page(lesson: LessonPage) -> LessonData:
    return LessonData(
        slug=lesson.slug,
        title=lesson.title,
        minutes=lesson.estimated_minutes,
        pass_mark=lesson.pass_mark_percent,
        skills=_skill_codes(lesson),
        summary=lesson.search_description,
        body=[
            {"type": block.block_type, "value": _value_data(block.block_type, block.value)}
            for block in lesson.body
        ],
    )


def course_translations_data(course: CoursePage) -> list[CourseData]:
    """Every translation of an English course on the site, as course data, by language code.

    The lessons come in the English order, under the English slugs; an English lesson with no
    translated copy yet (or only an alias of the English) is left out.
    """
    found = []
    # An alias only mirrors the English page (Wagtail's "sync page tree"): not a translation.
    translations = (
        course.get_translations().filter(alias_of__isnull=True).specific().select_related("locale")
    )
    for translated in sorted(translations, key=lambda page: page.locale.language_code):
        data = course_data_from_page(translated)
        data.slug, data.language = course.slug, translated.locale.language_code
        data.lessons = []
        for lesson in LessonPage.objects.child_of(course).order_by("path"):
            copy = lesson.get_translation_or_none(translated.locale)
            if copy is not None and copy.alias_of_id is None:
                lesson_data = _lesson_data_from_page(copy.specific)
                lesson_data.slug = lesson.slug
                data.lessons.append(lesson_data)
        found.append(data)
    return found


def _link_href(attrs: dict) -> str:
    if attrs.get("linktype") == "page":
        page = Page.objects.filter(pk=attrs.get("id")).first()
        return page.full_url or page.url or "" if page else ""
    return attrs.get("href", "")


def course_files_export(*, course: CoursePage, path: Path | str) -> Path:
    """Write a course and its lessons as a course folder at ``path``, with its translations."""
    names = course_folder_write(course_data_from_page(course), Path(path), link_href=_link_href)
    for data in course_translations_data(course):
        folder = Path(path) / TRANSLATIONS / data.language
        translation_folder_write(data, folder, picture_names=names, link_href=_link_href)
    return Path(path)
