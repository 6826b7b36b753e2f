"""Course files on disk ↔ plain Python data. The format is described in docs/course-files.md.

Nothing here touches the database: ``course_folder_read`` reads a folder into ``CourseData``
(with the line of every value, for messages), ``course_folder_write`` writes one back. Checking
the content against the editor's rules is done by the import service, with the blocks' own
validation.
"""

import hashlib
import json
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from courses.content_files.markdown import html_to_markdown, markdown_to_html

__all__ = [
    "COURSE_FILE",
    "CourseData",
    "CourseFileError",
    "LessonData",
    "Picture",
    "course_folder_read",
    "course_folder_write",
    "course_folders",
    "translation_folder_read",
    "translation_folder_write",
    "translation_folders",
]

COURSE_FILE = "course.toml"
FRONT_MATTER = "+++"
PICTURE_NAME = "picture"
TRANSLATIONS = "translations"
ENGLISH_ONLY = "comes from the English course, leave it out"


class CourseFileError(ValueError):
    """A course file that cannot be read or does not follow the rules, with where and why."""

    def __init__(self, path: Path | str | None, line: int | None, field_name: str, message: str):
        self.path, self.line, self.field_name, self.message = str(path), line, field_name, message
        where = f"{path}, line {line}" if line else str(path)
        super().__init__(f"{where}, {field_name}: {message}")


@dataclass(eq=False)
class Picture:
    """A picture file: compared by its bytes, whatever it is called."""

    name: str
    data: bytes

    @property
    def sha1(self) -> str:
        return hashlib.sha1(self.data, usedforsecurity=False).hexdigest()

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Picture) and other.sha1 == self.sha1

    def __hash__(self) -> int:
        return hash(self.sha1)


@dataclass
class LessonData:
    slug: str
    title: str
    minutes: int = 10
    pass_mark: int = 80
    skills: list[str] = field(default_factory=list)
    summary: str = ""
    # StreamField data: [{"type": ..., "value": ...}], rich text as HTML, pictures as Picture.
    body: list[dict[str, Any]] = field(default_factory=list)
    # Where things are, for messages: "title" → line, (block index, ...path) → line.
    path: Path | None = field(default=None, compare=False)
    lines: dict[Any, int] = field(default_factory=dict, compare=False)


@dataclass
class CourseData:
    slug: str
    title: str
    summary: str
    audience: str
    level: str
    outcomes: list[str] = field(default_factory=list)
    skills: list[str] = field(default_factory=list)
    picture: Picture | None = None
    picture_alt: str = ""
    lessons: list[LessonData] = field(default_factory=list)
    path: Path | None = field(default=None, compare=False)
    lines: dict[Any, int] = field(default_factory=dict, compare=False)
    # "" for the English course; a language code ("pl") for a translation of it.
    language: str = field(default="", compare=False)

    def details(self) -> tuple:
        """Everything about the course page itself (not its lessons), for comparing."""
        return (
            self.slug,
            self.title,
            self.summary,
            self.audience,
            self.level,
            self.outcomes,
            sorted(self.skills),
            self.picture,
            self.picture_alt,
        )


# TOML -------------------------------------------------------------------------------------


def _toml_parse(text: str, *, path: Path, first_line: int = 1) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        found = re.search(r"\(at line (\d+), column \d+\)", message)
        line = int(found.group(1)) + first_line - 1 if found else None
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", message)
        message = re.sub(r"\s*\(at end of document\)", "", message)
        raise CourseFileError(path, line, "TOML", f"this is not valid TOML: {message}") from None


def _key_lines(text: str, *, first_line: int = 1) -> dict[str, int]:
    """The line each top-level key (or ``table.key``) is on."""
    found: dict[str, int] = {}
    table = ""
    for number, line in enumerate(text.splitlines(), start=first_line):
        header = re.match(r"^\s*\[([A-Za-z0-9_.-]+)\]\s*$", line)
        if header:
            table = header.group(1) + "."
            found.setdefault(header.group(1), number)
            continue
        key = re.match(r"^\s*([A-Za-z0-9_-]+)\s*=", line)
        if key:
            found.setdefault(table + key.group(1), number)
    return found


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        inline = "[" + ", ".join(_toml_value(item) for item in value) + "]"
        if len(inline) <= 80:
            return inline
        inner = "".join(f"    {_toml_value(item)},\n" for item in value)
        return "[\n" + inner + "]"
    raise TypeError(f"cannot write {type(value).__name__} as TOML")


