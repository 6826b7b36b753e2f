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
            # Help recorded (a helper named in the context; their ids are numbers, and null
            # means nobody helped): the champions' figures read these rows only. Their readers
            # say the same condition (champions/selectors.py HELPED_Q), so it is used.
            models.Index(
                fields=["occurred_at"],
                condition=models.Q(context__helper_id__gt=0),
                name="activity_helped",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.actor_id or 'someone'} {self.verb} at {self.occurred_at:%Y-%m-%d %H:%M}"

    def save(self, *args, **kwargs) -> None:
        if self.pk is not None and not self._state.adding:
            raise TypeError("The activity stream is append-only: events cannot be changed.")
        super().save(*args, **kwargs)


class LearnerActivity(models.Model):
    """When each person last appeared in the activity stream, and last took part in the community.

    One row per person who has any event, kept in step by the services that append events
    (:mod:`training.core.services`: one upsert per batch, only ever moving forward) and rebuilt
    from the stream by :func:`training.core.services.learner_activity_rebuild`. The dashboards'
    "still active 30 days after finishing" is "last active on or after that day", and "went on to
    take part" is "last took part after finishing": one row to join instead of searching the
    stream for each learner.
    """

    learner = models.OneToOneField(
        settings.AUTH_USER_MODEL, primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    last_active_at = models.DateTimeField(_("last active"))
    # Their last event whose verb counts as taking part (training/core/verbs.py); None if none.
    last_taking_part_at = models.DateTimeField(_("last took part"), null=True, blank=True)

    class Meta:
        verbose_name = _("learner's last activity")
        verbose_name_plural = _("learners' last activity")

    def __str__(self) -> str:
        return f"{self.learner_id} last active {self.last_active_at:%Y-%m-%d %H:%M}"
