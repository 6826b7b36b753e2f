"""The site's URLs plus a minimal view returning a page as big as the lesson page, through all of
the site's middleware (the bare ceiling, with none, is benchmarks/bare.py)."""

import os

from django.http import HttpRequest, HttpResponse
from django.urls import path

from training.urls import handler500
from training.urls import urlpatterns as site_urlpatterns

_BODY = b"<!DOCTYPE html><html><body>" + b"x" * int(os.environ.get("BENCH_PAGE_BYTES", "20000"))


def minimal(request: HttpRequest) -> HttpResponse:
    return HttpResponse(_BODY, content_type="text/html; charset=utf-8")


urlpatterns = [path("bench/minimal/", minimal), *site_urlpatterns]
__all__ = ["handler500", "urlpatterns"]