def _toml_write(values: dict[str, Any], tables: dict[str, dict[str, Any]] | None = None) -> str:
    lines = [f"{key} = {_toml_value(value)}" for key, value in values.items()]
    for name, table in (tables or {}).items():
        lines.append("")
        lines.append(f"[{name}]")
        lines.extend(f"{key} = {_toml_value(value)}" for key, value in table.items())
    return "\n".join(lines) + "\n"


def _get(
    data: dict, key: str, kind: type, *, path: Path, lines: dict, default: Any = ..., table=""
):
    full = f"{table}.{key}" if table else key
    if key not in data:
        if default is ...:
            raise CourseFileError(path, lines.get(table) if table else None, full, "missing")
        return default
    value = data[key]
    if kind is int and isinstance(value, bool):
        value = None
    if not isinstance(value, kind) or (
        kind is list and not all(isinstance(item, str) for item in value)
    ):
        expected = {str: "text in quotes", int: "a whole number", list: "a list of texts"}[kind]
        raise CourseFileError(path, lines.get(full), full, f"should be {expected}")
    return value


# Lesson bodies ------------------------------------------------------------------------------

BLOCK_NAMES = {
    "text": "text",
    "steps": "steps",
    "image": "image",
    "video": "video",
    "tip": "tip",
    "watch-out": "watch_out",
    "try-it": "try_it",
    "quiz": "quiz",
}
FILE_NAMES = {value: key for key, value in BLOCK_NAMES.items()}
_OPEN = re.compile(r"^:::([a-z-]+)(?:[ \t]+(.*))?$")
_STEP = re.compile(r"^\d+\.[ \t]+(.*)$")
_FIELD = re.compile(r"^([a-z]+):[ \t]*(.*)$")
_OPTION = re.compile(r"^(\(x\)|\( \)|\[x\]|\[ \])[ \t]+(.*)$")


