"""One stylesheet (static/css/site.css) with its colours as design tokens, and the page frames that
load it: no page links another sheet, every community page extends the community frame."""

import re
from pathlib import Path

from django.conf import settings

CSS_DIR = Path(settings.BASE_DIR) / "static" / "css"
TEMPLATES = Path(settings.BASE_DIR) / "templates"
COLOUR = re.compile(r"#[0-9a-fA-F]{3,8}\b|\b(?:rgba?|hsla?)\(")


def site_css() -> tuple[str, str]:
    """The :root token block and everything after it."""
    text = (CSS_DIR / "site.css").read_text()
    root = re.search(r":root\s*\{.*?\}", text, re.S)
    return root.group(0), text[root.end() :]


def test_there_is_one_stylesheet():
    assert sorted(path.name for path in CSS_DIR.iterdir()) == ["site.css"]


def test_no_page_links_a_stylesheet_other_than_site_css():
    stray = {
        str(path.relative_to(TEMPLATES)): sheet
        for path in TEMPLATES.rglob("*.html")
        for sheet in re.findall(r"static '(css/[^']+)'", path.read_text())
        if sheet != "css/site.css"
    }
    assert stray == {}


def test_colours_are_design_tokens():
    tokens, rules = site_css()
    assert COLOUR.findall(rules) == []
    assert COLOUR.search(tokens)  # the literals live in the token block


def test_every_token_used_is_defined():
    tokens, rules = site_css()
    defined = set(re.findall(r"(--[a-z0-9-]+)\s*:", tokens))
    used = set(re.findall(r"var\((--[a-z0-9-]+)", rules))
    assert used - defined == set()


def test_web_pages_have_no_colour_attributes_outside_emails():
    stray = [
        str(path.relative_to(TEMPLATES))
        for path in TEMPLATES.rglob("*.html")
        if "email" not in path.relative_to(TEMPLATES).parts and COLOUR.search(path.read_text())
    ]
    assert stray == []


def test_every_community_page_extends_the_community_frame():
    pages = list((TEMPLATES / "community").glob("*.html"))
    frame = TEMPLATES / "community" / "base_community.html"
    assert frame in pages
    assert {
        path.name: path.read_text().splitlines()[0]
        for path in pages
        if path != frame
        and not path.read_text().startswith('{% extends "community/base_community.html" %}')
    } == {}
