"""Celery tasks of accounts: thin, each calls a service."""

from celery import shared_task


@shared_task(acks_late=True)
def sessions_clear_expired_task() -> int:
    """Beat, every night: delete expired sessions (training/users/sessions.py). Safe to run
    twice: a second run finds nothing to delete."""
    from training.users.sessions import sessions_clear_expired

    return sessions_clear_expired()
