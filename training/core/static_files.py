"""Static files as production sends them: our own CSS and JavaScript without their comments.

Our stylesheets and scripts are written to be read, with long comments; a phone on a slow
connection pays for every byte of them (issue 20: at most 25 KB of HTML, CSS and JavaScript
for the heaviest lesson). ``collectstatic`` with
:class:`MinifiedCompressedManifestStaticFilesStorage` (``make run`` and production) takes the
comments and the indentation out of the site's own files (those under ``static/``, not
Wagtail's or Django's), then hashes and compresses them as
WhiteNoise does. The source files are unchanged.

Only what is certainly safe is taken out, line by line, so no statement changes:

- CSS: every ``/* … */`` comment, each line's leading spaces, and blank lines. (Our CSS has no
  string containing ``/*``: the storage checks and leaves such a file alone.)
- JavaScript: lines that hold only a comment (``// …``, or a ``/* … */`` that starts the line
  and ends its line), each line's leading spaces, and blank lines. Line breaks stay, so
  automatic semicolon insertion reads the code as before. A file with a template literal (a
  backtick: a string may then run over several lines) is left alone.

Files inlined in the page (``inline_static``): on slow 3G each file the first paint waits for
costs another round trip (400 ms and more), so the stylesheet, and the few lines that set the
reader's text size before the first paint, are written into the ``<head>`` of every page,
minified as ``collectstatic`` sends them. The Content-Security-Policy allows exactly those
texts by their SHA-256 hash (``inline_sources``, settings.CONTENT_SECURITY_POLICY_INLINE),
the same for every response, so whole pages can still be cached and shared (a per-response
nonce could not be). The text and its hash are read once per process (with DEBUG, again
whenever the source file changes).
"""

import base64
import functools
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.exceptions import ImproperlyConfigured
from django.utils.safestring import SafeString, mark_safe

from whitenoise.storage import CompressedManifestStaticFilesStorage

_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)


def css_minify(text: str) -> str:
    """``text`` without comments, indentation or blank lines; unchanged if a string in it
    could contain a comment's opening."""
    if re.search(r"[\"'][^\"'\n]*/\*", text):
        return text
    text = _CSS_COMMENT.sub("", text)
    lines = (line.strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line) + "\n"


def js_minify(text: str) -> str:
    """``text`` without whole-line comments, indentation or blank lines; unchanged if it has a
    template literal."""
    if "`" in text:
        return text
    kept: list[str] = []
    in_comment = False
    for raw in text.splitlines():
        line = raw.strip()
        if in_comment:
            end = line.find("*/")
            if end == -1:
                continue
            in_comment = False
            line = line[end + 2 :].strip()
        elif line.startswith("//"):
            continue
        elif line.startswith("/*"):
            end = line.find("*/", 2)
            if end == -1:
                in_comment = True
                continue
            rest = line[end + 2 :].strip()
            if rest:  # code after the comment on the same line: keep the line whole
                kept.append(line)
                continue
            line = ""
        if line:
            kept.append(line)
    return "\n".join(kept) + "\n"


MINIFIERS = {".css": css_minify, ".js": js_minify}


def own_static_folders() -> list[Path]:
    folders = []
    for entry in settings.STATICFILES_DIRS:
        folder = entry[1] if isinstance(entry, tuple | list) else entry
        folders.append(Path(folder).resolve())
    return folders


class MinifiedCompressedManifestStaticFilesStorage(CompressedManifestStaticFilesStorage):
    """WhiteNoise's hashed, compressed storage; the site's own CSS and JS minified first."""

    def post_process(self, paths: dict[str, Any], dry_run: bool = False, **options: Any):
        if not dry_run:
            paths = dict(paths)
            own = own_static_folders()
            for name, (source_storage, source_path) in paths.items():
                minify = MINIFIERS.get(Path(name).suffix)
                location = getattr(source_storage, "location", None)
                if minify is None or location is None or Path(location).resolve() not in own:
                    continue
                with source_storage.open(source_path) as source:
                    original = source.read().decode("utf-8")
                smaller = minify(original)
                if len(smaller) < len(original):
                    Path(self.path(name)).write_text(smaller, encoding="utf-8")
                    # Django hashes and copies from the source storage: make it the collected
                    # (minified) copy, so the hash and the compressed files are of what is sent.
                    paths[name] = (self, name)
        yield from super().post_process(paths, dry_run, **options)


# --- Files inlined in the page ----------------------------------------------------------------

_INLINE_TAGS = {".css": "style", ".js": "script"}


@dataclass(frozen=True)
class InlineFile:
    text: str  # as it goes between <style> and </style> (or <script> and </script>)
    tag: str  # "style" or "script"
    source: str  # "'sha256-…'", the Content-Security-Policy source that allows exactly it
    html: SafeString  # the whole element, made once: pages only copy it


def inline_static(*, name: str) -> InlineFile:
    """The static file ``name`` (``css/site.css``) to write into a page: minified as
    ``collectstatic`` sends it, and its hash for the Content-Security-Policy.

    Only files listed in settings.CONTENT_SECURITY_POLICY_INLINE, so none can be inlined
    without the policy allowing it. Read once per process; with DEBUG, again if the file
    changes (a developer's edit shows without a restart).
    """
    if name not in _inline_names():
        raise ImproperlyConfigured(
            f"{name} is not in settings.CONTENT_SECURITY_POLICY_INLINE: the page may not inline it"
        )
    if not settings.DEBUG:
        return _inline_once(name=name)
    return _inline_found(name=name)


@functools.cache
def _inline_once(*, name: str) -> InlineFile:
    return _inline_found(name=name)


def _inline_found(*, name: str) -> InlineFile:
    path = finders.find(name)
    if isinstance(path, str):
        return _inline_read(name=name, path=path, modified=Path(path).stat().st_mtime_ns)
    return _inline_read(name=name, path="", modified=0)  # only the collected copy is here


def inline_sources() -> dict[str, list[str]]:
    """Per Content-Security-Policy directive, the hash sources of the files pages inline."""
    policy = getattr(settings, "CONTENT_SECURITY_POLICY_INLINE", {})
    return {
        directive: [inline_static(name=name).source for name in names]
        for directive, names in policy.items()
    }


def _inline_names() -> set[str]:
    policy = getattr(settings, "CONTENT_SECURITY_POLICY_INLINE", {})
    return {name for names in policy.values() for name in names}


@functools.cache
def _inline_read(*, name: str, path: str, modified: int) -> InlineFile:
    suffix = Path(name).suffix
    tag = _INLINE_TAGS.get(suffix)
    if tag is None:
        raise ImproperlyConfigured(f"Only CSS and JavaScript can be inlined, not {name}")
    if path:
        text = MINIFIERS[suffix](Path(path).read_text(encoding="utf-8"))
    else:  # collected (so already minified: minifying again changes nothing)
        with staticfiles_storage.open(name) as collected:
            text = MINIFIERS[suffix](collected.read().decode("utf-8"))
    if f"</{tag}" in text.lower() or "<!--" in text:
        raise ImproperlyConfigured(f"{name} cannot be inlined: it would end its <{tag}> early")
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
    # Our own file, checked above not to close its tag early: nothing to escape.
    html = mark_safe(f"<{tag}>{text}</{tag}>")  # noqa: S308
    return InlineFile(text=text, tag=tag, source=f"'sha256-{digest}'", html=html)
