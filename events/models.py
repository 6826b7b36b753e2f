"""Events at a community centre or an address, and the places people book on them.

An event's place is exactly one of: a community centre (its neighbourhood comes from the centre)
or an address (its neighbourhood chosen with it). ``capacity`` empty means there is no limit.
A :class:`Booking` is one person's place, or place in the queue, on one event: one row per person
and event, whose ``status`` moves between confirmed, waiting and cancelled. The rules that move
it are in ``events/services.py``.
"""

from django.conf import settings
from django.contrib import admin
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from events.dates import when_text
from events.forms import EventAdminForm


class Event(index.Indexed, models.Model):
    title = models.CharField(_("title"), max_length=120)
    description = models.TextField(
        _("description"),
        help_text=_("Plain text. Say what happens, who it is for and what to bring."),
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    centre = models.ForeignKey(
        "places.CommunityCentre",
        verbose_name=_("community centre"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="events",
    )
    address = models.TextField(
        _("address"),
        blank=True,
        help_text=_("Only if the event is not at a community centre. One line for each part."),
    )
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    neighbourhood = models.ForeignKey(
        "places.Neighbourhood",
        verbose_name=_("neighbourhood"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="events",
        help_text=_("For an address only: a centre's events take the centre's neighbourhood."),
    )
    accessibility = models.TextField(
        _("getting in"),
        blank=True,
        help_text=_(
            "For an address: step-free access, toilets, nearest bus stop. "
            "A centre's own details are shown as well."
        ),
    )
    capacity = models.PositiveIntegerField(
        _("places"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("How many people can come. Leave empty for no limit."),
    )
    organiser = models.CharField(
        _("organised by"),
        max_length=120,
        help_text=_("For example “Elm Court Tenants’ Association” or “Sam, Digital Champion”."),
    )
    is_published = models.BooleanField(
        _("show on the website"),
        default=True,
        help_text=_("Untick to hide the event while you get it ready, or if it is called off."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    base_form_class = EventAdminForm
    panels = [
        FieldPanel("title"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")], heading=_("When")),
        MultiFieldPanel(
            [
                FieldPanel("centre"),
                FieldPanel("address"),
                FieldPanel("postcode"),
                FieldPanel("neighbourhood"),
                FieldPanel("accessibility"),
            ],
            heading=_("Where"),
            help_text=_("Choose a community centre, or type an address. Not both."),
        ),
        FieldPanel("capacity"),
        FieldPanel("organiser"),
        FieldPanel("is_published"),
    ]
    search_fields = [
        index.SearchField("title"),
        index.AutocompleteField("title"),
        # The admin list and chooser search within a champion's own centre's events.
        index.FilterField("centre"),
    ]

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("event")
        indexes = [models.Index(fields=["is_published", "ends_at"], name="events_coming")]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")),
                name="events_end_after_start",
                violation_error_message=_("The end must be after the start."),
            ),
            models.CheckConstraint(
                condition=(Q(centre__isnull=False) & Q(address=""))
                | (Q(centre__isnull=True) & ~Q(address="") & Q(neighbourhood__isnull=False)),
                name="events_one_place",
                violation_error_message=_(
                    "Choose a community centre, or type an address and its neighbourhood."
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("events:detail", kwargs={"pk": self.pk})

    @property
    @admin.display(description=_("where"))
    def place_name(self) -> str:
        """A short name for the place: the centre's name, or the address's first line."""
        if self.centre_id:
            return self.centre.name
        return self.address.strip().splitlines()[0] if self.address.strip() else ""

    @property
    def address_lines(self) -> list[str]:
        address = self.centre.address if self.centre_id else self.address
        postcode = self.centre.postcode if self.centre_id else self.postcode
        lines = [line.strip() for line in address.splitlines() if line.strip()]
        return lines + ([postcode] if postcode else [])

    @property
    @admin.display(description=_("where"))
    def location_text(self) -> str:
        """The place on one line: “Elm Court Community Centre, 1 Elm Court, London, N1 8ZZ”."""
        return ", ".join(([self.centre.name] if self.centre_id else []) + self.address_lines)

    @property
    def spaces_left(self) -> int | None:
        """Places not yet taken; None when there is no limit.

        Reads the ``confirmed_count`` annotation of the selectors when there is one.
        """
        if self.capacity is None:
            return None
        confirmed = getattr(self, "confirmed_count", None)
        if confirmed is None:
            confirmed = self.bookings.filter(status=Booking.Status.CONFIRMED).count()
        return max(self.capacity - confirmed, 0)

    @property
    def places_text(self) -> str:
        """“3 places left”, “Full: you can join the waiting list”, or “Everyone welcome”."""
        left = self.spaces_left
        if left is None:
            return gettext("No need to book a place, but please tell us you are coming.")
        if left == 0:
            return gettext("Full: you can join the waiting list.")
        return ngettext("%(count)s place left", "%(count)s places left", left) % {"count": left}

    @property
    def is_full(self) -> bool:
        return self.spaces_left == 0

    @property
    def when_text(self) -> str:
        """“Saturday 5 December 2026, 2pm to 4pm”, in the site's time zone."""
        return when_text(self.starts_at, self.ends_at)

    @property
    def has_started(self) -> bool:
        return self.starts_at <= timezone.now()

    @property
    def has_ended(self) -> bool:
        return self.ends_at <= timezone.now()


class Booking(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("booked")
        WAITING = "waiting", _("on the waiting list")
        CANCELLED = "cancelled", _("cancelled")

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="bookings"
    )
    guest = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("guest"),
        on_delete=models.CASCADE,
        related_name="event_bookings",
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    # When they last asked for a place: the waiting list is in this order.
    requested_at = models.DateTimeField(_("asked for a place"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("place given"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    # Set once, by the reminder run that sends the day-before reminder.
    reminded_at = models.DateTimeField(_("reminded"), null=True, blank=True)

    class Meta:
        verbose_name = _("booking")
        constraints = [
            models.UniqueConstraint(fields=["event", "guest"], name="events_one_booking_each")
        ]
        indexes = [
            models.Index(fields=["event", "status", "requested_at"], name="events_booking_queue")
        ]

    def __str__(self) -> str:
        return f"{self.guest} – {self.event} ({self.get_status_display()})"
