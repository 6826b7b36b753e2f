"""Whole-page cache for visitors who are not signed in.

Course and lesson pages look the same to every anonymous visitor, so their HTML is kept in the
shared cache (Redis at scale) and served without touching the database again. Publishing,
unpublishing, moving or deleting any page, and any change of privacy (a view restriction added,
changed or removed), *purges* the cache (signals in ``training/core/apps.py``): every key carries a
version number, and :func:`page_cache_purge` moves the version on, so every app server sees the
change at once. Pages with a view restriction, previews and signed-in visitors are never cached.

The one per-visitor part of such a page is the CSRF token in its forms (the quiz). It is stored
as a placeholder and filled in with this visitor's own token each time the page is served.
"""

import re
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.encoding import iri_to_uri

VERSION_KEY = "anonymous-page-cache:version"
TOKEN_PLACEHOLDER = b"__CSRF_TOKEN_FOR_THIS_VISITOR__"
_TOKEN_FIELD = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]*(")')


def page_cache_purge() -> None:
    """Make every cached page stale, on every server sharing the cache."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, timeout=None)


def page_cache_version() -> int:
    """The current version; anything cached under an older one is stale."""
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, timeout=None)
        version = cache.get(VERSION_KEY, 1)
    return int(version)


def request_is_preview(request: HttpRequest | None) -> bool:
    """A Wagtail preview (or the request Wagtail makes up for one), or no request at all.

    Such a render may show a draft, so it must never read or write a shared cache.
    """
    return (
        request is None
        or getattr(request, "is_preview", False)
        # Wagtail's made-up preview request runs the middleware before it is marked is_preview.
        or getattr(request, "is_dummy", False)
    )


def request_cacheable(request: HttpRequest) -> bool:
    """Only plain GETs by visitors with no session of their own (no progress, no messages)."""
    return (
        request.method in ("GET", "HEAD")
        and not request_is_preview(request)
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
        and not request.user.is_authenticated
    )


def _key(request: HttpRequest) -> str:
    path = iri_to_uri(request.get_full_path())
    # One copy per language; and visitors who have not chosen one yet see the first-visit prompt.
    language = translation.get_language()
    chosen = int(settings.LANGUAGE_COOKIE_NAME in request.COOKIES)
    return f"anonymous-page:{page_cache_version()}:{language}:{chosen}:{request.get_host()}:{path}"


# Health checks must answer without the cache (and say so when it is down): never looked up.
NEVER_CACHED_PATHS = frozenset({"/healthz", "/readyz"})


def page_cached_response(request: HttpRequest) -> HttpResponse | None:
    """The cached copy of this page for this visitor, if there is one."""
    if request.path in NEVER_CACHED_PATHS or not request_cacheable(request):
        return None
    cached = cache.get(_key(request))
    if cached is None:
        return None
    content, content_type = cached
    response = HttpResponse(token_fill(request, content), content_type=content_type)
    response["X-Page-Cache"] = "hit"
    # The language comes from the cookie or the browser (LocaleMiddleware adds Accept-Language).
    patch_vary_headers(response, ("Cookie",))
    return response


def page_is_restricted(page: Any) -> bool:
    """Whether the page, or a page above it, has a view restriction (login, password, groups)."""
    return page is not None and page.pk is not None and page.get_view_restrictions().exists()


def page_render_and_keep(
    request: HttpRequest, render: Callable[[], Any], *, page: Any = None
) -> HttpResponse:
    """Render a page; keep a copy for other anonymous visitors if it is the same for them.

    A page with a view restriction is never kept: copies are served before Wagtail checks
    restrictions. (Read after rendering, so a restriction added meanwhile is seen.)
    """
    if not request_cacheable(request):
        return render()
    key = _key(request)
    response = render()
    if hasattr(response, "render") and not response.is_rendered:
        response.render()
    if response.status_code == 200 and not response.cookies and not page_is_restricted(page):
        stored = token_hide(response.content)
        cache.set(key, (stored, response["Content-Type"]), settings.ANONYMOUS_PAGE_CACHE_SECONDS)
        response["X-Page-Cache"] = "miss"
        patch_vary_headers(response, ("Cookie",))
    return response


def token_hide(content: bytes) -> bytes:
    """Swap this visitor's CSRF tokens for a placeholder, so the HTML can be shared."""
    return _TOKEN_FIELD.sub(rb"\1" + TOKEN_PLACEHOLDER + rb"\2", content)


def token_fill(request: HttpRequest, content: bytes) -> bytes:
    """Put this visitor's own CSRF token where the placeholder is."""
    if TOKEN_PLACEHOLDER not in content:
        return content
    return content.replace(TOKEN_PLACEHOLDER, get_token(request).encode())


class AnonymousPageCacheMixin:
    """For Wagtail pages that look the same to every anonymous visitor: keep a copy.

    Copies are served by :class:`AnonymousPageCacheMiddleware`, before Wagtail even looks the
    page up, so a cached page costs no database query at all.
    """

    def serve(self, request, *args, **kwargs):
        parent_serve = super().serve  # type: ignore[misc]
        return page_render_and_keep(
            request, lambda: parent_serve(request, *args, **kwargs), page=self
        )


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return page_cached_response(request) or self.get_response(request)
