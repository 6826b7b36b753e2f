"""Posts and replies: who reads, who writes, who edits; replies tell the author; activity."""

import pytest

from community.models import Comment, Post, Status
from notifications.models import Notification
from tests.factories.community import CommentFactory, PostFactory, member_add
from training.core.models import ActivityEvent

pytestmark = pytest.mark.django_db


def test_a_member_posts_and_it_shows_in_the_group(signed_in, group, member):
    client = signed_in(member)
    response = client.post(
        f"/community/groups/{group.slug}/new-post/",
        {"text": "Bins go out on Tuesday.\n\nSee https://example.org/bins"},
        follow=True,
    )
    html = response.content.decode()
    assert "Your post is in the group." in html
    post = Post.objects.get()
    assert post.status == Status.PUBLISHED and post.author == member
    assert '<a href="https://example.org/bins" rel="nofollow noopener noreferrer ugc">' in html
    assert "Bins go out on Tuesday." in client.get(group.get_absolute_url()).content.decode()
    event = ActivityEvent.objects.get(verb="community.post.created")
    assert event.actor == member
    assert event.context["neighbourhood_id"] == group.neighbourhood_id


def test_outsiders_cannot_post(signed_in, group, outsider):
    client = signed_in(outsider)
    assert client.get(f"/community/groups/{group.slug}/new-post/").status_code == 403
    assert (
        client.post(f"/community/groups/{group.slug}/new-post/", {"text": "hi"}).status_code == 403
    )
    assert not Post.objects.exists()


def test_an_empty_post_gets_a_message_by_the_field(signed_in, group, member):
    response = signed_in(member).post(f"/community/groups/{group.slug}/new-post/", {"text": ""})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Write your post first. It cannot be empty." in html.split('id="id_text_error"')[1]


def test_outsiders_cannot_read_an_approval_only_groups_posts(
    client, signed_in, private_group, outsider
):
    post = PostFactory(group=private_group, body="Private news for carers only")
    comment = CommentFactory(post=post)
    client_out = signed_in(outsider)

    group_page = client_out.get(private_group.get_absolute_url())
    assert group_page.status_code == 200
    assert "Private news for carers only" not in group_page.content.decode()
    assert "for members only" in group_page.content.decode()
    refused = client_out.get(post.get_absolute_url())
    assert refused.status_code == 403
    assert "Only members of the group can read it." in refused.content.decode()
    assert "Private news" not in refused.content.decode()
    assert client_out.post(post.get_absolute_url(), {"text": "hi"}).status_code == 403
    assert client_out.get(f"/community/posts/{post.pk}/report/").status_code == 403
    assert client_out.get(f"/community/comments/{comment.pk}/report/").status_code == 403
    feed = client_out.get("/community/").content.decode()
    assert "Private news for carers only" not in feed


def test_members_of_an_approval_only_group_read_its_posts(signed_in, private_group):
    post = PostFactory(group=private_group, body="Private news for carers only")
    reader = member_add(private_group).user
    client = signed_in(reader)
    assert (
        "Private news for carers only"
        in client.get(private_group.get_absolute_url()).content.decode()
    )
    assert client.get(post.get_absolute_url()).status_code == 200
    assert "Private news for carers only" in client.get("/community/").content.decode()


def test_visitors_are_asked_to_sign_in(client, group):
    post = PostFactory(group=group, body="Hello from the estate")
    page = client.get(group.get_absolute_url()).content.decode()
    assert "Sign in to read and join" in page
    assert "Hello from the estate" not in page
    assert client.get(post.get_absolute_url()).status_code == 302


def test_nobody_but_the_author_edits_a_post(signed_in, group, member, owner, moderator):
    post = PostFactory(group=group, author=member, body="My first text")
    for other in (owner, moderator, member_add(group).user):
        client = signed_in(other)
        assert client.get(f"/community/posts/{post.pk}/edit/").status_code == 403
        response = client.post(f"/community/posts/{post.pk}/edit/", {"text": "Changed"})
        assert response.status_code == 403
    post.refresh_from_db()
    assert post.body == "My first text"

    client = signed_in(member)
    page = client.get(f"/community/posts/{post.pk}/edit/").content.decode()
    assert "My first text" in page
    client.post(f"/community/posts/{post.pk}/edit/", {"text": "My better text"})
    post.refresh_from_db()
    assert post.body == "My better text" and post.edited_at is not None


def test_a_reply_tells_the_post_author_and_is_recorded(signed_in, group, member):
    author = member_add(group).user
    post = PostFactory(group=group, author=author)
    response = signed_in(member).post(post.get_absolute_url(), {"text": "Thanks, see you there"})
    comment = Comment.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/community/posts/{post.pk}/#comment-{comment.pk}"

    notification = Notification.objects.get(recipient=author, kind="reply")
    assert notification.url == f"/community/posts/{post.pk}/#comment-{comment.pk}"
    assert member.name in notification.subject
    event = ActivityEvent.objects.get(verb="community.comment.created")
    assert event.actor == member and event.context["post_id"] == post.pk


def test_replying_to_your_own_post_tells_nobody(signed_in, group, member):
    post = PostFactory(group=group, author=member)
    signed_in(member).post(post.get_absolute_url(), {"text": "Also, bring a cup"})
    assert Comment.objects.count() == 1
    assert not Notification.objects.exists()


def test_an_empty_reply_keeps_the_page_and_says_why(signed_in, group, member):
    post = PostFactory(group=group)
    response = signed_in(member).post(post.get_absolute_url(), {"text": "   "})
    assert response.status_code == 200
    assert "Write your reply first." in response.content.decode()
    assert not Comment.objects.exists()


def test_non_members_of_an_open_group_read_but_cannot_reply(signed_in, group, outsider):
    post = PostFactory(group=group, body="Open news")
    client = signed_in(outsider)
    page = client.get(post.get_absolute_url()).content.decode()
    assert "Open news" in page and "Join Elm Court neighbours to reply." in page
    assert client.post(post.get_absolute_url(), {"text": "hi"}).status_code == 403
