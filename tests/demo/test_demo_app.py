"""The demo app holds all demo code and content, and no product code depends on it."""

import ast
import tomllib
from pathlib import Path

from django.conf import settings

from demo.courses import COURSES_FOLDER, demo_course_folders
from demo.illustrations import illustration_draw

ROOT = Path(__file__).resolve().parents[2]
PRODUCT_APPS = [
    "training",
    "notifications",
    "courses",
    "events",
    "community",
    "voice",
    "safeguarding",
    "practice",
    "dashboards",
    "opendata",
]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
    return found


def test_no_product_app_imports_the_demo_app():
    offenders = [
        f"{path.relative_to(ROOT)}: {name}"
        for app in PRODUCT_APPS
        if (ROOT / app).is_dir()
        for path in (ROOT / app).rglob("*.py")
        for name in _imports(path)
        if name == "demo" or name.startswith("demo.")
    ]
    assert offenders == []


def test_no_product_app_keeps_a_demo_module_or_demo_content():
    left = [
        str(path.relative_to(ROOT))
        for app in PRODUCT_APPS
        if (ROOT / app).is_dir()
        for path in (ROOT / app).rglob("*")
        if path.stem in {"demo", "demo_two_factor", "illustrations", "seed_demo", "demo_content"}
    ]
    assert left == []
    assert "demo" in settings.INSTALLED_APPS
    assert (ROOT / "demo" / "management" / "commands" / "seed_demo.py").is_file()


def test_the_demo_courses_are_course_files_with_the_drawn_pictures():
    folders = demo_course_folders()
    assert len(folders) == 7
    assert all(folder.parent == COURSES_FOLDER for folder in folders)
    for folder in folders:
        course = tomllib.loads((folder / "course.toml").read_text(encoding="utf-8"))
        assert course["slug"] == folder.name
        _data, alt = illustration_draw(slug=folder.name)
        assert course["picture"] == {"file": "picture.png", "alt": alt}
        assert (folder / "picture.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
