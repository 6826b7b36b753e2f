"""Whole-page cache for visitors who are not signed in.

Course and lesson pages look the same to every anonymous visitor, so their HTML is kept in the
shared cache (Redis at scale) and served without touching the database again. Publishing,
unpublishing, moving or deleting any page, and any change of privacy (a view restriction added,
changed or removed), *purges* the cache (signals in ``training/core/apps.py``): every key carries a
version number, and :func:`page_cache_purge` moves the version on, so every app server sees the
change at once. Pages with a view restriction, previews and signed-in visitors are never cached.

The one per-visitor part of such a page is the CSRF token in its forms (the quiz). It is stored
as a placeholder and filled in with this visitor's own token each time the page is served.

Copies are served by :class:`AnonymousPageCacheMiddleware`, second in ``MIDDLEWARE`` (after the
request id): a hit answers before any other middleware runs, so each copy is kept *with the
headers the whole middleware stack gave it* (Content-Security-Policy, X-Frame-Options,
Referrer-Policy, Vary, Content-Language…), stored on the way out of the first, uncached visit.
The key carries everything those headers and the page depend on for a visitor with no session:
the language (worked out from the cookie and the browser exactly as ``LocaleMiddleware`` does),
whether a language was chosen yet, the scheme, the host and the address.
"""

import operator
import os
import re
import select
import time
import weakref
from collections.abc import Callable
from contextvars import ContextVar
from typing import Any, cast

from django.conf import settings
from django.conf.urls.i18n import is_language_prefix_patterns_used
from django.core.cache import cache, caches
from django.core.cache.backends.redis import RedisCache
from django.core.signals import request_finished, request_started
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import CSRF_ALLOWED_CHARS, CSRF_SECRET_LENGTH, CsrfViewMiddleware
from django.middleware.gzip import GZipMiddleware
from django.utils import translation
from django.utils.encoding import iri_to_uri

import redis

from training.core.middleware import response_is_personal

VERSION_KEY = "anonymous-page-cache:version"
TOKEN_PLACEHOLDER = b"__CSRF_TOKEN_FOR_THIS_VISITOR__"
_TOKEN_FIELD = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]*(")')


# The version, read once per request (a page asks for it several times: footer, fragments,
# routing). None outside a request: tasks and commands always read the current one.
_request_memo: ContextVar[dict | None] = ContextVar("page_cache_request_memo", default=None)


def _memo_start(**kwargs: object) -> None:
    _request_memo.set({})


def _memo_end(**kwargs: object) -> None:
    _request_memo.set(None)


request_started.connect(_memo_start, dispatch_uid="training.core.page_cache.memo_start")
request_finished.connect(_memo_end, dispatch_uid="training.core.page_cache.memo_end")


def page_cache_purge() -> None:
    """Make every cached page stale, on every server sharing the cache."""
    memo = _request_memo.get()
    if memo is not None:
        memo.clear()
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, _version_new(), timeout=None)
    _process_copies_purge()


def _version_new() -> int:
    """A version no earlier start of the cache used (the clock, in microseconds).

    Redis keeps nothing on disk here: after a restart or a flush the version starts again, and
    app processes still hold copies made under the old numbers (training/core/process_copies.py).
    Starting again from 1 could give a number they already have, and serve a page from before the
    loss; a number taken from the clock never repeats one.
    """
    return time.time_ns() // 1000


def page_cache_version() -> int:
    """The current version; anything cached under an older one is stale."""
    memo = _request_memo.get()
    if memo is not None and "version" in memo:
        return memo["version"]
    version = cache.get(VERSION_KEY)
    if version is None:
        first = _version_new()
        cache.add(VERSION_KEY, first, timeout=None)
        version = cache.get(VERSION_KEY, first)
    return _version_remember(int(version))


def _version_remember(version: int) -> int:
    memo = _request_memo.get()
    if memo is not None:
        memo["version"] = version
    return version


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


def request_language(request: HttpRequest) -> str:
    """The language ``LocaleMiddleware`` will choose for a visitor with no session (cheaply).

    For a signed-in person the profile's language wins later, but they never reach the cache.
    """
    prefixes_used, prefixed_default = is_language_prefix_patterns_used(settings.ROOT_URLCONF)
    language = translation.get_language_from_request(request, check_path=prefixes_used)
    if (
        prefixes_used
        and not prefixed_default
        and not translation.get_language_from_path(request.path_info)
    ):
        language = settings.LANGUAGE_CODE
    return language


