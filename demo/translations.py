"""Demo translations: the translated demo courses, home page, course list, groups and events.

Two kinds of files, so translators edit text, not code:

- ``demo/content/courses/<course>/translations/<language>/``: a translated course in the course
  file format (docs/course-files.md), imported with the same service as ``course_import``;
- ``demo/content/translations/<language>.json``: the home page and the course list in that
  language, and the translated descriptions of the community groups and the events (the schema
  is in ``translation_file_read`` and in docs/course-files.md).

Every ``<language>.json`` present and every course's ``translations/<language>/`` folder is
loaded. This runs last in ``seed_demo``: the demo learners' progress is kept against the English
pages. Safe to run again: a page gets a new revision, and a text a new translation, only if its
words changed.
"""

import json
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType

from wagtail.models import Locale, Page

from community.models import Group
from courses.content_files.files import translation_folders
from courses.content_files.markdown import markdown_to_html
from courses.content_files.services import (
    children_order_set,
    course_files_import,
    english_courses_index,
    translated_copy_get_or_make,
)
from courses.models import CoursePage
from demo.courses import demo_course_folders
from events.models import Event
from training.core.models import HomePage
from translations.models import PageTranslationStatus, TextTranslation
from translations.models.text import text_hash
from translations.services import page_translation_status_set, text_translation_set

TRANSLATIONS_FOLDER = Path(__file__).resolve().parent / "content" / "translations"
# The fields of each page a <language>.json may translate; "body" is written in the Markdown of
# course files (## headings, 1. lists, **bold**), the others as plain text.
PAGE_FIELDS = {
    "home": {"title", "introduction", "body", "call_to_action"},
    "courses": {"title", "introduction"},
}
GROUP_FIELDS = {"description"}
EVENT_FIELDS = {"title", "description", "accessibility"}
SECTIONS = {"language", "status", "pages", "groups", "events"}
# Demo translations are ours, awaiting review by a native speaker (README).
DEFAULT_STATUS = "needs_review"


class DemoTranslationError(ValueError):
    """A demo translation file that does not follow the schema, naming the file and the key."""


def demo_translation_files() -> list[Path]:
    """Every ``<language>.json`` in demo/content/translations/, by name."""
    return sorted(TRANSLATIONS_FOLDER.glob("*.json"))


def _fields(path: Path, where: str, value: Any, allowed: set[str]) -> dict[str, str]:
    if not isinstance(value, dict):
        raise DemoTranslationError(f"{path}, {where}: should be an object of texts")
    for key, text in value.items():
        if key not in allowed:
            known = ", ".join(sorted(allowed))
            raise DemoTranslationError(f"{path}, {where}.{key}: unknown field; use {known}")
        if not isinstance(text, str) or not text.strip():
            raise DemoTranslationError(f"{path}, {where}.{key}: should be text, not empty")
    return value


