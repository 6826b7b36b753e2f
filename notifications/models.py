"""What we tell people, and how each person wants to hear about it.

A :class:`Notification` is stored for every message, whatever the person chose, so that someone
who asked for no emails still sees it on the site. :class:`NotificationPreference` holds their
choice for all community emails (no row means the default: straight away), and
:class:`KindEmailChoice` a different choice for one kind of message, if they made one.
:class:`OutgoingEmail` is the outbox every email of notifications, digests, event reminders and
course reminders goes through, so that each is sent once even when a worker dies.
"""

import hashlib
from email.utils import parseaddr

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
    REPORT_UPDATE = "report_update", _("A change to an estate problem you reported or share")
    IMPROVEMENT = "improvement", _("What we did about an estate problem you reported or share")
    CONSULTATION_DECISION = (
        "consultation_decision",
        _("What we decided after a consultation you answered"),
    )
    CHAMPION_DECISION = (
        "champion_decision",
        _("An answer about being a Digital Champion, or your role ending"),
    )


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


class KindEmailChoice(models.Model):
    """One person's choice of emails for one kind of message, where it differs from their
    choice for all (:class:`NotificationPreference`). Deleting the row goes back to that."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_kind_choices",
        verbose_name=_("person"),
    )
    kind = models.CharField(_("kind"), max_length=32, choices=NotificationKind.choices)
    email = models.CharField(_("emails"), max_length=16, choices=EmailChoice.choices)
    updated_at = models.DateTimeField(_("last changed"), default=timezone.now)

    class Meta:
        verbose_name = _("email choice for one kind of message")
        verbose_name_plural = _("email choices for one kind of message")
        constraints = [
            models.UniqueConstraint(
                fields=["person", "kind"], name="notifications_one_choice_per_kind"
            )
        ]

    def __str__(self) -> str:
        return f"{self.person_id}: {self.kind}: {self.email}"


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


class OutgoingEmail(models.Model):
    """One email on its way out: the outbox (see ``notifications.services``, "Outgoing emails").

    Stored in the same transaction as the change that calls for it, then handed to Celery. Its
    ``key`` names the email (e.g. "notification-12"): a second email with the same key is never
    stored. A worker claims it with a lease before handing it to the mail server and stamps
    ``sent_at`` straight after, so a task delivered twice, or a worker killed part-way, sends it
    once; a beat task hands again to Celery any email that was lost on the way.
    """

    key = models.CharField(max_length=200, unique=True)
    # Deleting the account deletes the emails still waiting for it (and those already sent).
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("for"),
    )
    to = models.JSONField(default=list)
    from_email = models.CharField(max_length=254)
    subject = models.TextField()
    body = models.TextField()
    html = models.TextField(blank=True)
    headers = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    # Last handed to Celery: when stored, then each time the beat task hands it on again.
    queued_at = models.DateTimeField(default=timezone.now)
    # How many times a worker claimed it (a retry after a failure, or after a worker died).
    attempts = models.PositiveSmallIntegerField(default=0)
    # The claim: the worker holding this token may send the email until ``lease_until``.
    lease_token = models.UUIDField(null=True, blank=True)
    lease_until = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=300, blank=True)

    class Meta:
        verbose_name = _("outgoing email")
        verbose_name_plural = _("outgoing emails")
        indexes = [
            models.Index(
                fields=["queued_at"],
                condition=Q(sent_at__isnull=True),
                name="notifications_outbox_waiting",
            ),
            models.Index(
                fields=["sent_at"],
                condition=Q(sent_at__isnull=False),
                name="notifications_outbox_sent",
            ),
        ]

    def __str__(self) -> str:
        return self.key

    @property
    def message_id(self) -> str:
        """The Message-ID header, the same every time this email is sent: if it ever goes out
        twice (see docs/reliability.md), mail programs can tell the copies are one message."""
        digest = hashlib.sha256(self.key.encode()).hexdigest()[:32]
        domain = parseaddr(self.from_email)[1].rpartition("@")[2] or "localhost"
        return f"<{digest}.outbox@{domain}>"
