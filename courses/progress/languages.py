"""Progress counts across languages: a translated lesson is the same lesson as the English one.

Every record of progress (enrolments, completions, quiz tries, lessons done offline or in a
session before signing in) is kept against the page in the default language (English). The
tracker, "My learning", dashboards and certificates therefore read one lesson and one course,
whatever language the learner read them in, and a translated page shows "done" when the English
one is. A page is matched to its English page by Wagtail's ``translation_key``; a page made
straight in another language (no English page shares its key) counts as itself.

English pages cost no query here: the default Locale's id comes from the cache.
"""

from collections.abc import Iterable
from typing import TypeVar

from wagtail.models import Page

from translations.routing import locale_id_default

PageT = TypeVar("PageT", bound=Page)

__all__ = ["page_in_default_language", "pages_in_default_language"]


def page_in_default_language(page: PageT) -> PageT:
    """The same page in the default language (of the same model), or ``page`` itself."""
    default_id = locale_id_default()
    if page is None or default_id is None or page.locale_id == default_id:
        return page
    found = (
        type(page)
        .objects.filter(translation_key=page.translation_key, locale_id=default_id)
        .first()
    )
    return found or page


def pages_in_default_language(pages: Iterable[PageT]) -> dict[int, PageT]:
    """Each page's id → the same page in the default language (itself if none); one query at
    most, none if every page is already in the default language."""
    pages = list(pages)
    default_id = locale_id_default()
    found = {page.pk: page for page in pages}
    translated = [page for page in pages if default_id and page.locale_id != default_id]
    if not translated:
        return found
    model = type(translated[0])
    english = {
        page.translation_key: page
        for page in model.objects.filter(
            translation_key__in=[page.translation_key for page in translated],
            locale_id=default_id,
        )
    }
    for page in translated:
        found[page.pk] = english.get(page.translation_key, page)
    return found
