"""Issue 17: every interface string is translated into every enabled language.

The test extracts the strings the code marks for translation today (Django's ``makemessages``,
the same command ``make messages`` runs) into a copy of ``locale/`` in a temporary folder, so
the real catalogues are never touched. After the merge, a string that is new, changed or only
roughly matched ("fuzzy") shows up untranslated in the copy. It then checks, for each language
in ``settings.LANGUAGES`` but English:

- every message has a translation, with every plural form filled (Polish has three);
- no translation is marked fuzzy;
- the placeholders (``%(name)s``, ``%s``, ``{name}``) of each translation match the English.

Both domains are checked: ``django`` (templates and Python) and ``djangojs`` (JavaScript), the
latter only when the JavaScript marks strings for translation.
"""

import hashlib
import os
import re
import subprocess
import sys
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings

import pytest

ROOT = Path(settings.BASE_DIR)
# What `make messages` leaves out (the Makefile's MESSAGES_IGNORE), and folders of our own.
LEFT_OUT = {".venv", "var", "staticfiles", "tests", "node_modules", "locale", "media"}
DOMAINS = ("django", "djangojs")
HOW_TO_FIX = (
    "Run `make messages`, then translate the strings listed (and compile: `make compilemessages`)."
)

# Placeholders a translation must keep: %(name)s and %s/%d (python-format), {name} (brace).
PERCENT = re.compile(r"%(?:\((?P<name>[^)]+)\))?[#0 +-]*\d*(?:\.\d+)?(?P<type>[sdifFeEgGxXorac%])")
BRACES = re.compile(r"(?<!\{)\{(?P<name>[A-Za-z_][A-Za-z0-9_]*)?(?:[!:][^{}]*)?\}(?!\})")


def enabled_languages() -> list[str]:
    english = {settings.LANGUAGE_CODE, "en", "en-gb", "en-us"}
    return [code for code, _name in settings.LANGUAGES if code not in english]


def locale_folder(code: str) -> str:
    from django.utils.translation import to_locale

    return to_locale(code)


# --- Reading .po files ---------------------------------------------------------------------------


@dataclass
class Entry:
    msgctxt: str | None = None
    msgid: str = ""
    msgid_plural: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    obsolete: bool = False

    @property
    def label(self) -> str:
        text = self.msgid if len(self.msgid) <= 90 else self.msgid[:87] + "..."
        return f"[{self.msgctxt}] {text!r}" if self.msgctxt else repr(text)


ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}


def _unquote(line: str) -> str:
    text = line.strip()
    assert text.startswith('"') and text.endswith('"'), line
    return re.sub(r"\\(.)", lambda m: ESCAPES.get(m.group(1), m.group(1)), text[1:-1])


def _entry(lines: list[str], where: str) -> Entry | None:
    """One message: the lines of one block of a .po file (gettext puts a blank line between)."""
    entry = Entry()
    target: tuple[str, int] | None = None
    for raw in lines:
        line = raw.strip()
        if line.startswith("#~"):
            entry.obsolete = True
            line = line[2:].strip()
        if line.startswith("#,"):
            entry.flags |= {flag.strip() for flag in line[2:].split(",")}
            continue
        if not line or line.startswith("#"):
            continue
        keyword, _space, rest = line.partition(" ")
        if line.startswith('"'):
            assert target is not None, f"{where}: text outside a message: {raw}"
            keyword, rest = target[0], line
        elif keyword.startswith("msgstr"):
            target = ("msgstr", int(keyword[7:-1]) if keyword.startswith("msgstr[") else 0)
            entry.msgstr.setdefault(target[1], "")
        elif keyword in ("msgctxt", "msgid", "msgid_plural"):
            target = (keyword, 0)
        else:
            raise AssertionError(f"{where}: cannot read line: {raw}")
        if target[0] == "msgstr":
            entry.msgstr[target[1]] += _unquote(rest)
        else:
            setattr(entry, target[0], (getattr(entry, target[0]) or "") + _unquote(rest))
    return entry if any(line.lstrip("#~ ").startswith("msgid") for line in lines) else None


