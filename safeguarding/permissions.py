"""Who may read and handle confidential reports: the one rule (issue 14).

Every officer page, every evidence file and every export asks :func:`reports_may_handle`, and
nothing else decides. Only a person who holds the Safeguarding Officer role themselves, and who
has two-step sign-in switched on, may read reports. Managers, Moderators and superusers are
refused unless they also hold the role: ``training.users.roles.user_roles`` gives superusers
every role for the rest of the site, so this rule reads the person's groups itself.
"""

from allauth.mfa.utils import is_mfa_enabled

from training.users.roles import SAFEGUARDING_OFFICER
from training.users.two_factor import SECOND_FACTOR_TYPES

# Remembered on the user object for the request: the groups and the authenticator are read once.
_CACHE_ATTRIBUTE = "_safeguarding_may_handle"


def reports_may_handle(*, user) -> bool:
    """Whether ``user`` may read and handle confidential reports and their files.

    Yes only for an active, signed-in person in the Safeguarding Officer group with an
    authenticator app or security key (``SECOND_FACTOR_TYPES``; allauth then asks for its code at
    every sign-in, and ``SecondFactorRequiredMiddleware`` sends an officer without one to set it
    up). Superuser status, other roles and permissions count for nothing here.
    """
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    cached = getattr(user, _CACHE_ATTRIBUTE, None)
    if cached is not None:
        return cached
    allowed = user.groups.filter(name=SAFEGUARDING_OFFICER).exists() and is_mfa_enabled(
        user, types=SECOND_FACTOR_TYPES
    )
    setattr(user, _CACHE_ATTRIBUTE, allowed)
    return allowed