class _Lesson:
    """Reads the body of one lesson file into StreamField data, noting every line."""

    def __init__(self, *, path: Path, folder: Path | None, lines: dict):
        # Without a folder (a translation) a picture is only its name: the English file is used.
        self.path, self.folder, self.lines = path, folder, lines
        self.body: list[dict[str, Any]] = []

    def error(self, line: int, field_name: str, message: str) -> CourseFileError:
        return CourseFileError(self.path, line, field_name, message)

    def picture(self, name: str, *, line: int, field_name: str) -> Picture:
        name = name.strip()
        if self.folder is None:
            return Picture(name=name, data=b"")
        file = (self.folder / name).resolve()
        if not name or self.folder.resolve() not in file.parents or not file.is_file():
            raise self.error(line, field_name, f"there is no picture file {name!r} beside it")
        return Picture(name=name, data=file.read_bytes())

    def add(self, kind: str, value: Any, *, line: int) -> int:
        self.body.append({"type": kind, "value": value})
        index = len(self.body) - 1
        self.lines[(index,)] = line
        return index

    def read(self, text: str, *, first_line: int) -> list[dict[str, Any]]:
        loose: list[str] = []
        loose_start = first_line
        container: tuple[str, str, int] | None = None
        content: list[tuple[int, str]] = []
        for number, line in enumerate(text.splitlines(), start=first_line):
            if container is None:
                opened = _OPEN.match(line.rstrip())
                if opened:
                    self.text(loose, line=loose_start)
                    loose = []
                    name = opened.group(1)
                    if name not in BLOCK_NAMES:
                        known = ", ".join(f":::{known}" for known in BLOCK_NAMES)
                        raise self.error(number, f":::{name}", f"unknown block; use {known}")
                    container, content = (name, (opened.group(2) or "").strip(), number), []
                else:
                    if not loose:
                        loose_start = number
                    loose.append(line)
            elif line.rstrip() == ":::":
                self.container(*container, content)
                container = None
                loose_start = number + 1
            else:
                content.append((number, line))
        if container is not None:
            raise self.error(container[2], f":::{container[0]}", "this block has no closing :::")
        self.text(loose, line=loose_start)
        return self.body

    def text(self, lines: list[str], *, line: int) -> None:
        if any(item.strip() for item in lines):
            while not lines[0].strip():
                lines, line = lines[1:], line + 1
            self.add("text", markdown_to_html("\n".join(lines)), line=line)

    def container(self, name: str, title: str, start: int, content: list[tuple[int, str]]):
        kind = BLOCK_NAMES[name]
        body = "\n".join(line for _n, line in content)
        if kind in {"text", "tip", "watch_out"}:
            self.add(kind, markdown_to_html(body), line=start)
        elif kind == "try_it":
            self.add(kind, {"title": title, "instructions": markdown_to_html(body)}, line=start)
        elif kind == "steps":
            self.steps(title, start, content)
        elif kind == "quiz":
            self.quiz(title, start, content)
        else:
            self.fields(kind, title, start, content)

    def steps(self, title: str, start: int, content: list[tuple[int, str]]) -> None:
        steps: list[dict[str, Any]] = []
        index = self.add("steps", {"title": title, "steps": steps}, line=start)
        current: dict[str, Any] | None = None
        for number, line in content:
            opened = _STEP.match(line)
            field_match = _FIELD.match(line.strip())
            if opened:
                current = {"text": [opened.group(1)], "image": None, "alt": ""}
                steps.append(current)
                self.lines[(index, "steps", len(steps) - 1)] = number
            elif current is None:
                if line.strip():
                    raise self.error(number, "steps", "start each step with its number: “1. ”")
            elif line.startswith(" ") and field_match and field_match.group(1) == "picture":
                where = f"step {len(steps)} picture"
                current["image"] = self.picture(field_match.group(2), line=number, field_name=where)
            elif line.startswith(" ") and field_match and field_match.group(1) == "alt":
                current["alt"] = field_match.group(2).strip()
            else:
                current["text"].append(line[3:] if line.startswith("   ") else line.strip())
        for step in steps:
            step["text"] = markdown_to_html("\n".join(step["text"]))

    def quiz(self, title: str, start: int, content: list[tuple[int, str]]) -> None:
        questions: list[dict[str, Any]] = []
        index = self.add("quiz", {"title": title, "questions": questions}, line=start)
        option: dict[str, Any] | None = None
        for number, line in content:
            stripped = line.strip()
            chosen = _OPTION.match(stripped) if not line.startswith(" ") else None
            if line.startswith("? "):
                questions.append({"question": line[2:].strip(), "multiple": None, "options": []})
                self.lines[(index, "questions", len(questions) - 1)] = number
                option = None
            elif chosen:
                if not questions:
                    raise self.error(number, "quiz", "start each question with “? ”")
                question = questions[-1]
                marker = chosen.group(1)
                multiple = marker.startswith("[")
                if question["multiple"] is not None and question["multiple"] != multiple:
                    raise self.error(
                        number,
                        f"question {len(questions)}",
                        "use ( ) for every answer when one answer is right, or [ ] for every "
                        "answer when more than one can be",
                    )
                question["multiple"] = multiple
                option = {"text": chosen.group(2).strip(), "is_correct": "x" in marker}
                option["feedback"] = ""
                question["options"].append(option)
                where = (index, "questions", len(questions) - 1, "options")
                self.lines[(*where, len(question["options"]) - 1)] = number
            elif stripped and option is not None and line.startswith(" "):
                option["feedback"] = f"{option['feedback']} {stripped}".strip()
            elif stripped:
                raise self.error(
                    number,
                    "quiz",
                    "write “? ” before a question, “( )” or “[ ]” before an answer, and the "
                    "feedback indented under its answer",
                )
        for question in questions:
            question["multiple"] = bool(question["multiple"])

    def fields(self, kind: str, title: str, start: int, content: list[tuple[int, str]]) -> None:
        """``:::image`` and ``:::video``: ``name: value`` lines; a video's transcript follows."""
        values: dict[str, Any] = {}
        index = self.add(kind, values, line=start)
        rest: list[str] = []
        for position, (number, line) in enumerate(content):
            field_match = _FIELD.match(line)
            if not line.strip() and kind == "video":
                rest = [text for _n, text in content[position + 1 :]]
                break
            if field_match is None:
                if line.strip():
                    raise self.error(number, f":::{kind}", "write each detail as “name: value”")
                continue
            name, value = field_match.groups()
            allowed = {"image": {"picture", "alt", "caption"}, "video": {"url", "duration"}}
            if name not in allowed[kind]:
                raise self.error(number, name, f"unknown detail; use {', '.join(allowed[kind])}")
            self.lines[(index, "image" if name == "picture" else name)] = number
            if name == "picture":
                values["image"] = self.picture(value, line=number, field_name="picture")
            else:
                values[name] = value.strip()
        if kind == "image":
            values.setdefault("image", None)
            values.setdefault("alt", "")
            values.setdefault("caption", "")
        else:
            values.update(title=title, transcript="\n".join(rest).strip())
            values.setdefault("url", "")
            values.setdefault("duration", "")
            self.lines.setdefault((index, "transcript"), start)


