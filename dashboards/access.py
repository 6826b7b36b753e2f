"""Who may see the dashboard, and which places: every place, or one community centre.

A Digital Champion's centre is their staff assignment (``training.places.selectors``), set by a
Manager; without one they see nobody.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied

from training.places.models import CommunityCentre
from training.places.selectors import champion_centre

EVERY_PLACE_PERMISSION = "dashboards.view_dashboard"
CENTRE_PERMISSION = "dashboards.view_centre_dashboard"


@dataclass(frozen=True)
class Scope:
    """What one person may see. ``centre`` is None for every place."""

    every_place: bool
    centre: CommunityCentre | None = None

    @property
    def shows_names(self) -> bool:
        """Names of stalled learners are shown only in a centre's own view, to its champion.

        Managers see aggregate figures only (DESIGN.md: "aggregate data only"); a Digital
        Champion follows up the learners of their own centre, so they see who stalled.
        """
        return not self.every_place and self.centre is not None


def dashboard_allowed(user) -> bool:
    return user.is_authenticated and (
        user.has_perm(EVERY_PLACE_PERMISSION) or user.has_perm(CENTRE_PERMISSION)
    )


def dashboard_scope(*, user) -> Scope:
    """The places ``user`` may see; PermissionDenied (403) if they may not see the dashboard."""
    if not user.is_authenticated:
        raise PermissionDenied
    if user.has_perm(EVERY_PLACE_PERMISSION):
        return Scope(every_place=True)
    if user.has_perm(CENTRE_PERMISSION):
        # The centre a Manager assigned them to: never the one they chose on their profile.
        return Scope(every_place=False, centre=champion_centre(user=user))
    raise PermissionDenied
