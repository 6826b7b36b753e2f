"""Wagtail rich text ↔ the small Markdown of course files, both ways.

Rich text in Wagtail is a subset of HTML: ``p``, ``h2``–``h4``, ``b``/``strong``, ``i``/``em``,
``a href``, ``ul``/``ol``/``li`` and ``br``. Course files write it as Markdown:

- paragraphs are separated by a blank line; lines of one paragraph are joined with a space;
- ``## Heading`` (two to four ``#``), ``- item`` and ``1. item`` lists (one line an item);
- ``**bold**``, ``*italic*``, ``[words](https://address)``; a line ending in ``\\`` breaks;
- a backslash before any punctuation keeps it as it is: ``\\*`` is a star.

Markdown → HTML → Markdown gives back the same text once it is written the way
``html_to_markdown`` writes it (tight lists, one paragraph a line, ``**`` and ``*``).
"""

import re
from html import escape
from html.parser import HTMLParser

__all__ = ["html_tags", "html_to_markdown", "markdown_to_html"]

_HEADING = re.compile(r"^(#{2,4}) +(.*)$")
_BULLET = re.compile(r"^[-*] +(.*)$")
_NUMBERED = re.compile(r"^\d+\. +(.*)$")
_LINE_START_SPECIAL = re.compile(r"^(#|[-+>?:(]|\d+\.\s)")
_INLINE_SPECIAL = re.compile(r"([\\*\[\]])")
_BLOCK_TAGS = {"p", "h2", "h3", "h4", "ul", "ol"}


# Markdown → HTML ---------------------------------------------------------------------------


def _closing(text: str, start: int, marker: str) -> int:
    """Where the unescaped ``marker`` closing a span that starts at ``start`` is, or -1."""
    position = start
    while position < len(text):
        if text[position] == "\\":
            position += 2
            continue
        if text.startswith(marker, position):
            if marker == "*" and text.startswith("**", position):
                end = _closing(text, position + 2, "**")
                if end < 0:
                    return -1
                position = end + 2
                continue
            return position
        position += 1
    return -1


def _inline(text: str) -> str:
    out: list[str] = []
    position = 0
    while position < len(text):
        char = text[position]
        if char == "\\" and position + 1 < len(text):
            out.append(escape(text[position + 1], quote=False))
            position += 2
            continue
        for marker, tag in (("**", "b"), ("*", "i")):
            if text.startswith(marker, position):
                end = _closing(text, position + len(marker), marker)
                if end > position + len(marker):
                    inner = _inline(text[position + len(marker) : end])
                    out.append(f"<{tag}>{inner}</{tag}>")
                    position = end + len(marker)
                    break
        else:
            if char == "[":
                label_end = _closing(text, position + 1, "]")
                if label_end > 0 and text.startswith("(", label_end + 1):
                    href_end = text.find(")", label_end + 2)
                    if href_end > 0:
                        href = text[label_end + 2 : href_end].strip()
                        label = _inline(text[position + 1 : label_end])
                        out.append(f'<a href="{escape(href)}">{label}</a>')
                        position = href_end + 1
                        continue
            out.append(escape(char, quote=False))
            position += 1
    return "".join(out)


def _paragraph(lines: list[str]) -> str:
    parts = []
    for index, line in enumerate(lines):
        last = index == len(lines) - 1
        if line.endswith("\\") and not line.endswith("\\\\") and not last:
            parts.append(_inline(line[:-1].strip()) + "<br/>")
        else:
            parts.append(_inline(line.strip()) + ("" if last else " "))
    return "".join(parts)


