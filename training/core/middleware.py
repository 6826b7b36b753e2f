from collections.abc import Callable

from django.conf import settings
from django.core.signals import request_finished
from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers, patch_vary_headers

from training.core.logging import REQUEST_ID_HEADER, request_id_from_header, request_id_var
from training.core.static_files import inline_sources


class ContentSecurityPolicyMiddleware:
    """Send the Content Security Policy from settings on every public page."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.header = self._header()
        self.excluded = tuple(settings.CONTENT_SECURITY_POLICY_EXCLUDE_PREFIXES)

    @staticmethod
    def _header() -> str:
        """The policy, with the hashes of the static files pages inline (the same for every
        response, so cached pages stay valid: training/core/static_files.py)."""
        policy = {
            directive: [sources] for directive, sources in settings.CONTENT_SECURITY_POLICY.items()
        }
        for directive, hashes in inline_sources().items():
            policy.setdefault(directive, ["'self'"]).extend(hashes)
        return "; ".join(
            f"{directive} {' '.join(sources)}" for directive, sources in policy.items()
        )

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not request.path.startswith(self.excluded):
            # While developing, an edited stylesheet gets its new hash without a restart.
            header = self._header() if settings.DEBUG else self.header
            response.headers.setdefault("Content-Security-Policy", header)
        return response


def response_is_personal(request: HttpRequest) -> bool:
    """Whether this response was made for one person, so no cache may keep it.

    Every response to a signed-in user is; so is one to a visitor who is not signed in but whose
    page was drawn from their own session (progress kept before signing up, for example).
    """
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return True
    session = getattr(request, "session", None)
    return bool(session is not None and session.accessed and not session.is_empty())


def response_make_private(response: HttpResponse) -> None:
    """``Cache-Control: private, no-store`` (and no-cache, max-age=0), nothing that contradicts it.

    Whatever the view said before (``public``, a ``max-age`` or ``s-maxage``, an ``Expires`` in
    the future) is dropped: a browser or proxy must not keep this response at all.
    """
    del response["Cache-Control"]
    del response["Expires"]
    add_never_cache_headers(response)  # max-age=0, no-cache, no-store, must-revalidate, private
    patch_vary_headers(response, ("Cookie",))


class PrivateResponseCacheControlMiddleware:
    """Every response to a signed-in person is ``private, no-store``: pages, CSVs, files, photos.

    The one place that says so, for every view, so a new view cannot forget. Placed just after
    the authentication middleware, it sees every response made below it, including redirects
    from other middleware and pages served from the anonymous page cache (which are never
    personal).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response_is_personal(request):
            response_make_private(response)
        return response


_REQUEST_ID_META = "HTTP_" + REQUEST_ID_HEADER.upper().replace("-", "_")


class RequestIdMiddleware:
    """Give every request an id: a safe incoming ``X-Request-ID``, else a new one.

    Every log line written while the request runs carries it (``training/core/logging.py``), and
    so do the tasks it queues; the response sends it back in ``X-Request-ID``. First in the list,
    so the other middleware log under it too.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # From META, not ``request.headers``: that builds a dict of every header, on every request.
        request_id = request_id_from_header(request.META.get(_REQUEST_ID_META))
        request.request_id = request_id  # type: ignore[attr-defined]
        # Kept until the request finishes (below): Django logs a 4xx or 5xx after the middleware.
        request_id_var.set(request_id)
        response = self.get_response(request)
        response[REQUEST_ID_HEADER] = request_id
        return response


def _request_id_clear(**kwargs: object) -> None:
    request_id_var.set(None)


request_finished.connect(_request_id_clear, dispatch_uid="training.core.request_id_clear")
