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
"""

import re
from pathlib import Path
from typing import Any

from django.conf import settings

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
