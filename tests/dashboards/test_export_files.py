"""One file per export, whatever happened to the worker that built it (docs/reliability.md).

The SIGKILL test (tests/scale/test_worker_sigkill.py) kills real workers while they build; these
tests set up by hand what such a kill leaves behind, on the embedded default's local disk.
"""

import fcntl
import os
import zipfile
from datetime import timedelta
from pathlib import Path

from django.core.files.storage import storages
from django.utils import timezone

import pytest

from dashboards.models import DashboardExport, ExportStatus
from dashboards.services import (
    FileBusy,
    export_build,
    export_fail,
    export_file_name,
    exports_expire,
    file_put,
)
from dashboards.tasks import dashboard_export_build

pytestmark = pytest.mark.django_db


@pytest.fixture
def export(manager):
    return DashboardExport.objects.create(
        requested_by=manager, every_place=True, filters={"period": "all"}
    )


def folder_of(export) -> Path:
    return Path(storages["private"].path(export_file_name(export=export))).parent


def files_in(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir()) if folder.exists() else []


def assert_one_complete_file(export) -> None:
    export.refresh_from_db()
    assert export.status == ExportStatus.READY
    assert export.file.name == export_file_name(export=export)
    assert files_in(folder_of(export)) == [Path(export.file.name).name]
    with zipfile.ZipFile(export.file.path) as archive:
        assert archive.testzip() is None
        assert "headline.csv" in archive.namelist()


def test_the_file_name_depends_only_on_the_export(export):
    stamp = timezone.localtime(export.requested_at).strftime("%Y-%m-%d-%H%M")
    expected = f"dashboards/exports/{export.pk}/dashboard-{stamp}.zip"
    assert export_file_name(export=export) == expected
    export.refresh_from_db()  # read back later, by another worker: the same name
    assert export_file_name(export=export) == expected


def test_a_build_killed_while_writing_leaves_one_complete_file_when_run_again(export):
    # Killed half-way through writing: a partial file, and the database still "being prepared".
    folder = folder_of(export)
    folder.mkdir(parents=True)
    partial = folder / f".{Path(export_file_name(export=export)).name}.partial"
    partial.write_bytes(b"PK\x03\x04 half a zip")

    dashboard_export_build(export_id=str(export.pk))  # Redis delivers the task again

    assert_one_complete_file(export)


def test_a_build_killed_after_writing_the_file_writes_the_same_file_again(export):
    # Killed after the file was in place, before the database knew: no second copy next time.
    file_put(
        storage=storages["private"], name=export_file_name(export=export), data=b"an older copy"
    )

    dashboard_export_build(export_id=str(export.pk))

    assert_one_complete_file(export)


def test_a_finished_export_is_not_built_again(export):
    name = dashboard_export_build(export_id=str(export.pk))
    first = Path(storages["private"].path(name)).stat().st_mtime_ns
    assert dashboard_export_build(export_id=str(export.pk)) == name
    assert Path(storages["private"].path(name)).stat().st_mtime_ns == first
    assert_one_complete_file(export)


def test_while_another_live_worker_writes_the_file_the_task_leaves_it_to_that_worker(export):
    folder = folder_of(export)
    folder.mkdir(parents=True)
    partial = folder / f".{Path(export_file_name(export=export)).name}.partial"
    other_worker = os.open(partial, os.O_WRONLY | os.O_CREAT)
    fcntl.flock(other_worker, fcntl.LOCK_EX)
    try:
        with pytest.raises(FileBusy):
            export_build(export=export)
        assert dashboard_export_build(export_id=str(export.pk)) is None
    finally:
        os.close(other_worker)
    export.refresh_from_db()
    # Not marked as failed: the other worker finishes it.
    assert export.status == ExportStatus.PREPARING
    dashboard_export_build(export_id=str(export.pk))
    assert_one_complete_file(export)


def test_a_late_failure_never_marks_a_finished_export_failed(export):
    export_build(export=export)
    export_fail(export=export)
    export.refresh_from_db()
    assert export.status == ExportStatus.READY


def test_expiry_deletes_the_exports_folder_with_anything_a_killed_build_left(export):
    export_build(export=export)
    folder = folder_of(export)
    (folder / ".leftover.partial").write_bytes(b"half")
    DashboardExport.objects.filter(pk=export.pk).update(
        requested_at=timezone.now() - timedelta(days=8)
    )

    assert exports_expire() == 1

    assert not folder.exists()
    assert not DashboardExport.objects.exists()
