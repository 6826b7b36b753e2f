"""Tests of the scale-out parts: they run against real PostgreSQL, Redis and Celery workers.

They skip when DATABASE_URL / REDIS_URL are not set, unless REQUIRE_SERVICES=1 (as in CI), when
a missing service is a failure.
"""

import os

import pytest


def service_required(variable: str, what: str):
    if os.environ.get(variable):
        return
    message = f"{what} test: set {variable} to run it (CI does)."
    if os.environ.get("REQUIRE_SERVICES") == "1":
        pytest.fail(message + " REQUIRE_SERVICES=1 forbids skipping.")
    pytest.skip(message)


@pytest.fixture
def redis_url() -> str:
    service_required("REDIS_URL", "Redis")
    return os.environ["REDIS_URL"]


@pytest.fixture
def postgres() -> None:
    service_required("DATABASE_URL", "PostgreSQL")


# The course fixtures, shared with the progress tests that need real services.
from tests.courses.conftest import course, index, lessons  # noqa: E402, F401