def _key(request: HttpRequest) -> str:
    """Where this visitor's copy of this page is kept (the version is stored with it)."""
    path = iri_to_uri(request.get_full_path())
    # One copy per language; and visitors who have not chosen one yet see the first-visit prompt.
    chosen = int(settings.LANGUAGE_COOKIE_NAME in request.COOKIES)
    return (
        f"anonymous-page:{request_language(request)}:{chosen}:{request.scheme}:"
        f"{request.get_host()}:{path}"
    )


# Health checks must answer without the cache (and say so when it is down): never looked up.
NEVER_CACHED_PATHS = frozenset({"/healthz", "/readyz"})
# Static files and uploads are answered further down, by WhiteNoise or the web server.
_FILE_PREFIXES = tuple(prefix for prefix in (settings.STATIC_URL, settings.MEDIA_URL) if prefix)
# Never kept with a copy: they belong to one response (or are worked out again on each hit).
_UNKEPT_HEADERS = frozenset({"content-length", "content-encoding", "x-page-cache", "x-request-id"})


def request_may_have_a_copy(request: HttpRequest) -> bool:
    """Whether a copy may answer this request, read before any middleware has run.

    Signing in needs the session cookie, so a visitor without one is not signed in.
    """
    return (
        request.method in ("GET", "HEAD")
        and request.path not in NEVER_CACHED_PATHS
        and not request.path.startswith(_FILE_PREFIXES)
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
        and not request_is_preview(request)
    )


# Per process (and per thread), keyed by Django's Redis client for the current settings: one
# connection of our own to the cache's Redis, for the hot path of every anonymous page.
_redis_connections: "weakref.WeakKeyDictionary[Any, tuple[int, Any]]" = weakref.WeakKeyDictionary()


def _redis_connection(client: Any) -> Any:
    kept = _redis_connections.get(client)
    if kept is not None and kept[0] == os.getpid():
        return kept[1]
    # Same server, database, password and timeouts as Django's own client (its pool's settings).
    pool = client.get_client().connection_pool
    connection = pool.connection_class(**pool.connection_kwargs)
    _redis_connections[client] = (os.getpid(), connection)
    return connection


def _redis_mget(client: Any, full_keys: list[str]) -> list[Any]:
    """``MGET`` on this process's own connection: a command sent and its answer read, no more.

    redis-py's client takes a connection from its pool (a lock and a readiness poll), wraps the
    call in its retry and timing machinery, and gives it back, on every call: more CPU than the
    round trip itself on this path. Like redis-py, a broken connection is tried once more afresh.
    """
    connection = _redis_connection(client)
    for attempt in (1, 2):
        try:
            connection.send_command("MGET", *full_keys)
            return connection.read_response()
        except (redis.ConnectionError, redis.TimeoutError, OSError):
            connection.disconnect()
            if attempt == 2:
                raise
        except BaseException:
            connection.disconnect()  # an answer half read must not be read by the next call
            raise
    raise AssertionError("unreachable")


def _read_many(keys: list[str]) -> dict[str, Any]:
    """``cache.get_many``, through one Redis connection kept per process where the cache is Redis.

    Django's Redis cache makes a new client object for every call, which costs more CPU than the
    round trip itself; this is the hot path of every anonymous page. Same keys, same values.
    """
    backend = caches["default"]
    if not isinstance(backend, RedisCache):
        return cache.get_many(keys)
    # Django's Redis client keeps its serializer private; typed loosely on purpose.
    client: Any = backend._cache
    full_keys = [backend.make_and_validate_key(key) for key in keys]
    loads = client._serializer.loads
    return {
        key: loads(value)
        for key, value in zip(keys, _redis_mget(client, full_keys), strict=True)
        if value is not None
    }


# --- Copies kept in each process (where the cache is Redis) -------------------------------------
#
# A hit that asks Redis costs a round trip: more than everything else a hit does. So each process
# also keeps the copies it has read, for a few seconds, on one condition: it has a connection on
# which Redis tells it of any change to the version key (Redis's client tracking, broadcast mode):
# a purge on any server, the key deleted, evicted or expired, the database emptied. Hearing
# anything there, or losing that connection, empties its copies before the next page is served,
# so a purge still shows everywhere at once. The time limit is a backstop; a purge in this process
# empties its own copies directly.

PROCESS_COPY_SECONDS = 5.0
PROCESS_COPIES_MAX = 200


