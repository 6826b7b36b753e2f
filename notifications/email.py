"""Building and sending notification emails: plain text and simple HTML, absolute links, and a
``List-Unsubscribe`` header with a signed one-click link that needs no sign-in."""

from django.conf import settings
from django.core import signing
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from training.core.addresses import absolute_url, site_url

UNSUBSCRIBE_SALT = "notifications.unsubscribe"


def unsubscribe_token(*, person_id: int) -> str:
    """A signed token naming one person. It does not expire: an old email's link must work."""
    return signing.dumps(person_id, salt=UNSUBSCRIBE_SALT)


def unsubscribe_person_id(*, token: str) -> int | None:
    try:
        person_id = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    return person_id if isinstance(person_id, int) else None


def unsubscribe_url(*, person_id: int) -> str:
    token = unsubscribe_token(person_id=person_id)
    return absolute_url(reverse("notifications:unsubscribe", kwargs={"token": token}))


def email_payload(*, person, template: str, subject: str, context: dict) -> dict:
    """The keyword arguments for :func:`training.core.tasks.email_send`."""
    stop_url = unsubscribe_url(person_id=person.pk)
    context = {
        **context,
        "name": person.name,
        "unsubscribe_url": stop_url,
        "settings_url": absolute_url(reverse("notifications:settings")),
        "site_url": site_url(),
        "language": person.preferred_language or settings.LANGUAGE_CODE,
    }
    # Everything in the recipient's language (a lazy subject is translated here too).
    with translation.override(person.preferred_language or None):
        body = render_to_string(f"notifications/email/{template}.txt", context)
        html = render_to_string(f"notifications/email/{template}.html", context)
        subject = " ".join(str(subject).split())
    return {
        "subject": subject,
        "body": body,
        "html": html,
        "from_email": settings.DEFAULT_FROM_EMAIL,
        "to": [person.email],
        "headers": {
            "List-Unsubscribe": f"<{stop_url}>",
            # RFC 8058: mail programs may POST to the link to unsubscribe in one click.
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    }
