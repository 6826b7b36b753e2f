"""Writes of the dashboards: asking for an export of every table, and building it.

One file per export, whatever happens to the worker building it: the file's name depends only on
the export, and on local disk it is written to a partial file beside it, then renamed over it in
one step. A build killed part-way and run again writes the same names again, so it leaves one
complete file and no leftovers (docs/reliability.md).
"""

import contextlib
import fcntl
import io
import os
import zipfile
from datetime import timedelta
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.storage import Storage
from django.db import transaction
from django.http import QueryDict
from django.utils import timezone

from dashboards.access import Scope
from dashboards.filters import DashboardFilterForm, Filters, filters_from
from dashboards.models import DashboardExport, ExportStatus, export_path
from dashboards.reports import Table, cell_text, dashboard_tables
from training.core.csv_safe import csv_text


def _csv_value(cell):
    """A figure stays a number (a spreadsheet can add it up); anything else is its text."""
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        return cell
    return cell_text(cell)


def table_rows(table: Table) -> list[list]:
    """One table as rows for a CSV file: a header row, then the rows as shown on the page."""
    return [table.columns, *([_csv_value(cell) for cell in row] for row in table.rows)]


def table_csv(table: Table) -> str:
    """One table as CSV text, written like every CSV file of the site by
    ``training.core.csv_safe``: a UTF-8 BOM first, and no text cell a spreadsheet would run."""
    return csv_text(table_rows(table))


def export_scope(export: DashboardExport) -> Scope:
    return Scope(every_place=export.every_place, centre=export.centre)


def export_filters(export: DashboardExport) -> Filters:
    data = QueryDict(mutable=True)
    data.update(export.filters)
    return filters_from(DashboardFilterForm(data, scope=export_scope(export)))


@transaction.atomic
def export_request(*, user, scope: Scope, filters: Filters) -> DashboardExport:
    """Ask for a file with every table for these filters; it is built in the background."""
    from dashboards.tasks import dashboard_export_build

    export = DashboardExport.objects.create(
        requested_by=user,
        filters=filters.query(),
        every_place=scope.every_place,
        centre=scope.centre,
    )
    transaction.on_commit(lambda: dashboard_export_build.delay(export_id=str(export.pk)))
    return export


def export_file_name(*, export: DashboardExport) -> str:
    """The export's one file name: the same every time it is built."""
    stamp = timezone.localtime(export.requested_at).strftime("%Y-%m-%d-%H%M")
    return export_path(export, f"dashboard-{stamp}.zip")


def export_folder(*, export: DashboardExport) -> str:
    return str(Path(export_path(export, "x")).parent)


class FileBusy(Exception):
    """Another live process is writing the same file right now."""


def _partial_open(partial: Path) -> int:
    """Open ``partial`` and lock it; the lock goes with the process, even if it is killed."""
    while True:
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT, 0o666)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise FileBusy(str(partial)) from None
        try:
            if os.stat(partial).st_ino == os.fstat(fd).st_ino:
                return fd
        except FileNotFoundError:
            pass
        # Renamed away by the process that held it before us: open the new one.
        os.close(fd)


def file_put(*, storage: Storage, name: str, data: bytes) -> None:
    """Leave exactly one file at ``name`` holding ``data``, whole or not at all.

    On local disk: write ``.<file>.partial`` beside it (locked, so two builders never write it
    at once), flush it to disk, then rename it over ``name`` in one step. A process killed
    part-way leaves the partial file, which the next run overwrites and renames. On object
    storage one upload is already all-or-nothing; the same name is overwritten.
    """
    try:
        path = Path(storage.path(name))
    except NotImplementedError:
        storage.delete(name)
        if (saved := storage.save(name, ContentFile(data))) != name:
            storage.delete(saved)
            raise FileBusy(name) from None
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.partial")
    fd = _partial_open(partial)
    with os.fdopen(fd, "wb") as handle:
        handle.truncate(0)
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
        mode = getattr(storage, "file_permissions_mode", None)
        if mode is not None:
            os.chmod(partial, mode)
        os.replace(partial, path)


def export_build(*, export: DashboardExport) -> DashboardExport:
    """Build the zip of CSV files (one per table) into private storage. Safe to run twice, or
    again after a worker died part-way: the same file is written again, never a second one."""
    if export.status == ExportStatus.READY and export.file:
        return export
    scope = export_scope(export)
    tables = dashboard_tables(export_filters(export), scope)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for slug, table in tables.items():
            archive.writestr(f"{slug}.csv", table_csv(table))
    name = export_file_name(export=export)
    file_put(storage=export.file.storage, name=name, data=buffer.getvalue())
    export.file.name = name
    export.status = ExportStatus.READY
    export.finished_at = timezone.now()
    export.save(update_fields=["file", "status", "finished_at"])
    return export


def export_files_delete(*, storage: Storage, folder: str) -> None:
    """Delete every file of one export (with any partial file a killed build left behind)."""
    try:
        _dirs, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for each in files:
        storage.delete(f"{folder}/{each}")
    with contextlib.suppress(NotImplementedError, OSError):
        os.rmdir(storage.path(folder))  # the empty folder, on local disk


def export_fail(*, export: DashboardExport) -> None:
    # Never over a file another run of the task has finished.
    DashboardExport.objects.filter(pk=export.pk).exclude(status=ExportStatus.READY).update(
        status=ExportStatus.FAILED, finished_at=timezone.now()
    )


EXPORT_KEEP_DAYS = 7


def exports_expire(*, now=None) -> int:
    """Delete exports (and their files) older than a week: they hold figures, some with names.

    Returns how many were deleted. Safe to run again.
    """
    cutoff = (now or timezone.now()) - timedelta(days=EXPORT_KEEP_DAYS)
    old = list(DashboardExport.objects.filter(requested_at__lt=cutoff))
    storage = DashboardExport._meta.get_field("file").storage
    for export in old:
        if export.file:
            export.file.delete(save=False)
        export_files_delete(storage=storage, folder=export_folder(export=export))
    DashboardExport.objects.filter(pk__in=[export.pk for export in old]).delete()
    return len(old)


def account_exports_delete(*, person) -> None:
    """Before an account is deleted (its exports go with it): delete the export files from
    storage too, once the deletion has committed. They can hold learners' names."""
    exports = list(DashboardExport.objects.filter(requested_by=person).only("pk", "file"))
    names = [export.file.name for export in exports if export.file.name]
    folders = [export_folder(export=export) for export in exports]
    storage = DashboardExport._meta.get_field("file").storage

    def delete() -> None:
        for name in names:
            storage.delete(name)
        for folder in folders:
            export_files_delete(storage=storage, folder=folder)

    transaction.on_commit(delete)