class _ProcessCopies:
    """This process's copies, good until Redis says the version changed (or a few seconds)."""

    def __init__(self, client: Any, version_key: str) -> None:
        self.pid = os.getpid()
        self.copies: dict[str, tuple[float, int, Any]] = {}
        self.broken = False
        pool = client.get_client().connection_pool
        # RESP3, so that Redis can push its notices on this same connection.
        self.listener = pool.connection_class(**{**pool.connection_kwargs, "protocol": 3})
        self.listener.send_command("CLIENT", "TRACKING", "ON", "BCAST", "PREFIX", version_key)
        if self.listener.read_response() != b"OK":
            raise redis.RedisError("Redis did not start tracking the page cache's version")
        self.poller = select.poll()
        self.poller.register(self.listener._sock, select.POLLIN)

    def purge_heard(self) -> bool:
        """Whether Redis said anything (or the connection broke) since last asked; empties if so."""
        if not self.poller.poll(0):
            return False
        self.copies.clear()
        try:
            while self.listener.can_read(timeout=0):
                self.listener.read_response(push_request=True)
        except (redis.RedisError, OSError):
            self.broken = True
            self.listener.disconnect()
        return True

    def get(self, key: str, now: float) -> tuple[int, Any] | None:
        kept = self.copies.get(key)
        if kept is None or kept[0] <= now:
            return None
        return kept[1], kept[2]

    def keep(self, key: str, version: int, copy: Any, now: float) -> None:
        if len(self.copies) >= PROCESS_COPIES_MAX:
            del self.copies[next(iter(self.copies))]  # the oldest
        seconds = min(PROCESS_COPY_SECONDS, settings.ANONYMOUS_PAGE_CACHE_SECONDS)
        # With the HTML already cut where the CSRF token goes (see ``_content_parts``).
        copy = (*copy[:3], copy[1].split(TOKEN_PLACEHOLDER))
        self.copies[key] = (now + seconds, version, copy)


_process_copies_by_client: "weakref.WeakKeyDictionary[Any, _ProcessCopies]" = (
    weakref.WeakKeyDictionary()
)
# Where Redis would not track the version (older than 6, or down), when to try again: without
# this, every page would try to open the connection afresh.
_process_copies_refused: "weakref.WeakKeyDictionary[Any, float]" = weakref.WeakKeyDictionary()
PROCESS_COPIES_RETRY_SECONDS = 30.0


def _process_copies() -> _ProcessCopies | None:
    """This process's copies for the current cache, or None where it is not Redis (or is down)."""
    backend = caches["default"]
    if not isinstance(backend, RedisCache):
        return None
    client: Any = backend._cache
    process = _process_copies_by_client.get(client)
    if process is not None and process.pid == os.getpid() and not process.broken:
        return process
    if time.monotonic() < _process_copies_refused.get(client, 0.0):
        return None
    try:
        process = _ProcessCopies(client, backend.make_key(VERSION_KEY))
    except (redis.RedisError, OSError):
        _process_copies_by_client.pop(client, None)
        _process_copies_refused[client] = time.monotonic() + PROCESS_COPIES_RETRY_SECONDS
        return None  # the copy is read from Redis, which will say what is wrong
    _process_copies_by_client[client] = process
    return process


def _process_copies_purge() -> None:
    """Empty this process's copies (Redis tells the other processes: the version key changed)."""
    backend = caches["default"]
    if not isinstance(backend, RedisCache):
        return
    process = _process_copies_by_client.get(backend._cache)
    if process is not None:
        process.copies.clear()


def _lookup_page(key: str) -> tuple[int, Any]:
    """``_lookup`` for a page: from this process's copies if it has a current one."""
    process = _process_copies()
    if process is None:
        return _lookup(key)
    now = time.monotonic()
    if not process.purge_heard():
        kept = process.get(key, now)
        if kept is not None:
            return kept
    version, copy = _lookup(key)
    if copy is not None and copy[0] == version and not process.broken:
        process.keep(key, version, copy, now)
    return version, copy


def _lookup(key: str) -> tuple[int, Any]:
    """The current version and what is kept under ``key`` (or None), in one round trip."""
    memo = _request_memo.get()
    if memo is not None and "version" in memo:
        return memo["version"], _read_many([key]).get(key)
    found = _read_many([VERSION_KEY, key])
    version = found.get(VERSION_KEY)
    if version is None:
        return page_cache_version(), found.get(key)
    return _version_remember(int(version)), found.get(key)


def _content_parts(copy: Any) -> list[bytes]:
    """The copy's HTML cut where this visitor's CSRF token goes (cut once per process copy)."""
    return copy[3] if len(copy) > 3 else copy[1].split(TOKEN_PLACEHOLDER)


