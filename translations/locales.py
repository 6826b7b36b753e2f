"""One Wagtail Locale for every interface language in settings.LANGUAGES."""

from typing import Any

from django.conf import settings

from wagtail.models import Locale


def locales_ensure() -> list[Locale]:
    """Make sure each language in ``settings.LANGUAGES`` has its Locale; return them all."""
    existing = {locale.language_code: locale for locale in Locale.objects.all()}
    for code, _name in settings.LANGUAGES:
        if code not in existing:
            existing[code] = Locale.objects.create(language_code=code)
    return [existing[code] for code, _name in settings.LANGUAGES]


def locales_ensure_after_migrate(**kwargs: Any) -> None:
    locales_ensure()
