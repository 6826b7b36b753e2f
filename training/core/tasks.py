from celery import shared_task

from training.core.email import email_deliver


@shared_task(
    bind=True,
    acks_late=True,
    autoretry_for=(OSError,),
    retry_backoff=True,
    retry_backoff_max=600,
    max_retries=8,
)
def email_send(
    self,
    *,
    subject: str,
    body: str,
    from_email: str,
    to: list[str],
    html: str | None = None,
    headers: dict[str, str] | None = None,
) -> int:
    """Send one email. Retries with backoff when the mail server cannot be reached."""
    return email_deliver(
        subject=subject, body=body, from_email=from_email, to=to, html=html, headers=headers
    )


@shared_task(acks_late=True)
def pages_publish_scheduled() -> None:
    """Publish pages whose "go live" time has come, and unpublish expired ones (Celery beat).

    Idempotent: a page already published is not published again.
    """
    from django.core.management import call_command

    call_command("publish_scheduled")
