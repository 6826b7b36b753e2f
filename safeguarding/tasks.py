"""Celery tasks of confidential reports: thin, each calls a service."""

from celery import shared_task

from safeguarding.retention import reports_retention_delete


@shared_task(acks_late=True)
def reports_retention_delete_task() -> int:
    """Beat, every night: delete closed reports past retention (safeguarding/retention.py).
    Safe to run twice: a report already deleted is skipped."""
    return len(reports_retention_delete())
