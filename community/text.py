"""What people type into posts, replies and reasons: kept exactly, made safe only when shown.

Nothing a person types is trusted, and nothing they type is thrown away. On the way in the text
is stored exactly as typed (:func:`text_clean` only trims spaces around it and makes every line
ending a plain newline), so "put <your name> here" stays "put <your name> here". On the way out
(:func:`text_render`) the text is escaped first; the HTML we then build from the escaped text —
links for web addresses, paragraphs and line breaks — goes through the site's one sanitiser as
the last defence, which allows only a few harmless tags, only http(s), mailto and tel links, and
gives every link rel="nofollow noopener noreferrer ugc".
"""

from django.utils.html import linebreaks, urlize

from training.core.sanitise import html_clean


def text_clean(value: str) -> str:
    """The text exactly as typed: spaces around it trimmed, line endings made ``\\n``."""
    return value.replace("\r\n", "\n").replace("\r", "\n").strip()


def text_render(value: str) -> str:
    """Safe HTML for the stored text ``value``: escaped text, linked web addresses, paragraphs."""
    # urlize with autoescape escapes every word (and each address it links): from here on we
    # only add our own tags around text that is already escaped.
    linked = urlize(value, trim_url_limit=60, nofollow=True, autoescape=True)
    return html_clean(linebreaks(linked, autoescape=False))
