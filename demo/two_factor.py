"""Demo only: the demo staff who must use two-step sign-in get an authenticator app.

Its secret is published (printed by ``seed_demo`` and in the README) so anyone trying the demo
can add it to an app on their phone. ``seed_demo`` refuses to run under production settings.
"""

from training.users.models import User
from training.users.roles import role_needs_second_factor
from training.users.two_factor import authenticator_app_add

# Published on purpose, demo only. Base32, as authenticator apps expect.
DEMO_TOTP_SECRET = "HOMESONTHENETDEMOSECONDSTEPCODES"  # noqa: S105


def demo_second_factor_seed(*, emails, stdout) -> None:
    """Add the demo app to each of these accounts whose role needs two-step sign-in."""
    needing = [
        user
        for user in User.objects.filter(email__in=emails).order_by("pk")
        if role_needs_second_factor(user)
    ]
    for user in needing:
        authenticator_app_add(user=user, secret=DEMO_TOTP_SECRET)
    if not needing:
        return
    stdout.write(
        "Two-step sign-in: "
        + ", ".join(user.email for user in needing)
        + " must enter a code after the password."
    )
    stdout.write(
        f"  In an authenticator app (e.g. Google Authenticator, Microsoft Authenticator, "
        f"Aegis), choose 'Enter a setup key' and type {DEMO_TOTP_SECRET} (time-based). "
        "Then type the 6-digit code it shows."
    )
