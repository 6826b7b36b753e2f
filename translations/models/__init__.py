"""Translated text for snippets (one row per object, field and language) and the translator's
status of each translated page."""

from translations.models.pages import PageTranslationStatus
from translations.models.text import TextTranslation, TranslationStatus, text_hash

__all__ = ["PageTranslationStatus", "TextTranslation", "TranslationStatus", "text_hash"]
