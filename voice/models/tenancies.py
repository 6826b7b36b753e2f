"""Verified tenants: the landlord's tenancy list, kept so that nobody can read it back, and who
has shown that they are a tenant.

The list holds no tenancy reference: only its keyed hash (``voice.tenancy_list``), the
postcode and the neighbourhood. It has no page, no admin listing and no snippet; Managers
replace it by importing a file, and see only counts.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

NOTE_MAX_LENGTH = 300


class Tenancy(models.Model):
    """One tenancy of the landlord's list, as last imported.

    A tenancy missing from a later import is ended, never deleted: the people it verified stop
    counting as verified, and the records of who checked whom stay.
    """

    reference_hash = models.CharField(
        _("tenancy reference (keyed hash)"), max_length=64, unique=True, editable=False
    )
    postcode = models.CharField(_("postcode"), max_length=8)
    neighbourhood = models.ForeignKey(
        "places.Neighbourhood",
        verbose_name=_("neighbourhood"),
        on_delete=models.PROTECT,
        related_name="tenancies",
    )
    first_imported_at = models.DateTimeField(_("first imported"), default=timezone.now)
    ended_at = models.DateTimeField(_("ended"), null=True, blank=True)

    class Meta:
        verbose_name = _("tenancy")
        verbose_name_plural = _("tenancies")
        # No add, change, delete or view: the list is replaced by importing a file only.
        default_permissions = ()
        permissions = [
            ("import_tenancies", _("Can import the tenancy list")),
            ("verify_tenant_in_person", _("Can check a tenant's tenancy in person")),
        ]

    def __str__(self) -> str:
        return f"{_('tenancy')} {self.pk}"

    @property
    def is_active(self) -> bool:
        return self.ended_at is None


class TenancyImport(models.Model):
    """One import of the tenancy list: when, by whom, and what it changed (counts only)."""

    class Source(models.TextChoices):
        ADMIN = "admin", _("the admin")
        COMMAND = "command", _("the command line")

    imported_at = models.DateTimeField(_("imported"), default=timezone.now)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("imported by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    source = models.CharField(_("from"), max_length=10, choices=Source.choices)
    rows = models.PositiveIntegerField(_("tenancies in the file"))
    added = models.PositiveIntegerField(_("added"))
    changed = models.PositiveIntegerField(_("changed"))
    ended = models.PositiveIntegerField(_("ended"))

    class Meta:
        ordering = ["-imported_at", "-pk"]
        verbose_name = _("tenancy list import")
        default_permissions = ()

    def __str__(self) -> str:
        return f"{_('tenancy list import')} {self.pk}"


class VerificationMethod(models.TextChoices):
    SELF = "self", _("By themselves, with their tenancy reference and postcode")
    IN_PERSON = "in_person", _("In person")


class TenantVerification(models.Model):
    """A person has shown they are a tenant of ``tenancy``: once, by a unique person.

    Several people of one household may be verified by the same tenancy. A verification counts
    only while its tenancy is on the list (not ended).
    """

    person = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="tenant_verification",
    )
    tenancy = models.ForeignKey(
        Tenancy,
        verbose_name=_("tenancy"),
        on_delete=models.PROTECT,
        related_name="verifications",
    )
    method = models.CharField(_("how"), max_length=10, choices=VerificationMethod.choices)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("checked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    verified_at = models.DateTimeField(_("when"), default=timezone.now)
    note = models.CharField(_("note"), max_length=NOTE_MAX_LENGTH, blank=True)

    class Meta:
        verbose_name = _("tenant verification")
        default_permissions = ()
        constraints = [
            models.CheckConstraint(
                condition=models.Q(method__in=["self", "in_person"]),
                name="voice_verification_method_known",
            ),
        ]

    def __str__(self) -> str:
        return f"{_('tenant verification')} {self.pk}"

    @property
    def is_active(self) -> bool:
        return self.tenancy.ended_at is None
