"""Our own rate limits: a counter in the shared cache, not allauth's internal module."""

import ast
from pathlib import Path

from django.conf import settings

import pytest

from training.core.rate_limits import rate_limit_consume, rate_limit_parse


def test_a_limit_is_written_as_count_and_unit():
    assert rate_limit_parse("10/h") == (10, 3600)
    assert rate_limit_parse("3/m") == (3, 60)
    with pytest.raises(ValueError, match="like '10/h'"):
        rate_limit_parse("10/h/user")


def test_the_limit_counts_per_person_and_per_action(settings):
    settings.RATE_LIMITS = {"write": "3/h", "other": "1/h"}
    assert [rate_limit_consume(action="write", key=1) for _ in range(4)] == [
        True,
        True,
        True,
        False,
    ]
    assert rate_limit_consume(action="write", key=2) is True
    assert rate_limit_consume(action="other", key=1) is True


def test_a_new_window_starts_afresh(settings, monkeypatch):
    settings.RATE_LIMITS = {"write": "1/m"}
    monkeypatch.setattr("training.core.rate_limits.time.time", lambda: 600.0)
    assert rate_limit_consume(action="write", key=1) is True
    assert rate_limit_consume(action="write", key=1) is False
    monkeypatch.setattr("training.core.rate_limits.time.time", lambda: 660.0)
    assert rate_limit_consume(action="write", key=1) is True


def test_no_code_of_ours_uses_allauths_internal_rate_limit_module():
    base = Path(settings.BASE_DIR)
    users = []
    for path in base.rglob("*.py"):
        if ".venv" in path.parts or "tests" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom | ast.Import):
                module = getattr(node, "module", None) or ""
                names = [f"{module}.{alias.name}" if module else alias.name for alias in node.names]
                if any(name.startswith("allauth.core.ratelimit") for name in names):
                    users.append(str(path.relative_to(base)))
    assert users == []
