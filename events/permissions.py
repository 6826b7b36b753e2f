"""Who may manage which events in the admin.

Managers (and superusers) manage every event. Anyone else with the event permissions (Digital
Champions) manages only the events at their own community centre, and adds events only there.
"""

from training.users.roles import MANAGER, user_has_role


def event_manage_everywhere(user) -> bool:
    return bool(user.is_superuser or user_has_role(user, MANAGER))
