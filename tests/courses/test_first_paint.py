"""Nothing but the page itself before the first paint (issue 20: slow phones).

The stylesheet, and on course pages the few lines that set the reader's text size, are written
into the page's <head>, allowed by their SHA-256 hash in the Content-Security-Policy, the same
hash for every response (so cached pages stay valid). Every script file is deferred.
"""

import base64
import hashlib
import re
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.template import Context, Template

import pytest

from training.core.static_files import css_minify, inline_static

OWN = Path(settings.BASE_DIR) / "static"


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def _directive(policy: str, name: str) -> list[str]:
    for part in policy.split(";"):
        words = part.split()
        if words and words[0] == name:
            return words[1:]
    raise AssertionError(f"no {name} in {policy}")


def _inline(html: str, tag: str) -> list[str]:
    return re.findall(rf"<{tag}>(.*?)</{tag}>", html, re.S)


def test_the_home_page_carries_its_stylesheet_allowed_by_its_hash(client, db):
    response = client.get("/")
    html = response.content.decode()

    assert 'rel="stylesheet"' not in html  # no file for the first paint to wait for
    styles = _inline(html, "style")
    assert styles == [css_minify((OWN / "css" / "site.css").read_text())]
    assert ".site-header" in styles[0] and "/*" not in styles[0]
    policy = response.headers["Content-Security-Policy"]
    assert _directive(policy, "style-src") == ["'self'", _sha256(styles[0])]
    # No inline script on a page that does not need one: script-src allows only the text-size
    # lines of course pages, by their hash; nothing else inline would run.
    assert _inline(html, "script") == []
    assert "'unsafe-inline'" not in policy


def test_a_lesson_paints_without_waiting_for_any_file(client, lessons):
    response = client.get(lessons[1].url)
    html = response.content.decode()
    head = html.split("</head>")[0]

    assert 'rel="stylesheet"' not in html
    scripts = re.findall(r"<script\b[^>]*\bsrc=[^>]*>", html)
    assert scripts, "the lesson's scripts were not found"
    assert all(re.search(r"\s(defer|async)[\s>]", tag) for tag in scripts), scripts
    assert '<script src="/static/js/reading-aids.js" defer>' in head
    (text_scale,) = _inline(head, "script")
    assert "homes-text-scale" in text_scale and "--text-scale" in text_scale
    policy = response.headers["Content-Security-Policy"]
    assert _directive(policy, "script-src") == ["'self'", _sha256(text_scale)]
    (style,) = _inline(head, "style")
    assert _sha256(style) in _directive(policy, "style-src")


def test_the_policy_and_the_page_are_the_same_on_every_response(client, lessons):
    first = client.get(lessons[0].url)
    second = client.get(lessons[0].url)  # from the anonymous page cache
    assert first["Content-Security-Policy"] == second["Content-Security-Policy"]
    assert _inline(first.content.decode(), "style") == _inline(second.content.decode(), "style")


def test_a_file_not_allowed_by_the_policy_cannot_be_inlined():
    with pytest.raises(ImproperlyConfigured, match="CONTENT_SECURITY_POLICY_INLINE"):
        inline_static(name="js/progress.js")
    with pytest.raises(ImproperlyConfigured):
        Template("{% load inline_static %}{% inline_static 'js/offline.js' %}").render(Context())


def test_an_edited_file_is_read_again_with_its_new_hash_while_developing(settings, tmp_path):
    from django.contrib.staticfiles import finders

    settings.DEBUG = True  # otherwise read once per process
    (tmp_path / "css").mkdir()
    sheet = tmp_path / "css" / "site.css"
    sheet.write_text("/* a comment */\nbody {\n  color: black;\n}\n")
    settings.STATICFILES_DIRS = [tmp_path]
    finders.get_finder.cache_clear()
    try:
        before = inline_static(name="css/site.css")
        assert before.text == "body {\ncolor: black;\n}\n"
        assert before.source == _sha256(before.text)
        sheet.write_text("body {\n  color: white;\n}\n")
        import os

        os.utime(sheet, ns=(1, 1))  # a different modification time, whatever the clock
        after = inline_static(name="css/site.css")
        assert after.text == "body {\ncolor: white;\n}\n"
        assert after.source != before.source
    finally:
        finders.get_finder.cache_clear()


def test_a_file_that_would_close_its_tag_early_is_refused(settings, tmp_path):
    from django.contrib.staticfiles import finders

    settings.DEBUG = True  # read now, not the copy this process already keeps
    (tmp_path / "css").mkdir()
    (tmp_path / "css" / "site.css").write_text('a::after { content: "</style>"; }\n')
    settings.STATICFILES_DIRS = [tmp_path]
    finders.get_finder.cache_clear()
    try:
        with pytest.raises(ImproperlyConfigured, match="end its"):
            inline_static(name="css/site.css")
    finally:
        finders.get_finder.cache_clear()
