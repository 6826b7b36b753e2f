"""Two imports of the tenancy list at the same moment, on PostgreSQL: the second waits for the
first (training.core.db.table_lock) instead of failing on the unique reference hash."""

import threading

from django.db import connection

import pytest

from tests.factories.places import NeighbourhoodFactory
from tests.factories.voice import csv_bytes
from voice.models import Tenancy, TenancyImport
from voice.services import tenancies_import

ROWS = 400


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_imports_at_the_same_moment_both_finish_and_agree(postgres):
    assert connection.vendor == "postgresql"
    NeighbourhoodFactory(name="Elm Court", slug="elm-court")
    data = csv_bytes(*(f"TEN-{n:06d},N1 8ZZ,elm-court" for n in range(ROWS)))
    start = threading.Barrier(2)
    failures: list[BaseException] = []

    def one_import() -> None:
        try:
            start.wait()
            tenancies_import(data=data, by=None)
        except BaseException as error:  # noqa: BLE001 - reported below
            failures.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=one_import) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert failures == []
    assert Tenancy.objects.count() == ROWS
    # The second import found the first one's rows and changed nothing.
    assert sorted(TenancyImport.objects.values_list("added", "changed", "ended")) == [
        (0, 0, 0),
        (ROWS, 0, 0),
    ]