def markdown_to_html(text: str) -> str:
    """Wagtail rich text HTML for a piece of course-file Markdown."""
    html: list[str] = []
    paragraph: list[str] = []
    items: list[str] = []
    list_tag = ""

    def flush() -> None:
        nonlocal list_tag
        if paragraph:
            html.append(f"<p>{_paragraph(paragraph)}</p>")
            paragraph.clear()
        if items:
            entries = "".join(f"<li>{item}</li>" for item in items)
            html.append(f"<{list_tag}>{entries}</{list_tag}>")
            items.clear()
            list_tag = ""

    for raw in text.splitlines():
        line = raw.rstrip()
        heading = _HEADING.match(line)
        bullet = _BULLET.match(line)
        numbered = _NUMBERED.match(line)
        if not line.strip():
            flush()
        elif heading:
            flush()
            level = len(heading.group(1))
            html.append(f"<h{level}>{_inline(heading.group(2).strip())}</h{level}>")
        elif bullet or numbered:
            tag = "ul" if bullet else "ol"
            if paragraph or (items and tag != list_tag):
                flush()
            list_tag = tag
            items.append(_inline((bullet or numbered).group(1).strip()))
        elif items and raw.startswith(" "):
            items[-1] += " " + _inline(line.strip())
        else:
            if items:
                flush()
            paragraph.append(line)
    flush()
    return "".join(html)


# HTML → Markdown ---------------------------------------------------------------------------


class _Tree(HTMLParser):
    """Reads rich text HTML into nested ``(tag, attrs, children)`` tuples and strings."""

    VOID = {"br", "img", "embed", "hr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root: list = []
        self.stack: list[list] = [self.root]
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        node = (tag, dict(attrs), [])
        self.stack[-1].append(node)
        self.tags.append(tag)
        if tag not in self.VOID:
            self.stack.append(node[2])

    def handle_startendtag(self, tag, attrs):
        self.stack[-1].append((tag, dict(attrs), []))
        self.tags.append(tag)

    def handle_endtag(self, tag):
        if tag not in self.VOID and len(self.stack) > 1:
            self.stack.pop()

    def handle_data(self, data):
        self.stack[-1].append(data)


def _parse(html: str) -> _Tree:
    tree = _Tree()
    tree.feed(html or "")
    tree.close()
    return tree


def html_tags(html: str) -> set[str]:
    """Every tag used in a piece of HTML."""
    return set(_parse(html).tags)


def _md_inline(nodes: list, *, link_href) -> str:
    out = []
    for node in nodes:
        if isinstance(node, str):
            out.append(_INLINE_SPECIAL.sub(r"\\\1", " ".join(node.split("\n"))))
            continue
        tag, attrs, children = node
        inner = _md_inline(children, link_href=link_href)
        if tag in {"b", "strong"}:
            out.append(f"**{inner}**" if inner.strip() else inner)
        elif tag in {"i", "em"}:
            out.append(f"*{inner}*" if inner.strip() else inner)
        elif tag == "a":
            out.append(f"[{inner}]({link_href(attrs)})")
        elif tag == "br":
            out.append("\\\n")
        else:
            out.append(inner)
    return "".join(out)


def _line_start(text: str) -> str:
    """Keep a paragraph that starts like a heading, list or block from being read as one."""
    match = _LINE_START_SPECIAL.match(text)
    if not match:
        return text
    if match.group(1)[0].isdigit():
        dot = text.index(".")
        return text[:dot] + "\\" + text[dot:]
    return "\\" + text


def _default_href(attrs: dict) -> str:
    return attrs.get("href", "")


def html_to_markdown(html: str, *, link_href=_default_href) -> str:
    """Course-file Markdown for a piece of Wagtail rich text HTML.

    ``link_href(attrs)`` gives the address for a link (e.g. the address of an internal page).
    """
    blocks: list[str] = []
    loose: list = []

    def inline(nodes) -> str:
        return _md_inline(nodes, link_href=link_href).strip()

    def flush_loose() -> None:
        text = inline(loose)
        if text:
            blocks.append(_line_start(text))
        loose.clear()

    for node in _parse(html).root:
        tag = node[0] if isinstance(node, tuple) else None
        if tag not in _BLOCK_TAGS:
            loose.append(node)
            continue
        flush_loose()
        _tag, _attrs, children = node
        if tag == "p":
            text = inline(children)
            if text:
                blocks.append(_line_start(text))
        elif tag in {"h2", "h3", "h4"}:
            blocks.append("#" * int(tag[1]) + " " + inline(children))
        else:
            entries = [child for child in children if isinstance(child, tuple)]
            lines = []
            for number, (_li, _a, li_children) in enumerate(entries, start=1):
                marker = "-" if tag == "ul" else f"{number}."
                lines.append(f"{marker} {inline(li_children)}")
            blocks.append("\n".join(lines))
    flush_loose()
    return "\n\n".join(blocks)
