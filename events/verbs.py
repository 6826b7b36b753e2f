"""The events app's activity verbs (see :mod:`training.core.verbs`)."""

from django.utils.translation import gettext_lazy as _

from training.core.verbs import verb_register

EVENT_BOOKED = verb_register(
    "community.event.booked",
    _("Booked a place at an event, or joined its waiting list. Taking part."),
    participation=True,
)
EVENT_CANCELLED = verb_register(
    "event.cancelled",
    _("Cancelled their place (or their place on the waiting list) at an event. Not taking part."),
)