def _steps_write(value, *, md, picture_name) -> str:
    lines = [f":::steps {value['title']}".rstrip()]
    for number, step in enumerate(value["steps"], start=1):
        text = "\n".join(
            f"   {line}" if line and position else line
            for position, line in enumerate(md(step["text"]).split("\n"))
        )
        lines.append(f"{number}. {text}")
        if step.get("image") is not None:
            lines.append(f"   picture: {picture_name(step['image'])}")
        if step.get("alt"):
            lines.append(f"   alt: {step['alt']}")
    return "\n".join([*lines, ":::"])


def _quiz_write(value, *, md, picture_name) -> str:
    lines = [f":::quiz {value['title']}".rstrip()]
    for number, question in enumerate(value["questions"]):
        if number:
            lines.append("")
        lines.append(f"? {question['question']}")
        for option in question["options"]:
            mark = "x" if option["is_correct"] else " "
            marker = f"[{mark}]" if question["multiple"] else f"({mark})"
            lines.append(f"{marker} {option['text']}")
            lines.append(f"    {option['feedback']}")
    return "\n".join([*lines, ":::"])


def _image_write(value, *, md, picture_name) -> str:
    lines = [":::image"]
    if value.get("image") is not None:
        lines.append(f"picture: {picture_name(value['image'])}")
    lines.append(f"alt: {value.get('alt', '')}")
    if value.get("caption"):
        lines.append(f"caption: {value['caption']}")
    return "\n".join([*lines, ":::"])


def _video_write(value, *, md, picture_name) -> str:
    lines = [f":::video {value['title']}".rstrip(), f"url: {value['url']}"]
    if value.get("duration"):
        lines.append(f"duration: {value['duration']}")
    return "\n".join([*lines, "", value["transcript"].strip(), ":::"])


def _callout_write(kind: str):
    def write(value, *, md, picture_name) -> str:
        return f":::{FILE_NAMES[kind]}\n{md(value)}\n:::"

    return write


def _try_it_write(value, *, md, picture_name) -> str:
    return f":::try-it {value['title']}\n{md(value['instructions'])}\n:::"


BLOCK_WRITERS = {
    "steps": _steps_write,
    "quiz": _quiz_write,
    "image": _image_write,
    "video": _video_write,
    "tip": _callout_write("tip"),
    "watch_out": _callout_write("watch_out"),
    "try_it": _try_it_write,
}


def _lesson_body_write(body: list[dict[str, Any]], *, picture_name, link_href) -> str:
    def md(html: str) -> str:
        return html_to_markdown(html, link_href=link_href)

    parts: list[str] = []
    previous = None
    for block in body:
        kind, value = block["type"], block["value"]
        if kind == "text":
            text = md(value)
            # Text next to text would read back as one block: the second says what it is.
            parts.append(f":::text\n{text}\n:::" if previous == "text" or not text else text)
        else:
            parts.append(BLOCK_WRITERS[kind](value, md=md, picture_name=picture_name))
        previous = kind
    return "\n\n".join(parts) + "\n"


# Folders ------------------------------------------------------------------------------------


def course_folders(path: Path) -> list[Path]:
    """The course folders at ``path``: itself if it holds a course.toml, else its subfolders."""
    path = Path(path)
    if (path / COURSE_FILE).is_file():
        return [path]
    if not path.is_dir():
        raise CourseFileError(path, None, "path", "there is no course folder here")
    found = sorted(child for child in path.iterdir() if (child / COURSE_FILE).is_file())
    if not found:
        raise CourseFileError(path, None, "path", f"no folder here holds a {COURSE_FILE}")
    return found


