"""Turn what someone typed into a post or comment into safe HTML: plain text with safe links.

Nothing a person types is trusted. On the way in, any markup is removed (:func:`text_clean`);
the text is then escaped, its web addresses made into links, its lines into paragraphs, and the
result passed through the site's one sanitiser, which allows only a few harmless tags, only
http(s), mailto and tel links, and gives every link rel="nofollow noopener noreferrer ugc".
"""

import html

from django.utils.html import linebreaks, urlize

from training.core.sanitise import html_clean, text_to_plain


def text_clean(value: str) -> str:
    """The text as typed, with any markup stripped (scripts and their contents go entirely)."""
    return html.unescape(text_to_plain(value.replace("\r\n", "\n"))).strip()


def text_render(value: str) -> str:
    """Safe HTML for ``value``: escaped text, linked web addresses, paragraphs."""
    linked = urlize(value, trim_url_limit=60, nofollow=True, autoescape=True)
    return html_clean(linebreaks(linked, autoescape=False))
