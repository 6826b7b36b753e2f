"""The one pager (templates/components/pager.html): the same words on every list, links that keep
the other query parameters (filters, search words) and say which way they go (rel prev/next)."""

import re
from datetime import timedelta

from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import timezone

import pytest

from community.views import POSTS_PER_PAGE
from tests.factories.community import GroupFactory, PostFactory, member_add
from tests.factories.events import EventFactory
from tests.factories.users import UserFactory


def render_pager(query: str, page_number: int, **extra) -> str:
    request = RequestFactory().get(f"/list/?{query}")
    page = Paginator(range(30), 10).page(page_number)
    return render_to_string(
        "components/pager.html", {"page": page, "label": "More things", **extra}, request=request
    )


def links(html: str) -> dict[str, str]:
    return dict(re.findall(r'rel="(prev|next)" href="([^"]*)"', html))


def test_the_links_keep_the_other_query_parameters_and_change_only_the_page():
    html = render_pager("q=tea+room&kind=topic&kind=estate&page=2", 2)

    assert '<nav class="pager" aria-label="More things">' in html
    assert "Page 2 of 3" in html
    assert links(html) == {
        "prev": "?q=tea+room&amp;kind=topic&amp;kind=estate&amp;page=1",
        "next": "?q=tea+room&amp;kind=topic&amp;kind=estate&amp;page=3",
    }
    assert ">Previous page</a>" in html and ">Next page</a>" in html


def test_the_first_and_last_pages_have_one_link_and_a_single_page_has_no_pager():
    assert set(links(render_pager("", 1))) == {"next"}
    assert set(links(render_pager("page=3", 3))) == {"prev"}
    request = RequestFactory().get("/list/")
    single = render_to_string(
        "components/pager.html", {"page": Paginator(range(3), 10).page(1)}, request=request
    )
    assert "pager" not in single


def test_the_words_on_the_links_can_be_changed():
    html = render_pager("page=2", 2, previous_label="Newer posts", next_label="Older posts")
    assert ">Newer posts</a>" in html and ">Older posts</a>" in html


@pytest.mark.django_db
def test_the_events_list_pager_keeps_the_filter(client):
    start = timezone.now() + timedelta(days=1)
    for number in range(12):
        EventFactory(title=f"Event {number}", starts_at=start + timedelta(hours=number))

    html = client.get("/events/", {"neighbourhood": "", "page": 1}).content.decode()

    assert 'aria-label="More events"' in html
    assert links(html) == {"next": "?neighbourhood=&amp;page=2"}


@pytest.mark.django_db
def test_the_group_pager_says_newer_and_older_posts(client):
    reader = UserFactory()
    group = GroupFactory()
    member_add(group, reader)
    for number in range(POSTS_PER_PAGE + 1):
        PostFactory(group=group, author=UserFactory(), body=f"Post {number}")
    client.force_login(reader)

    first = client.get(group.get_absolute_url()).content.decode()
    second = client.get(group.get_absolute_url(), {"page": 2}).content.decode()

    assert 'aria-label="More posts in this group"' in first
    assert links(first) == {"next": "?page=2"} and ">Older posts</a>" in first
    assert links(second) == {"prev": "?page=1"} and ">Newer posts</a>" in second
