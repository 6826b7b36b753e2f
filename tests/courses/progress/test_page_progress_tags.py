"""The course and lesson pages show each visitor's own progress through template tags, and a
quiz answer reaches the learning record through a hook: the page models never import the
progress code (they used to, inside functions, to dodge an import cycle)."""

import ast
from pathlib import Path

from wagtail import hooks

import courses.models.pages
from courses.hooks import QUIZ_ANSWERED


def _imported_modules(tree: ast.AST) -> list[str]:
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
        elif isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
    return names


def test_the_page_models_never_import_the_progress_code():
    tree = ast.parse(Path(courses.models.pages.__file__).read_text())

    assert not [name for name in _imported_modules(tree) if name.startswith("courses.progress")]


def test_the_progress_tracker_records_quiz_answers_through_the_hook():
    names = [f"{fn.__module__}.{fn.__name__}" for fn in hooks.get_hooks(QUIZ_ANSWERED)]

    assert names == ["courses.progress.learner.page_context.quiz_result_record"]
