"""Checks that a rendered page carries nothing executable that came from user text."""

import re
from html.parser import HTMLParser

# Tags that run code, load things, or restyle the page; none is on our community pages.
FORBIDDEN_TAGS = {
    "script", "iframe", "object", "embed", "svg", "math", "style", "meta", "base", "frame",
    "frameset", "link", "applet", "bgsound", "isindex", "keygen", "template", "video", "audio",
    "source", "marquee", "details", "noscript",
}  # fmt: skip
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "background", "lowsrc", "dynsrc"}
BAD_SCHEMES = ("javascript:", "vbscript:", "data:")
_INVISIBLE = re.compile(r"[\s\x00-\x1f]+")


class _BodyChecker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.in_body = False
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        if tag == "body":
            self.in_body = True
            return
        if not self.in_body:
            return
        if tag in FORBIDDEN_TAGS:
            self.problems.append(f"<{tag}> element")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"{name}= attribute on <{tag}>")
            if name == "style":
                self.problems.append(f"style= attribute on <{tag}>")
            if name in URL_ATTRIBUTES and value:
                url = _INVISIBLE.sub("", value).lower()
                if url.startswith(BAD_SCHEMES):
                    self.problems.append(f"{name}={value!r} on <{tag}>")

    handle_startendtag = handle_starttag


def page_problems(html: str) -> list[str]:
    checker = _BodyChecker()
    checker.feed(html)
    checker.close()
    return checker.problems


def payloads() -> list[str]:
    from pathlib import Path

    text = (Path(__file__).parent / "xss_payloads.txt").read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip()]
