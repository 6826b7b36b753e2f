"""The one place that cleans HTML. Everything else calls these functions.

What people type is stored exactly as typed and escaped when shown (``community.text``); the
HTML the site then builds around it (links, paragraphs) still passes through :func:`html_clean`
as the last defence.

We use nh3 (bindings to the Rust ``ammonia`` sanitiser), not bleach: bleach's maintainers
declared it unmaintained in 2026 with no further security releases.
"""

import nh3

# The HTML made from what people write in posts and replies: paragraphs and safe links.
USER_TAGS = {"a", "p", "br", "strong", "em", "ul", "ol", "li"}
USER_ATTRIBUTES = {"a": {"href", "title"}}
URL_SCHEMES = {"http", "https", "mailto", "tel"}


def html_clean(value: str) -> str:
    """Return ``value`` with everything but a few harmless tags and safe links removed."""
    return nh3.clean(
        value,
        tags=USER_TAGS,
        attributes=USER_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="nofollow noopener noreferrer ugc",
        strip_comments=True,
    )


def text_to_plain(value: str) -> str:
    """Strip every tag, keeping only the text (entities stay escaped). For HTML only: never use
    it on what people type, which is kept as typed."""
    return nh3.clean(value, tags=set(), attributes={})
