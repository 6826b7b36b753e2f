from celery import shared_task

from notifications.email import email_deliver


@shared_task(
    bind=True,
    acks_late=True,
    autoretry_for=(OSError,),
    retry_backoff=True,
    retry_backoff_max=600,
    max_retries=8,
)
def notification_email_send(
    self,
    *,
    subject: str,
    body: str,
    from_email: str,
    to: list[str],
    html: str | None = None,
    headers: dict[str, str] | None = None,
) -> int:
    """Send one notification email (with its List-Unsubscribe header). Retries with backoff when
    the mail server cannot be reached."""
    return email_deliver(
        subject=subject, body=body, from_email=from_email, to=to, html=html, headers=headers
    )


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
