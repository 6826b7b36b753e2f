"""Authors take down their own posts; nobody else can, and a hidden post stays for moderators."""

from django.core.files.uploadedfile import SimpleUploadedFile

import pytest

from community.models import ModerationAction, Post
from community.services import comment_create, content_hide
from tests.factories.community import PostFactory, image_bytes, member_add
from tests.factories.users import UserFactory
from training.core.models import ActivityEvent

pytestmark = pytest.mark.django_db


def test_the_author_deletes_their_post_with_its_photo_and_replies(
    signed_in, group, member, django_capture_on_commit_callbacks
):
    client = signed_in(member)
    client.post(
        f"/community/groups/{group.slug}/new-post/",
        {
            "text": "Our new benches",
            "photo": SimpleUploadedFile("p.jpg", image_bytes(), "image/jpeg"),
            "photo_description": "Two benches by the playground",
        },
    )
    post = Post.objects.get()
    comment_create(post=post, author=member_add(group).user, text="Lovely!")
    storage, name = post.photo.storage, post.photo.name

    page = client.get(post.get_absolute_url()).content.decode()
    assert f'href="/community/posts/{post.pk}/delete/">Delete my post</a>' in page
    confirm = client.get(f"/community/posts/{post.pk}/delete/").content.decode()
    assert "Yes, delete my post" in confirm and "Our new benches" in confirm
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/community/posts/{post.pk}/delete/", follow=True)

    assert response.redirect_chain[-1][0] == group.get_absolute_url()
    assert "Your post is deleted." in response.content.decode()
    assert not Post.objects.exists()
    assert not storage.exists(name)
    assert ActivityEvent.objects.filter(actor=member, verb="post.deleted").count() == 1


def test_nobody_else_can_delete_a_post(signed_in, group, member, moderator):
    post = PostFactory(group=group, author=member)
    for other in (member_add(group).user, UserFactory(), moderator):
        client = signed_in(other)
        assert client.get(f"/community/posts/{post.pk}/delete/").status_code == 403
        assert client.post(f"/community/posts/{post.pk}/delete/").status_code == 403
        assert "Delete my post" not in client.get(post.get_absolute_url()).content.decode()
    assert Post.objects.filter(pk=post.pk).exists()


def test_a_hidden_post_cannot_be_deleted_by_its_author(signed_in, group, member, moderator):
    post = PostFactory(group=group, author=member)
    content_hide(item=post, moderator=moderator, reason="Shares a phone number")
    client = signed_in(member)

    assert client.post(f"/community/posts/{post.pk}/delete/").status_code == 403
    assert Post.objects.filter(pk=post.pk).exists()
    assert ModerationAction.objects.filter(post=post).exists()
