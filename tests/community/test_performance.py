"""The group page and the feed make a fixed number of queries whatever the number of posts
(budget 15), measured at two sizes with equal counts; both are paginated."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from community.views import POSTS_PER_PAGE
from tests.factories.community import CommentFactory, GroupFactory, PostFactory, member_add
from tests.factories.events import EventFactory
from tests.factories.places import CommunityCentreFactory
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db

QUERY_BUDGET = 15


def fill(group, *, posts: int, comments_each: int) -> None:
    for number in range(posts):
        post = PostFactory(group=group, author=UserFactory(), body=f"Post number {number}")
        for _ in range(comments_each):
            CommentFactory(post=post)


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("url_of", ["group", "feed"])
def test_fixed_queries_at_two_sizes(client, url_of):
    reader = UserFactory()
    groups = [GroupFactory(), GroupFactory()]
    for group in groups:
        member_add(group, reader)
    client.force_login(reader)

    def url() -> str:
        return groups[0].get_absolute_url() if url_of == "group" else "/community/"

    fill(groups[0], posts=2, comments_each=1)
    client.get(url())  # the first page of a run fills the site-wide footer cache
    small = count_queries(client, url())
    for group in groups:
        fill(group, posts=POSTS_PER_PAGE + 5, comments_each=3)
    large = count_queries(client, url())
    second_page = count_queries(client, f"{url()}?page=2")

    assert small == large == second_page
    assert large <= QUERY_BUDGET
    print(f"{url_of}: {large} queries")  # noqa: T201 - shown with -s, for the README figures


def test_pages_show_a_page_of_posts_at_a_time(client):
    reader = UserFactory()
    group = GroupFactory()
    member_add(group, reader)
    fill(group, posts=POSTS_PER_PAGE + 3, comments_each=0)
    client.force_login(reader)
    for url in (group.get_absolute_url(), "/community/"):
        html = client.get(url).content.decode()
        assert html.count('class="post-card"') == POSTS_PER_PAGE
        assert "Page 1 of 2" in html and "Older posts" in html
        assert client.get(f"{url}?page=2").content.decode().count('class="post-card"') == 3


def test_post_page_queries_do_not_grow_with_replies(client):
    reader = UserFactory()
    group = GroupFactory()
    member_add(group, reader)
    post = PostFactory(group=group)
    CommentFactory(post=post)
    client.force_login(reader)
    client.get(post.get_absolute_url())  # fills the site-wide footer cache
    small = count_queries(client, post.get_absolute_url())
    for _ in range(20):
        CommentFactory(post=post)
    assert count_queries(client, post.get_absolute_url()) == small <= QUERY_BUDGET


def test_neighbourhood_page_queries_do_not_grow(client):
    centre = CommunityCentreFactory()
    place = centre.neighbourhood
    GroupFactory(neighbourhood=place)
    EventFactory(centre=centre)
    url = f"/community/neighbourhoods/{place.slug}/"
    client.get(url)
    small = count_queries(client, url)
    for _ in range(4):
        GroupFactory(neighbourhood=place)
        EventFactory(centre=CommunityCentreFactory(neighbourhood=place))
    assert count_queries(client, url) == small <= QUERY_BUDGET