LESSON_KEYS = {"title", "minutes", "pass_mark", "skills", "summary"}
TRANSLATED_LESSON_KEYS = {"title", "summary"}


def _lesson_read(
    folder: Path, slug: str, *, course_path: Path, line: int | None, translation: bool = False
) -> LessonData:
    path = folder / f"{slug}.md"
    if not path.is_file():
        what = "translated lesson file" if translation else "lesson file"
        raise CourseFileError(course_path, line, "lessons", f"there is no {what} {slug}.md")
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    if not lines or lines[0].strip() != FRONT_MATTER:
        raise CourseFileError(path, 1, "front matter", f"start the file with a {FRONT_MATTER} line")
    try:
        end = next(n for n, line in enumerate(lines[1:], start=1) if line.strip() == FRONT_MATTER)
    except StopIteration:
        raise CourseFileError(
            path, 1, "front matter", f"end the lesson details with a {FRONT_MATTER} line"
        ) from None
    front = "\n".join(lines[1:end])
    data = _toml_parse(front, path=path, first_line=2)
    key_lines = _key_lines(front, first_line=2)
    if translation:
        english_only = sorted(set(data) & (LESSON_KEYS - TRANSLATED_LESSON_KEYS))
        if english_only:
            name = english_only[0]
            raise CourseFileError(path, key_lines.get(name), name, ENGLISH_ONLY)
    unknown = sorted(set(data) - LESSON_KEYS)
    if unknown:
        raise CourseFileError(path, key_lines.get(unknown[0]), unknown[0], "unknown detail")
    lesson = LessonData(
        slug=slug,
        title=_get(data, "title", str, path=path, lines=key_lines),
        minutes=_get(data, "minutes", int, path=path, lines=key_lines, default=10),
        pass_mark=_get(data, "pass_mark", int, path=path, lines=key_lines, default=80),
        skills=_get(data, "skills", list, path=path, lines=key_lines, default=[]),
        summary=_get(data, "summary", str, path=path, lines=key_lines, default=""),
        path=path,
        lines=dict(key_lines),
    )
    reader = _Lesson(path=path, folder=None if translation else folder, lines=lesson.lines)
    lesson.body = reader.read("\n".join(lines[end + 1 :]), first_line=end + 2)
    return lesson


def course_folder_read(folder: Path) -> CourseData:
    """Read one course folder (course.toml and a Markdown file per lesson)."""
    folder = Path(folder)
    path = folder / COURSE_FILE
    text = path.read_text(encoding="utf-8")
    data = _toml_parse(text, path=path)
    lines = _key_lines(text)
    known = {"title", "slug", "summary", "audience", "level", "outcomes", "skills", "lessons"}
    unknown = sorted(set(data) - known - {"picture"})
    if unknown:
        raise CourseFileError(path, lines.get(unknown[0]), unknown[0], "unknown detail")
    common = {"path": path, "lines": lines}
    course = CourseData(
        slug=_get(data, "slug", str, **common),
        title=_get(data, "title", str, **common),
        summary=_get(data, "summary", str, **common),
        audience=_get(data, "audience", str, **common),
        level=_get(data, "level", str, **common),
        outcomes=_get(data, "outcomes", list, **common, default=[]),
        skills=_get(data, "skills", list, **common, default=[]),
        path=path,
        lines=lines,
    )
    picture = data.get("picture")
    if picture is not None:
        if not isinstance(picture, dict):
            raise CourseFileError(path, lines.get("picture"), "picture", "should be a [picture]")
        name = _get(picture, "file", str, **common, table="picture")
        file = folder / name
        if not file.is_file() or "/" in name or "\\" in name:
            raise CourseFileError(
                path, lines.get("picture.file"), "picture.file", f"there is no file {name!r}"
            )
        course.picture = Picture(name=name, data=file.read_bytes())
        course.picture_alt = _get(picture, "alt", str, **common, table="picture", default="")
    slugs = _get(data, "lessons", list, **common)
    if len(set(slugs)) != len(slugs):
        raise CourseFileError(path, lines.get("lessons"), "lessons", "a lesson is listed twice")
    course.lessons = [
        _lesson_read(folder, slug, course_path=path, line=lines.get("lessons")) for slug in slugs
    ]
    listed = {f"{slug}.md" for slug in slugs}
    extra = sorted(file.name for file in folder.glob("*.md") if file.name not in listed)
    if extra:
        raise CourseFileError(
            path, lines.get("lessons"), "lessons", f"{extra[0]} is not in the list of lessons"
        )
    return course


