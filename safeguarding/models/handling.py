"""What Safeguarding Officers do with a confidential report, and the log of every access.

- :class:`CaseNote`: the officers' own notes (encrypted).
- :class:`Referral`: passed to the police, the council or a support service, with whom and when
  (who it went to, and their reference, encrypted: a named officer is personal data).
- :class:`ReporterReply`: a reply to the reporter (encrypted), read at the reference page; if
  they gave an email address they are told there is one (the email never holds the reply).
- :class:`StatusChange`: received → assessed → referred → closed, with the outcome on closing.
- :class:`AccessLogEntry`: every read, change, download, export, refusal and retention deletion,
  by anyone. Append-only: the model and its queryset refuse to change or delete a row, and
  nobody has an admin page that would. It holds references and actions, never report content.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from safeguarding.crypto import EncryptedTextField
from safeguarding.models.reports import ConfidentialReport, Outcome, Status

NOTE_MAX_LENGTH = 5000
REPLY_MAX_LENGTH = 3000
REFERRAL_TO_MAX_LENGTH = 300


class CaseNote(models.Model):
    report = models.ForeignKey(
        ConfidentialReport,
        verbose_name=_("report"),
        on_delete=models.CASCADE,
        related_name="case_notes",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("written by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    text = EncryptedTextField(_("note"), max_length=NOTE_MAX_LENGTH)
    created_at = models.DateTimeField(_("written"), default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("case note")
        default_permissions = ()

    def __str__(self) -> str:
        return f"note {self.pk}"


class Agency(models.TextChoices):
    POLICE = "police", _("Police")
    COUNCIL = "council", _("Council")
    SUPPORT = "support", _("Support service")


class Referral(models.Model):
    report = models.ForeignKey(
        ConfidentialReport,
        verbose_name=_("report"),
        on_delete=models.CASCADE,
        related_name="referrals",
    )
    agency = models.CharField(_("passed to"), max_length=20, choices=Agency)
    referred_to = EncryptedTextField(_("who it went to"), max_length=REFERRAL_TO_MAX_LENGTH)
    their_reference = EncryptedTextField(_("their reference"), blank=True, max_length=100)
    referred_on = models.DateField(_("when"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("recorded"), default=timezone.now)

    class Meta:
        ordering = ["referred_on", "pk"]
        verbose_name = _("referral")
        default_permissions = ()

    def __str__(self) -> str:
        return f"referral {self.pk}"


class ReporterReply(models.Model):
    report = models.ForeignKey(
        ConfidentialReport,
        verbose_name=_("report"),
        on_delete=models.CASCADE,
        related_name="replies",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("written by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    text = EncryptedTextField(_("reply"), max_length=REPLY_MAX_LENGTH)
    created_at = models.DateTimeField(_("sent"), default=timezone.now)
    # Set when an email told the reporter there is a reply (it never holds the reply itself).
    emailed_at = models.DateTimeField(_("reporter emailed"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("reply to the reporter")
        default_permissions = ()

    def __str__(self) -> str:
        return f"reply {self.pk}"


class StatusChange(models.Model):
    report = models.ForeignKey(
        ConfidentialReport,
        verbose_name=_("report"),
        on_delete=models.CASCADE,
        related_name="status_changes",
    )
    from_status = models.CharField(_("from"), max_length=20, choices=Status)
    to_status = models.CharField(_("to"), max_length=20, choices=Status)
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField(_("changed"), default=timezone.now)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("status change")
        default_permissions = ()

    def __str__(self) -> str:
        return f"{self.from_status} → {self.to_status}"


# --- The access log ------------------------------------------------------------------------


class AccessLogAppendOnly(Exception):  # noqa: N818 - reads as the rule it enforces
    """Raised by any attempt to change or delete an access log entry."""


class AccessAction(models.TextChoices):
    LIST = "list", _("Opened the list of reports")
    READ = "read", _("Read a report")
    CHANGE = "change", _("Changed a report")
    DOWNLOAD = "download", _("Downloaded a file")
    EXPORT = "export", _("Exported the list")
    REFUSED = "refused", _("Was refused")
    DELETE = "delete", _("Deleted a report (retention)")


class AccessLogQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AccessLogAppendOnly("The access log cannot be changed.")

    def delete(self):
        raise AccessLogAppendOnly("The access log cannot be deleted.")

    # Django's bulk_update and update_or_create go through update() / save(): both refuse.


class AccessLogEntry(models.Model):
    """One access. Who is kept as their id and name at the time (no foreign key: deleting an
    account must not change the log), the report as its reference (the report may be deleted
    by retention; the reference says nothing of its content)."""

    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True, editable=False)
    person_id = models.PositiveBigIntegerField(_("account id"), null=True, editable=False)
    person_name = models.CharField(_("who"), max_length=300, blank=True, editable=False)
    action = models.CharField(_("what"), max_length=20, choices=AccessAction, editable=False)
    report_reference = models.CharField(
        _("report"), max_length=8, blank=True, db_index=True, editable=False
    )
    # What exactly, without content: "status received → assessed", "evidence 12", "23 rows".
    detail = models.CharField(_("detail"), max_length=200, blank=True, editable=False)
    path = models.CharField(_("address"), max_length=300, blank=True, editable=False)

    objects = AccessLogQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("confidential reports access log entry")
        verbose_name_plural = _("confidential reports access log")
        # Only "view": nobody is ever given add, change or delete.
        default_permissions = ("view",)
        indexes = [models.Index(fields=["action", "at"], name="safeguarding_access_action")]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.report_reference}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AccessLogAppendOnly("The access log cannot be changed.")
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AccessLogAppendOnly("The access log cannot be deleted.")
