"""What we tell people, and how each person wants to hear about it.

A :class:`Notification` is stored for every message, whatever the person chose, so that someone
who asked for no emails still sees it on the site. :class:`NotificationPreference` holds their
one choice for all community emails (no row means the default: straight away).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class NotificationKind(models.TextChoices):
    REPLY = "reply", _("A reply to something you wrote")
    JOIN_DECISION = "join_decision", _("An answer to your request to join a group")
    EVENT_REMINDER = "event_reminder", _("A reminder about an event you booked")
    EVENT_UPDATE = "event_update", _("A change to an event you booked")
    CONTENT_HIDDEN = "content_hidden", _("Something you wrote was hidden by a moderator")


class EmailChoice(models.TextChoices):
    IMMEDIATE = "immediate", _("Email me straight away")
    DAILY = "daily", _("One email a day with everything")
    NONE = "none", _("No emails")


class Delivery(models.TextChoices):
    """How one notification was to be delivered, decided when it was sent."""

    IMMEDIATE = "immediate", _("Emailed straight away")
    DIGEST = "digest", _("In the daily email")
    NONE = "none", _("Shown on the site only")


class NotificationPreference(models.Model):
    """One person's choice of emails. Deleting the row goes back to the default."""

    person = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="notification_preference",
        verbose_name=_("person"),
    )
    email = models.CharField(
        _("emails"), max_length=16, choices=EmailChoice.choices, default=EmailChoice.IMMEDIATE
    )
    updated_at = models.DateTimeField(_("last changed"), default=timezone.now)

    class Meta:
        verbose_name = _("email choice")
        verbose_name_plural = _("email choices")

    def __str__(self) -> str:
        return f"{self.person_id}: {self.email}"


class Notification(models.Model):
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
        verbose_name=_("for"),
    )
    kind = models.CharField(_("kind"), max_length=32, choices=NotificationKind.choices)
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("message"))
    url = models.CharField(_("link"), max_length=500, blank=True)
    # Callers pass a key naming the event (e.g. "event-reminder:12:34"); a second send with the
    # same key stores and sends nothing.
    dedupe_key = models.CharField(max_length=200, blank=True)
    delivery = models.CharField(_("delivery"), max_length=16, choices=Delivery.choices)
    created_at = models.DateTimeField(_("sent"), default=timezone.now)
    # When the message was handed to the mailer (immediately, or in a daily email).
    emailed_at = models.DateTimeField(_("emailed"), null=True, blank=True)
    # Set by the one digest run that claimed this row (conditional UPDATE), whether or not an
    # email went out (someone may have chosen "No emails" since).
    digested_at = models.DateTimeField(_("daily email done"), null=True, blank=True)
    digest_claim = models.UUIDField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["dedupe_key"],
                condition=~Q(dedupe_key=""),
                name="notifications_unique_dedupe_key",
            )
        ]
        indexes = [
            models.Index(fields=["recipient", "-created_at"], name="notifications_recent"),
            models.Index(
                fields=["recipient"],
                condition=Q(delivery="digest", digested_at__isnull=True),
                name="notifications_digest_due",
            ),
            models.Index(fields=["digest_claim"], name="notifications_digest_claim"),
        ]

    def __str__(self) -> str:
        return self.subject
