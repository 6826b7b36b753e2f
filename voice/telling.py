"""Telling people once: the one loop behind "You said, we did" and consultation decisions.

Both tell a list of people about a published page through the notifications app (kind
``report_update``: their choice of straight away, daily or none), and both must tell each
person once, even when the page is published again or two publishes race. ``told_record``
stores that a person was told (a row with a unique constraint): a person it refuses was told
before, so nothing is sent to them.
"""

from collections.abc import Callable, Iterable

from django.db import IntegrityError, transaction

from notifications.models import NotificationKind
from notifications.services import notification_send
from training.users.models import User


def people_tell_once(
    *,
    people: Iterable[User],
    told_record: Callable[[User], object],
    subject: str,
    body: str,
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
            kind=NotificationKind.REPORT_UPDATE,
            subject=subject,
            body=body,
            url=url,
            dedupe_key=f"{dedupe_prefix}-{person.pk}",
        )
        told += 1
    return told
