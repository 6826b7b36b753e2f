"""What people type is stored exactly as typed (only surrounding spaces trimmed and line endings
made one kind) and escaped when shown: "put <your name> here" is never stored as "put  here".

Covers posts, replies, a moderator's edit, report reasons, a moderator's hide reason and a group
organiser's decline reason; and the emails that quote a reason carry the exact words."""

from django.core import mail
from django.utils.html import escape

import pytest

from community.models import Comment, Flag, ModerationAction, Post, Status
from community.text import text_clean, text_render
from notifications.models import Notification
from tests.community.html_safety import page_problems
from tests.factories.community import CommentFactory, GroupFactory, PostFactory, member_add

pytestmark = pytest.mark.django_db

LINK = (
    '<a href="https://example.org/repairs?a=1&amp;b=2" rel="nofollow noopener noreferrer ugc">'
    "https://example.org/repairs?a=1&amp;b=2</a>"
)

# (what is typed, what is stored, what the page must contain)
SAMPLES = [
    ("put <your name> here", "put <your name> here", "put &lt;your name&gt; here"),
    ("a < b > c", "a < b > c", "a &lt; b &gt; c"),
    (
        "<script>alert(1)</script>",
        "<script>alert(1)</script>",
        "&lt;script&gt;alert(1)&lt;/script&gt;",
    ),
    ("Tom & Jerry", "Tom & Jerry", "Tom &amp; Jerry"),
    (
        "Read https://example.org/repairs?a=1&b=2 first",
        "Read https://example.org/repairs?a=1&b=2 first",
        f"Read {LINK} first",
    ),
    (
        "  Line one <b>\r\nline two\r\n\r\nNew bit & more \n ",
        "Line one <b>\nline two\n\nNew bit & more",
        "<p>Line one &lt;b&gt;<br>line two</p>\n\n<p>New bit &amp; more</p>",
    ),
]
IDS = ["angle-brackets", "less-greater", "script", "ampersand", "link", "lines"]


def _shown(client, url: str, *, admin: bool = False) -> str:
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    if not admin:  # the admin has scripts of its own
        assert page_problems(html) == []
    assert "<script>alert(1)</script>" not in html
    assert "<b>" not in html
    return html


def _first_line(stored: str) -> str:
    """The first line of some stored text as it must appear on a page: escaped."""
    return escape(stored.split("\n")[0])


# --- The two functions ---------------------------------------------------------------------


@pytest.mark.parametrize(("typed", "stored", "shown"), SAMPLES, ids=IDS)
def test_text_is_kept_as_typed_and_rendered_escaped(typed, stored, shown):
    assert text_clean(typed) == stored
    assert shown in text_render(stored)
    assert "<script" not in text_render(stored)


# --- Posts, replies, a moderator's edit -----------------------------------------------------


@pytest.mark.parametrize(("typed", "stored", "shown"), SAMPLES, ids=IDS)
def test_a_post_is_stored_exactly_and_shown_escaped(signed_in, group, member, typed, stored, shown):
    client = signed_in(member)
    response = client.post(f"/community/groups/{group.slug}/new-post/", {"text": typed})
    assert response.status_code == 302
    post = Post.objects.get()
    assert post.body == stored
    assert shown in _shown(client, post.get_absolute_url())
    assert shown in _shown(client, group.get_absolute_url())
    assert shown in _shown(client, "/community/")
    # The author's edit box holds the stored text, escaped once (never &amp;lt;).
    edit = _shown(client, f"/community/posts/{post.pk}/edit/")
    box = edit.split('name="text"', 1)[1].split(">", 1)[1].split("</textarea>", 1)[0]
    assert box == "\n" + escape(stored)


def test_editing_a_post_keeps_what_is_typed(signed_in, group, member):
    post = PostFactory(group=group, author=member, body="Old text")
    client = signed_in(member)
    response = client.post(f"/community/posts/{post.pk}/edit/", {"text": "put <your name> here"})
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.body == "put <your name> here"
    assert "put &lt;your name&gt; here" in _shown(client, post.get_absolute_url())


@pytest.mark.parametrize(("typed", "stored", "shown"), SAMPLES, ids=IDS)
def test_a_reply_is_stored_exactly_and_shown_escaped(
    signed_in, group, member, typed, stored, shown
):
    post = PostFactory(group=group)
    client = signed_in(member)
    response = client.post(post.get_absolute_url(), {"text": typed})
    assert response.status_code == 302
    assert Comment.objects.get().body == stored
    assert shown in _shown(client, post.get_absolute_url())


