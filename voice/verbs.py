"""Tenant voice's activity verbs (see :mod:`training.core.verbs`)."""

from django.utils.translation import gettext_lazy as _

from training.core.verbs import verb_register

TENANT_VERIFIED = verb_register(
    "tenant.verified",
    _(
        "Showed they are a tenant: with their tenancy reference and postcode, or in person to a "
        "Digital Champion or Housing Officer (who is recorded). Not taking part by itself."
    ),
)