def course_folder_write(course: CourseData, folder: Path, *, link_href=None) -> dict[str, str]:
    """Write a course as a folder: course.toml, a Markdown file a lesson, and its pictures.

    Returns the name each picture was written under, by its SHA-1 (translations use them).
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    names: dict[str, str] = {}

    def picture_name(picture: Picture) -> str:
        if picture.sha1 not in names:
            stem, dot, ext = picture.name.rpartition(".")
            stem, ext = (stem, ext) if dot else (picture.name, "")
            taken = set(names.values()) | {f"{PICTURE_NAME}.{ext}"}
            name, number = picture.name, 1
            while name in taken or name == COURSE_FILE or name.endswith(".md"):
                number += 1
                name = f"{stem}-{number}{dot}{ext}"
            names[picture.sha1] = name
            (folder / name).write_bytes(picture.data)
        return names[picture.sha1]

    values: dict[str, Any] = {
        "title": course.title,
        "slug": course.slug,
        "summary": course.summary,
        "audience": course.audience,
        "level": course.level,
        "skills": course.skills,
        "outcomes": course.outcomes,
        "lessons": [lesson.slug for lesson in course.lessons],
    }
    tables = {}
    if course.picture is not None:
        ext = course.picture.name.rpartition(".")[2] or "png"
        name = f"{PICTURE_NAME}.{ext}"
        (folder / name).write_bytes(course.picture.data)
        names[course.picture.sha1] = name
        tables["picture"] = {"file": name, "alt": course.picture_alt}
    (folder / COURSE_FILE).write_text(_toml_write(values, tables), encoding="utf-8")

    for lesson in course.lessons:
        front: dict[str, Any] = {
            "title": lesson.title,
            "minutes": lesson.minutes,
            "pass_mark": lesson.pass_mark,
            "skills": lesson.skills,
        }
        _lesson_file_write(
            lesson, folder, front=front, picture_name=picture_name, link_href=link_href
        )
    return names


def _lesson_file_write(
    lesson: LessonData, folder: Path, *, front: dict[str, Any], picture_name, link_href
) -> None:
    """One lesson's ``<slug>.md``: ``front`` (plus its summary, if any), then its blocks."""
    if lesson.summary:
        front["summary"] = lesson.summary
    body = _lesson_body_write(
        lesson.body,
        picture_name=picture_name,
        link_href=link_href or (lambda attrs: attrs.get("href", "")),
    )
    text = f"{FRONT_MATTER}\n{_toml_write(front)}{FRONT_MATTER}\n\n{body}"
    (folder / f"{lesson.slug}.md").write_text(text, encoding="utf-8")


# Translations -------------------------------------------------------------------------------

TRANSLATION_KEYS = {"language", "title", "summary", "audience", "outcomes", "picture"}


def translation_folders(folder: Path) -> list[Path]:
    """The translation folders of a course folder: ``translations/<language>/``, by name."""
    root = Path(folder) / TRANSLATIONS
    if not root.is_dir():
        return []
    return sorted(child for child in root.iterdir() if child.is_dir())


def _block_name(kind: str) -> str:
    return f":::{FILE_NAMES.get(kind, kind)}"


def _picture_line_up(english: Picture | None, translated: Picture | None, *, path, line, where):
    """The English picture, if the translation names the same one (pictures are not translated)."""
    if english is None and translated is None:
        return None
    if english is None:
        raise CourseFileError(path, line, where, "the English has no picture here: leave it out")
    if translated is None or translated.name != english.name:
        raise CourseFileError(
            path, line, where, f"use the English picture, word for word: picture: {english.name}"
        )
    return english


