"""Issue 10, point 4 and the headers test: every response to a signed-in person is
``Cache-Control: private, no-store`` (one middleware, so no view can forget), and the public
pages send the Content Security Policy.

The lists below name a page of every kind that each role reaches: learning, profile and data,
community (with a photo), events, notifications, champion pages with an assisted sign-in card,
dashboards with their CSV and export zip, and the admin. A new kind of page belongs here.
"""

import re
from dataclasses import dataclass, field

from django.contrib.auth.models import AnonymousUser
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, RequestFactory

import pytest

from community.models import Post
from courses.models import LessonPage
from courses.progress.credentials.badges import certificate_issue
from tests.factories.community import GroupFactory, image_bytes, member_add
from tests.factories.courses import CoursePageFactory, LessonPageFactory, text_block
from tests.factories.events import EventFactory
from tests.factories.practice import lessons_finish
from tests.factories.users import UserFactory
from training.core.page_cache import page_cached_response
from training.users import roles

pytestmark = pytest.mark.django_db


def cache_directives(response) -> set[str]:
    header = response.get("Cache-Control", "")
    return {part.strip().split("=")[0].lower() for part in header.split(",") if part.strip()}


def is_private_no_store(response) -> bool:
    directives = cache_directives(response)
    return {"private", "no-store"} <= directives and "public" not in directives


@dataclass
class Site:
    """A small site with something on every kind of page, and who can see what."""

    learner: object
    champion: object
    manager: object
    editor: object
    moderator: object
    course: object
    lesson: object
    event: object
    group: object
    post: object
    certificate: object
    assisted: object = None
    urls: dict = field(default_factory=dict)


@pytest.fixture
def site(centre) -> Site:
    course = CoursePageFactory(title="Video calls", slug="video-calls", skills=["COM-1"])
    lesson = LessonPageFactory(
        parent=course, title="Answering a call", slug="answering", skills=["COM-1"]
    )
    lesson.body = [text_block("<p>Tap the green button.</p>")]
    lesson.save_revision().publish()
    learner = UserFactory(role=roles.LEARNER, community_centre=centre)
    champion = UserFactory(role=roles.DIGITAL_CHAMPION, community_centre=centre)
    lessons_finish(learner, [LessonPage.objects.get(pk=lesson.pk)])
    certificate, _ = certificate_issue(learner=learner, course=course)
    group = GroupFactory(name="Elm Court neighbours", slug="elm-court", neighbourhood=None)
    member_add(group, learner)
    learner_client = Client()
    learner_client.force_login(learner)
    posted = learner_client.post(
        f"/community/groups/{group.slug}/new-post/",
        {
            "text": "Our new benches",
            "photo": SimpleUploadedFile("p.png", image_bytes(image_format="PNG"), "image/png"),
            "photo_description": "Two green benches",
        },
    )
    assert posted.status_code == 302
    return Site(
        learner=learner,
        champion=champion,
        manager=UserFactory(role=roles.MANAGER),
        editor=UserFactory(role=roles.COURSE_EDITOR),
        moderator=UserFactory(role=roles.MODERATOR),
        course=course,
        lesson=LessonPage.objects.get(pk=lesson.pk),
        event=EventFactory(centre=centre),
        group=group,
        post=Post.objects.get(),
        certificate=certificate,
    )


def public_pages(site: Site) -> list[str]:
    return [
        "/",
        "/courses/",
        site.course.url,
        site.lesson.url,
        "/courses/skills/",
        "/search/?q=call",
        "/events/",
        f"/events/{site.event.pk}/",
        "/account/login/",
    ]


def learner_pages(site: Site) -> list[str]:
    cert = site.certificate.pk
    return [
        *public_pages(site)[:-1],  # signed in, the public pages are personal too (header, progress)
        "/my-learning/",
        "/my-skills/",
        "/my-learning/reminders/",
        "/my-learning/xapi.json",
        f"/certificates/{cert}/",
        f"/certificates/{cert}/badge.jwt",
        "/account/profile/",
        "/account/email/",
        "/account/password/change/",
        "/account/notifications/",
        "/my-data/",
        "/my-data/download/",
        "/my-data/delete/",
        "/community/",
        f"/community/groups/{site.group.slug}/",
        f"/community/groups/{site.group.slug}/members/",
        f"/community/groups/{site.group.slug}/new-post/",
        f"/community/posts/{site.post.pk}/",
        f"/community/posts/{site.post.pk}/photo/",
        f"/community/posts/{site.post.pk}/edit/",
        f"/events/{site.event.pk}/calendar.ics",
        "/certificates/issuer.json",  # public, max-age for visitors; never kept when signed in
    ]


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def refused_to_cache(client: Client, urls: list[str]) -> list[str]:
    """Each page must answer 200 and say ``private, no-store``; the ones that do not."""
    wrong = []
    for url in urls:
        response = client.get(url)
        if response.status_code != 200 or not is_private_no_store(response):
            wrong.append(f"{url} -> {response.status_code} {response.get('Cache-Control')!r}")
    return wrong


