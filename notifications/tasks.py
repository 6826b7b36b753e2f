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
