"""Celery tasks of events. Thin: each calls a service."""

from celery import shared_task


@shared_task(acks_late=True)
def events_remind_tomorrow() -> int:
    """Hourly (Celery beat): remind confirmed guests of events starting in the next 24 hours.

    Idempotent: each reminder is claimed in the database first, so a second run sends nothing.
    """
    from events.reminders import events_remind

    return events_remind()