def translation_file_read(path: Path) -> dict[str, Any]:
    """Read and check one ``<language>.json``::

        {
          "language": "pl",                 the file's name without .json
          "status": "needs_review",         optional: or "ready", "in_progress"
          "pages": {
            "home": {"title", "introduction", "body", "call_to_action"},   any of these
            "courses": {"title", "introduction"}
          },
          "groups": {"<group slug>": {"description": "..."}},
          "events": {"<English event title>": {"title", "description", "accessibility"}}
        }

    Every section and field is optional; what is left out stays as the English.
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise DemoTranslationError(
            f"{path}, line {error.lineno}: not valid JSON: {error.msg}"
        ) from None
    if not isinstance(data, dict):
        raise DemoTranslationError(f"{path}: should be a JSON object")
    unknown = sorted(set(data) - SECTIONS)
    if unknown:
        raise DemoTranslationError(f"{path}, {unknown[0]}: unknown section")
    if data.get("language") != path.stem:
        raise DemoTranslationError(f"{path}, language: should be {path.stem!r}, the file's name")
    pages = data.get("pages", {})
    for key, value in pages.items() if isinstance(pages, dict) else [(None, None)]:
        if key not in PAGE_FIELDS:
            raise DemoTranslationError(f"{path}, pages.{key}: use {' or '.join(PAGE_FIELDS)}")
        _fields(path, f"pages.{key}", value, PAGE_FIELDS[key])
    for section, allowed in (("groups", GROUP_FIELDS), ("events", EVENT_FIELDS)):
        items = data.get(section, {})
        if not isinstance(items, dict):
            raise DemoTranslationError(f"{path}, {section}: should be an object")
        for key, value in items.items():
            _fields(path, f"{section}.{key}", value, allowed)
    return data


def _status_set(*, page: Page, status: str) -> None:
    current = PageTranslationStatus.objects.filter(page=page).first()
    if current is None or current.status != status:
        page_translation_status_set(page=page, status=status)


def _page_translate(*, page: Page, locale: Locale, values: dict[str, str], status: str) -> Page:
    translated = translated_copy_get_or_make(page=page, locale=locale)
    values = {
        key: markdown_to_html(text) if key == "body" else text.strip()
        for key, text in values.items()
    }
    if not translated.live or any(getattr(translated, k) != v for k, v in values.items()):
        for key, value in values.items():
            setattr(translated, key, value)
        if "title" in values:
            translated.draft_title = values["title"]
        translated.save_revision().publish()
    _status_set(page=translated, status=status)
    return translated


def _text_translate(*, obj: Any, field: str, language: str, text: str, status: str) -> bool:
    """Store one translated text, unless it is stored already for today's English."""
    text = text.strip()
    stored = TextTranslation.objects.filter(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        field=field,
        language=language,
        text=text,
        status=status,
        source_hash=text_hash(getattr(obj, field)),
    )
    if stored.exists():
        return False
    text_translation_set(obj=obj, field=field, language=language, text=text, status=status)
    return True


def _language_load(path: Path, *, stdout) -> None:
    data = translation_file_read(path)
    language = data["language"]
    status = data.get("status", DEFAULT_STATUS)
    locale = Locale.objects.get(language_code=language)
    pages = data.get("pages", {})
    home = HomePage.objects.filter(locale=Locale.get_default()).first()
    index = english_courses_index()
    if "home" in pages and home is not None:
        _page_translate(page=home, locale=locale, values=pages["home"], status=status)
    if "courses" in pages and index is not None:
        _page_translate(page=index, locale=locale, values=pages["courses"], status=status)
    texts = 0
    for slug, fields in data.get("groups", {}).items():
        group = Group.objects.get(slug=slug)
        for field, text in fields.items():
            texts += _text_translate(
                obj=group, field=field, language=language, text=text, status=status
            )
    for title, fields in data.get("events", {}).items():
        event = Event.objects.filter(title=title).order_by("pk").first()
        if event is None:
            raise DemoTranslationError(f"{path}, events.{title}: there is no such demo event")
        for field, text in fields.items():
            texts += _text_translate(
                obj=event, field=field, language=language, text=text, status=status
            )
    stdout.write(f"Translations ({language}): pages {', '.join(pages)}; {texts} texts changed.")


def _courses_load(*, stdout) -> None:
    index = english_courses_index()
    statuses = {}
    for path in demo_translation_files():
        statuses[path.stem] = json.loads(path.read_text(encoding="utf-8")).get(
            "status", DEFAULT_STATUS
        )
    languages: dict[str, list[str]] = {}
    for folder in demo_course_folders():
        for translation in translation_folders(folder):
            for result in course_files_import(path=translation, index=index):
                languages.setdefault(result.language, []).append(result.course.slug)
                status = statuses.get(result.language, DEFAULT_STATUS)
                _status_set(page=result.course, status=status)
                for lesson in result.course.get_children():
                    _status_set(page=lesson, status=status)
    for language, slugs in sorted(languages.items()):
        english = CoursePage.objects.child_of(index).filter(slug__in=slugs)
        locale = Locale.objects.get(language_code=language)
        translated = [
            page.get_translation(locale)
            for page in english.order_by("path")
            if page.get_translation_or_none(locale) is not None
        ]
        if translated:
            children_order_set(
                parent=translated[0].get_parent(), wanted=[page.slug for page in translated]
            )
        stdout.write(f"Translated courses ({language}): {len(slugs)}.")


def demo_seed(*, stdout) -> None:
    if not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        stdout.write("Translations: skipped (WAGTAIL_I18N_ENABLED is off).")
        return
    for path in demo_translation_files():
        _language_load(path, stdout=stdout)
    _courses_load(stdout=stdout)
