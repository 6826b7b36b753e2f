"""Digital Champions: applications to become one, and the time each person serves as one.

The role itself is the Digital Champion group, and where they work is the staff assignment
(:mod:`training.places`); these models keep the story around them: who asked, who decided and
why, when they started and stopped, and whether they agree to be named on the dashboard.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ApplicationStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for a decision")
    APPROVED = "approved", _("Approved")
    DECLINED = "declined", _("Declined")


class ChampionApplication(models.Model):
    """A learner who finished the track asks to be a Digital Champion at one centre."""

    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("applicant"),
        on_delete=models.CASCADE,
        related_name="champion_applications",
    )
    centre = models.ForeignKey(
        "places.CommunityCentre",
        verbose_name=_("community centre"),
        on_delete=models.PROTECT,
        related_name="champion_applications",
    )
    note = models.TextField(_("why you would like to help"), max_length=1000)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.PENDING,
    )
    made_at = models.DateTimeField(_("asked on"), default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided on"), null=True, blank=True)
    reason = models.TextField(_("reason"), blank=True, max_length=1000)

    class Meta:
        ordering = ["made_at", "pk"]
        verbose_name = _("champion application")
        constraints = [
            models.UniqueConstraint(
                fields=["applicant"],
                condition=Q(status="pending"),
                name="champions_one_open_application",
                violation_error_message=_("You have already asked. Please wait for an answer."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.applicant_id} at {self.centre_id}: {self.status}"


class EndedHow(models.TextChoices):
    STEPPED_DOWN = "stepped_down", _("Stepped down")
    ENDED = "ended", _("Ended by a Manager")


class ChampionRole(models.Model):
    """One spell as a Digital Champion at a centre, from approval to stepping down (or ending)."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("champion"),
        on_delete=models.CASCADE,
        related_name="champion_roles",
    )
    centre = models.ForeignKey(
        "places.CommunityCentre",
        verbose_name=_("community centre"),
        on_delete=models.PROTECT,
        related_name="champion_roles",
    )
    application = models.OneToOneField(
        ChampionApplication,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="role",
    )
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    ended_at = models.DateTimeField(_("ended"), null=True, blank=True)
    ended_how = models.CharField(max_length=16, choices=EndedHow.choices, blank=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    end_reason = models.TextField(_("reason"), blank=True, max_length=1000)
    # The champion's own choice: Managers see their name beside their figures only if True.
    named_on_dashboard = models.BooleanField(
        _("Managers may see my name beside the help I have given"), default=False
    )

    class Meta:
        ordering = ["-started_at", "pk"]
        verbose_name = _("Digital Champion role")
        constraints = [
            models.UniqueConstraint(
                fields=["person"],
                condition=Q(ended_at__isnull=True),
                name="champions_one_current_role",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person_id} at {self.centre_id}"


class HelperBadge(models.Model):
    """The Open Badge for helping 10 learners: once per person (the database says so)."""

    person = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="helper_badge"
    )
    certificate = models.OneToOneField(
        "courses.Certificate", on_delete=models.CASCADE, related_name="helper_badge"
    )
    issued_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("helper badge")

    def __str__(self) -> str:
        return f"helper badge for {self.person_id}"
