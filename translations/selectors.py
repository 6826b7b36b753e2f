"""Reading translated text and the state of translations."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from translations.languages import default_language, language_resolve, translation_languages
from translations.models import PageTranslationStatus, TextTranslation, TranslationStatus
from translations.models.text import SHOWN_STATUSES
from translations.registry import text_translatable_fields, text_translatables

# The attribute that holds an object's translation rows once read: {language: {field: row}}.
CACHE_ATTRIBUTE = "_text_translations"

MISSING = "missing"
OUT_OF_DATE = "out_of_date"
STATE_LABELS = {
    MISSING: _("Missing"),
    TranslationStatus.IN_PROGRESS.value: TranslationStatus.IN_PROGRESS.label,
    TranslationStatus.NEEDS_REVIEW.value: TranslationStatus.NEEDS_REVIEW.label,
    TranslationStatus.READY.value: TranslationStatus.READY.label,
    OUT_OF_DATE: _("Out of date"),
}
STATES = list(STATE_LABELS)


def _cache(obj: models.Model) -> dict[str, dict[str, TextTranslation]]:
    cache = getattr(obj, CACHE_ATTRIBUTE, None)
    if cache is None:
        cache = {}
        setattr(obj, CACHE_ATTRIBUTE, cache)
    return cache


def text_translation_rows(*, obj: models.Model, language: str) -> dict[str, TextTranslation]:
    """{field: row} of ``obj`` in ``language``: read once, then remembered on the object."""
    cache = _cache(obj)
    if language not in cache:
        rows = TextTranslation.objects.filter(
            content_type=ContentType.objects.get_for_model(obj),
            object_id=obj.pk,
            language=language,
        ).select_related("translator")
        cache[language] = {row.field: row for row in rows}
    return cache[language]


def text_translated(*, obj: models.Model, field: str, language: str | None = None) -> str:
    """``obj.<field>`` in ``language`` (the active language when not given).

    English, or no shown translation (none yet, or a draft still "in progress"): the English.
    An out-of-date translation is still shown until the translator updates it; the
    Translations area flags it for them.
    """
    if obj is None:
        return ""
    english = getattr(obj, field)
    if obj.pk is None or field not in text_translatable_fields(obj):
        return english
    language = language_resolve(language)
    if language == default_language():
        return english
    row = text_translation_rows(obj=obj, language=language).get(field)
    if row is None or row.status not in SHOWN_STATUSES or not row.text:
        return english
    return row.text


def text_translations_apply(
    *,
    objects: Iterable[models.Model],
    language: str | None = None,
    fields: Iterable[str] | None = None,
) -> list[models.Model]:
    """Read the translations of all ``objects`` at once (one query), so that
    :func:`text_translated` and ``|translated`` on each then need none. Returns the objects.

    ``fields`` limits the read to those fields (the others then show in English).
    """
    objects = [obj for obj in objects if obj is not None]
    language = language_resolve(language)
    if language == default_language():
        return objects
    wanted = [
        obj
        for obj in objects
        if obj.pk is not None
        and text_translatable_fields(obj)
        and language not in getattr(obj, CACHE_ATTRIBUTE, {})
    ]
    if not wanted:
        return objects
    by_type: dict[int, list[models.Model]] = defaultdict(list)
    for obj in wanted:
        by_type[ContentType.objects.get_for_model(obj).pk].append(obj)
    condition = Q()
    for content_type_id, group in by_type.items():
        condition |= Q(content_type_id=content_type_id, object_id__in={obj.pk for obj in group})
    found: dict[tuple[int, int], dict[str, TextTranslation]] = defaultdict(dict)
    rows = TextTranslation.objects.filter(condition, language=language)
    if fields is not None:
        rows = rows.filter(field__in=list(fields))
    for row in rows:
        found[(row.content_type_id, row.object_id)][row.field] = row
    for content_type_id, group in by_type.items():
        for obj in group:
            _cache(obj)[language] = found.get((content_type_id, obj.pk), {})
    return objects


# --- The state of translations, for the Translations area -----------------------------------


def text_translation_state(*, row: TextTranslation | None, english: str | None) -> str:
    """One field's state: missing, in progress, needs review, ready or out of date."""
    if row is None or not row.text:
        return MISSING
    if row.is_out_of_date_for(english):
        return OUT_OF_DATE
    return row.status


# Which state an object shows when its fields differ: the first that applies.
_STATE_ORDER = [
    OUT_OF_DATE,
    TranslationStatus.IN_PROGRESS.value,
    TranslationStatus.NEEDS_REVIEW.value,
    TranslationStatus.READY.value,
]


def _combined_state(states: list[str]) -> str:
    states = [state for state in states if state is not None]
    if not states or all(state == MISSING for state in states):
        return MISSING
    if MISSING in states:
        # Some fields translated, some not: not finished.
        return OUT_OF_DATE if OUT_OF_DATE in states else TranslationStatus.IN_PROGRESS.value
    for state in _STATE_ORDER:
        if state in states:
            return state
    return MISSING


@dataclass
class Cell:
    language: str
    state: str
    translator: object = None
    url: str = ""
    extra_url: str = ""

    @property
    def state_label(self):
        return STATE_LABELS[self.state]


