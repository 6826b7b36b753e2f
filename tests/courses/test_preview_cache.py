"""Issue 10, point 1: a preview never reads or writes a shared cache, so a draft never leaks.

An Editor or a Digital Champion previews a changed lesson in the admin. The preview must show
their draft, and nothing they preview may reach anyone else: not a signed-in learner (who gets the
lesson's shared fragment) and not an anonymous visitor (who gets the anonymous page cache).
"""

from django.contrib.auth.models import AnonymousUser
from django.test import Client, RequestFactory
from django.utils.text import slugify

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest

from courses.models import LessonPage
from tests.factories.courses import text_block
from training.core.page_cache import page_cached_response

pytestmark = pytest.mark.django_db

LIVE_TEXT = "Tap the green button to answer."
DRAFT_TEXT = "UNREVIEWED DRAFT: ring this number to win a prize."


@pytest.fixture
def lesson(course):
    """A lesson published the way editors publish: with a live revision."""
    lesson = LessonPage.objects.child_of(course).get(slug="why")
    lesson.body = [text_block(f"<p>{LIVE_TEXT}</p>")]
    lesson.save_revision().publish()
    lesson.refresh_from_db()
    assert lesson.live_revision_id is not None
    return lesson


def edit_form(lesson, body_text: str) -> dict:
    return nested_form_data(
        {
            "title": lesson.title,
            "slug": slugify(lesson.slug),
            "estimated_minutes": "5",
            "pass_mark_percent": "80",
            "body": streamfield([("text", rich_text(f"<p>{body_text}</p>"))]),
            "comments": inline_formset([]),
        }
    )


def admin_preview(client: Client, lesson, body_text: str) -> str:
    """Preview through Wagtail's own admin endpoint, as the editor's browser does."""
    url = f"/admin/pages/{lesson.pk}/edit/preview/"
    posted = client.post(url, edit_form(lesson, body_text))
    assert posted.status_code == 200
    assert posted.json()["is_valid"] is True
    response = client.get(url, {"mode": ""})
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("author", ["editor", "champion"])
def test_a_previewed_draft_is_not_shown_to_learners_or_visitors(request, lesson, learner, author):
    staff = Client()
    staff.force_login(request.getfixturevalue(author))

    preview = admin_preview(staff, lesson, DRAFT_TEXT)
    assert DRAFT_TEXT in preview  # the author sees their draft

    signed_in = Client()
    signed_in.force_login(learner)
    anonymous = Client()
    for visitor in (signed_in, anonymous, Client()):
        html = visitor.get(lesson.url).content.decode()
        assert DRAFT_TEXT not in html
        assert LIVE_TEXT in html


def test_a_preview_shows_the_draft_even_when_the_live_lesson_is_cached(lesson, learner, editor):
    """Reading the shared copy in a preview would show the editor the old text."""
    signed_in = Client()
    signed_in.force_login(learner)
    signed_in.get(lesson.url)  # the lesson's shared fragment is now cached
    Client().get(lesson.url)  # and the anonymous copy of the page

    staff = Client()
    staff.force_login(editor)
    preview = admin_preview(staff, lesson, DRAFT_TEXT)

    assert DRAFT_TEXT in preview
    assert LIVE_TEXT not in preview


def test_a_preview_does_not_write_the_anonymous_page_cache(lesson, editor):
    staff = Client()
    staff.force_login(editor)
    admin_preview(staff, lesson, DRAFT_TEXT)

    anonymous_request = RequestFactory().get(lesson.url)
    anonymous_request.user = AnonymousUser()
    assert page_cached_response(anonymous_request) is None
    first = Client().get(lesson.url)
    assert first["X-Page-Cache"] == "miss"
    assert DRAFT_TEXT not in first.content.decode()


def test_a_preview_with_no_session_does_not_read_the_anonymous_page_cache(lesson):
    """Wagtail's preview request runs the middleware; without a session it looks anonymous."""
    assert Client().get(lesson.url)["X-Page-Cache"] == "miss"  # the live copy is kept

    draft = LessonPage.objects.get(pk=lesson.pk)
    draft.body = [text_block(f"<p>{DRAFT_TEXT}</p>")]
    response = draft.make_preview_request()

    html = response.content.decode()
    assert DRAFT_TEXT in html
    assert "X-Page-Cache" not in response
    # …and it did not write it either: visitors still get the live copy.
    assert DRAFT_TEXT not in Client().get(lesson.url).content.decode()


def test_a_serve_preview_call_leaves_the_shared_fragment_alone(lesson, learner):
    draft = LessonPage.objects.get(pk=lesson.pk)
    draft.body = [text_block(f"<p>{DRAFT_TEXT}</p>")]
    preview_request = RequestFactory().get(lesson.url)
    preview_request.user = learner
    preview_request.is_preview = True
    preview_request.preview_mode = ""

    response = draft.serve_preview(preview_request, "")
    response.render()
    assert DRAFT_TEXT in response.content.decode()

    signed_in = Client()
    signed_in.force_login(learner)
    assert DRAFT_TEXT not in signed_in.get(lesson.url).content.decode()


def test_publishing_gives_the_lesson_fragment_a_new_key(lesson, learner, editor):
    """Shared fragments are keyed by the live revision: a publish is seen at once."""
    signed_in = Client()
    signed_in.force_login(learner)
    assert LIVE_TEXT in signed_in.get(lesson.url).content.decode()

    lesson.body = [text_block("<p>Newly published words.</p>")]
    revision = lesson.save_revision(user=editor)
    revision.publish()

    html = signed_in.get(lesson.url).content.decode()
    assert "Newly published words." in html
    assert LIVE_TEXT not in html
