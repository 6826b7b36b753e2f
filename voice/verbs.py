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

# Reports of problems on an estate (voice.models.reports). Reporting a problem and saying it
# affects you too count as taking part, so their names start with "community." (the
# dashboards' participation index covers those rows only).
REPORT_CREATED = verb_register(
    "community.report.created",
    _(
        "Reported a problem on their estate (the category and neighbourhood are recorded). "
        "Counts as taking part."
    ),
    participation=True,
)
REPORT_AFFECTS_ME_TOO = verb_register(
    "community.report.affects_me_too",
    _(
        "Said that a problem someone reported on their estate affects them too. Counts as "
        "taking part."
    ),
    participation=True,
)
REPORT_STATUS_CHANGED = verb_register(
    "report.status_changed",
    _(
        "A Housing Officer changed the status of a problem report (from and to are recorded). "
        "Not taking part: it is the landlord's answer."
    ),
)

# Estate checks (voice.models.estate_checks). Answering counts as taking part, so its name
# starts with "community." (the dashboards' participation index covers those rows only).
ESTATE_CHECK_ANSWERED = verb_register(
    "community.estate_check.answered",
    _(
        "Answered an estate check about their neighbourhood (the check and neighbourhood are "
        "recorded). Counts as taking part."
    ),
    participation=True,
)
ESTATE_CHECK_CHANGED = verb_register(
    "estate_check.changed",
    _("Changed their answers to an estate check before it closed. Not taking part by itself."),
)

# You said, we did (voice.models.improvements): the people of an improvement's reports told.
IMPROVEMENT_PEOPLE_TOLD = verb_register(
    "improvement.people_told",
    _(
        "An improvement (You said, we did) was published and the people who raised its "
        "reports were told (how many is recorded). Not taking part: it is the landlord's answer."
    ),
)

# Consultations (voice.models.consultations). Answering counts as taking part.
CONSULTATION_ANSWERED = verb_register(
    "community.consultation.answered",
    _(
        "Sent their answers to a consultation, or a Digital Champion entered their paper "
        "answers (recorded as assisted). Counts as taking part."
    ),
    participation=True,
)
CONSULTATION_CHANGED = verb_register(
    "consultation.changed",
    _("Changed their answers to a consultation before it closed. Not taking part by itself."),
)
CONSULTATION_DECISION_TOLD = verb_register(
    "consultation.decision_told",
    _(
        "A consultation's decision was published and everyone who took part was told (how many "
        "is recorded). Not taking part: it is the landlord's answer."
    ),
)
