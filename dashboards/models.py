"""The dashboards' own table: exports of the dashboard, built in the background.

``DashboardExport`` also carries the two dashboard permissions (see ``training/users/roles.py``):
``view_dashboard`` (every place: Managers) and ``view_centre_dashboard`` (the person's own
community centre only: Digital Champions).
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from training.core.storage import private_storage


class ExportStatus(models.TextChoices):
    PREPARING = "preparing", _("Being prepared")
    READY = "ready", _("Ready")
    FAILED = "failed", _("Could not be made")


def export_path(instance: "DashboardExport", filename: str) -> str:
    # An unguessable name: files are only ever handed out through the download view.
    return f"dashboards/exports/{instance.pk}/{filename}"


class DashboardExport(models.Model):
    """Every table of the dashboard, for one choice of filters, as CSV files in a zip."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("asked for by"),
        on_delete=models.CASCADE,
        related_name="dashboard_exports",
    )
    requested_at = models.DateTimeField(_("asked for"), default=timezone.now)
    # The dashboard's query string (period, course, place, learner type), as a dict of strings.
    filters = models.JSONField(_("filters"), default=dict, blank=True)
    # The places the person could see when they asked: every place, or one centre.
    every_place = models.BooleanField(_("every place"), default=False)
    centre = models.ForeignKey(
        "places.CommunityCentre",
        verbose_name=_("community centre"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=16, choices=ExportStatus.choices, default=ExportStatus.PREPARING
    )
    # Private storage: exports can hold names, so they are only handed out by the export view.
    file = models.FileField(_("file"), upload_to=export_path, storage=private_storage, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("dashboard export")
        ordering = ["-requested_at"]
        permissions = [
            ("view_dashboard", _("Can see the dashboard for every place")),
            ("view_centre_dashboard", _("Can see the dashboard for their own community centre")),
        ]

    def __str__(self) -> str:
        return f"Dashboard export {self.pk} ({self.status})"


class DashboardSnapshot(models.Model):
    """The dashboard's tables for one view (places, filters, language), worked out earlier.

    A summary table: a Celery beat task refreshes the usual views every few minutes, and the
    dashboard works out (and stores) any other view when it is asked for, so the figures are
    always at most ``DASHBOARD_SNAPSHOT_MAX_AGE`` seconds old, with or without beat.
    """

    key = models.CharField(max_length=64, unique=True)
    every_place = models.BooleanField(default=False)
    centre = models.ForeignKey(
        "places.CommunityCentre", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    filters = models.JSONField(default=dict)
    language = models.CharField(max_length=12)
    tables = models.JSONField(default=dict)
    computed_at = models.DateTimeField()

    class Meta:
        verbose_name = _("dashboard snapshot")

    def __str__(self) -> str:
        return f"Dashboard snapshot {self.key} at {self.computed_at:%Y-%m-%d %H:%M}"


class LessonMonth(models.Model):
    """Facts for the dashboard: one learner's lessons in one local calendar month.

    One row per learner, course and month (``course_id`` is 0 for the row that counts every
    course, including lessons whose course was deleted since). Kept in step by
    :func:`dashboards.facts.learner_facts_touch` whenever a lesson is completed, and rebuilt from
    the completions by ``manage.py dashboard_facts_rebuild``. The learner's place and type are
    deliberately not copied here: they are read from the learner, so a learner who moves needs
    no change and figures always follow where the learner lives now, as the raw tables do.
    """

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", db_constraint=True
    )
    # Not a foreign key: 0 means "every course", and a deleted course keeps its old rows.
    course_id = models.IntegerField()
    month = models.DateField()  # the first day of the month, in settings.TIME_ZONE
    lessons = models.IntegerField()
    helped = models.IntegerField()

    class Meta:
        verbose_name = _("lesson month fact")
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "course_id", "month"], name="lesson_month_once"
            ),
        ]
        indexes = [
            # A period's whole months read from the index alone.
            models.Index(
                fields=["course_id", "month"],
                include=["learner", "lessons", "helped"],
                name="lesson_month_cover",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.learner_id} {self.course_id} {self.month}: {self.lessons}"
