"""The activity stream: an append-only record of what people did on the platform.

Courses and community write to it through :func:`training.core.services.activity_record`, with
the verbs each app declares in its ``verbs.py`` (:mod:`training.core.verbs`);
dashboards, nudges, the sustained-engagement measure and xAPI export read from it.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from training.core.verbs import PARTICIPATION_PREFIX


class ActivityEventQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise TypeError("The activity stream is append-only: events cannot be updated.")


class ActivityEvent(models.Model):
    """One thing that happened: *actor* did *verb* to *object*, in *context*, at *occurred_at*."""

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        null=True,
        blank=True,
        # Deleting an account keeps its events, no longer linked to anyone: anonymous counts.
        on_delete=models.SET_NULL,
        related_name="+",
    )
    verb = models.CharField(_("what they did"), max_length=64)
    object_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    object_id = models.CharField(max_length=64, blank=True)
    object = GenericForeignKey("object_type", "object_id")
    context = models.JSONField(_("context"), default=dict, blank=True)
    occurred_at = models.DateTimeField(_("when"), default=timezone.now)

    objects = ActivityEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("activity event")
        verbose_name_plural = _("activity stream")
        ordering = ["-occurred_at", "-pk"]
        indexes = [
            models.Index(fields=["verb", "occurred_at"], name="activity_verb_time"),
            models.Index(fields=["occurred_at"], name="activity_time"),
            models.Index(fields=["actor", "occurred_at"], name="activity_actor_time"),
            # Who took part in the community after a date (the managers' dashboard): every
            # participation verb is named with this prefix (training/core/verbs.py).
            models.Index(
                fields=["actor", "occurred_at"],
                condition=models.Q(verb__startswith=PARTICIPATION_PREFIX),
                name="activity_community_actor",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.actor_id or 'someone'} {self.verb} at {self.occurred_at:%Y-%m-%d %H:%M}"

    def save(self, *args, **kwargs) -> None:
        if self.pk is not None and not self._state.adding:
            raise TypeError("The activity stream is append-only: events cannot be changed.")
        super().save(*args, **kwargs)
