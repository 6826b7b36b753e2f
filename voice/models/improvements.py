"""You said, we did: improvements staff publish as Wagtail pages, under one index page.

An :class:`ImprovementPage` says what tenants said (linked to the estate reports and estate
checks that prompted it), what was done, in which neighbourhood, when, at what cost, with a
before and an after photo. When it is published, the people who raised its linked reports (the
reporter and everyone it affects too) are told once each (:mod:`voice.improvements_services`,
who was told is an :class:`ImprovementTold` row).

Both pages look the same to every anonymous visitor (no names, no photos of reports, no
statuses that change without a publish), so they are kept by the anonymous page cache; any
publish purges it.
"""

from http import HTTPMethod

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.search import index

from training.core.models.pages import PLAIN_RICH_TEXT
from training.core.page_cache import AnonymousPageCacheMixin
from voice.models.estate_checks import EstateCheck

TENANTS_SAID_MAX_LENGTH = 300
IMPROVEMENTS_PER_PAGE = 10
PHOTO_ALT_NEEDED = _(
    "Describe the photo for people who cannot see it, e.g. “The landing of block B, dark, "
    "with the broken light”. This is called alt text."
)
COST_NOT_NEGATIVE = _("The cost cannot be less than £0. Leave it empty if you do not say.")


class YouSaidWeDidIndexPage(AnonymousPageCacheMixin, Page):
    """/you-said-we-did/: every improvement, newest first, filterable by neighbourhood."""

    introduction = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("One or two short sentences shown above the list of improvements."),
    )

    content_panels = [*Page.content_panels, FieldPanel("introduction")]

    parent_page_types = ["core.HomePage"]
    subpage_types = ["voice.ImprovementPage"]
    max_count = 1
    allowed_http_methods = [HTTPMethod.GET, HTTPMethod.HEAD, HTTPMethod.OPTIONS]
    template = "voice/improvements/index.html"

    class Meta:
        verbose_name = _("“You said, we did” index")

    def get_context(self, request, *args, **kwargs):
        from voice.improvements_selectors import improvement_neighbourhoods, improvements_list

        context = super().get_context(request, *args, **kwargs)
        neighbourhoods = improvement_neighbourhoods(index=self)
        chosen = next(
            (n for n in neighbourhoods if n.slug == request.GET.get("neighbourhood", "")), None
        )
        paginator = Paginator(
            improvements_list(index=self, neighbourhood=chosen), IMPROVEMENTS_PER_PAGE
        )
        page_number = request.GET.get("page")
        context["improvements_page"] = paginator.get_page(page_number)
        context["neighbourhoods"] = neighbourhoods
        context["chosen"] = chosen
        return context


