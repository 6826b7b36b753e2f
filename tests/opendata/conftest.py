import pytest

from tests.site.demo_db import demo_load, module_data


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory, demo_snapshot):
    """The seeded demo, copied in once for the module (rolled back at its end)."""
    with module_data(django_db_blocker, tmp_path_factory.mktemp("opendata")):
        demo_load(demo_snapshot)
        yield
