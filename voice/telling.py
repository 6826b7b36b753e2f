"""Telling people once: the one loop behind "You said, we did" and consultation decisions.

Both tell a list of people about a published page through the notifications app (each with its
own kind, ``improvement`` or ``consultation_decision``, so people choose how they hear about
each), and both must tell each person once, even when the page is published again or two
publishes race. ``told_record`` stores that a person was told (a row with a unique constraint):
a person it refuses was told before, so nothing is sent to them.

The words are built for each person in their own language: pass ``subject`` and ``body`` made
with :func:`notifications.texts.notice_text` (or ``gettext_lazy``), never already translated.
"""

from collections.abc import Callable, Iterable

from django.db import IntegrityError, transaction
from django.utils.functional import Promise

from notifications.services import notification_send
from training.users.models import User


def people_tell_once(
    *,
    people: Iterable[User],
    told_record: Callable[[User], object],
    kind: str,
    subject: str | Promise,
    body: str | Promise,
    url: str,
    dedupe_prefix: str,
) -> int:
    """Tell each of ``people`` once; answers how many were told now."""
    told = 0
    for person in people:
        try:
            # A savepoint: a second publish racing this one stops at the unique constraint.
            with transaction.atomic():
                told_record(person)
        except IntegrityError:
            continue
        notification_send(
            recipient=person,
            kind=kind,
            subject=subject,
            body=body,
            url=url,
            dedupe_key=f"{dedupe_prefix}-{person.pk}",
        )
        told += 1
    return told