def po_entries(path: Path) -> list[Entry]:
    """The messages of one .po file (a small reader: enough for what gettext writes)."""
    blocks = re.split(r"\n\s*\n", path.read_text(encoding="utf-8"))
    entries = [_entry(block.splitlines(), str(path)) for block in blocks]
    return [entry for entry in entries if entry is not None]


def plural_count(entries: list[Entry]) -> int:
    header = next((e for e in entries if e.msgid == "" and not e.msgctxt), None)
    match = re.search(r"nplurals\s*=\s*(\d+)", header.msgstr.get(0, "") if header else "")
    return int(match.group(1)) if match else 2


# --- Placeholders ------------------------------------------------------------------------------


def placeholders(text: str, flags: set[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(sorted %-placeholders, sorted {}-placeholders) of ``text``."""
    percent: list[str] = []
    if "python-format" in flags or "c-format" in flags or "javascript-format" in flags:
        for match in PERCENT.finditer(text):
            if match.group("type") == "%":
                continue
            percent.append(
                f"%({match.group('name')})" if match.group("name") else "%" + match.group("type")
            )
    brace: list[str] = []
    if "python-brace-format" in flags:
        brace = ["{" + (m.group("name") or "") + "}" for m in BRACES.finditer(text)]
    return tuple(sorted(percent)), tuple(sorted(brace))


def placeholder_problem(entry: Entry) -> str | None:
    english = [entry.msgid] + ([entry.msgid_plural] if entry.msgid_plural else [])
    wanted = [placeholders(text, entry.flags) for text in english]
    forms = [placeholders(text, entry.flags) for text in entry.msgstr.values()]
    if entry.msgid_plural is None:
        if forms[0] != wanted[0]:
            return f"English has {_names(wanted[0])}, translation has {_names(forms[0])}"
        return None
    # Plural forms: a form may leave out the number (Polish "one" says "jedna"), but may not
    # bring a placeholder the English does not have, and every named one appears in some form.
    allowed = {name for pair in wanted for part in pair for name in part}
    used = {name for pair in forms for part in pair for name in part}
    named_wanted = {name for name in allowed if name.startswith(("%(", "{")) and name != "{}"}
    if used - allowed:
        return f"translation has {sorted(used - allowed)}, the English does not"
    if named_wanted - used:
        return f"translation leaves out {sorted(named_wanted - used)}"
    return None


def _names(pair: tuple[tuple[str, ...], tuple[str, ...]]) -> str:
    names = list(pair[0]) + list(pair[1])
    return ", ".join(names) if names else "no placeholders"


# --- Extracting today's strings into a copy ----------------------------------------------------

EXTRACT = textwrap.dedent(
    """
    import os, sys
    import django
    from django.conf import settings
    django.setup()
    # Only the copy: makemessages writes into the folders of settings.LOCALE_PATHS and ./locale.
    settings.LOCALE_PATHS = [os.path.abspath("locale")]
    from django.core.management import call_command
    languages = sys.argv[1].split(",")
    for domain in sys.argv[2].split(","):
        call_command(
            "makemessages", locale=languages, domain=domain, symlinks=True, no_obsolete=True,
            ignore_patterns=["node_modules", "staticfiles"], verbosity=0,
        )
    """
)


def _fingerprint(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*.po"))
    }


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> Path:
    """A copy of the project (links) with a copy of ``locale/`` merged with today's strings."""
    work = tmp_path_factory.mktemp("messages")
    for item in ROOT.iterdir():
        if item.name in LEFT_OUT or item.name.startswith(".") or item.name == "db.sqlite3":
            continue
        (work / item.name).symlink_to(item)
    locale = work / "locale"
    languages = enabled_languages()
    for code in languages:
        folder = locale / locale_folder(code) / "LC_MESSAGES"
        folder.mkdir(parents=True)
        for domain in DOMAINS:
            source = ROOT / "locale" / locale_folder(code) / "LC_MESSAGES" / f"{domain}.po"
            if source.exists():
                (folder / f"{domain}.po").write_bytes(source.read_bytes())
    before = _fingerprint(ROOT / "locale")
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "DJANGO_SETTINGS_MODULE": os.environ.get(
            "DJANGO_SETTINGS_MODULE", "training.settings.test"
        ),
    }
    result = subprocess.run(
        [sys.executable, "-c", EXTRACT, ",".join(map(locale_folder, languages)), ",".join(DOMAINS)],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, f"makemessages failed:\n{result.stdout}\n{result.stderr}"
    assert _fingerprint(ROOT / "locale") == before, "the real locale/ must not change"
    return locale


def problems_in(path: Path) -> dict[str, list[str]]:
    entries = [e for e in po_entries(path) if e.msgid and not e.obsolete]
    forms = plural_count(po_entries(path))
    found: dict[str, list[str]] = {"untranslated": [], "fuzzy": [], "placeholders": []}
    for entry in entries:
        wanted = forms if entry.msgid_plural is not None else 1
        filled = [entry.msgstr.get(index, "") for index in range(wanted)]
        if not all(text.strip() for text in filled):
            found["untranslated"].append(entry.label)
        elif "fuzzy" in entry.flags:
            found["fuzzy"].append(entry.label)
        else:
            problem = placeholder_problem(entry)
            if problem:
                found["placeholders"].append(f"{entry.label}: {problem}")
    return found


def test_the_project_has_languages_besides_english():
    assert enabled_languages(), "settings.LANGUAGES names no language besides English"


def test_every_string_is_translated_in_every_enabled_language(extracted):
    report: list[str] = []
    for code in enabled_languages():
        folder = extracted / locale_folder(code) / "LC_MESSAGES"
        if not (folder / "django.po").exists():
            report.append(
                f"{code}: no catalogue at locale/{locale_folder(code)}/LC_MESSAGES/django.po"
            )
            continue
        for domain in DOMAINS:
            path = folder / f"{domain}.po"
            if not path.exists():
                continue  # no JavaScript strings marked for translation yet
            for kind, items in problems_in(path).items():
                if items:
                    report.append(f"{code} ({domain}.po): {len(items)} {kind}:")
                    report.extend(f"    {item}" for item in items)
    assert not report, HOW_TO_FIX + "\n" + "\n".join(report)


# --- The reader and the checks themselves ------------------------------------------------------


SAMPLE = r"""msgid ""
msgstr ""
"Plural-Forms: nplurals=3; plural=(n==1 ? 0 : 1);\n"

#: a.py:1
#, python-format
msgid "Hello %(name)s"
msgstr "Cześć %(name)s"

#, python-format
msgid "Bye %(name)s"
msgstr "Pa %(imie)s"

#, fuzzy
msgid "Roughly"
msgstr "Mniej więcej"

msgid "New"
msgstr ""

msgctxt "menu"
msgid ""
"Long "
"line"
msgstr "Długi "
"wiersz"

#, python-format
msgid "%(count)s lesson"
msgid_plural "%(count)s lessons"
msgstr[0] "jedna lekcja"
msgstr[1] "%(count)s lekcje"
msgstr[2] ""

#, python-brace-format
msgid "Hi {name}"
msgstr "Hej {name}"

#~ msgid "Gone"
#~ msgstr ""
"""


def test_the_reader_finds_each_kind_of_problem(tmp_path):
    path = tmp_path / "django.po"
    path.write_text(SAMPLE, encoding="utf-8")
    entries = po_entries(path)
    assert plural_count(entries) == 3
    long = next(e for e in entries if e.msgctxt == "menu")
    assert (long.msgid, long.msgstr[0]) == ("Long line", "Długi wiersz")
    found = problems_in(path)
    assert found["untranslated"] == ["'New'", "'%(count)s lesson'"]
    assert found["fuzzy"] == ["'Roughly'"]
    assert found["placeholders"] == ["'Bye %(name)s': English has %(name), translation has %(imie)"]


def test_plural_forms_may_leave_out_the_number_but_not_bring_a_new_one():
    entry = Entry(
        msgid="%(count)s lesson",
        msgid_plural="%(count)s lessons",
        msgstr={0: "jedna lekcja", 1: "%(count)s lekcje", 2: "%(count)s lekcji"},
        flags={"python-format"},
    )
    assert placeholder_problem(entry) is None
    entry.msgstr[2] = "%(count)s lekcji w %(place)s"
    assert placeholder_problem(entry) == "translation has ['%(place)'], the English does not"
    entry.msgstr = {0: "lekcja", 1: "lekcje", 2: "lekcji"}
    assert placeholder_problem(entry) == "translation leaves out ['%(count)']"
