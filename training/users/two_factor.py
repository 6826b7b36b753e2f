"""Two-step sign-in (allauth.mfa) for accounts made outside a browser: the demo and tests.

People add their own authenticator app on the "Two-step sign-in" pages; this module is only for
code that must give an account one directly, with a secret it already knows.
"""

from django.db import transaction

from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP
from allauth.mfa.utils import encrypt

from training.users.models import User

# What counts as a second step. Recovery codes alone do not: they come with an app or a key.
SECOND_FACTOR_TYPES = [Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN]


@transaction.atomic
def authenticator_app_add(*, user: User, secret: str) -> None:
    """Give ``user`` an authenticator app with this base32 ``secret``, and recovery codes.

    Safe to run again: an existing app is given this secret; recovery codes are kept.
    """
    existing = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
    if existing is None:
        TOTP.activate(user, secret)
    else:
        existing.data = {**existing.data, "secret": encrypt(secret)}
        existing.save(update_fields=["data"])
    RecoveryCodes.activate(user)
