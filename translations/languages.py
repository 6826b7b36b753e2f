"""The languages content is translated into: every language in settings.LANGUAGES but English."""

from django.conf import settings
from django.utils.translation import get_language


def default_language() -> str:
    return settings.LANGUAGE_CODE


def translation_languages() -> list[tuple[str, str]]:
    """(code, name) of every language content can be translated into."""
    return [
        (code, str(name)) for code, name in settings.LANGUAGES if code != settings.LANGUAGE_CODE
    ]


def language_resolve(language: str | None = None) -> str:
    """One of settings.LANGUAGES for ``language`` (or the active language): "pl-pl" → "pl".

    Anything unknown is English, whose text is the object's own.
    """
    wanted = (language or get_language() or settings.LANGUAGE_CODE).lower()
    codes = [code for code, _name in settings.LANGUAGES]
    if wanted in codes:
        return wanted
    base = wanted.split("-")[0]
    for code in codes:
        if code.split("-")[0] == base:
            return code
    return settings.LANGUAGE_CODE
