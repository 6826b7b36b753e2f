"""Our own CSS and JS are collected without comments (issue 20: light pages on slow phones)."""

import gzip
import hashlib
import shutil
import subprocess
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage

import pytest

from training.core.static_files import (
    MinifiedCompressedManifestStaticFilesStorage,
    css_minify,
    js_minify,
)

OWN = Path(settings.BASE_DIR) / "static"


def _hash(content: bytes) -> str:
    """The part of a collected file's name that Django's manifest storage takes from its content."""
    return hashlib.md5(content, usedforsecurity=False).hexdigest()[:12]


def test_css_loses_comments_indentation_and_blank_lines_but_no_rule():
    css = """/* The header.
   Two lines of comment. */
.site-header {
  color: red; /* why red */

  margin: 0 auto;
}
"""
    assert css_minify(css) == ".site-header {\ncolor: red;\nmargin: 0 auto;\n}\n"


def test_css_with_a_comment_opening_inside_a_string_is_left_alone():
    css = '.a::before {\n  content: "/* not a comment */";\n}\n'
    assert css_minify(css) == css


def test_js_loses_whole_line_comments_and_indentation_only():
    js = """/* A file comment
 * over lines. */
(function () {
  "use strict";
  // Why we do this.
  var url = "http://example.org/"; // the address
  /* one line */
  var x = 1; /* kept: code shares the line */
  return url + x;
})();
"""
    assert js_minify(js) == (
        "(function () {\n"
        '"use strict";\n'
        'var url = "http://example.org/"; // the address\n'
        "var x = 1; /* kept: code shares the line */\n"
        "return url + x;\n"
        "})();\n"
    )


def test_js_with_a_template_literal_is_left_alone():
    js = "var a = `\n  // not a comment\n`;\n"
    assert js_minify(js) == js


def test_js_comment_ending_before_code_keeps_the_code():
    js = "/* a\n b */ var kept = 1;\n"
    assert js_minify(js) == "var kept = 1;\n"


@pytest.mark.skipif(shutil.which("node") is None, reason="needs Node.js to parse the scripts")
@pytest.mark.parametrize("script", sorted(OWN.glob("js/*.js")), ids=lambda path: path.name)
def test_every_minified_script_of_ours_still_parses(script, tmp_path):
    minified = tmp_path / script.name
    minified.write_text(js_minify(script.read_text()))
    result = subprocess.run(["node", "--check", str(minified)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_collecting_minifies_our_files_hashes_and_compresses_what_is_sent(tmp_path):
    own = FileSystemStorage(location=str(OWN))
    theirs_folder = tmp_path / "theirs"
    (theirs_folder / "js").mkdir(parents=True)
    (theirs_folder / "js" / "theirs.js").write_text("// their comment\nvar theirs = 1;\n")
    theirs = FileSystemStorage(location=str(theirs_folder))
    storage = MinifiedCompressedManifestStaticFilesStorage(location=str(tmp_path / "static"))
    paths = {
        "css/site.css": (own, "css/site.css"),
        "js/progress.js": (own, "js/progress.js"),
        "js/theirs.js": (theirs, "js/theirs.js"),
    }
    for name, (source, source_path) in paths.items():  # what collectstatic copies first
        with source.open(source_path) as handle:
            storage.save(name, handle)

    errors = [result for result in storage.post_process(paths) if isinstance(result[2], Exception)]

    assert errors == []
    for name in ("css/site.css", "js/progress.js"):
        original = (OWN / name).read_text()
        sent = Path(storage.path(storage.stored_name(name)))
        assert "/*" in original
        assert sent.read_text().count("/*") < original.count("/*")
        assert len(sent.read_text()) < len(original)
        # The compressed copy beside it is of the minified file, and the hash too.
        assert gzip.decompress(Path(f"{sent}.gz").read_bytes()).decode() == sent.read_text()
        # Named by the hash of what is sent, so browsers fetch it again when it changes.
        assert (
            hashlib.md5(original.encode(), usedforsecurity=False).hexdigest()[:12] not in sent.name
        )
    progress = Path(storage.path(storage.stored_name("js/progress.js")))
    assert (
        hashlib.md5(progress.read_bytes(), usedforsecurity=False).hexdigest()[:12] in progress.name
    )
    # Other apps' files (Wagtail's, Django's) are sent as they come.
    assert Path(storage.path(storage.stored_name("js/theirs.js"))).read_text() == (
        "// their comment\nvar theirs = 1;\n"
    )
    # The source files are never changed.
    assert "/*" in (OWN / "css" / "site.css").read_text()
