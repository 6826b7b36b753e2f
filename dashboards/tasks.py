"""Celery tasks of the dashboards. Thin: load the export, call the service. Idempotent."""

import logging

from celery import shared_task

from dashboards.models import DashboardExport
from dashboards.services import FileBusy, export_build, export_fail

logger = logging.getLogger(__name__)


@shared_task(acks_late=True)
def dashboard_export_build(*, export_id: str) -> str | None:
    """Build one export's file. Returns its storage name, or None if it is gone or failed.

    A failure is stored on the export (the page then says so and offers to try again).
    """
    export = DashboardExport.objects.filter(pk=export_id).select_related("centre").first()
    if export is None:
        return None
    try:
        return export_build(export=export).file.name
    except FileBusy:
        # Another live worker is writing this very file (a task delivered twice): it finishes.
        logger.info("Dashboard export %s is being built by another worker", export_id)
        return None
    except Exception:
        logger.exception("Dashboard export %s could not be built", export_id)
        export_fail(export=export)
        return None


@shared_task(acks_late=True)
def dashboard_snapshots_refresh() -> int:
    """Every few minutes (Celery beat): work out the usual dashboard views again. Idempotent."""
    from dashboards.snapshots import snapshots_refresh_usual

    return snapshots_refresh_usual()


@shared_task(acks_late=True)
def dashboard_exports_expire() -> int:
    """Daily (Celery beat): delete dashboard exports older than a week, files included."""
    from dashboards.services import exports_expire

    return exports_expire()
