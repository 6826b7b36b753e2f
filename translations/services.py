"""Storing translated text and the translator's status of translated pages."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.log_actions import log

from translations.languages import translation_languages
from translations.models import PageTranslationStatus, TextTranslation, TranslationStatus
from translations.models.text import text_hash
from translations.registry import text_translatable_fields
from translations.selectors import CACHE_ATTRIBUTE

TEXT_SAVED_ACTION = "translations.text.saved"
PAGE_STATUS_ACTION = "translations.page.status_set"


def _language_check(language: str) -> None:
    if language not in {code for code, _name in translation_languages()}:
        raise ValidationError(_("Choose one of the languages we translate into."), code="language")


def _status_check(status: str) -> None:
    if status not in TranslationStatus.values:
        raise ValidationError(_("Choose a status from the list."), code="status")


def text_translation_max_length(*, model: type[models.Model], field: str) -> int | None:
    """The longest the English field may be, which the translation keeps to as well."""
    try:
        model_field = model._meta.get_field(field)
    except FieldDoesNotExist:
        return None
    return getattr(model_field, "max_length", None)


def _forget(obj: models.Model, language: str) -> None:
    cache = getattr(obj, CACHE_ATTRIBUTE, None)
    if cache:
        cache.pop(language, None)


@transaction.atomic
def text_translation_set(
    *,
    obj: models.Model,
    field: str,
    language: str,
    text: str,
    translator=None,
    status: str = TranslationStatus.READY,
) -> TextTranslation:
    """Store ``text`` as ``obj.<field>`` in ``language``, translated from today's English.

    Raises ValidationError for a field that does not translate, a language we do not translate
    into, an unknown status, empty text, or text longer than the English field allows.
    """
    if field not in text_translatable_fields(obj):
        raise ValidationError(_("This text does not translate."), code="field")
    _language_check(language)
    _status_check(status)
    text = (text or "").strip()
    if not text:
        raise ValidationError(_("Write the translation."), code="required")
    limit = text_translation_max_length(model=type(obj), field=field)
    if limit and len(text) > limit:
        raise ValidationError(
            _("Keep it to %(limit)d characters (it has %(length)d).")
            % {"limit": limit, "length": len(text)},
            code="max_length",
        )
    translation, _created = TextTranslation.objects.update_or_create(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        field=field,
        language=language,
        defaults={
            "text": text,
            "source_hash": text_hash(getattr(obj, field)),
            "status": status,
            "translator": translator,
            "updated_at": timezone.now(),
        },
    )
    _forget(obj, language)
    log(
        obj,
        TEXT_SAVED_ACTION,
        user=translator,
        data={"field": field, "language": language, "status": status},
    )
    return translation


@transaction.atomic
def text_translation_delete(*, obj: models.Model, field: str, language: str, user=None) -> bool:
    """Remove the translation of ``obj.<field>`` in ``language``; True if there was one."""
    deleted, _rows = TextTranslation.objects.filter(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        field=field,
        language=language,
    ).delete()
    _forget(obj, language)
    if deleted:
        log(
            obj,
            TEXT_SAVED_ACTION,
            user=user,
            data={"field": field, "language": language, "status": "missing"},
        )
    return bool(deleted)


@transaction.atomic
def page_translation_status_set(*, page, status: str, user=None) -> PageTranslationStatus:
    """Record the translator's ``status`` of a translated ``page``, against the English page's
    latest published revision (or its latest revision, if it was never published): a newer
    published English revision later makes the translation out of date.
    """
    from wagtail.models import Locale

    _status_check(status)
    default_locale = Locale.get_default()
    if page.locale_id == default_locale.pk:
        raise ValidationError(_("This is the English page, not a translation."), code="page")
    english = page.get_translation_or_none(default_locale)
    source_revision_id = None
    if english is not None:
        source_revision_id = english.live_revision_id or english.latest_revision_id
    record, _created = PageTranslationStatus.objects.update_or_create(
        page=page,
        defaults={
            "status": status,
            "translator": user,
            "source_revision_id": source_revision_id,
            "updated_at": timezone.now(),
        },
    )
    log(
        page,
        PAGE_STATUS_ACTION,
        user=user,
        data={"status": status, "source_revision_id": source_revision_id},
    )
    return record


def text_translations_delete_for(*, obj: models.Model) -> int:
    """Remove every translation of ``obj`` (it is being deleted); how many there were."""
    deleted, _rows = TextTranslation.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk
    ).delete()
    return deleted
