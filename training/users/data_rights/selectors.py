"""Download everything we hold about you ("Download my data").

:func:`learner_data_export` gathers one person's data as plain JSON-ready values: their account
(never the password hash), profile and email addresses, then each app's sections, registered
under :data:`training.users.hooks.DATA_EXPORT_SECTIONS` (courses: the learning record; this app:
the person's own events in the activity stream; community, events, notifications, dashboards:
theirs). Other people appear only as the name of whoever helped.
"""

from typing import Any

from django.utils import timezone
from django.utils.formats import date_format

from wagtail import hooks

from allauth.account.models import EmailAddress

from training.core.models import ActivityEvent
from training.users.hooks import DATA_EXPORT_SECTIONS
from training.users.models import User

EXPORT_FORMAT_VERSION = 1


def export_time(moment) -> str | None:
    """A moment in ISO 8601 format, or None."""
    return moment.isoformat() if moment else None


def export_name(person: User | None) -> str | None:
    """The name of someone who appears in another person's download, or None."""
    return person.name if person is not None else None


def learner_data_export(*, learner: User) -> dict[str, Any]:
    """Everything held about ``learner``, ready for ``json.dumps``. A fixed number of queries."""
    learner = User.objects.select_related("neighbourhood", "community_centre", "assisted_by").get(
        pk=learner.pk
    )
    data: dict[str, Any] = {
        "about": (
            "Everything Homes on the Net holds about you, downloaded on "
            f"{date_format(timezone.localtime(), 'j F Y')}. Times are in ISO 8601 format."
        ),
        "format_version": EXPORT_FORMAT_VERSION,
        "account": {
            "id": learner.pk,
            "username": learner.username,
            "email": learner.email,
            "first_name": learner.first_name,
            "last_name": learner.last_name,
            "joined": export_time(learner.date_joined),
            "last_signed_in": export_time(learner.last_login),
            "active": learner.is_active,
            "made_with_help": learner.created_with_assistance,
            "made_by": export_name(learner.assisted_by),
            "works_for_the_landlord": learner.is_staff_member,
            "roles": sorted(learner.groups.values_list("name", flat=True)),
        },
        "profile": {
            "name_to_show": learner.display_name,
            "preferred_language": learner.preferred_language,
            "neighbourhood": learner.neighbourhood.name if learner.neighbourhood else None,
            "community_centre": (
                learner.community_centre.name if learner.community_centre else None
            ),
        },
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in EmailAddress.objects.filter(user=learner).order_by("pk")
        ],
    }
    for section in hooks.get_hooks(DATA_EXPORT_SECTIONS):
        for name, value in section(person=learner).items():
            if isinstance(value, dict) and isinstance(data.get(name), dict):
                data[name].update(value)
            else:
                data[name] = value
    return data


def activity_export(*, person: User) -> dict[str, Any]:
    """The person's own events in the activity stream (registered in wagtail_hooks.py)."""
    return {
        "activity": [
            {
                "what": event.verb,
                "when": export_time(event.occurred_at),
                "object_type": (
                    f"{event.object_type.app_label}.{event.object_type.model}"
                    if event.object_type
                    else None
                ),
                "object_id": event.object_id or None,
                "context": event.context,
            }
            for event in ActivityEvent.objects.filter(actor=person)
            .select_related("object_type")
            .order_by("occurred_at", "pk")
        ]
    }