def _count_line_up(english: int, translated: int, *, what: str, path, line, where) -> None:
    if english != translated:
        raise CourseFileError(
            path, line, where, f"{translated} {what} here but {english} in the English"
        )


def _quiz_line_up(en_value: dict, value: dict, *, path, lines: dict, index: int) -> None:
    line = lines.get((index,))
    where = f"block {index + 1}"
    _count_line_up(
        len(en_value["questions"]), len(value["questions"]),
        what="questions", path=path, line=line, where=where,
    )  # fmt: skip
    for number, (en_question, question) in enumerate(
        zip(en_value["questions"], value["questions"], strict=True)
    ):
        q_line = lines.get((index, "questions", number), line)
        q_where = f"{where} question {number + 1}"
        _count_line_up(
            len(en_question["options"]), len(question["options"]),
            what="answers", path=path, line=q_line, where=q_where,
        )  # fmt: skip
        if en_question["multiple"] != question["multiple"]:
            marker = "[ ]" if en_question["multiple"] else "( )"
            raise CourseFileError(
                path, q_line, q_where, f"use {marker} for the answers, as the English does"
            )
        for option_number, (en_option, option) in enumerate(
            zip(en_question["options"], question["options"], strict=True)
        ):
            if en_option["is_correct"] != option["is_correct"]:
                key = (index, "questions", number, "options", option_number)
                state = "right" if en_option["is_correct"] else "wrong"
                raise CourseFileError(
                    path,
                    lines.get(key, q_line),
                    f"{q_where} answer {option_number + 1}",
                    f"this answer is {state} in the English: mark it the same",
                )


def _blocks_line_up(english: LessonData, translated: LessonData) -> None:
    """Check the translated body has the English blocks, in order; use the English pictures."""
    path = translated.path
    for index, (en_block, block) in enumerate(zip(english.body, translated.body, strict=False)):
        line = translated.lines.get((index,))
        where = f"block {index + 1}"
        if en_block["type"] != block["type"]:
            raise CourseFileError(
                path,
                line,
                where,
                f"this is {_block_name(block['type'])} here but "
                f"{_block_name(en_block['type'])} in the English: the blocks must line up",
            )
        en_value, value = en_block["value"], block["value"]
        kind = block["type"]
        if kind == "steps":
            _count_line_up(
                len(en_value["steps"]), len(value["steps"]),
                what="steps", path=path, line=line, where=where,
            )  # fmt: skip
            for number, (en_step, step) in enumerate(
                zip(en_value["steps"], value["steps"], strict=True)
            ):
                step_line = translated.lines.get((index, "steps", number), line)
                step["image"] = _picture_line_up(
                    en_step.get("image"), step.get("image"),
                    path=path, line=step_line, where=f"{where} step {number + 1} picture",
                )  # fmt: skip
        elif kind == "image":
            value["image"] = _picture_line_up(
                en_value.get("image"), value.get("image"),
                path=path, line=translated.lines.get((index, "image"), line),
                where=f"{where} picture",
            )  # fmt: skip
        elif kind == "quiz":
            _quiz_line_up(en_value, value, path=path, lines=translated.lines, index=index)
    if len(english.body) != len(translated.body):
        if len(translated.body) > len(english.body):
            extra = len(english.body)
            line = translated.lines.get((extra,))
            message = f"the English lesson has only {len(english.body)} blocks: leave this one out"
            raise CourseFileError(path, line, f"block {extra + 1}", message)
        missing = len(translated.body)
        raise CourseFileError(
            path,
            None,
            f"block {missing + 1}",
            f"missing: the English lesson has {len(english.body)} blocks, this has "
            f"{len(translated.body)}; the next one in the English is "
            f"{_block_name(english.body[missing]['type'])}",
        )


def _translation_picture_alt(data: dict, *, english: CourseData, path: Path, lines: dict) -> str:
    common: dict[str, Any] = {"path": path, "lines": lines}
    picture = data.get("picture")
    if picture is not None and not isinstance(picture, dict):
        raise CourseFileError(path, lines.get("picture"), "picture", "should be a [picture]")
    if picture is not None and "file" in picture:
        raise CourseFileError(path, lines.get("picture.file"), "picture.file", ENGLISH_ONLY)
    if picture is not None and english.picture is None:
        raise CourseFileError(
            path, lines.get("picture"), "picture", "the English course has no picture"
        )
    if english.picture is not None:
        if picture is None:
            raise CourseFileError(
                path, None, "picture.alt", "missing: the alt text of the course picture"
            )
        unknown = sorted(set(picture) - {"alt"})
        if unknown:
            name = f"picture.{unknown[0]}"
            raise CourseFileError(path, lines.get(name), name, "unknown detail")
        return _get(picture, "alt", str, **common, table="picture")
    return ""


