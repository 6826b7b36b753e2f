"""A flood of posts or replies from one account is stopped, with a message beside the field."""

import pytest

from community.models import Comment, Post
from tests.factories.community import PostFactory

pytestmark = pytest.mark.django_db


def test_the_eleventh_post_in_an_hour_waits_and_keeps_what_was_typed(signed_in, group, member):
    client = signed_in(member)
    new_post = f"/community/groups/{group.slug}/new-post/"
    for number in range(10):
        response = client.post(new_post, {"text": f"Post number {number}"})
        assert response.status_code == 302
    response = client.post(new_post, {"text": "One more thing about the bins"})

    assert response.status_code == 200
    html = response.content.decode()
    error = html.split('id="id_text_error"', 1)[1].split("</p>", 1)[0]
    assert "You have written a lot in the last hour" in error
    assert "One more thing about the bins" in html
    assert Post.objects.filter(author=member).count() == 10


def test_replies_have_their_own_larger_limit(signed_in, group, member):
    post = PostFactory(group=group)
    client = signed_in(member)
    for number in range(40):
        assert client.post(post.get_absolute_url(), {"text": f"Reply {number}"}).status_code == 302
    response = client.post(post.get_absolute_url(), {"text": "And another"})

    assert "You have written a lot in the last hour" in response.content.decode()
    assert Comment.objects.filter(author=member).count() == 40
