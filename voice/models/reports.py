"""Reports of problems on an estate, with a public status (like FixMyStreet).

A verified tenant reports a problem in the neighbourhood of their tenancy. Everyone may read
the list of a neighbourhood's reports and each one's status history; the reporter's name shows
only if they chose so. Photos (re-encoded by :mod:`community.photos`, no EXIF, no GPS) are kept
in private storage and handed out by a view after its check. Housing Officers move a report
through its statuses; every move is a :class:`ReportUpdate` with a public note.

Anti-social behaviour and hate incidents are never a :class:`Report`: the form sends the
tenant to the confidential route instead.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from community.photos import photo_file_name
from training.core.storage import private_storage

REPORT_DESCRIPTION_MAX_LENGTH = 2000
REPORT_NOTE_MAX_LENGTH = 1000
PHOTO_DESCRIPTION_MAX_LENGTH = 200


class ReportCategory(models.TextChoices):
    REPAIRS = "repairs", _("Repairs to shared areas")
    CLEANING = "cleaning", _("Cleaning")
    LIGHTING = "lighting", _("Lighting")
    RUBBISH = "rubbish", _("Rubbish")
    GREEN_SPACES = "green_spaces", _("Green spaces")
    PARKING = "parking", _("Parking")
    OTHER = "other", _("Something else")


class ReportStatus(models.TextChoices):
    REPORTED = "reported", _("Reported")
    ACKNOWLEDGED = "acknowledged", _("Acknowledged")
    PLANNED = "planned", _("Planned")
    FIXED = "fixed", _("Fixed")
    WONT_FIX = "wont_fix", _("Won't fix")


def report_photo_upload_to(instance, filename: str) -> str:  # noqa: ARG001 - the name is ignored
    return photo_file_name(folder="voice/reports", filename=filename)


class Report(models.Model):
    """One problem on an estate, reported by a verified tenant of its neighbourhood."""

    neighbourhood = models.ForeignKey(
        "places.Neighbourhood",
        verbose_name=_("neighbourhood"),
        on_delete=models.PROTECT,
        related_name="reports",
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reported by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="estate_reports",
    )
    category = models.CharField(_("what kind of problem"), max_length=20, choices=ReportCategory)
    description = models.TextField(_("what is wrong"), max_length=REPORT_DESCRIPTION_MAX_LENGTH)
    show_name = models.BooleanField(_("show my name with the report"), default=False)
    # Where the problem is (never the tenant's home); optional.
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ReportStatus, default=ReportStatus.REPORTED
    )
    planned_for = models.DateField(_("planned for"), null=True, blank=True)
    wont_fix_reason = models.TextField(
        _("why it will not be fixed"), blank=True, max_length=REPORT_NOTE_MAX_LENGTH
    )
    created_at = models.DateTimeField(_("reported"), default=timezone.now)
    # The last time its status changed (or when it was reported): what "stalled" reads.
    updated_at = models.DateTimeField(_("last update"), default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("estate report")
        verbose_name_plural = _("estate reports")
        default_permissions = ()
        indexes = [
            models.Index(fields=["neighbourhood", "-created_at"], name="voice_report_place_new"),
            models.Index(fields=["status", "updated_at"], name="voice_report_status_upd"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=[status.value for status in ReportStatus]),
                name="voice_report_status_known",
            ),
            models.CheckConstraint(
                condition=~Q(status=ReportStatus.PLANNED) | Q(planned_for__isnull=False),
                name="voice_report_planned_has_date",
            ),
            models.CheckConstraint(
                condition=~Q(status=ReportStatus.WONT_FIX) | ~Q(wont_fix_reason=""),
                name="voice_report_wont_fix_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_category_display()} ({self.neighbourhood_id})"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("voice:report_detail", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.status not in (ReportStatus.FIXED, ReportStatus.WONT_FIX)


class ReportPhoto(models.Model):
    """A photo of the problem: re-encoded without EXIF, in private storage."""

    report = models.ForeignKey(
        Report, verbose_name=_("report"), on_delete=models.CASCADE, related_name="photos"
    )
    photo = models.FileField(_("photo"), upload_to=report_photo_upload_to, storage=private_storage)
    width = models.PositiveIntegerField(_("width"))
    height = models.PositiveIntegerField(_("height"))
    description = models.CharField(
        _("what the photo shows"), max_length=PHOTO_DESCRIPTION_MAX_LENGTH
    )

    class Meta:
        ordering = ["pk"]
        verbose_name = _("estate report photo")
        default_permissions = ()

    def __str__(self) -> str:
        return self.description


class ReportUpdate(models.Model):
    """One change of a report's status: who, when, from what to what, and a public note."""

    report = models.ForeignKey(
        Report, verbose_name=_("report"), on_delete=models.CASCADE, related_name="updates"
    )
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField(_("when"), default=timezone.now)
    from_status = models.CharField(_("from"), max_length=20, choices=ReportStatus)
    to_status = models.CharField(_("to"), max_length=20, choices=ReportStatus)
    planned_for = models.DateField(_("planned for"), null=True, blank=True)
    note = models.TextField(_("public note"), blank=True, max_length=REPORT_NOTE_MAX_LENGTH)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("estate report update")
        default_permissions = ()

    def __str__(self) -> str:
        return f"{self.from_status} → {self.to_status}"


class ReportAffected(models.Model):
    """ "This affects me too": one person, once per report (instead of a duplicate report)."""

    report = models.ForeignKey(
        Report, verbose_name=_("report"), on_delete=models.CASCADE, related_name="affected"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="estate_reports_affected",
    )
    created_at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        verbose_name = _("estate report: affects me too")
        default_permissions = ()
        constraints = [
            models.UniqueConstraint(fields=["report", "person"], name="voice_report_affected_once"),
        ]

    def __str__(self) -> str:
        return f"{self.person_id} → {self.report_id}"
