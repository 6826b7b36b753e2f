from celery import shared_task


@shared_task(acks_late=True)
def notifications_digest_daily() -> int:
    """Send each person who chose "One email a day" one email with everything new (Celery beat).

    Hands each batch of people to its own task; returns how many batches were queued."""
    from notifications.digest import digests_dispatch

    return digests_dispatch()


@shared_task(acks_late=True)
def notifications_digest_batch(*, recipient_ids: list[int]) -> int:
    """Send the daily email to one batch of people. Returns how many emails were sent."""
    from notifications.digest import digest_batch_send

    return digest_batch_send(recipient_ids=recipient_ids)


# Shorter than the outbox lease (notifications.services.OUTBOX_LEASE_SECONDS), so a worker that
# is still sending never loses its claim to another.
SEND_SOFT_TIME_LIMIT = 90
SEND_TIME_LIMIT = 120


@shared_task(
    bind=True,
    acks_late=True,
    autoretry_for=(OSError,),
    retry_backoff=True,
    retry_backoff_max=600,
    max_retries=8,
    soft_time_limit=SEND_SOFT_TIME_LIMIT,
    time_limit=SEND_TIME_LIMIT,
)
def outgoing_email_send(self, *, email_id: int) -> str:
    """Send one email of the outbox, once. Retries with backoff when the mail server cannot be
    reached; when another worker holds the email, tries again after that worker's lease."""
    from notifications.services import SendOutcome, outgoing_email_deliver

    result = outgoing_email_deliver(email_id=email_id)
    if result.outcome == SendOutcome.BUSY and not self.request.is_eager:
        raise self.retry(countdown=result.retry_in + 1)
    return result.outcome.value


@shared_task(acks_late=True)
def outgoing_emails_flush() -> int:
    """Every minute (Celery beat): hand on again the emails that were lost on the way."""
    from notifications.services import outgoing_emails_flush as flush

    return flush()


@shared_task(acks_late=True)
def notifications_retention_delete_task() -> dict[str, int]:
    """Beat, every night: delete messages past retention and emails never sent that are past
    keeping (notifications/retention.py). Safe to run twice."""
    from notifications.retention import notifications_retention_delete

    result = notifications_retention_delete()
    return {"notifications": result.notifications, "unsent_emails": result.unsent_emails}
