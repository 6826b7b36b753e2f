"""A corpus of known XSS payloads (xss_payloads.txt), posted as post text, reply text and photo
description:
none reaches any page unescaped or executable: no script-like elements, no on…= or style=
attributes, no javascript:/vbscript:/data: addresses, whether the text is accepted (and kept
exactly as typed) or the form comes back with an error and the typed text kept."""

from django.core.files.uploadedfile import SimpleUploadedFile

import pytest

from community.models import Comment, Post
from community.text import text_clean, text_render
from tests.community.html_safety import page_problems, payloads
from tests.factories.community import PostFactory, image_bytes

pytestmark = pytest.mark.django_db

PAYLOADS = payloads()


def test_the_corpus_has_at_least_fifty_payloads():
    assert len(PAYLOADS) >= 50


def test_our_own_pages_pass_the_check(signed_in, group, member):
    post = PostFactory(group=group, author=member, body="Hello https://example.org/")
    client = signed_in(member)
    for url in (post.get_absolute_url(), group.get_absolute_url(), "/community/"):
        assert page_problems(client.get(url).content.decode()) == []


def _served_page(client, response) -> str:
    if response.status_code == 302:
        response = client.get(response["Location"])
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payload_as_post_text_is_harmless(signed_in, group, member, payload):
    client = signed_in(member)
    response = client.post(f"/community/groups/{group.slug}/new-post/", {"text": payload})
    html = _served_page(client, response)
    assert page_problems(html) == [], payload
    post = Post.objects.first()
    if post is not None:
        assert post.body_html in html
        assert page_problems(client.get(group.get_absolute_url()).content.decode()) == []
        assert page_problems(client.get("/community/").content.decode()) == []
        # The author's edit form shows the stored text, escaped.
        edit = client.get(f"/community/posts/{post.pk}/edit/").content.decode()
        assert page_problems(edit) == [], payload


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payload_as_reply_text_is_harmless(signed_in, group, member, payload):
    post = PostFactory(group=group)
    client = signed_in(member)
    response = client.post(post.get_absolute_url(), {"text": payload})
    html = _served_page(client, response)
    assert page_problems(html) == [], payload
    comment = Comment.objects.first()
    if comment is not None:
        assert comment.body_html in html


def test_links_are_made_safe_and_marked_as_user_content():
    html = text_render(text_clean("See https://example.org/repairs?a=1&b=2 or www.example.org"))
    assert 'href="https://example.org/repairs?a=1&amp;b=2"' in html
    assert html.count('rel="nofollow noopener noreferrer ugc"') == 2


def test_markup_is_kept_as_typed_and_escaped_when_shown():
    assert text_clean("<b>Bins</b> go out on <i>Tuesday</i> & 5 < 6") == (
        "<b>Bins</b> go out on <i>Tuesday</i> & 5 < 6"
    )
    assert text_clean("<script>alert(1)</script>Hi") == "<script>alert(1)</script>Hi"
    assert text_render("<script>alert(1)</script>Hi") == (
        "<p>&lt;script&gt;alert(1)&lt;/script&gt;Hi</p>"
    )
    assert text_render("5 < 6 & 7 > 3") == "<p>5 &lt; 6 &amp; 7 &gt; 3</p>"


def test_a_post_of_only_markup_is_kept_as_text_and_shown_escaped(signed_in, group, member):
    client = signed_in(member)
    response = client.post(
        f"/community/groups/{group.slug}/new-post/", {"text": "<script>alert(1)</script>"}
    )
    html = _served_page(client, response)
    assert Post.objects.get().body == "<script>alert(1)</script>"
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert page_problems(html) == []


def test_the_check_finds_what_it_looks_for():
    page = (
        '<html><body><img src=x onerror=alert(1)><a href=" JaVa\tScript:alert(1)">x</a>'
        '<svg></svg><p style="color:red">x</p></body></html>'
    )
    assert len(page_problems(page)) == 4


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payload_as_photo_description_is_harmless(signed_in, group, member, payload):
    client = signed_in(member)
    upload = SimpleUploadedFile("p.png", image_bytes(size=(8, 8), image_format="PNG"))
    response = client.post(
        f"/community/groups/{group.slug}/new-post/",
        {"text": "A photo", "photo": upload, "photo_description": payload[:250]},
    )
    html = _served_page(client, response)
    assert page_problems(html) == [], payload
    assert page_problems(client.get(group.get_absolute_url()).content.decode()) == []