def _response_from_copy(request: HttpRequest, copy: Any) -> HttpResponse:
    _, content, headers = copy
    response = HttpResponse(token_fill(request, content), headers=headers)
    response["X-Page-Cache"] = "hit"
    return response


def page_cached_response(request: HttpRequest) -> HttpResponse | None:
    """The cached copy of this page for this visitor, if there is a current one."""
    if not request_may_have_a_copy(request):
        return None
    version, copy = _lookup_page(_key(request))
    if copy is None or copy[0] != version:
        return None
    return _response_from_copy(request, copy)


def page_is_restricted(page: Any) -> bool:
    """Whether the page, or a page above it, has a view restriction (login, password, groups)."""
    return page is not None and page.pk is not None and page.get_view_restrictions().exists()


def page_render_and_keep(
    request: HttpRequest, render: Callable[[], Any], *, page: Any = None
) -> HttpResponse:
    """Render a page; mark it to be kept for other anonymous visitors if it is the same for them.

    :class:`AnonymousPageCacheMiddleware` keeps it on its way out, with every header the
    middleware added. A page with a view restriction is never kept: copies are served before
    Wagtail checks restrictions. (Read after rendering, so a restriction added meanwhile is seen.)
    """
    if not request_cacheable(request):
        return render()
    response = render()
    if hasattr(response, "render") and not response.is_rendered:
        response.render()
    if response.status_code == 200 and not response.cookies and not page_is_restricted(page):
        # The HTML before any compression, with this visitor's CSRF token taken out.
        response.page_cache_content = token_hide(response.content)
    return response


def _keepable(request: HttpRequest, response: HttpResponse, key: str) -> bool:
    """Whether the finished response, as the middleware stack left it, is fit to share."""
    cache_control = response.get("Cache-Control", "")
    return (
        getattr(response, "page_cache_content", None) is not None
        and request.method == "GET"
        and response.status_code == 200
        and not response.streaming
        # Only the CSRF cookie, which is set again for each visitor on a hit.
        and set(response.cookies) <= {settings.CSRF_COOKIE_NAME}
        and not response_is_personal(request)
        and "private" not in cache_control
        and "no-store" not in cache_control
        # Made in the language the key names (the middleware between could have changed it).
        and response.get("Content-Language") == key.split(":", 2)[1]
    )


def _keep(request: HttpRequest, response: HttpResponse, key: str, version: int) -> None:
    headers = {
        name: value
        for name, value in response.headers.items()
        if name.lower() not in _UNKEPT_HEADERS
    }
    copy = (version, response.page_cache_content, headers)  # type: ignore[attr-defined]
    cache.set(key, copy, settings.ANONYMOUS_PAGE_CACHE_SECONDS)
    response["X-Page-Cache"] = "miss"


def token_hide(content: bytes) -> bytes:
    """Swap this visitor's CSRF tokens for a placeholder, so the HTML can be shared."""
    return _TOKEN_FIELD.sub(rb"\1" + TOKEN_PLACEHOLDER + rb"\2", content)


def token_fill(request: HttpRequest, content: bytes) -> bytes:
    """Put this visitor's own CSRF token where the placeholder is."""
    if TOKEN_PLACEHOLDER not in content:
        return content
    return content.replace(TOKEN_PLACEHOLDER, csrf_token(request).encode())


_CSRF_CHARS = CSRF_ALLOWED_CHARS
# Two characters (of the secret and of the mask) to the character of the masked token.
_CSRF_SUM = {
    a + b: _CSRF_CHARS[(i + j) % len(_CSRF_CHARS)]
    for i, a in enumerate(_CSRF_CHARS)
    for j, b in enumerate(_CSRF_CHARS)
}


# Random bytes below 248 (the largest multiple of 62 under 256) map evenly onto the characters;
# the others are dropped.
_CSRF_BYTE_LIMIT = 256 - 256 % len(_CSRF_CHARS)
_CSRF_FROM_BYTE = bytes(ord(_CSRF_CHARS[byte % len(_CSRF_CHARS)]) for byte in range(256))
_CSRF_DROPPED_BYTES = bytes(range(_CSRF_BYTE_LIMIT, 256))


