"""Reads for offline learning: what a saved course holds and how big it is, the rules the
service worker follows, and how many lessons a learner saved from offline."""

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.backends.cache import SessionStore
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.http import HttpRequest
from django.templatetags.static import static
from django.test import RequestFactory
from django.urls import reverse

from courses.models import CoursePage, LessonPage, OfflineCompletion, OfflineOutcome
from training.users.models import User

# Addresses the service worker never stores, whatever their headers say: personal pages.
PERSONAL_PREFIXES = (
    "/account/",
    "/my-learning/",
    "/my-skills/",
    "/my-data/",
    "/learning/",
    "/dashboards/",
    "/notifications/",
    "/admin/",
    "/django-admin/",
    "/offline/sync/",
)
# A saved course bigger than this is refused by the tests (docs/performance.md).
SIZE_LIMIT_BYTES = 1_500_000
_ASSET = re.compile(r"""(?:src|href)="([^"]+)"|srcset="([^"]+)\"""")


@dataclass(frozen=True)
class OfflineManifest:
    course_id: int
    title: str
    url: str
    version: str
    urls: tuple[str, ...]
    size: int
    lessons: tuple[dict[str, Any], ...]

    @property
    def size_text(self) -> str:
        return size_text(self.size)

    def as_dict(self) -> dict[str, Any]:
        return {
            "course": {"id": self.course_id, "title": self.title, "url": self.url},
            "version": self.version,
            "size": self.size,
            "size_text": self.size_text,
            "urls": list(self.urls),
            "lessons": list(self.lessons),
        }


def size_text(size: int) -> str:
    """“about 1.2 MB”, “about 300 KB”: rounded, in the units phones show."""
    from django.utils.translation import gettext as _

    if size >= 1_000_000:
        return _("about %(size)s MB") % {"size": f"{size / 1_000_000:.1f}"}
    return _("about %(size)s KB") % {"size": max(1, round(size / 1000))}


def quiz_offline_data(*, lesson: LessonPage) -> dict[str, Any] | None:
    """The lesson's first quiz as the browser scores it: the same rules as courses.quiz.

    Each question: whether several answers may be chosen, how many options, and which are
    right. The pass mark is the lesson's. Scored in the browser by ``offlineQuizScore``
    (static/js/offline-score.js).
    """
    for block in lesson.body.raw_data:
        if block["type"] != "quiz":
            continue
        questions = []
        for question in (block.get("value") or {}).get("questions") or []:
            value = question.get("value", question)
            options = [option.get("value", option) for option in value.get("options") or []]
            questions.append(
                {
                    "multiple": bool(value.get("multiple")),
                    "options": len(options),
                    "correct": [
                        index
                        for index, option in enumerate(options)
                        if option.get("is_correct") or option.get("correct")
                    ],
                }
            )
        return {
            "id": block["id"],
            "pass_mark_percent": lesson.pass_mark_percent,
            "questions": questions,
        }
    return None


def _course_lessons(course: CoursePage) -> list[LessonPage]:
    return list(LessonPage.objects.live().public().child_of(course).order_by("path").specific())


def course_offline_version(*, course: CoursePage, lessons: list[LessonPage] | None = None) -> str:
    """Changes whenever the course or one of its lessons gets a new published revision."""
    lessons = _course_lessons(course) if lessons is None else lessons
    parts = [f"{course.pk}:{course.live_revision_id}"]
    parts += [f"{lesson.pk}:{lesson.live_revision_id}" for lesson in lessons]
    parts.append(static("css/site.css"))
    return hashlib.sha256(",".join(parts).encode()).hexdigest()[:16]


def _render_anonymous(page: Any, *, host: str) -> str:
    """The page as a visitor who is not signed in sees it (what the service worker saves)."""
    request = RequestFactory().get(page.url or "/", HTTP_HOST=host)
    request.user = AnonymousUser()
    request.session = SessionStore()
    response = page.serve(request)
    if hasattr(response, "render"):
        response.render()
    return response.content.decode("utf-8", "replace")


