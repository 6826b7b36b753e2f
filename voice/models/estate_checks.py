"""Estate checks: staff ask the verified tenants of one or more neighbourhoods a few questions,
answered on a five-face scale, between an opening and a closing date.

A tenant answers once per check (one :class:`EstateCheckResponse`), and may change their
answers until the check closes. Photos are re-encoded by :mod:`community.photos` (no EXIF, no
GPS) and kept in private storage. The optional place is where the problem is, never the home.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel

from community.photos import photo_file_name
from training.core.storage import private_storage

QUESTION_MAX_LENGTH = 200
COMMENT_MAX_LENGTH = 1000
PHOTO_DESCRIPTION_MAX_LENGTH = 250
PHOTOS_MAX = 3


class Face(models.IntegerChoices):
    """The five-face scale, worst to best."""

    VERY_BAD = 1, _("Very bad")
    BAD = 2, _("Bad")
    OK = 3, _("OK")
    GOOD = 4, _("Good")
    VERY_GOOD = 5, _("Very good")


class EstateCheck(ClusterableModel):
    """One estate check: its questions, for which neighbourhoods, and when it is open."""

    title = models.CharField(_("title"), max_length=120)
    introduction = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("Optional: a sentence or two telling tenants what the check is for."),
    )
    neighbourhoods = ParentalManyToManyField(
        "places.Neighbourhood",
        verbose_name=_("neighbourhoods"),
        related_name="estate_checks",
        help_text=_("The verified tenants of these neighbourhoods can answer."),
    )
    opens_on = models.DateField(_("opens on"))
    closes_on = models.DateField(
        _("closes on"), help_text=_("Tenants can answer until the end of this day.")
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)

    panels = [
        FieldPanel("title"),
        FieldPanel("introduction"),
        FieldPanel("neighbourhoods"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("opens_on"), FieldPanel("closes_on")])],
            heading=_("When tenants can answer"),
        ),
        InlinePanel("questions", label=_("Questions"), min_num=1, max_num=10),
    ]

    class Meta:
        ordering = ["-opens_on", "-pk"]
        verbose_name = _("estate check")
        verbose_name_plural = _("estate checks")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_on__gte=models.F("opens_on")),
                name="voice_estate_check_closes_after_opening",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        if self.opens_on and self.closes_on and self.closes_on < self.opens_on:
            raise ValidationError(
                {"closes_on": _("The closing date must be on or after the opening date.")}
            )

    def is_open(self, *, today=None) -> bool:
        today = today or timezone.localdate()
        return self.opens_on <= today <= self.closes_on

    def is_closed(self, *, today=None) -> bool:
        today = today or timezone.localdate()
        return today > self.closes_on


class EstateCheckQuestion(models.Model):
    """One plain-English question of a check, answered on the five-face scale."""

    estate_check = ParentalKey(
        EstateCheck,
        verbose_name=_("estate check"),
        on_delete=models.CASCADE,
        related_name="questions",
    )
    sort_order = models.PositiveIntegerField(default=0, editable=False)
    text = models.CharField(
        _("question"),
        max_length=QUESTION_MAX_LENGTH,
        help_text=_("Plain English, e.g. “How clean are the shared areas?”"),
    )

    panels = [FieldPanel("text")]

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("question")

    def __str__(self) -> str:
        return self.text


class EstateCheckResponse(models.Model):
    """A tenant's answers to one check: one per person, changed until the check closes.

    ``neighbourhood`` is the tenant's verified neighbourhood when they answered: results are
    counted per neighbourhood. The place (optional) is of the problem, never the home.
    """

    estate_check = models.ForeignKey(
        EstateCheck,
        verbose_name=_("estate check"),
        on_delete=models.CASCADE,
        related_name="responses",
    )
    # Empty once the person deletes their account: their faces still count, anonymously
    # (voice/data_rights.py clears the comments, place and photos).
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="estate_check_responses",
    )
    neighbourhood = models.ForeignKey(
        "places.Neighbourhood",
        verbose_name=_("neighbourhood"),
        on_delete=models.PROTECT,
        related_name="estate_check_responses",
    )
    latitude = models.DecimalField(
        _("latitude of the place"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude of the place"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    created_at = models.DateTimeField(_("first answered"), default=timezone.now)
    updated_at = models.DateTimeField(_("last changed"), default=timezone.now)

    class Meta:
        verbose_name = _("estate check response")
        default_permissions = ()
        constraints = [
            models.UniqueConstraint(
                fields=["estate_check", "person"], name="voice_estate_check_one_response"
            ),
        ]

    def __str__(self) -> str:
        return f"{_('estate check response')} {self.pk}"

    @property
    def has_place(self) -> bool:
        return self.latitude is not None and self.longitude is not None


class EstateCheckAnswer(models.Model):
    """One answer: a face from 1 (very bad) to 5 (very good), and an optional comment."""

    response = models.ForeignKey(
        EstateCheckResponse,
        verbose_name=_("response"),
        on_delete=models.CASCADE,
        related_name="answers",
    )
    question = models.ForeignKey(
        EstateCheckQuestion,
        verbose_name=_("question"),
        on_delete=models.CASCADE,
        related_name="answers",
    )
    score = models.PositiveSmallIntegerField(
        _("answer"),
        choices=Face.choices,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    comment = models.TextField(_("comment"), max_length=COMMENT_MAX_LENGTH, blank=True)

    class Meta:
        verbose_name = _("estate check answer")
        default_permissions = ()
        constraints = [
            models.UniqueConstraint(
                fields=["response", "question"], name="voice_estate_check_one_answer"
            ),
            models.CheckConstraint(
                condition=models.Q(score__gte=1, score__lte=5),
                name="voice_estate_check_score_1_to_5",
            ),
        ]

    def __str__(self) -> str:
        return f"{_('estate check answer')} {self.pk}"


def estate_photo_upload_to(instance, filename: str) -> str:  # noqa: ARG001 - name ignored
    return photo_file_name(folder="voice/estate-checks", filename=filename)


class EstateCheckPhoto(models.Model):
    """A photo added to a response: re-encoded without EXIF, in private storage, shown only
    to its author and staff through a view."""

    response = models.ForeignKey(
        EstateCheckResponse,
        verbose_name=_("response"),
        on_delete=models.CASCADE,
        related_name="photos",
    )
    photo = models.FileField(_("photo"), upload_to=estate_photo_upload_to, storage=private_storage)
    description = models.CharField(_("photo description"), max_length=PHOTO_DESCRIPTION_MAX_LENGTH)
    width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    added_at = models.DateTimeField(_("added"), default=timezone.now)

    class Meta:
        ordering = ["added_at", "pk"]
        verbose_name = _("estate check photo")
        default_permissions = ()

    def __str__(self) -> str:
        return f"{_('estate check photo')} {self.pk}"
