"""Where people live and learn: neighbourhoods (estates or areas) and community centres."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from training.places.boundary import boundary_errors
from training.places.forms import NeighbourhoodForm, StaffAssignmentForm

LATITUDE = [MinValueValidator(-90), MaxValueValidator(90)]
LONGITUDE = [MinValueValidator(-180), MaxValueValidator(180)]


def boundary_validate(value) -> None:
    """Model-level check of a stored boundary (the admin form also unwraps Features first)."""
    if value is None:
        return
    errors = boundary_errors(value)
    if errors:
        raise ValidationError(errors)


class Neighbourhood(index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(_("web address part"), max_length=120, unique=True)
    description = models.TextField(_("description"), blank=True)
    latitude = models.DecimalField(
        _("latitude of the centre point"), max_digits=9, decimal_places=6, validators=LATITUDE
    )
    longitude = models.DecimalField(
        _("longitude of the centre point"), max_digits=9, decimal_places=6, validators=LONGITUDE
    )
    boundary = models.JSONField(
        _("boundary"),
        null=True,
        blank=True,
        validators=[boundary_validate],
        help_text=_("Optional GeoJSON Polygon or MultiPolygon (longitude, latitude)."),
    )

    base_form_class = NeighbourhoodForm
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")])],
            heading=_("Centre point"),
            help_text=_("Right-click the middle of the area on an online map to copy these."),
        ),
        FieldPanel("boundary"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("neighbourhood")

    def __str__(self) -> str:
        return self.name


class CommunityCentre(index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(_("web address part"), max_length=120, unique=True)
    neighbourhood = models.ForeignKey(
        Neighbourhood,
        verbose_name=_("neighbourhood"),
        on_delete=models.PROTECT,
        related_name="centres",
    )
    address = models.TextField(_("address"))
    postcode = models.CharField(_("postcode"), max_length=10)
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, validators=LATITUDE
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, validators=LONGITUDE
    )
    opening_times = models.TextField(
        _("opening times"),
        help_text=_("One line a day, e.g. “Monday: 10am to 4pm”."),
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)
    accessibility = models.TextField(
        _("getting in"),
        blank=True,
        help_text=_("Step-free access, hearing loop, nearest bus stop, and so on."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("neighbourhood"),
        FieldPanel("address"),
        FieldPanel("postcode"),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
        FieldPanel("opening_times"),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
        FieldPanel("accessibility"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("community centre")

    def __str__(self) -> str:
        return self.name

    @property
    def opening_times_lines(self) -> list[str]:
        return [line.strip() for line in self.opening_times.splitlines() if line.strip()]


class StaffAssignment(models.Model):
    """Where a member of staff works, set by a Manager: never by the person themselves.

    A Digital Champion's *working* centre is their assignment to a community centre. It is not
    ``User.community_centre``, which is the centre a learner (a champion too) chooses to learn at.
    Each row is one place: a centre (for a Digital Champion) or a neighbourhood (for a Housing
    Officer). A person has at most one centre assignment (a unique constraint); an officer may
    look after several neighbourhoods, each once.
    """

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="staff_assignments",
    )
    centre = models.ForeignKey(
        CommunityCentre,
        verbose_name=_("community centre"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="staff_assignments",
    )
    neighbourhood = models.ForeignKey(
        Neighbourhood,
        verbose_name=_("neighbourhood"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="staff_assignments",
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    assigned_at = models.DateTimeField(_("assigned on"), default=timezone.now)

    base_form_class = StaffAssignmentForm
    panels = [FieldPanel("person"), FieldPanel("centre"), FieldPanel("neighbourhood")]

    class Meta:
        ordering = ["person__display_name", "person__username", "pk"]
        verbose_name = _("staff assignment")
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(centre__isnull=False, neighbourhood__isnull=True)
                    | models.Q(centre__isnull=True, neighbourhood__isnull=False)
                ),
                name="places_assignment_one_place",
                violation_error_message=_(
                    "Choose one place: a community centre for a Digital Champion, or a "
                    "neighbourhood for a Housing Officer."
                ),
            ),
            models.UniqueConstraint(
                fields=["person"],
                condition=models.Q(centre__isnull=False),
                name="places_assignment_one_centre_per_person",
                violation_error_message=_(
                    "This person already works at a centre. Open their assignment in the list "
                    "and change the centre there."
                ),
            ),
            models.UniqueConstraint(
                fields=["person", "neighbourhood"],
                condition=models.Q(neighbourhood__isnull=False),
                name="places_assignment_neighbourhood_once",
                violation_error_message=_(
                    "This person already looks after this neighbourhood. Choose another one."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.place}"

    @property
    def place(self):
        return self.centre or self.neighbourhood
