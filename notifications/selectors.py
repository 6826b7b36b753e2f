from allauth.account.models import EmailAddress

from notifications.models import EmailChoice, Notification, NotificationPreference

RECENT_LIMIT = 20


def email_choice_get(*, person) -> str:
    choice = (
        NotificationPreference.objects.filter(person=person).values_list("email", flat=True).first()
    )
    return choice or EmailChoice.IMMEDIATE


def email_address_usable(*, person) -> bool:
    if not person.is_active or not person.email:
        return False
    return EmailAddress.objects.filter(
        user=person, email__iexact=person.email, verified=True
    ).exists()


def notifications_recent(*, person, limit: int = RECENT_LIMIT) -> list[Notification]:
    """The person's latest notifications, newest first, in one query."""
    return list(
        Notification.objects.filter(recipient=person)
        .only("pk", "kind", "subject", "body", "url", "created_at", "delivery", "emailed_at")
        .order_by("-created_at", "-pk")[:limit]
    )


def notifications_export(*, person) -> dict:
    """Everything notifications hold about ``person``, for "Download my data"."""
    return {
        "email_choice": email_choice_get(person=person),
        "notifications": [
            {
                "kind": row.kind,
                "subject": row.subject,
                "message": row.body,
                "link": row.url,
                "sent": row.created_at.isoformat(),
                "emailed": row.emailed_at.isoformat() if row.emailed_at else None,
            }
            for row in Notification.objects.filter(recipient=person).order_by("created_at", "pk")
        ],
    }