class ImprovementPageForm(WagtailAdminPageForm):
    """Linked reports and checks are listed by what editors recognise, not by their number."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "reports" in self.fields:
            self.fields["reports"].queryset = self.fields["reports"].queryset.select_related(
                "neighbourhood"
            )
            self.fields["reports"].label_from_instance = lambda report: (
                f"{report.neighbourhood.name}, {report.created_at:%d %b %Y}: "
                f"{report.get_category_display()} – {report.description[:80]}"
            )

    def clean(self):
        cleaned = super().clean()
        neighbourhood = cleaned.get("neighbourhood")
        if neighbourhood is None:
            return cleaned
        reports = cleaned.get("reports") or []
        if any(report.neighbourhood_id != neighbourhood.pk for report in reports):
            self.add_error(
                "reports",
                _("Tick only problems reported in %(place)s, the improvement's neighbourhood.")
                % {"place": neighbourhood.name},
            )
        checks = cleaned.get("estate_checks") or []
        asked = set(
            EstateCheck.neighbourhoods.through.objects.filter(
                estatecheck_id__in=[check.pk for check in checks], neighbourhood=neighbourhood
            ).values_list("estatecheck_id", flat=True)
        )
        if any(check.pk not in asked for check in checks):
            self.add_error(
                "estate_checks",
                _("Tick only estate checks that asked tenants in %(place)s.")
                % {"place": neighbourhood.name},
            )
        return cleaned


class ImprovementPage(AnonymousPageCacheMixin, Page):
    """One improvement: what tenants said, what we did, where, when and at what cost."""

    tenants_said = models.TextField(
        _("what tenants said"),
        max_length=TENANTS_SAID_MAX_LENGTH,
        help_text=_(
            "One or two short sentences in tenants' words, e.g. “The stairs in block B are "
            "dark at night.”"
        ),
    )
    we_did = RichTextField(
        _("what we did"),
        features=PLAIN_RICH_TEXT,
        help_text=_("Plain English: what was done, by whom, and what changes for tenants."),
    )
    neighbourhood = models.ForeignKey(
        "places.Neighbourhood",
        verbose_name=_("neighbourhood"),
        on_delete=models.PROTECT,
        related_name="improvements",
    )
    done_on = models.DateField(_("date done"), default=timezone.localdate)
    cost = models.DecimalField(
        _("cost in pounds"),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0, message=COST_NOT_NEGATIVE)],
        help_text=_("Optional. What it cost, in pounds, e.g. 1250.00."),
    )
    reports = ParentalManyToManyField(
        "voice.Report",
        verbose_name=_("reports it answers"),
        related_name="improvements",
        blank=True,
        help_text=_(
            "Tick the problems tenants reported that this answers. The people who reported "
            "them, and those they affect too, are told when the page is published."
        ),
    )
    estate_checks = ParentalManyToManyField(
        "voice.EstateCheck",
        verbose_name=_("estate checks it answers"),
        related_name="improvements",
        blank=True,
        help_text=_("Tick the estate checks whose results prompted it."),
    )
    before_photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("before photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    before_photo_alt = models.CharField(
        _("alt text for the before photo"), max_length=250, blank=True
    )
    after_photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("after photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    after_photo_alt = models.CharField(
        _("alt text for the after photo"), max_length=250, blank=True
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("tenants_said"),
        FieldPanel("we_did"),
        FieldPanel("neighbourhood"),
        FieldRowPanel([FieldPanel("done_on"), FieldPanel("cost")]),
        FieldPanel("reports", widget=forms.CheckboxSelectMultiple),
        FieldPanel("estate_checks", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [FieldPanel("before_photo"), FieldPanel("before_photo_alt")],
            heading=_("Before photo"),
        ),
        MultiFieldPanel(
            [FieldPanel("after_photo"), FieldPanel("after_photo_alt")],
            heading=_("After photo"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("tenants_said"),
        index.SearchField("we_did"),
    ]
    base_form_class = ImprovementPageForm

    parent_page_types = ["voice.YouSaidWeDidIndexPage"]
    subpage_types: list[str] = []
    allowed_http_methods = [HTTPMethod.GET, HTTPMethod.HEAD, HTTPMethod.OPTIONS]
    template = "voice/improvements/improvement.html"

    class Meta:
        verbose_name = _("improvement (you said, we did)")
        verbose_name_plural = _("improvements (you said, we did)")

    def clean(self) -> None:
        super().clean()
        errors = {}
        for photo, alt in (
            ("before_photo", "before_photo_alt"),
            ("after_photo", "after_photo_alt"),
        ):
            if getattr(self, f"{photo}_id") and not getattr(self, alt).strip():
                errors[alt] = PHOTO_ALT_NEEDED
        if self.cost is not None and self.cost < 0:
            errors["cost"] = COST_NOT_NEGATIVE
        if errors:
            raise ValidationError(errors)

    def get_context(self, request, *args, **kwargs):
        from voice.improvements_selectors import improvement_check_results, improvement_reports
        from voice.selectors import RESULTS_MIN_ANSWERS

        context = super().get_context(request, *args, **kwargs)
        index_page = self.get_parent()
        context["crumbs"] = [index_page] if index_page else []
        context["linked_reports"] = improvement_reports(improvement=self)
        context["check_results"] = improvement_check_results(improvement=self)
        context["minimum"] = RESULTS_MIN_ANSWERS
        # Both photos in one query (a page's own foreign keys would take one each).
        wanted = [pk for pk in (self.before_photo_id, self.after_photo_id) if pk]
        photos = {photo.pk: photo for photo in get_image_model().objects.filter(pk__in=wanted)}
        context["before_photo"] = photos.get(self.before_photo_id)
        context["after_photo"] = photos.get(self.after_photo_id)
        return context


class ImprovementTold(models.Model):
    """One person told about one improvement page: never told twice, even if republished."""

    page = models.ForeignKey(
        ImprovementPage,
        verbose_name=_("improvement"),
        on_delete=models.CASCADE,
        related_name="told",
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    told_at = models.DateTimeField(_("told"), default=timezone.now)

    class Meta:
        verbose_name = _("person told about an improvement")
        default_permissions = ()
        constraints = [
            models.UniqueConstraint(fields=["page", "person"], name="voice_improvement_told_once"),
        ]

    def __str__(self) -> str:
        return f"{self.person_id} → {self.page_id}"
