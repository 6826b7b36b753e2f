"""The community's part of "Download my data" and of deleting an account."""

from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile

import pytest

from community.models import Flag, Post
from community.selectors import community_export
from community.services import account_photos_delete
from tests.factories.community import CommentFactory, PostFactory, image_bytes

pytestmark = pytest.mark.django_db


def test_the_export_holds_groups_posts_replies_and_reports(group, member):
    post = PostFactory(group=group, author=member, body="My post")
    CommentFactory(post=post, author=member, body="My reply")
    Flag.objects.create(post=PostFactory(group=group), flagged_by=member, reason="Rude")

    data = community_export(person=member)

    assert data["groups"][0]["group"] == "Elm Court neighbours"
    assert [row["text"] for row in data["posts"]] == ["My post"]
    assert [row["text"] for row in data["replies"]] == ["My reply"]
    assert data["reports_made"][0]["reason"] == "Rude"


def test_deleting_an_account_deletes_its_photos(
    signed_in, group, member, django_capture_on_commit_callbacks
):
    signed_in(member).post(
        f"/community/groups/{group.slug}/new-post/",
        {
            "text": "Photo",
            "photo": SimpleUploadedFile("p.jpg", image_bytes(), "image/jpeg"),
            "photo_description": "A photo",
        },
    )
    name = Post.objects.get().photo.name
    assert storages["private"].exists(name)
    with django_capture_on_commit_callbacks(execute=True):
        account_photos_delete(person=member)
        member.delete()
    assert not storages["private"].exists(name)
    assert not Post.objects.exists()


def test_a_new_photo_replaces_the_old_one_in_storage(
    signed_in, group, member, django_capture_on_commit_callbacks
):
    client = signed_in(member)
    client.post(
        f"/community/groups/{group.slug}/new-post/",
        {
            "text": "Photo",
            "photo": SimpleUploadedFile("p.jpg", image_bytes(), "image/jpeg"),
            "photo_description": "A photo",
        },
    )
    post = Post.objects.get()
    old = post.photo.name
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/community/posts/{post.pk}/edit/",
            {
                "text": "Better photo",
                "photo": SimpleUploadedFile("q.png", image_bytes(image_format="PNG"), "image/png"),
                "photo_description": "A better photo",
            },
        )
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.photo.name != old and post.photo.name.endswith(".png")
    assert storages["private"].exists(post.photo.name) and not storages["private"].exists(old)
    assert post.photo_description == "A better photo"


def test_editing_a_post_with_a_photo_still_needs_its_description(signed_in, group, member):
    post = PostFactory(group=group, author=member, photo="community/photos/x.jpg")
    response = signed_in(member).post(
        f"/community/posts/{post.pk}/edit/", {"text": "New words", "photo_description": ""}
    )
    assert response.status_code == 200
    assert "Describe your photo in a few words" in response.content.decode()
