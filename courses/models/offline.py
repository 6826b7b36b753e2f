"""Completions made offline: each one sent by the browser with an id it made, accepted once.

The primary key is the browser's own id (a UUID), so the database decides "exactly once":
sending the same queued completion twice, from two tabs or after a lost answer, records one row.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OfflineOutcome(models.TextChoices):
    ACCEPTED = "accepted", _("Recorded")
    REFUSED = "refused", _("Refused")


class OfflineCompletion(models.Model):
    """One completion queued in a browser while offline, as the server received it."""

    id = models.UUIDField(primary_key=True, editable=False)
    # Null for a visitor who was not signed in; filled in when they sign in.
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="offline_completions",
    )
    lesson = models.ForeignKey(
        "courses.LessonPage", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    kind = models.CharField(max_length=8)  # "done" or "quiz"
    happened_at = models.DateTimeField(_("when it happened"))
    received_at = models.DateTimeField(_("when it arrived"), default=timezone.now)
    outcome = models.CharField(max_length=8, choices=OfflineOutcome.choices)
    reason = models.CharField(max_length=255, blank=True)

    class Meta:
        verbose_name = _("offline completion")
        indexes = [models.Index(fields=["learner", "outcome"], name="offline_learner_outcome")]

    def __str__(self) -> str:
        return f"{self.id} {self.outcome}"
