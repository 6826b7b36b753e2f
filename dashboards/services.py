"""Writes of the dashboards: asking for an export of every table, and building it."""

import io
import zipfile
from datetime import timedelta

from django.core.files.base import ContentFile
from django.db import transaction
from django.http import QueryDict
from django.utils import timezone

from dashboards.access import Scope
from dashboards.filters import DashboardFilterForm, Filters, filters_from
from dashboards.models import DashboardExport, ExportStatus
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


def export_build(*, export: DashboardExport) -> DashboardExport:
    """Build the zip of CSV files (one per table) into default storage. Safe to run twice."""
    if export.status == ExportStatus.READY and export.file:
        return export
    scope = export_scope(export)
    tables = dashboard_tables(export_filters(export), scope)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for slug, table in tables.items():
            archive.writestr(f"{slug}.csv", table_csv(table))
    stamp = timezone.localtime(export.requested_at).strftime("%Y-%m-%d-%H%M")
    export.file.save(f"dashboard-{stamp}.zip", ContentFile(buffer.getvalue()), save=False)
    export.status = ExportStatus.READY
    export.finished_at = timezone.now()
    export.save(update_fields=["file", "status", "finished_at"])
    return export


def export_fail(*, export: DashboardExport) -> None:
    DashboardExport.objects.filter(pk=export.pk).update(
        status=ExportStatus.FAILED, finished_at=timezone.now()
    )


EXPORT_KEEP_DAYS = 7


def exports_expire(*, now=None) -> int:
    """Delete exports (and their files) older than a week: they hold figures, some with names.

    Returns how many were deleted. Safe to run again.
    """
    cutoff = (now or timezone.now()) - timedelta(days=EXPORT_KEEP_DAYS)
    old = list(DashboardExport.objects.filter(requested_at__lt=cutoff))
    for export in old:
        if export.file:
            export.file.delete(save=False)
    DashboardExport.objects.filter(pk__in=[export.pk for export in old]).delete()
    return len(old)


def account_exports_delete(*, person) -> None:
    """Before an account is deleted (its exports go with it): delete the export files from
    storage too, once the deletion has committed. They can hold learners' names."""
    names = [
        name
        for name in DashboardExport.objects.filter(requested_by=person).values_list(
            "file", flat=True
        )
        if name
    ]
    storage = DashboardExport._meta.get_field("file").storage

    def delete() -> None:
        for name in names:
            storage.delete(name)

    transaction.on_commit(delete)
