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


class LearnerFact(models.Model):
    """Facts for the dashboard: when one learner last did something, per course or skill area.

    ``kind`` says what ``key`` is: a course (1; key 0: any course, including deleted ones) or a
    skill area (2). The learner's place (neighbourhood, centre, 0 for none) and type are
    copied here and moved when the learner moves, so distinct learners active in a period that
    ends now ("last lesson on or after its start") are counted per place without reading any
    learner's history. Kept in step by :mod:`dashboards.facts`.
    """

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    kind = models.PositiveSmallIntegerField()
    key = models.IntegerField()
    nid = models.IntegerField()
    cid = models.IntegerField()
    staff = models.BooleanField()
    last_lesson = models.DateTimeField(null=True)
    last_helped = models.DateTimeField(null=True)
    last_alone = models.DateTimeField(null=True)
    last_finished = models.DateTimeField(null=True)
    last_skill = models.DateTimeField(null=True)
    # On a row of one course: when the learner last finished another course before this one
    # (a tie at the same moment goes to the lower course id). A learner's first course finished
    # in a period is the one finished in it whose ``finished_before`` is not (sustained
    # engagement reads one row per learner, with no grouping).
    finished_before = models.DateTimeField(null=True)

    class Meta:
        verbose_name = _("learner fact")
        constraints = [
            models.UniqueConstraint(fields=["learner", "kind", "key"], name="learner_fact_once"),
        ]
        indexes = [
            # Everything a view counts, read from the index alone (after VACUUM).
            models.Index(
                fields=["kind", "key"],
                include=[
                    "nid",
                    "cid",
                    "staff",
                    "last_lesson",
                    "last_helped",
                    "last_alone",
                    "last_finished",
                    "last_skill",
                ],  # fmt: skip
                name="learner_fact_cover",
            ),
            # Each course finished in a period (rows of one course), read from the index alone.
            models.Index(
                fields=["last_finished"],
                include=["key", "learner_id", "finished_before", "nid", "cid", "staff"],
                condition=models.Q(kind=1, last_finished__isnull=False) & ~models.Q(key=0),
                name="learner_fact_finished",
            ),
            # The learners with a skill in a period, per skill area, read from the index alone.
            models.Index(
                fields=["last_skill"],
                include=["key", "nid", "cid", "staff"],
                condition=models.Q(kind=2, last_skill__isnull=False),
                name="learner_fact_skill",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.learner_id} {self.kind}/{self.key}"


class PlaceFact(models.Model):
    """Facts for the dashboard: what the learners of one place did in one local day, week or
    month, per course (0: any course) or skill area.

    A place is (neighbourhood, centre, staff or tenant), 0 for no neighbourhood or centre.
    ``learners`` and ``course_learners`` are the distinct learners of the place with a lesson,
    or a finished course, in that day, week or month: every learner is in exactly one place, so
    they add up across places. Kept in step by :mod:`dashboards.facts`.
    """

    kind = models.PositiveSmallIntegerField()
    key = models.IntegerField()
    grain = models.CharField(max_length=1)  # d, w or m
    starts = models.DateField()  # the local day, Monday or first of the month
    nid = models.IntegerField()
    cid = models.IntegerField()
    staff = models.BooleanField()
    lessons = models.IntegerField(default=0)
    helped = models.IntegerField(default=0)
    finished = models.IntegerField(default=0)
    skills = models.IntegerField(default=0)
    learners = models.IntegerField(default=0)
    course_learners = models.IntegerField(default=0)

    class Meta:
        verbose_name = _("place fact")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "key", "grain", "starts", "nid", "cid", "staff"],
                name="place_fact_once",
            ),
        ]
        indexes = [
            # Skills by area over every area: the areas' rows of a period, from the index alone.
            models.Index(
                fields=["grain", "starts"],
                include=["key", "nid", "cid", "staff", "skills"],
                condition=models.Q(kind=2),
                name="place_fact_area",
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind}/{self.key} {self.grain} {self.starts} {self.nid}/{self.cid}"
