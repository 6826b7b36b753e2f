"""Confidential reports of hate incidents and anti-social behaviour, as the reporter made them.

Everything a person wrote (what happened, where, contact details, what they added later, what
the photos show) is an :class:`~safeguarding.crypto.EncryptedTextField`. The choices (strands,
who was affected, urgency), the neighbourhood and the dates stay plain: the statistics count them.
Only Safeguarding Officers read reports (``safeguarding/permissions.py``); the officers' side
(notes, referrals, replies, the access log) lives in ``safeguarding/models/handling.py``.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from community.photos import photo_file_name
from safeguarding.crypto import EncryptedTextField
from safeguarding.references import reference_display
from training.core.storage import private_storage

DESCRIPTION_MAX_LENGTH = 5000
WHERE_MAX_LENGTH = 500
ADDITION_MAX_LENGTH = 3000
CONTACT_MAX_LENGTH = 200
EVIDENCE_DESCRIPTION_MAX_LENGTH = 200


class Strand(models.TextChoices):
    """What happened: the five monitored hate-crime strands, then the other kinds."""

    DISABILITY = "disability", _("Disability")
    RACE = "race", _("Race")
    RELIGION = "religion", _("Religion or belief")
    SEXUAL_ORIENTATION = "sexual_orientation", _("Sexual orientation")
    TRANSGENDER = "transgender", _("Transgender identity")
    OTHER_HATE = "other_hate", _("Other hate")
    ANTI_SOCIAL = "anti_social", _("Anti-social behaviour")
    HARASSMENT = "harassment", _("Harassment")


HATE_STRANDS = frozenset(
    {
        Strand.DISABILITY,
        Strand.RACE,
        Strand.RELIGION,
        Strand.SEXUAL_ORIENTATION,
        Strand.TRANSGENDER,
        Strand.OTHER_HATE,
    }
)


class Affected(models.TextChoices):
    ME = "me", _("It happened to me")
    SOMEONE_ELSE = "someone_else", _("It happened to someone else")
    WITNESS = "witness", _("I saw it happen")


class ContactPreference(models.TextChoices):
    NONE = "none", _("Do not contact me")
    EMAIL = "email", _("By email")
    PHONE = "phone", _("By phone")


class Status(models.TextChoices):
    RECEIVED = "received", _("Received")
    ASSESSED = "assessed", _("Assessed")
    REFERRED = "referred", _("Referred")
    CLOSED = "closed", _("Closed")


class Outcome(models.TextChoices):
    RESOLVED = "resolved", _("Resolved")
    REFERRED_ON = "referred_on", _("Passed to another service")
    NO_FURTHER_ACTION = "no_further_action", _("No further action possible")
    WITHDRAWN = "withdrawn", _("Withdrawn by the person who reported it")


def evidence_upload_to(instance, filename: str) -> str:  # noqa: ARG001 - the name is ignored
    return photo_file_name(folder="safeguarding/evidence", filename=filename)


class ConfidentialReport(models.Model):
    """One report. ``reporter`` is set only when a signed-in person chose to keep it with their
    account; deleting the account keeps the report and removes the link."""

    reference = models.CharField(_("reference"), max_length=8, unique=True, editable=False)
    # A password hash (``make_password``) of the secret phrase; never the phrase itself.
    phrase_hash = models.CharField(_("secret phrase (hashed)"), max_length=128, editable=False)
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reported by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="confidential_reports",
    )
    affected = models.CharField(_("who was affected"), max_length=20, choices=Affected)
    happened_on = models.DateField(_("when it happened"), null=True, blank=True)
    ongoing = models.BooleanField(_("it keeps happening"), default=False)
    # The reporter's answers that make a report urgent: officers are alerted at once.
    happening_now = models.BooleanField(_("happening now"), default=False)
    threat_to_life = models.BooleanField(_("someone's life is in danger"), default=False)
    urgent = models.BooleanField(_("urgent"), default=False)
    neighbourhood = models.ForeignKey(
        "places.Neighbourhood",
        verbose_name=_("neighbourhood"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Where it happened on the neighbourhood's outline (never where the reporter lives).
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    where = EncryptedTextField(_("where it happened"), blank=True, max_length=WHERE_MAX_LENGTH)
    description = EncryptedTextField(_("what happened"), max_length=DESCRIPTION_MAX_LENGTH)
    contact_preference = models.CharField(
        _("how to contact"), max_length=10, choices=ContactPreference, default="none"
    )
    contact_name = EncryptedTextField(_("name"), blank=True, max_length=CONTACT_MAX_LENGTH)
    contact_email = EncryptedTextField(_("email"), blank=True, max_length=CONTACT_MAX_LENGTH)
    contact_phone = EncryptedTextField(_("phone"), blank=True, max_length=CONTACT_MAX_LENGTH)
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.RECEIVED)
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome, blank=True)
    created_at = models.DateTimeField(_("reported"), default=timezone.now)
    updated_at = models.DateTimeField(_("last change"), default=timezone.now)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("confidential report")
        verbose_name_plural = _("confidential reports")
        default_permissions = ()
        indexes = [
            models.Index(fields=["status", "closed_at"], name="safeguarding_report_closed"),
            models.Index(fields=["created_at"], name="safeguarding_report_created"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=[status.value for status in Status]),
                name="safeguarding_report_status_known",
            ),
            models.CheckConstraint(
                condition=~Q(status=Status.CLOSED) | Q(closed_at__isnull=False),
                name="safeguarding_report_closed_has_date",
            ),
        ]

    def __str__(self) -> str:
        # Never the content: this string may reach logs and admin lists.
        return self.reference_display

    @property
    def reference_display(self) -> str:
        return reference_display(self.reference)

    @property
    def strands(self) -> list[str]:
        return [row.strand for row in self.strand_rows.all()]


class ReportStrand(models.Model):
    """One kind of thing that happened (a report may have several): counted by the statistics."""

    report = models.ForeignKey(
        ConfidentialReport,
        verbose_name=_("report"),
        on_delete=models.CASCADE,
        related_name="strand_rows",
    )
    strand = models.CharField(_("what happened"), max_length=20, choices=Strand)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("confidential report strand")
        default_permissions = ()
        constraints = [
            models.UniqueConstraint(fields=["report", "strand"], name="safeguarding_strand_once"),
        ]

    def __str__(self) -> str:
        return self.strand


class ReportEvidence(models.Model):
    """A photo given as evidence: re-encoded without EXIF (community.photos), private storage."""

    report = models.ForeignKey(
        ConfidentialReport,
        verbose_name=_("report"),
        on_delete=models.CASCADE,
        related_name="evidence",
    )
    photo = models.FileField(_("photo"), upload_to=evidence_upload_to, storage=private_storage)
    width = models.PositiveIntegerField(_("width"))
    height = models.PositiveIntegerField(_("height"))
    description = EncryptedTextField(
        _("what the photo shows"), blank=True, max_length=EVIDENCE_DESCRIPTION_MAX_LENGTH
    )
    created_at = models.DateTimeField(_("added"), default=timezone.now)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("confidential report evidence")
        default_permissions = ()

    def __str__(self) -> str:
        return f"evidence {self.pk}"


class ReportAddition(models.Model):
    """More information the reporter added later (with the reference and phrase, or signed in)."""

    report = models.ForeignKey(
        ConfidentialReport,
        verbose_name=_("report"),
        on_delete=models.CASCADE,
        related_name="additions",
    )
    text = EncryptedTextField(_("what you want to add"), max_length=ADDITION_MAX_LENGTH)
    created_at = models.DateTimeField(_("added"), default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("confidential report addition")
        default_permissions = ()

    def __str__(self) -> str:
        return f"addition {self.pk}"