def test_a_post_of_only_spaces_is_refused_with_a_message(signed_in, group, member):
    response = signed_in(member).post(
        f"/community/groups/{group.slug}/new-post/", {"text": "  \r\n  "}
    )
    assert response.status_code == 200
    assert "Write your post first. It cannot be empty." in response.content.decode()
    assert not Post.objects.exists()


QUEUE = "/admin/community/moderation/"


def test_a_moderators_edit_keeps_what_is_typed(client, moderator, group):
    post = PostFactory(group=group, body="Call me on 07700 900123")
    client.force_login(moderator)
    client.post(
        f"{QUEUE}post/{post.pk}/",
        {"action": "edit", "edit-text": "Call <the office>", "edit-reason": "A & B"},
    )
    post.refresh_from_db()
    assert post.body == "Call <the office>"
    assert "Call &lt;the office&gt;" in post.body_html


# --- Report reasons and moderation reasons ------------------------------------------------


@pytest.mark.parametrize(("typed", "stored", "shown"), SAMPLES, ids=IDS)
def test_a_report_reason_is_stored_exactly_and_shown_escaped_to_moderators(
    client, group, moderator, typed, stored, shown
):
    post = PostFactory(group=group)
    reporter = member_add(group).user
    client.force_login(reporter)
    response = client.post(f"/community/posts/{post.pk}/report/", {"reason": typed})
    assert response.status_code == 302
    assert Flag.objects.get().reason == stored

    client.force_login(moderator)
    assert _first_line(stored) in _shown(client, f"{QUEUE}post/{post.pk}/", admin=True)


def test_a_reply_report_reason_is_stored_exactly(signed_in, group, member):
    comment = CommentFactory(post=PostFactory(group=group))
    response = signed_in(member).post(
        f"/community/comments/{comment.pk}/report/", {"reason": "put <your name> here"}
    )
    assert response.status_code == 302
    assert Flag.objects.get(comment=comment).reason == "put <your name> here"


@pytest.mark.parametrize(("typed", "stored", "shown"), SAMPLES, ids=IDS)
def test_a_moderators_hide_reason_is_stored_exactly_shown_escaped_and_emailed_exactly(
    client, group, moderator, django_capture_on_commit_callbacks, typed, stored, shown
):
    post = PostFactory(group=group, body="Something")
    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{QUEUE}post/{post.pk}/", {"action": "hide", "hide-reason": typed})
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.status == Status.HIDDEN
    assert post.hidden_reason == stored
    assert ModerationAction.objects.get(post=post).reason == stored

    # The author sees the reason escaped beside their hidden post.
    client.force_login(post.author)
    assert _first_line(stored) in _shown(client, post.get_absolute_url())
    assert _first_line(stored) in _shown(client, "/account/notifications/")

    # The plain-text email carries the exact words; its HTML part escapes them.
    assert stored in Notification.objects.get(recipient=post.author).body
    (email,) = mail.outbox
    assert stored in email.body
    html_part = email.alternatives[0][0]
    assert _first_line(stored) in html_part
    assert "<script>alert(1)</script>" not in html_part


def test_an_organisers_decline_reason_is_stored_exactly_shown_escaped_and_emailed_exactly(
    signed_in, django_capture_on_commit_callbacks
):
    group = GroupFactory(pre_moderate=True)
    author = member_add(group).user
    organiser = member_add(group, role="owner").user
    post = PostFactory(group=group, author=author, body="Selling my sofa", status=Status.PENDING)
    reason = "Please <don't> sell here & use the noticeboard\r\nThanks"
    with django_capture_on_commit_callbacks(execute=True):
        response = signed_in(organiser).post(
            f"/community/posts/{post.pk}/decline/", {"reason": reason}
        )
    assert response.status_code == 302
    post.refresh_from_db()
    exact = "Please <don't> sell here & use the noticeboard\nThanks"
    assert post.hidden_reason == exact

    html = _shown(signed_in(author), post.get_absolute_url())
    assert "Please &lt;don&#x27;t&gt; sell here &amp; use the noticeboard<br>Thanks" in html
    (email,) = mail.outbox
    assert exact in email.body