def test_every_learner_page_is_private_and_no_store(site):
    assert refused_to_cache(signed_in(site.learner), learner_pages(site)) == []


def test_the_community_photo_is_private_and_no_store(site):
    response = signed_in(site.learner).get(f"/community/posts/{site.post.pk}/photo/")

    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert is_private_no_store(response)
    assert "max-age=3600" not in response["Cache-Control"]  # the view's own hour is overruled


def test_the_assisted_sign_in_card_with_its_password_is_private_and_no_store(site):
    champion = signed_in(site.champion)
    response = champion.post(
        "/account/assisted/new/", {"display_name": "Pat", "password": "maple-kettle-otter-47"}
    )
    assert response.status_code == 302
    assert is_private_no_store(response)

    card = champion.get(response["Location"])
    assert card.status_code == 200
    assert "maple-kettle-otter-47" in card.content.decode()
    assert is_private_no_store(card)
    assisted_id = re.search(r"/assisted/(\d+)/card/", response["Location"]).group(1)
    assert (
        refused_to_cache(
            champion,
            [
                "/account/assisted/new/",
                "/champion/learners/",
                f"/champion/learners/{assisted_id}/",
                "/dashboard/",
                "/dashboard/csv/stalled/",
                "/my-learning/",
            ],
        )
        == []
    )


def test_dashboards_their_csv_and_the_export_zip_are_private_and_no_store(
    site, django_capture_on_commit_callbacks
):
    manager = signed_in(site.manager)
    csv = manager.get("/dashboard/csv/headline/")
    assert csv["Content-Type"].startswith("text/csv")
    assert is_private_no_store(csv)

    with django_capture_on_commit_callbacks(execute=True):  # the zip is built after commit
        asked = manager.post("/dashboard/exports/", {})
    assert asked.status_code == 302
    assert is_private_no_store(asked)
    detail_url = asked["Location"]
    zip_file = manager.get(f"{detail_url}download/")
    assert zip_file.status_code == 200
    assert zip_file["Content-Type"] == "application/zip"
    assert is_private_no_store(zip_file)

    assert refused_to_cache(manager, ["/dashboard/", "/dashboard/csv/centres/", detail_url]) == []


def test_staff_pages_and_the_admin_are_private_and_no_store(site):
    editor_pages = [
        "/admin/",
        f"/admin/pages/{site.course.pk}/",
        f"/admin/pages/{site.lesson.pk}/edit/",
    ]
    assert refused_to_cache(signed_in(site.editor), editor_pages) == []
    assert refused_to_cache(signed_in(site.moderator), ["/admin/community/moderation/"]) == []


def test_posting_a_form_when_signed_in_answers_private_and_no_store(site):
    learner = signed_in(site.learner)
    for url in (f"/events/{site.event.pk}/book/", f"/learning/lessons/{site.lesson.pk}/done/"):
        response = learner.post(url)
        assert response.status_code in (200, 302), url
        assert is_private_no_store(response), url


def test_a_visitors_own_progress_in_their_session_is_not_kept_either(site):
    visitor = Client()
    visitor.post(f"/learning/lessons/{site.lesson.pk}/done/")

    response = visitor.get(site.lesson.url)

    assert response.status_code == 200
    assert is_private_no_store(response)


def test_public_pages_for_visitors_are_not_marked_private(site):
    """The middleware leaves shareable pages alone: they are kept in the anonymous page cache."""
    for url in (site.course.url, site.lesson.url, "/courses/"):
        Client().get(url)
        response = Client().get(url)
        assert response["X-Page-Cache"] == "hit", url
        assert "private" not in cache_directives(response), url
    issuer = Client().get("/certificates/issuer.json")
    assert "public" in cache_directives(issuer)


def test_a_signed_in_visit_never_fills_the_anonymous_page_cache(site):
    response = signed_in(site.learner).get(site.lesson.url)

    assert "X-Page-Cache" not in response
    anonymous = RequestFactory().get(site.lesson.url)
    anonymous.user = AnonymousUser()
    assert page_cached_response(anonymous) is None


def test_public_pages_send_the_content_security_policy(site):
    visitor = Client()
    for url in public_pages(site):
        for attempt in ("first", "from the page cache"):
            response = visitor.get(url)
            assert response.status_code == 200, (url, attempt)
            policy = response.get("Content-Security-Policy", "")
            assert "default-src 'self'" in policy, (url, attempt)
            assert "object-src 'none'" in policy, (url, attempt)
