"""Offline learning pages and files: the service worker, the web app manifest, a course's
offline manifest, "Saved courses", the offline page and the sync endpoint.

Thin: each view reads the request, calls a selector or a service, and answers.
"""

import json

from django.contrib.staticfiles import finders
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import ensure_csrf_cookie
from django.views.decorators.http import require_GET, require_http_methods

from courses.models import CoursePage
from courses.offline.selectors import course_offline_manifest, sw_config
from courses.offline.services import learner_key, offline_completions_sync

ICON_SIZES = (192, 512)


@require_GET
def service_worker(request: HttpRequest) -> HttpResponse:
    """/sw.js: our small service worker, with its rules (sw_config) written in by the server.

    Served from the site root so it may look after every page; never cached by the browser's
    HTTP cache, so a new version is picked up on the next visit."""
    path = finders.find("js/sw.js")
    with open(str(path), encoding="utf-8") as handle:
        source = handle.read()
    body = f"self.OFFLINE_CONFIG = {json.dumps(sw_config())};\n{source}"
    response = HttpResponse(body, content_type="text/javascript; charset=utf-8")
    response["Service-Worker-Allowed"] = "/"
    response["Cache-Control"] = "no-cache"
    return response


@require_GET
def web_manifest(request: HttpRequest) -> HttpResponse:
    """/manifest.webmanifest: makes the site installable as an app on a phone."""
    data = {
        "name": _("Homes on the Net"),
        "short_name": _("Homes on the Net"),
        "description": _("Free short courses on using the internet, for tenants."),
        "start_url": "/",
        "scope": "/",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": "#0b5c52",  # --colour-brand in static/css/site.css
        "icons": [
            {
                "src": static(f"img/icons/icon-{size}.png"),
                "sizes": f"{size}x{size}",
                "type": "image/png",
                "purpose": "any maskable",
            }
            for size in ICON_SIZES
        ],
    }
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False), content_type="application/manifest+json"
    )
    response["Cache-Control"] = "public, max-age=3600"
    return response


@require_GET
def course_manifest(request: HttpRequest, course_id: int) -> JsonResponse:
    """What saving this course stores, its size and its version (public courses only)."""
    course = CoursePage.objects.live().public().filter(pk=course_id).first()
    if course is None:
        raise Http404
    manifest = course_offline_manifest(course=course, host=request.get_host())
    response = JsonResponse(manifest.as_dict())
    response["Cache-Control"] = "no-cache"
    return response


@require_GET
def saved_courses(request: HttpRequest) -> HttpResponse:
    """ "Saved courses": filled in by static/js/offline.js from what this phone has saved."""
    return render(request, "courses/offline/saved_courses.html", {})


@require_GET
def offline_page(request: HttpRequest) -> HttpResponse:
    """Shown by the service worker in place of a page that is not saved, when offline."""
    return render(request, "courses/offline/offline.html", {})


@never_cache
@ensure_csrf_cookie
@require_http_methods(["GET", "POST"])
def sync(request: HttpRequest) -> JsonResponse:
    """GET: a CSRF token and this learner's key, for the queue. POST (JSON, CSRF-checked):
    ``{"items": [...]}``; answers each item's outcome (courses/offline/services.py)."""
    if request.method == "GET":
        return JsonResponse({"csrf": get_token(request), "learner": learner_key(user=request.user)})
    try:
        payload = json.loads(request.body or b"{}")
    except (ValueError, UnicodeDecodeError):
        return JsonResponse({"error": _("That could not be read.")}, status=400)
    items = payload.get("items") if isinstance(payload, dict) else None
    if not isinstance(items, list):
        return JsonResponse({"error": _("That could not be read.")}, status=400)
    outcomes = offline_completions_sync(items=items, user=request.user, session=request.session)
    accepted = sum(1 for outcome in outcomes if outcome.status == "accepted")
    return JsonResponse(
        {
            "results": [outcome.as_dict() for outcome in outcomes],
            "accepted": accepted,
            # Shown on the next page: "3 lessons saved from offline were recorded."
            "message": ngettext(
                "%(count)s lesson saved from offline was recorded.",
                "%(count)s lessons saved from offline were recorded.",
                accepted,
            )
            % {"count": accepted}
            if accepted
            else "",
            "my_learning_url": reverse("courses:my_learning"),
        }
    )