@dataclass
class Row:
    kind: str
    title: str
    cells: list[Cell] = field(default_factory=list)
    english_url: str = ""


def text_object_state(*, obj: models.Model, language: str) -> tuple[str, object]:
    """(state, translator) of all the translatable fields of ``obj`` in ``language``."""
    rows = text_translation_rows(obj=obj, language=language)
    states = []
    for name in text_translatable_fields(obj):
        english = getattr(obj, name)
        if not english and name not in rows:
            continue  # nothing to translate in this field
        states.append(text_translation_state(row=rows.get(name), english=english))
    translated = [row for row in rows.values() if row.text]
    latest = max(translated, key=lambda row: row.updated_at, default=None)
    return _combined_state(states), (latest.translator if latest else None)


def text_translation_overview(*, languages: list[str]) -> list[tuple[models.Model, Row]]:
    """Every translatable snippet with its state in each of ``languages``.

    One query for each registered model and one for each language's translations.
    """
    from django.urls import reverse

    objects: list[models.Model] = []
    for entry in text_translatables():
        objects.extend(entry.model._default_manager.all())
    for language in languages:
        text_translations_apply(objects=objects, language=language)
    # The translators, all at once.
    translator_ids = {
        row.translator_id
        for obj in objects
        for rows in getattr(obj, CACHE_ATTRIBUTE, {}).values()
        for row in rows.values()
        if row.translator_id
    }
    translators = {}
    if translator_ids:
        from django.contrib.auth import get_user_model

        translators = {
            user.pk: user for user in get_user_model().objects.filter(pk__in=translator_ids)
        }
    result = []
    for obj in objects:
        meta = obj._meta
        row = Row(kind=str(meta.verbose_name).capitalize(), title=str(obj)[:120])
        for language in languages:
            for translation in text_translation_rows(obj=obj, language=language).values():
                if translation.translator_id:
                    translation.translator = translators.get(translation.translator_id)
            state, translator = text_object_state(obj=obj, language=language)
            url = reverse(
                "translations_admin:text_edit",
                kwargs={"model": meta.label_lower, "pk": obj.pk, "language": language},
            )
            row.cells.append(Cell(language=language, state=state, translator=translator, url=url))
        result.append((obj, row))
    return result


# --- Pages ----------------------------------------------------------------------------------


def page_translation_out_of_date(*, status: PageTranslationStatus | None, english) -> bool:
    """Whether the English page has a newer published revision than the one the translation
    was synced with."""
    if english is None or not english.live_revision_id:
        return False
    synced = status.source_revision_id if status else None
    return not synced or english.live_revision_id > synced


def page_translation_state(*, page, english, status: PageTranslationStatus | None) -> str:
    if page is None:
        return MISSING
    if status is None:
        return TranslationStatus.IN_PROGRESS.value
    if page_translation_out_of_date(status=status, english=english):
        return OUT_OF_DATE
    return status.status


def page_translation_overview(*, languages: list[str]) -> list[tuple[object, Row]]:
    """Every English page (but the root) with its translation's state in each of ``languages``.

    Three queries: the English pages, their translations, and the translations' statuses.
    """
    from django.urls import reverse

    from wagtail.models import Locale, Page

    default_locale = Locale.get_default()
    english_pages = list(
        Page.objects.filter(locale=default_locale, depth__gt=1)
        .select_related("content_type")
        .order_by("path")
    )
    keys = {page.translation_key for page in english_pages}
    translated: dict[tuple, Page] = {}
    for page in (
        Page.objects.filter(translation_key__in=keys, locale__language_code__in=languages)
        .select_related("locale")
        .only("id", "title", "translation_key", "locale", "live", "live_revision_id")
    ):
        translated[(page.translation_key, page.locale.language_code)] = page
    statuses = {
        status.page_id: status
        for status in PageTranslationStatus.objects.filter(
            page_id__in=[page.pk for page in translated.values()]
        ).select_related("translator")
    }
    result = []
    for english in english_pages:
        model = english.content_type.model_class()
        kind = str(model._meta.verbose_name if model else _("page")).capitalize()
        row = Row(
            kind=kind,
            title=english.title,
            english_url=reverse("wagtailadmin_pages:edit", args=[english.pk]),
        )
        for language in languages:
            page = translated.get((english.translation_key, language))
            status = statuses.get(page.pk) if page else None
            state = page_translation_state(page=page, english=english, status=status)
            cell = Cell(
                language=language,
                state=state,
                translator=status.translator if status else None,
            )
            if page is not None:
                cell.url = reverse("translations_admin:page_status", kwargs={"page_id": page.pk})
                cell.extra_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
            row.cells.append(cell)
        result.append((english, row))
    return result


def page_translation_status_for(*, page) -> tuple[str, PageTranslationStatus | None, object]:
    """(state, status row, English page) of one translated page."""
    from wagtail.models import Locale

    status = PageTranslationStatus.objects.filter(page=page).select_related("translator").first()
    english = page.get_translation_or_none(Locale.get_default())
    return page_translation_state(page=page, english=english, status=status), status, english


def languages_for_overview(language: str | None = None) -> list[str]:
    codes = [code for code, _name in translation_languages()]
    return [language] if language in codes else codes