def translation_folder_read(folder: Path, *, english: CourseData) -> CourseData:
    """Read ``<course>/translations/<language>/`` into a whole course in that language.

    The words come from the translation; everything else (slugs, level, skills, lesson order,
    minutes, pass marks, pictures) from ``english``. The translation must line up with it.
    """
    folder = Path(folder)
    path = folder / COURSE_FILE
    if not path.is_file():
        raise CourseFileError(path, None, COURSE_FILE, "missing: every translation needs one")
    text = path.read_text(encoding="utf-8")
    data = _toml_parse(text, path=path)
    lines = _key_lines(text)
    english_only = sorted(set(data) & {"slug", "level", "skills", "lessons"})
    if english_only:
        name = english_only[0]
        raise CourseFileError(path, lines.get(name), name, ENGLISH_ONLY)
    unknown = sorted(set(data) - TRANSLATION_KEYS)
    if unknown:
        raise CourseFileError(path, lines.get(unknown[0]), unknown[0], "unknown detail")
    common: dict[str, Any] = {"path": path, "lines": lines}
    language = _get(data, "language", str, **common)
    if language != folder.name:
        raise CourseFileError(
            path,
            lines.get("language"),
            "language",
            f"{language!r} is not the name of its folder, {folder.name!r}",
        )
    course = CourseData(
        slug=english.slug,
        title=_get(data, "title", str, **common),
        summary=_get(data, "summary", str, **common),
        audience=_get(data, "audience", str, **common),
        level=english.level,
        outcomes=_get(data, "outcomes", list, **common),
        skills=list(english.skills),
        picture=english.picture,
        path=path,
        lines=lines,
        language=language,
    )
    _count_line_up(
        len(english.outcomes), len(course.outcomes),
        what="outcomes", path=path, line=lines.get("outcomes"), where="outcomes",
    )  # fmt: skip
    course.picture_alt = _translation_picture_alt(data, english=english, **common)

    slugs = [lesson.slug for lesson in english.lessons]
    listed = {f"{slug}.md" for slug in slugs}
    extra = sorted(file.name for file in folder.glob("*.md") if file.name not in listed)
    if extra:
        raise CourseFileError(
            folder / extra[0], None, "lesson", "the English course has no lesson with this name"
        )
    for en_lesson in english.lessons:
        lesson_path = folder / f"{en_lesson.slug}.md"
        if not lesson_path.is_file():
            raise CourseFileError(
                lesson_path, None, "lesson", "missing: every English lesson needs a translation"
            )
        translated = _lesson_read(
            folder, en_lesson.slug, course_path=path, line=None, translation=True
        )
        _blocks_line_up(en_lesson, translated)
        translated.minutes = en_lesson.minutes
        translated.pass_mark = en_lesson.pass_mark
        translated.skills = list(en_lesson.skills)
        course.lessons.append(translated)
    return course


def translation_folder_write(
    course: CourseData, folder: Path, *, picture_names: dict[str, str], link_href=None
) -> None:
    """Write a translated course as ``translations/<language>/`` (the words only).

    ``picture_names`` are the names the English course's pictures were written under.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)

    def picture_name(picture: Picture) -> str:
        return picture_names.get(picture.sha1, picture.name)

    values: dict[str, Any] = {
        "language": course.language,
        "title": course.title,
        "summary": course.summary,
        "audience": course.audience,
        "outcomes": course.outcomes,
    }
    tables = {"picture": {"alt": course.picture_alt}} if course.picture is not None else {}
    (folder / COURSE_FILE).write_text(_toml_write(values, tables), encoding="utf-8")
    for lesson in course.lessons:
        _lesson_file_write(
            lesson,
            folder,
            front={"title": lesson.title},
            picture_name=picture_name,
            link_href=link_href,
        )
