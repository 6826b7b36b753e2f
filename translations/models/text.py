"""Translated text of snippets: skills, next steps, community groups, events.

These are ordinary Django models that people book, join and link to, so they are not copied per
language (a copy would split bookings and memberships). Each translated field is a row here
instead: the object, the field, the language, the text, and a fingerprint of the English it was
translated from, so that a change to the English shows the translation as out of date.
"""

import hashlib

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from translations.models.mixins import TranslationStatus, TranslatorStatusMixin

# Shown on the website: a draft ("in progress") is not; one awaiting a native speaker's review is.
SHOWN_STATUSES = (TranslationStatus.NEEDS_REVIEW, TranslationStatus.READY)


def text_hash(text: str | None) -> str:
    """A short fingerprint of English text, to notice when it changes."""
    return hashlib.sha256((text or "").strip().encode("utf-8")).hexdigest()[:32]


class TextTranslation(TranslatorStatusMixin):
    content_type = models.ForeignKey(
        ContentType, verbose_name=_("kind of content"), on_delete=models.CASCADE
    )
    object_id = models.PositiveBigIntegerField(_("object"))
    content_object = GenericForeignKey("content_type", "object_id")
    field = models.CharField(_("field"), max_length=64)
    language = models.CharField(_("language"), max_length=16)
    text = models.TextField(_("translation"))
    source_hash = models.CharField(
        _("English it was translated from"),
        max_length=32,
        help_text=_("A fingerprint of the English text when this was translated."),
    )

    class Meta:
        verbose_name = _("text translation")
        verbose_name_plural = _("text translations")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "field", "language"],
                name="translations_text_one_per_field_language",
            )
        ]
        indexes = [models.Index(fields=["content_type", "language", "object_id"])]
        permissions = [("translate_content", _("Translate content and set translation status"))]

    def __str__(self) -> str:
        return f"{self.content_type_id}:{self.object_id} {self.field} [{self.language}]"

    def is_out_of_date_for(self, english: str | None) -> bool:
        return self.source_hash != text_hash(english)
