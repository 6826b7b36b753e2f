"""Writes of the reporting side: making a report, adding to it, unlinking a deleted account.

Nothing here logs or records what a reporter wrote. The activity stream gets one anonymous
"report made" (:mod:`safeguarding.verbs`); officers get an email that says only that an urgent
report is waiting.
"""

import functools
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import check_password, make_password
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from community.photos import PreparedPhoto
from community.text import text_clean
from notifications.services import outgoing_email_queue
from safeguarding.models.reports import (
    ConfidentialReport,
    ContactPreference,
    ReportAddition,
    ReportEvidence,
    ReportStrand,
    Strand,
)
from safeguarding.references import (
    phrase_new,
    phrase_normalise,
    reference_new,
    reference_normalise,
)
from safeguarding.verbs import REPORT_MADE
from training.core.addresses import site_url
from training.core.services import activity_record
from training.users.roles import SAFEGUARDING_OFFICER


@functools.cache
def _dummy_hash() -> str:
    """Checked against when no report has the reference, so that a wrong reference and a wrong
    phrase take the same time. Made on first use, not at import (hashing is slow on purpose)."""
    return make_password("no report has this reference")


@dataclass(frozen=True)
class EvidenceUpload:
    photo: PreparedPhoto
    description: str


@dataclass(frozen=True)
class ReportMade:
    """The new report and its secret phrase: shown to the reporter once, never stored."""

    report: ConfidentialReport
    phrase: str


@dataclass(frozen=True)
class ReportAnswers:
    """What the reporter told us, step by step (``safeguarding/reporting_forms.py``)."""

    strands: list[str]
    affected: str
    happening_now: bool
    threat_to_life: bool
    happened_on: date | None
    ongoing: bool
    neighbourhood_id: int | None
    where: str
    description: str
    contact_preference: str
    contact_name: str = ""
    contact_email: str = ""
    contact_phone: str = ""
    # (latitude, longitude) on the neighbourhood's outline, checked by the form.
    place: tuple[Decimal, Decimal] | None = None


def _reference_unique() -> str:
    for _attempt in range(20):
        reference = reference_new()
        if not ConfidentialReport.objects.filter(reference=reference).exists():
            return reference
    raise RuntimeError("Could not find an unused report reference.")  # pragma: no cover


def _officers() -> list[tuple[int, str]]:
    """(id, email) of every active Safeguarding Officer with an address."""
    people = (
        get_user_model()
        .objects.filter(groups__name=SAFEGUARDING_OFFICER, is_active=True)
        .exclude(email="")
    )
    return sorted(set(people.values_list("pk", "email")))


def _urgent_alert_queue(*, report: ConfidentialReport) -> None:
    """Tell every officer at once (after commit) that an urgent report is waiting. The email
    holds no content and no reference: an officer reads the report signed in."""
    body = render_to_string("safeguarding/report/email/urgent.txt", {"url": site_url()})
    for officer_id, email in _officers():
        outgoing_email_queue(
            key=f"safeguarding-urgent-{report.pk}-{officer_id}",
            payload={
                "subject": _("An urgent report is waiting"),
                "body": body,
                "from_email": settings.DEFAULT_FROM_EMAIL,
                "to": [email],
            },
        )


@transaction.atomic
def report_make(
    *,
    answers: ReportAnswers,
    reporter=None,
    evidence: list[EvidenceUpload] | None = None,
) -> ReportMade:
    """Store a report (``reporter``: the signed-in person who chose to keep it with their
    account, else None) with a new reference and phrase; alert officers if it is urgent."""
    strands = [strand for strand in Strand.values if strand in set(answers.strands)]
    if not strands:
        raise ValueError("A report needs at least one kind of thing that happened.")
    phrase = phrase_new()
    wants = answers.contact_preference
    now = timezone.now()
    report = None
    for _attempt in range(3):  # a reference taken between the check and the insert: try again
        try:
            with transaction.atomic():
                report = ConfidentialReport.objects.create(
                    reference=_reference_unique(),
                    phrase_hash=make_password(phrase),
                    reporter=reporter if getattr(reporter, "pk", None) else None,
                    affected=answers.affected,
                    happened_on=answers.happened_on,
                    ongoing=answers.ongoing,
                    happening_now=answers.happening_now,
                    threat_to_life=answers.threat_to_life,
                    urgent=answers.happening_now or answers.threat_to_life,
                    neighbourhood_id=answers.neighbourhood_id,
                    latitude=answers.place[0] if answers.place else None,
                    longitude=answers.place[1] if answers.place else None,
                    where=text_clean(answers.where),
                    description=text_clean(answers.description),
                    contact_preference=wants,
                    contact_name=text_clean(answers.contact_name)
                    if wants != ContactPreference.NONE
                    else "",
                    contact_email=answers.contact_email.strip()
                    if wants == ContactPreference.EMAIL
                    else "",
                    contact_phone=answers.contact_phone.strip()
                    if wants == ContactPreference.PHONE
                    else "",
                    created_at=now,
                    updated_at=now,
                )
            break
        except IntegrityError:
            continue
    if report is None:  # pragma: no cover - three clashes in a row
        raise RuntimeError("Could not store the report under a new reference.")
    ReportStrand.objects.bulk_create(
        [ReportStrand(report=report, strand=strand) for strand in strands]
    )
    for upload in evidence or []:
        evidence_add(report=report, upload=upload)
    if report.urgent:
        _urgent_alert_queue(report=report)
    # Anonymous: no actor, no object, the day only.
    day = timezone.make_aware(datetime.combine(timezone.localdate(now), time.min))
    activity_record(actor=None, verb=REPORT_MADE, occurred_at=day)
    return ReportMade(report=report, phrase=phrase)


def evidence_add(*, report: ConfidentialReport, upload: EvidenceUpload) -> ReportEvidence:
    evidence = ReportEvidence(
        report=report,
        width=upload.photo.width,
        height=upload.photo.height,
        description=text_clean(upload.description),
    )
    evidence.photo.save(str(upload.photo.file.name), upload.photo.file, save=False)
    evidence.save()
    return evidence


def report_unlock(*, reference: str, phrase: str) -> ConfidentialReport | None:
    """The report with this reference and phrase, or None: the same for a wrong reference and
    a wrong phrase (and about the same time)."""
    wanted = reference_normalise(reference)
    report = ConfidentialReport.objects.filter(reference=wanted).first() if wanted else None
    if report is None:
        check_password(phrase_normalise(phrase), _dummy_hash())
        return None
    if not check_password(phrase_normalise(phrase), report.phrase_hash):
        return None
    return report


@transaction.atomic
def report_add_information(
    *, report: ConfidentialReport, text: str, evidence: list[EvidenceUpload] | None = None
) -> ReportAddition:
    """The reporter adds to their report (with the reference and phrase, or signed in)."""
    addition = ReportAddition.objects.create(report=report, text=text_clean(text))
    for upload in evidence or []:
        evidence_add(report=report, upload=upload)
    ConfidentialReport.objects.filter(pk=report.pk).update(updated_at=timezone.now())
    return addition


def reporter_unlink(*, person) -> int:
    """Before an account is deleted: its reports stay, without the link to it."""
    return ConfidentialReport.objects.filter(reporter=person).update(reporter=None)
