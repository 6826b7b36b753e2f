"""Who may manage which events in the admin.

Managers (and superusers) manage every event. Anyone else with the event permissions (Digital
Champions) manages only the events at the community centre a Manager assigned them to, and adds
events only there. That centre is their staff assignment (``champion_centre``), never the centre
they chose for themselves on their profile.
"""

from training.places.selectors import champion_centre
from training.users.roles import MANAGER, user_has_role


def event_manage_everywhere(user) -> bool:
    return bool(user.is_superuser or user_has_role(user, MANAGER))


def event_manage_centre(user):
    """The one centre whose events ``user`` manages (if not everywhere), or None for none."""
    return champion_centre(user=user)