def _csrf_random_string() -> str:
    """32 characters drawn evenly from Django's CSRF alphabet, from the system's random source.

    What Django's ``get_random_string`` gives, from one read of ``os.urandom`` instead of one
    ``SystemRandom`` call (each a read of ``os.urandom``) per character.
    """
    chars = b""
    while len(chars) < CSRF_SECRET_LENGTH:
        chars += os.urandom(2 * CSRF_SECRET_LENGTH).translate(_CSRF_FROM_BYTE, _CSRF_DROPPED_BYTES)
    return chars[:CSRF_SECRET_LENGTH].decode("ascii")


def csrf_token(request: HttpRequest) -> str:
    """Django's ``get_token``: the same token format, cookie and flags, at a fraction of the cost.

    The visitor's secret (from their cookie, read by ``CsrfViewMiddleware.process_request``, or a
    new one) is masked with a fresh random mask, so no two pages carry the same token (BREACH);
    the cookie is (re)sent by ``CsrfViewMiddleware.process_response``, as ``get_token`` asks.
    """
    secret = request.META.get("CSRF_COOKIE")
    if secret is None:
        secret = request.META["CSRF_COOKIE"] = _csrf_random_string()
    request.META["CSRF_COOKIE_NEEDS_UPDATE"] = True
    mask = _csrf_random_string()
    # Each character of the secret moved on by the mask's, in the alphabet (as Django does).
    return mask + "".join(map(_CSRF_SUM.__getitem__, map(operator.add, secret, mask)))


class AnonymousPageCacheMixin:
    """For Wagtail pages that look the same to every anonymous visitor: keep a copy.

    Copies are served by :class:`AnonymousPageCacheMiddleware`, before any other middleware and
    before Wagtail even looks the page up, so a cached page costs no database query at all.
    """

    def serve(self, request, *args, **kwargs):
        parent_serve = super().serve  # type: ignore[misc]
        return page_render_and_keep(
            request, lambda: parent_serve(request, *args, **kwargs), page=self
        )

    def get_view_restrictions(self):
        """Wagtail's restrictions on this page and those above it, read once per version.

        Wagtail asks on every visit (two queries: the ancestors, then the restrictions). Adding,
        changing or removing a restriction, and publishing, moving or deleting a page, purge (move
        the version on), so the answer kept here is never stale. It is still a query set (of the
        same restrictions, already read), so anything that filters or orders it asks the database.
        """
        if self.pk is None:  # type: ignore[attr-defined]
            return super().get_view_restrictions()  # type: ignore[misc]
        key = f"page-view-restrictions:{self.pk}"  # type: ignore[attr-defined]
        version, kept = _lookup(key)
        if kept is not None and kept[0] == version:
            return kept[1]
        restrictions = super().get_view_restrictions()  # type: ignore[misc]
        # Pickling a query set reads it and keeps its rows with it.
        cache.set(key, (version, restrictions), settings.ANONYMOUS_PAGE_CACHE_SECONDS)
        return restrictions


class AnonymousPageCacheMiddleware:
    """Answer from a kept copy before any other middleware runs; keep copies on the way out.

    Second in ``MIDDLEWARE``, after ``RequestIdMiddleware`` (which still gives a hit its id). On a
    hit it does the little the skipped middleware would have done for such a page: the CSRF
    cookie (``CsrfViewMiddleware``'s own code, when the page has a form) and, where the site
    compresses pages, ``GZipMiddleware``.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.csrf = CsrfViewMiddleware(get_response)
        compresses = "django.middleware.gzip.GZipMiddleware" in settings.MIDDLEWARE
        self.gzip = GZipMiddleware(get_response) if compresses else None

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request_may_have_a_copy(request):
            return self.get_response(request)
        key = _key(request)
        version, copy = _lookup_page(key)
        if copy is not None and copy[0] == version:
            return self._answer(request, copy)
        response = self.get_response(request)
        if _keepable(request, response, key):
            _keep(request, response, key, version)
        return response

    def _answer(self, request: HttpRequest, copy: Any) -> HttpResponse:
        parts = _content_parts(copy)
        needs_token = len(parts) > 1
        if needs_token:
            self.csrf.process_request(request)  # this visitor's token from their cookie, if any
            content = csrf_token(request).encode().join(parts)
        else:
            content = parts[0]
        response = HttpResponse(content, headers=copy[2])
        response["X-Page-Cache"] = "hit"
        if needs_token:
            # Sets the cookie if new; both middlewares give back the response they were given.
            response = cast(HttpResponse, self.csrf.process_response(request, response))
        response["Content-Length"] = str(len(response.content))
        if self.gzip is not None:
            response = cast(HttpResponse, self.gzip.process_response(request, response))
        return response
