"""What every translation records about its translator: their status, who they are, when."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class TranslationStatus(models.TextChoices):
    """What a translator says about their translation. "Missing" and "out of date" are not
    stored: missing means there is no text yet, out of date means the English changed since."""

    IN_PROGRESS = "in_progress", _("In progress")
    NEEDS_REVIEW = "needs_review", _("Needs review")
    READY = "ready", _("Ready")


class TranslatorStatusMixin(models.Model):
    """The translator's status, the translator and the time; ``status`` defaults to ready."""

    status = models.CharField(
        _("status"),
        max_length=16,
        choices=TranslationStatus.choices,
        default=TranslationStatus.READY,
    )
    translator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("translator"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("updated"), default=timezone.now)

    class Meta:
        abstract = True
