"""Open data: the Tenant Satisfaction Measures staff enter, and the published versions of every
dataset (drafted → checked → published, a Manager's decision each time)."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from opendata.measures import CODES, MEASURES, PERCENT

PERCENT_CODES = [measure.code for measure in MEASURES if measure.unit == PERCENT]


class PerceptionSource(models.TextChoices):
    NONE = "", _("Not yet")
    CONSULTATION = "consultation", _("Our own survey on this site")
    OUTSIDE = "outside", _("A survey done by someone else")


class TsmYear(models.Model):
    """One year of Tenant Satisfaction Measures (a year runs from 1 April to 31 March)."""

    year = models.PositiveSmallIntegerField(
        _("year starting in April"),
        unique=True,
        validators=[MinValueValidator(2023), MaxValueValidator(2100)],
        help_text=_("For April 2026 to March 2027, enter 2026."),
    )
    homes = models.PositiveIntegerField(
        _("number of homes we own"),
        null=True,
        blank=True,
        help_text=_("Used for the figures per 1,000 homes (CH01 and NM01)."),
    )
    perception_source = models.CharField(
        _("where the tenant survey figures come from"),
        max_length=20,
        blank=True,
        choices=PerceptionSource,
        default=PerceptionSource.NONE,
    )
    consultation = models.ForeignKey(
        "voice.ConsultationPage",
        verbose_name=_("survey on this site"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    method = models.CharField(
        _("how the survey was done"),
        max_length=200,
        blank=True,
        help_text=_("For example: “Phone survey by an outside company, 1 to 30 June”."),
    )
    sample_size = models.PositiveIntegerField(_("how many tenants answered"), null=True, blank=True)
    updated_at = models.DateTimeField(_("last changed"), default=timezone.now)

    class Meta:
        ordering = ["-year"]
        verbose_name = _("Tenant Satisfaction Measures year")
        default_permissions = ()

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return f"{self.year}/{str(self.year + 1)[-2:]}"


class TsmFigure(models.Model):
    """One measure's figure for one year, and how many people (or cases) it is about."""

    tsm_year = models.ForeignKey(
        TsmYear, verbose_name=_("year"), on_delete=models.CASCADE, related_name="figures"
    )
    code = models.CharField(_("measure"), max_length=8, choices=[(code, code) for code in CODES])
    value = models.DecimalField(
        _("figure"),
        max_digits=7,
        decimal_places=2,
        validators=[MinValueValidator(Decimal(0))],
    )
    about = models.PositiveIntegerField(_("about how many"), null=True, blank=True)

    class Meta:
        ordering = ["tsm_year", "code"]
        verbose_name = _("Tenant Satisfaction Measure figure")
        default_permissions = ()
        constraints = [
            models.UniqueConstraint(fields=["tsm_year", "code"], name="opendata_figure_once"),
            models.CheckConstraint(condition=Q(value__gte=0), name="opendata_figure_not_negative"),
            models.CheckConstraint(
                condition=~Q(code__in=PERCENT_CODES) | Q(value__lte=100),
                name="opendata_percent_at_most_100",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.value}"


class VersionStatus(models.TextChoices):
    DRAFTED = "drafted", _("Drafted")
    CHECKED = "checked", _("Checked")
    PUBLISHED = "published", _("Published")


class DatasetVersion(models.Model):
    """One version of one dataset: its rows are fixed when it is drafted, so the files at its
    address never change. A correction is a new version that says what changed; the old one
    stays at its own address."""

    dataset = models.SlugField(_("dataset"), max_length=60)
    number = models.PositiveIntegerField(_("version"))
    status = models.CharField(
        _("status"), max_length=20, choices=VersionStatus, default=VersionStatus.DRAFTED
    )
    rows = models.JSONField(_("rows"), default=list)
    what_changed = models.TextField(_("what changed"), blank=True, max_length=2000)
    drafted_at = models.DateTimeField(_("drafted"), default=timezone.now)
    drafted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    checked_at = models.DateTimeField(_("checked"), null=True, blank=True)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["dataset", "-number"]
        verbose_name = _("dataset version")
        default_permissions = ()
        constraints = [
            models.UniqueConstraint(fields=["dataset", "number"], name="opendata_version_once"),
            models.CheckConstraint(
                condition=~Q(status="published") | Q(published_at__isnull=False),
                name="opendata_published_has_date",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.dataset} v{self.number}"
