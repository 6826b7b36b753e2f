"""The demo community: a group per demo neighbourhood, topic groups, posts and photos, and
running it twice makes nothing twice."""

import io

from django.core.files.storage import storages

import pytest
from PIL import Image

from community.models import Comment, Group, Post, Status
from demo import community as demo
from demo import places as places_demo
from demo import users as users_demo

pytestmark = pytest.mark.django_db


def seed() -> None:
    out = io.StringIO()
    places_demo.demo_seed(stdout=out)
    users_demo.demo_seed(stdout=out)
    demo.demo_seed(stdout=out)


def test_demo_community_is_complete_and_seeded_once(client):
    seed()
    counts = (Group.objects.count(), Post.objects.count(), Comment.objects.count())
    seed()
    assert (Group.objects.count(), Post.objects.count(), Comment.objects.count()) == counts

    for slug in ("elm-court", "riverside", "hillview"):
        assert Group.objects.filter(neighbourhood__slug=slug).exists(), slug
    assert Group.objects.filter(neighbourhood__isnull=True).count() >= 2
    # The pre-moderated group's post is by its owner, so it did not wait for approval.
    assert Group.objects.filter(pre_moderate=True).exists()
    assert not Post.objects.exclude(status=Status.PUBLISHED).exists()

    photos = Post.objects.exclude(photo="")
    assert photos.count() == 2
    for post in photos:
        assert post.photo_description
        with storages["private"].open(post.photo.name) as stored, Image.open(stored) as image:
            assert image.format == "JPEG"

    client.login(username="tenant", password=users_demo.DEMO_PASSWORD)
    html = client.get("/community/").content.decode()
    assert "The new benches by the playground are in." in html
    assert "Elm Court neighbours" in html
