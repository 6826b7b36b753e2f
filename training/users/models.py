from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """Everyone who uses the platform: tenants and staff.

    ``email`` may be empty: a Digital Champion can create an *assisted account* for someone with
    no email address, who signs in with a username and a memorable password instead.
    """

    display_name = models.CharField(
        _("name to show"),
        max_length=80,
        blank=True,
        help_text=_("The name other people see, e.g. “Pat” or “Pat from Elm Court”."),
    )
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=12,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    created_with_assistance = models.BooleanField(_("account made with help"), default=False)
    assisted_by = models.ForeignKey(
        "self",
        verbose_name=_("made by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assisted_accounts",
    )
    neighbourhood = models.ForeignKey(
        "places.Neighbourhood",
        verbose_name=_("neighbourhood"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="residents",
    )
    community_centre = models.ForeignKey(
        "places.CommunityCentre",
        verbose_name=_("community centre"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
        help_text=_(
            "The centre this person goes to, chosen by them. Where a Digital Champion works is "
            "set apart, by a Manager (Places → Where staff work)."
        ),
    )
    is_staff_member = models.BooleanField(
        _("works for the landlord"),
        default=False,
        help_text=_("Staff learners are counted apart from tenants in the dashboards."),
    )

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                condition=~models.Q(email=""),
                name="users_unique_email_when_set",
            )
        ]
        permissions = [
            ("create_assisted_account", _("Can create assisted accounts for learners")),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        """What to call this person on the page."""
        return self.display_name or self.get_full_name() or self.username
