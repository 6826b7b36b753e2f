from django.contrib.auth import get_user_model
from django.db.models import CharField, OuterRef, Subquery, Value

from allauth.account.models import EmailAddress

from notifications.models import (
    EmailChoice,
    KindEmailChoice,
    Notification,
    NotificationKind,
    NotificationPreference,
)

RECENT_LIMIT = 20


# Kinds of message people may choose for one by one. A hidden post is always emailed (see
# notifications.services), so it is not offered.
CHOOSABLE_KINDS = [kind for kind in NotificationKind if kind != NotificationKind.CONTENT_HIDDEN]


def email_choice_get(*, person, kind: str | None = None) -> str:
    """``person``'s choice of emails: for all messages, or (with ``kind``) for that kind, which
    is their choice for all unless they chose differently for it. One query."""
    if kind is None:
        choice = (
            NotificationPreference.objects.filter(person=person)
            .values_list("email", flat=True)
            .first()
        )
        return choice or EmailChoice.IMMEDIATE
    row = (
        get_user_model()
        .objects.filter(pk=person.pk)
        .annotate(
            for_kind=Subquery(
                KindEmailChoice.objects.filter(person=OuterRef("pk"), kind=kind).values("email")[:1]
            ),
            for_all=Subquery(
                NotificationPreference.objects.filter(person=OuterRef("pk")).values("email")[:1]
            ),
        )
        .values_list("for_kind", "for_all")
        .first()
    )
    for_kind, for_all = row or (None, None)
    return for_kind or for_all or EmailChoice.IMMEDIATE


def email_choices_by_kind(*, person) -> dict[str, str]:
    """The kinds ``person`` chose differently for, with their choice."""
    return dict(
        KindEmailChoice.objects.filter(person=person).order_by("kind").values_list("kind", "email")
    )


def email_address_usable(*, person) -> bool:
    if not person.is_active or not person.email:
        return False
    return EmailAddress.objects.filter(
        user=person, email__iexact=person.email, verified=True
    ).exists()


def _email_choices(*, person) -> tuple[str, dict[str, str]]:
    """The choice for all and the choices by kind, in one query (a UNION)."""
    rows = (
        NotificationPreference.objects.filter(person=person)
        .annotate(kind=Value("", output_field=CharField()))
        .values_list("kind", "email")
        .union(KindEmailChoice.objects.filter(person=person).values_list("kind", "email"))
    )
    choices = dict(rows)
    for_all = choices.pop("", None) or EmailChoice.IMMEDIATE
    return for_all, dict(sorted(choices.items()))


def notifications_recent(*, person, limit: int = RECENT_LIMIT) -> list[Notification]:
    """The person's latest notifications, newest first, in one query."""
    return list(
        Notification.objects.filter(recipient=person)
        .only("pk", "kind", "subject", "body", "url", "created_at", "delivery", "emailed_at")
        .order_by("-created_at", "-pk")[:limit]
    )


def notifications_export(*, person) -> dict:
    """Everything notifications hold about ``person``, for "Download my data"."""
    for_all, by_kind = _email_choices(person=person)
    return {
        "email_choice": for_all,
        "email_choices_by_kind": by_kind,
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
