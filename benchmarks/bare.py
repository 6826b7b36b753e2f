"""The ceiling for `make bench`: Django with no middleware, one URL, a page as big as a lesson.

The benchmark's gunicorn serves :data:`application` (``benchmarks.wsgi``): requests for
``/bench/bare/`` go to a Django handler whose middleware chain is empty and whose URLs are only
the one below; everything else goes to the site. Same server, same workers, same settings, so the
only difference between the bare page and a lesson page is what the site does per request.
"""

import os

from django.core.handlers.exception import convert_exception_to_response
from django.core.handlers.wsgi import WSGIHandler
from django.http import HttpRequest, HttpResponse
from django.urls import path

BARE_PATH = "/bench/bare/"
_BODY = b"<!DOCTYPE html><html><body>" + b"x" * int(os.environ.get("BENCH_PAGE_BYTES", "20000"))


def bare(request: HttpRequest) -> HttpResponse:
    return HttpResponse(_BODY, content_type="text/html; charset=utf-8")


urlpatterns = [path(BARE_PATH.strip("/") + "/", bare)]


class BareHandler(WSGIHandler):
    """Django's own WSGI handler with no middleware and this module as its only URLs."""

    def load_middleware(self, is_async: bool = False) -> None:
        self._view_middleware = []
        self._template_response_middleware = []
        self._exception_middleware = []
        self._middleware_chain = convert_exception_to_response(self._get_response)

    def get_response(self, request: HttpRequest) -> HttpResponse:
        request.urlconf = __name__  # type: ignore[attr-defined]
        return super().get_response(request)
