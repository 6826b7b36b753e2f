"""Open data sits on top (DESIGN.md): nothing imports it, and it reads the other apps through
their selectors."""

import ast
from pathlib import Path

from django.conf import settings

APPS = ("training", "notifications", "courses", "events", "community", "voice", "practice",
        "safeguarding", "dashboards", "champions")  # fmt: skip


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_no_other_app_imports_opendata():
    base = Path(settings.BASE_DIR)
    for app in APPS:
        for path in (base / app).rglob("*.py"):
            assert not any(
                name == "opendata" or name.startswith("opendata.") for name in _imports(path)
            ), path


def test_opendata_reads_safeguarding_only_through_its_selectors():
    base = Path(settings.BASE_DIR) / "opendata"
    for path in base.rglob("*.py"):
        for name in _imports(path):
            if name.startswith("safeguarding"):
                assert name == "safeguarding.selectors", (path, name)
