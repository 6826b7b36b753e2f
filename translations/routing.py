"""Which page an address shows: the one in the visitor's language, else the English one.

Addresses carry no language. ``/courses/using-email/`` is the Polish course for someone whose
interface is in Polish (their profile or the language cookie), and the English course for
everyone else, or when that course has no published Polish copy yet. Wagtail keeps each
language's pages in a tree of their own under its own copy of the home page ("home-pl", ...);
``page.url`` of a page in any of those trees is the address without the prefix (Wagtail reverses
it from the language's home page).

Wagtail would find the home page in the active language itself, but with two database queries
on every page (the Locale, then the translation). Here the Locales and each site's translated
home pages are kept in the shared cache (the home pages until anything is published or moved:
the page cache's version), so routing a page costs what it did before pages were translatable.

:func:`page_serve` is the view for every Wagtail page (training/urls.py). It finds the page as
above, hands it to Wagtail by the attribute Wagtail keeps the route of a request in (so anything
else asking Wagtail for this request's page gets the same answer), then lets Wagtail's own view
serve it: privacy, ``before_serve_page`` hooks and previews work as before.
"""

import pickle
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import translation

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Site
from wagtail.url_routing import RouteResult
from wagtail.views import serve as wagtail_serve

from training.core.page_cache import page_cache_version
from training.core.process_copies import MISSING, ProcessCopies

LOCALES_KEY = "translations:locale-ids"
LOCALES_SECONDS = 60 * 60
# Wagtail's own name for the route it found for a request (wagtail/models/pages.py).
ROUTE_ATTRIBUTE = "_wagtail_route_for_request"

__all__ = [
    "in_english",
    "in_language_or_english",
    "locale_id_active",
    "locale_id_default",
    "locale_id_for_language",
    "page_route_localized",
    "page_serve",
    "pages_one_per_language",
]


def _locale_ids() -> dict[str, int]:
    # Kept in the process too, under the page-cache version (a new language's pages are
    # published, which moves it on): most pages ask for this twice.
    version = page_cache_version()
    ids = _process_routes.get(version, LOCALES_KEY)
    if ids is MISSING:
        ids = cache.get(LOCALES_KEY)
        if ids is None:
            ids = dict(Locale.objects.values_list("language_code", "pk"))
            cache.set(LOCALES_KEY, ids, LOCALES_SECONDS)
        _process_routes.keep(version, LOCALES_KEY, ids)
    return dict(ids)


def locale_id_for_language(code: str | None) -> int | None:
    """The id of the Locale for a language code (or its nearest content language), or None."""
    if not code:
        return None
    try:
        content_language = get_supported_content_language_variant(code)
    except LookupError:
        return None
    return _locale_ids().get(content_language)


def locale_id_default() -> int | None:
    """The id of the default (English) Locale, from the cache."""
    return locale_id_for_language(settings.LANGUAGE_CODE)


def locale_id_active() -> int | None:
    """The id of the Locale of the interface language now active, else the default one."""
    return locale_id_for_language(translation.get_language()) or locale_id_default()


def _root_translated(*, root: Page, locale_id: int) -> Page | None:
    """The live translation of a site's home page in a Locale, or None. One query at most."""
    key = f"translations:site-root:{page_cache_version()}:{root.pk}:{locale_id}"
    found = cache.get(key)
    if found is None:
        row = (
            Page.objects.live()
            .filter(translation_key=root.translation_key, locale_id=locale_id)
            .values_list("pk", "content_type_id")
            .first()
        )
        found = row or (0, 0)
        cache.set(key, found, LOCALES_SECONDS)
    pk, content_type_id = found
    if not pk:
        return None
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    if model is None:
        return None
    return model._default_manager.filter(pk=pk).first()


def _roots(site: Site) -> list[Page]:
    """The home pages to look in, in order: the active language's, then the site's own."""
    root = site.root_page
    locale_id = locale_id_active()
    if locale_id is not None and locale_id != root.locale_id:
        translated = _root_translated(root=root, locale_id=locale_id)
        if translated is not None:
            return [translated, root]
    return [root]


