"""How people are shown to other people: their name, and a badge for a staff role.

A role badge is drawn from the person's role (their Django groups), never from what they typed
as a name: names may not contain role words (``training/users/names.py``). Safeguarding Officers
get no public badge, on purpose: who reads confidential reports is not announced.

Listings load the badge-giving groups with :func:`badge_prefetch` (one query for the whole page,
however many people are on it); without it, :func:`person_badges` reads the person's roles once.
"""

from django.contrib.auth.models import Group
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from training.users.roles import (
    COURSE_EDITOR,
    DIGITAL_CHAMPION,
    MANAGER,
    MODERATOR,
    user_roles,
)

BADGES = {
    MANAGER: _("Manager"),
    MODERATOR: _("Moderator"),
    DIGITAL_CHAMPION: _("Digital Champion"),
    COURSE_EDITOR: _("Course Editor"),
}
SUPERUSER_BADGE = _("Homes on the Net staff")
BADGE_ATTRIBUTE = "badge_groups"


def badge_prefetch(path: str) -> Prefetch:
    """A prefetch of the badge-giving groups of the people at ``path`` (e.g. ``"author"``)."""
    return Prefetch(
        f"{path}__groups" if path else "groups",
        queryset=Group.objects.filter(name__in=list(BADGES)).only("pk", "name"),
        to_attr=BADGE_ATTRIBUTE,
    )


def person_badges(user) -> list[str]:
    """The role badges to show beside ``user``'s name, most senior first."""
    if user is None or not getattr(user, "pk", None):
        return []
    if user.is_superuser:
        return [SUPERUSER_BADGE]
    prefetched = getattr(user, BADGE_ATTRIBUTE, None)
    roles = {group.name for group in prefetched} if prefetched is not None else user_roles(user)
    return [label for role, label in BADGES.items() if role in roles]
