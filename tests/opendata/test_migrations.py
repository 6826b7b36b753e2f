"""A figure stored under a whole measure's code becomes that measure's first part."""

from decimal import Decimal

from django.db import connection
from django.db.migrations.executor import MigrationExecutor

import pytest

# serialized_rollback: the flush after a transactional test without it lets post_migrate make the
# content types again under new ids, and every later snapshot-reloading test then fails on
# duplicates (tests/browser/conftest.py explains).
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _migrate(target: list[tuple[str, str]]):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(target)
    return executor.loader.project_state(target).apps


def test_whole_measures_become_their_first_part():
    apps = _migrate([("opendata", "0001_initial")])
    year = apps.get_model("opendata", "TsmYear").objects.create(year=2025)
    figures = apps.get_model("opendata", "TsmFigure").objects
    for code in ("RP02", "CH01", "CH02", "NM01", "TP01"):
        figures.create(tsm_year=year, code=code, value=Decimal("12.5"), about=40)
    apps = _migrate([("opendata", "0002_measure_parts")])
    codes = set(apps.get_model("opendata", "TsmFigure").objects.values_list("code", flat=True))
    assert codes == {"RP02(1)", "CH01(1)", "CH02(1)", "NM01(1)", "TP01"}
    apps.get_model("opendata", "TsmYear").objects.all().delete()
    # Leave the database as migrated, whatever opendata migrations come later.
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