def _asset_urls(html: str) -> list[str]:
    found: list[str] = []
    for match in _ASSET.finditer(html):
        if match.group(1):
            found.append(match.group(1))
        else:
            found += [part.strip().split(" ")[0] for part in match.group(2).split(",")]
    media = settings.MEDIA_URL
    return [
        url.replace("&amp;", "&")
        for url in found
        if url.startswith(settings.STATIC_URL) or (media and url.startswith(media))
    ]


def _asset_size(url: str) -> int:
    path = urlsplit(url).path
    if path.startswith(settings.STATIC_URL):
        name = path[len(settings.STATIC_URL) :]
        found = finders.find(name)
        if found:
            return Path(str(found)).stat().st_size
        try:
            return staticfiles_storage.size(name)
        except Exception:
            return 0
    media_path = urlsplit(settings.MEDIA_URL).path
    if path.startswith(media_path):
        try:
            return default_storage.size(path[len(media_path) :])
        except Exception:
            return 0
    return 0


def course_offline_manifest(*, course: CoursePage, host: str) -> OfflineManifest:
    """What "Save this course for offline" stores: the course page, its published public
    lessons, their pictures, the site's CSS and JavaScript and the offline page. Videos are
    never included (they are on another site); their transcripts are in the lesson pages.

    Kept in the cache under the course's version, so it is worked out once per revision.
    """
    lessons = _course_lessons(course)
    version = course_offline_version(course=course, lessons=lessons)
    key = f"offline-manifest:{course.pk}:{version}:{host}"
    cached = cache.get(key)
    if cached is not None:
        return OfflineManifest(**cached)
    pages: list[str] = []
    assets: dict[str, None] = {}
    size = 0
    pages_to_save: list[Any] = [course, *lessons]
    for page in pages_to_save:
        html = _render_anonymous(page, host=host)
        pages.append(page.url or "")
        size += len(html.encode())
        for url in _asset_urls(html):
            assets.setdefault(url)
    for url in (
        static("js/offline.js"),
        static("js/offline-score.js"),
        static("js/offline-queue.js"),
    ):
        assets.setdefault(url)
    size += sum(_asset_size(url) for url in assets)
    manifest = OfflineManifest(
        course_id=course.pk,
        title=course.title,
        url=course.url or "",
        version=version,
        urls=tuple(pages + list(assets)),
        size=size,
        lessons=tuple(
            {
                "id": lesson.pk,
                "url": lesson.url or "",
                "title": lesson.title,
                "quiz": quiz_offline_data(lesson=lesson),
            }
            for lesson in lessons
        ),
    )
    cache.set(key, manifest.__dict__, timeout=60 * 60 * 24)
    return manifest


def sw_config() -> dict[str, Any]:
    """The rules the service worker follows, rendered into /sw.js by the server."""
    return {
        "version": hashlib.sha256(
            json.dumps([static("css/site.css"), static("js/offline.js")]).encode()
        ).hexdigest()[:12],
        "offline_url": reverse("offline:offline_page"),
        "saved_url": reverse("offline:saved_courses"),
        "sync_url": reverse("offline:sync"),
        "shell": [
            reverse("offline:offline_page"),
            reverse("offline:saved_courses"),
            static("css/site.css"),
            static("js/offline.js"),
            static("js/offline-score.js"),
            static("js/offline-queue.js"),
            static("img/favicon.svg"),
        ],
        "queue_script": static("js/offline-queue.js"),
        "manifest_key": "/offline/saved-course/",
        "never_cache_prefixes": list(PERSONAL_PREFIXES),
        "never_cache_directives": ["no-store", "private"],
    }


def request_host(request: HttpRequest) -> str:
    return request.get_host()


def offline_saved_count(*, learner: User) -> int:
    """How many lessons this learner finished offline that the server recorded."""
    return OfflineCompletion.objects.filter(
        learner=learner, outcome=OfflineOutcome.ACCEPTED
    ).count()