def _route_find(*, request: HttpRequest, site: Site, path: str) -> Any:
    components = [component for component in path.split("/") if component]
    for root in _roots(site):
        try:
            return root.specific.route(request, components)
        except Http404:
            continue
    return None


# Sites and routes found, per process and page-cache version, pickled so that every request
# gets its own page object to change as it likes (training/core/process_copies.py).
_process_routes = ProcessCopies()


def _kept(version: int, key: tuple) -> Any:
    found = _process_routes.get(version, key)
    return found if found is MISSING else pickle.loads(found)  # noqa: S301 (our own bytes)


def _keep(version: int, key: tuple, value: Any) -> None:
    _process_routes.keep(version, key, pickle.dumps(value, pickle.HIGHEST_PROTOCOL))


def _site_for_request(request: HttpRequest, version: int) -> Site | None:
    """Wagtail's ``Site.find_for_request``, kept per process and page-cache version."""
    found: Any = request  # Wagtail keeps the site on the request, under a private name
    if not hasattr(found, "_wagtail_site"):
        # The host as Wagtail reads it (before ALLOWED_HOSTS is checked), and the port.
        key = ("site", found._get_raw_host(), request.get_port())
        site = _kept(version, key)
        if site is MISSING:
            site = Site.find_for_request(request)
            _keep(version, key, site)
        found._wagtail_site = site  # where Wagtail looks first, for everything else
    return found._wagtail_site


def page_route_localized(*, request: HttpRequest, path: str) -> Any:
    """Wagtail's route (page, args, kwargs) for the address in the active language, or None.

    A page with no published copy in that language (not translated yet, or its translation
    still a draft) is found in the site's own tree instead. Plain pages are found once per
    process and page-cache version; a routable page's sub-pages and
    addresses with no page are looked up every time.
    """
    version = page_cache_version()
    site = _site_for_request(request, version)
    if site is None:
        return None
    key = ("route", site.pk, translation.get_language(), path)
    found = _kept(version, key)
    if found is not MISSING:
        return found
    found = _route_find(request=request, site=site, path=path)
    if isinstance(found, RouteResult) and not found.args and not found.kwargs:
        _keep(version, key, found)
    return found


def page_serve(request: HttpRequest, path: str) -> HttpResponse:
    """Serve a Wagtail page in the visitor's language (see the module's description)."""
    if not hasattr(request, ROUTE_ATTRIBUTE):
        setattr(request, ROUTE_ATTRIBUTE, page_route_localized(request=request, path=path))
    return wagtail_serve(request, path)


def in_english() -> Q:
    """Pages of the default (English) language only. No query of its own (a join on Locale),
    so it can be used where a query set is built when the code loads (a form's choices).

    For what counts pages of a type (reports, reminders, progress, choices): translated copies
    are the same course or page, and progress is kept against the English one.
    """
    return Q(locale__language_code=settings.LANGUAGE_CODE)


def in_language_or_english(queryset: QuerySet) -> QuerySet:
    """Each page once: in the active language where it has a live copy there, else in English.

    For lists that span the whole site (the skills page): pages of the active language, and the
    English pages that have no live copy in it. Addresses are the same in every language.
    """
    active, default = locale_id_active(), locale_id_default()
    if active is None or default is None:
        return queryset
    if active == default:
        return queryset.filter(locale_id=default)
    translated = queryset.model.objects.live().filter(
        translation_key=OuterRef("translation_key"), locale_id=active
    )
    return queryset.filter(Q(locale_id=active) | (Q(locale_id=default) & ~Exists(translated)))


def pages_one_per_language(pages: list) -> list:
    """``pages`` (already found, e.g. search results) with each page once: its copy in the
    active language if that is among them, else the first of its copies. Order is kept."""
    active = locale_id_active()
    chosen: dict = {}
    for page in pages:
        key = page.translation_key
        if key not in chosen or (page.locale_id == active and chosen[key].locale_id != active):
            chosen[key] = page
    kept = {id(page) for page in chosen.values()}
    return [page for page in pages if id(page) in kept]
