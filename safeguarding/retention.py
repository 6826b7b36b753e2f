"""Retention: closed reports are deleted a set time after they were closed.

``SAFEGUARDING_RETENTION_YEARS`` (default 6) years after ``closed_at``, the report goes with
everything that hangs on it (strands, evidence and its files, additions, notes, referrals,
replies, status changes). Each deletion is written to the access log (the reference, never the
content) and the run logs how many went. Open reports are never deleted, however old. Run by
Celery beat every night (``safeguarding.tasks.reports_retention_delete_task``).
"""

import logging
from datetime import datetime
from functools import partial

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from safeguarding.access_log import access_log_record
from safeguarding.models.handling import AccessAction
from safeguarding.models.reports import ConfidentialReport, Status
from training.core.storage import private_storage

logger = logging.getLogger(__name__)

DEFAULT_RETENTION_YEARS = 6


def retention_years() -> int:
    return int(getattr(settings, "SAFEGUARDING_RETENTION_YEARS", DEFAULT_RETENTION_YEARS))


def retention_cutoff(*, now: datetime | None = None) -> datetime:
    """Reports closed before this moment are deleted: ``retention_years()`` years ago (29
    February counts as 28 February in a year without one)."""
    now = now or timezone.now()
    year = now.year - retention_years()
    try:
        return now.replace(year=year)
    except ValueError:
        return now.replace(year=year, day=28)


def _files_delete(*, names: list[str]) -> None:
    storage = private_storage()
    for name in names:
        storage.delete(name)


def _delete_one(*, report_id: int) -> str | None:
    """Delete one report (if it is still due) and log it; its files go once that commits."""
    with transaction.atomic():
        report = (
            ConfidentialReport.objects.select_for_update()
            .filter(pk=report_id, status=Status.CLOSED)
            .first()
        )
        if report is None:
            return None
        reference, closed = report.reference, report.closed_at
        files = [str(item.photo.name) for item in report.evidence.all() if item.photo]
        report.delete()
        access_log_record(
            person=None,
            action=AccessAction.DELETE,
            reference=reference,
            detail=f"retention: closed {closed:%Y-%m-%d}, {len(files)} files",
        )
        transaction.on_commit(partial(_files_delete, names=files))
    return reference


def reports_retention_delete(*, now: datetime | None = None) -> list[str]:
    """Delete every closed report past retention; the references deleted."""
    cutoff = retention_cutoff(now=now)
    due = list(
        ConfidentialReport.objects.filter(status=Status.CLOSED, closed_at__lt=cutoff)
        .order_by("closed_at", "pk")
        .values_list("pk", flat=True)
    )
    deleted = [ref for pk in due if (ref := _delete_one(report_id=pk)) is not None]
    logger.info(
        "Confidential reports past retention deleted: %d (closed before %s)",
        len(deleted),
        cutoff.date().isoformat(),
        extra={"references": deleted},
    )
    return deleted
