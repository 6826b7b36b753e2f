from notifications.models import Notification

RECENT_LIMIT = 20


def notifications_recent(*, person, limit: int = RECENT_LIMIT) -> list[Notification]:
    """The person's latest notifications, newest first, in one query."""
    return list(
        Notification.objects.filter(recipient=person)
        .only("pk", "kind", "subject", "body", "url", "created_at", "delivery", "emailed_at")
        .order_by("-created_at", "-pk")[:limit]
    )
