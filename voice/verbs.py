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

# Reports of problems on an estate (voice.models.reports). Not counted as taking part here:
# the dashboards' participation index covers only verbs named "community.…".
REPORT_CREATED = verb_register(
    "report.created",
    _("Reported a problem on their estate (the category and neighbourhood are recorded)."),
)
REPORT_AFFECTS_ME_TOO = verb_register(
    "report.affects_me_too",
    _("Said that a problem someone reported on their estate affects them too."),
)
REPORT_STATUS_CHANGED = verb_register(
    "report.status_changed",
    _("A Housing Officer changed the status of a problem report (from and to are recorded)."),
)
