import io

from django.core.management import call_command

import pytest

from tests.site.demo_db import module_data


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo, seeded once for the module (rolled back at its end)."""
    with module_data(django_db_blocker, tmp_path_factory.mktemp("opendata")):
        call_command("seed_demo", stdout=io.StringIO())
        yield
