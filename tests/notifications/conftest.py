import pytest

# The estate fixtures of the voice tests, for telling people about their reports.
from tests.voice.conftest import elm, elm_officer  # noqa: F401

SITE = "https://learn.example.org"


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = SITE


@pytest.fixture
def send_now(django_capture_on_commit_callbacks):
    """Run the block, commit, and run what was queued on commit (emails go to mail.outbox)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
