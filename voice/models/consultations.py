"""Consultations: staff ask a question as a Wagtail page; each eligible person answers once.

Decision: consultations live under their own index (:class:`ConsultationIndexPage`,
``/consultations/``), not under "You said, we did": a consultation is open for weeks before
there is anything to say it did. When staff add "What we decided, and why", the page may link to
the improvement (:class:`voice.models.ImprovementPage`) that carries it out, and that link shows
on the consultation page, so the decision appears in "You said, we did" through its improvement.

- Who may take part (:class:`Eligibility`): verified tenants of chosen neighbourhoods, all
  verified tenants, or everyone signed in.
- Questions are orderables (:class:`ConsultationQuestion`), not a StreamField: answers point at
  a question row, which keeps its identity when editors reorder or reword.
- One :class:`ConsultationResponse` per consultation and person (a database constraint); it is
  changed, never added to, until the consultation closes (the last answer counts). A response
  with no ``submitted_at`` is half-finished and is not counted.
- A Digital Champion (or a Housing Officer) can enter a paper or phone response for a tenant:
  ``assisted`` is set and ``entered_by`` says who.
- Free-text answers wait for a moderator (:class:`Moderation`); published ones are shown as
  quotes, never with a name.
"""

from http import HTTPMethod

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from training.core.models.pages import PLAIN_RICH_TEXT

QUESTION_MAX_LENGTH = 300
OPTION_MAX_LENGTH = 120
FREE_TEXT_MAX_LENGTH = 1000
# Background may carry pictures and documents as well as plain rich text.
BACKGROUND_RICH_TEXT = [*PLAIN_RICH_TEXT, "image", "document-link"]

AGREE_SCALE = [
    _("Strongly agree"),
    _("Agree"),
    _("Neither agree nor disagree"),
    _("Disagree"),
    _("Strongly disagree"),
]


class Eligibility(models.TextChoices):
    NEIGHBOURHOODS = "neighbourhoods", _("Verified tenants of the neighbourhoods chosen below")
    VERIFIED = "verified", _("All verified tenants")
    SIGNED_IN = "signed_in", _("Everyone signed in")


class QuestionKind(models.TextChoices):
    ONE = "one", _("Choose one")
    SEVERAL = "several", _("Choose several")
    SCALE = "scale", _("Agree–disagree scale")
    RANK = "rank", _("Put options in order")
    TEXT = "text", _("Short free text")


class Moderation(models.TextChoices):
    WAITING = "waiting", _("Waiting for a moderator")
    PUBLISHED = "published", _("Published as a quote")
    REJECTED = "rejected", _("Not published")


class ConsultationIndexPage(Page):
    """/consultations/: open consultations first, then closed ones with their results."""

    introduction = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("One or two short sentences shown above the list of consultations."),
    )

    content_panels = [*Page.content_panels, FieldPanel("introduction")]

    parent_page_types = ["core.HomePage"]
    subpage_types = ["voice.ConsultationPage"]
    max_count = 1
    allowed_http_methods = [HTTPMethod.GET, HTTPMethod.HEAD, HTTPMethod.OPTIONS]
    template = "voice/consultations/index.html"

    class Meta:
        verbose_name = _("consultations index")

    def get_context(self, request, *args, **kwargs):
        from voice.consultations_selectors import consultations_listed

        context = super().get_context(request, *args, **kwargs)
        context["open_consultations"], context["closed_consultations"] = consultations_listed(
            index=self
        )
        context["today"] = timezone.localdate()
        return context


class ConsultationPage(Page):
    """One consultation: its question, background, who may take part, when, and its questions.

    The page is served by :func:`voice.consultations_views.consultation_serve` (the form in
    steps while open, the results once closed), so it is never kept by the page cache.
    """

    question = models.CharField(
        _("the question"),
        max_length=QUESTION_MAX_LENGTH,
        help_text=_("In plain English, e.g. “Where should the new benches go?”"),
    )
    background = RichTextField(
        _("background"),
        features=BACKGROUND_RICH_TEXT,
        blank=True,
        help_text=_("What tenants need to know to answer: pictures and documents are welcome."),
    )
    eligibility = models.CharField(
        _("who may take part"),
        max_length=20,
        choices=Eligibility.choices,
        default=Eligibility.NEIGHBOURHOODS,
    )
    neighbourhoods = ParentalManyToManyField(
        "places.Neighbourhood",
        verbose_name=_("neighbourhoods"),
        related_name="consultations",
        blank=True,
        help_text=_("Used when only verified tenants of chosen neighbourhoods may take part."),
    )
    opens_on = models.DateField(_("opens on"), default=timezone.localdate)
    closes_on = models.DateField(
        _("closes on"), help_text=_("People can answer until the end of this day.")
    )
    decision = RichTextField(
        _("what we decided, and why"),
        features=PLAIN_RICH_TEXT,
        blank=True,
        help_text=_(
            "Add this once the consultation has closed. Everyone who took part is told when "
            "the page is published with it."
        ),
    )
    improvement = models.ForeignKey(
        "voice.ImprovementPage",
        verbose_name=_("“You said, we did” improvement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="consultations",
        help_text=_("Optional: the improvement page that carries out the decision."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("question"),
        FieldPanel("background"),
        MultiFieldPanel(
            [FieldPanel("eligibility"), FieldPanel("neighbourhoods")],
            heading=_("Who may take part"),
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("opens_on"), FieldPanel("closes_on")])],
            heading=_("When people can answer"),
        ),
        InlinePanel("questions", label=_("Questions"), min_num=1, max_num=40),
        MultiFieldPanel(
            [FieldPanel("decision"), FieldPanel("improvement")],
            heading=_("What we decided, and why"),
        ),
    ]

    parent_page_types = ["voice.ConsultationIndexPage"]
    subpage_types: list[str] = []
    template = "voice/consultations/consultation.html"

    class Meta:
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")

    def clean(self) -> None:
        super().clean()
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

    def serve(self, request, *args, **kwargs):
        from voice.consultations_views import consultation_serve

        return consultation_serve(request, self)


class ConsultationQuestion(Orderable):
    """One question. Options are one per line; a scale with no options is agree–disagree."""

    page = ParentalKey(
        ConsultationPage,
        verbose_name=_("consultation"),
        on_delete=models.CASCADE,
        related_name="questions",
    )
    kind = models.CharField(_("kind"), max_length=10, choices=QuestionKind.choices)
    text = models.CharField(_("question"), max_length=QUESTION_MAX_LENGTH)
    help_text = models.CharField(_("hint"), max_length=QUESTION_MAX_LENGTH, blank=True)
    options = models.TextField(
        _("options, one a line"),
        blank=True,
        help_text=_(
            "For choose one, choose several and put in order. A scale with none is "
            "Strongly agree … Strongly disagree."
        ),
    )
    required = models.BooleanField(_("an answer is needed"), default=True)
    code = models.CharField(
        _("measure code"),
        max_length=20,
        blank=True,
        help_text=_("Only for the Tenant Satisfaction Measures survey, e.g. TP01."),
    )

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("required")]),
        FieldPanel("text"),
        FieldPanel("help_text"),
        FieldPanel("options"),
        FieldPanel("code"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("consultation question")

    def __str__(self) -> str:
        return self.text

    def option_list(self) -> list[str]:
        """The options as answers store them. The agree scale's are kept in English whatever
        the language of the person answering, so that answers in every language count together
        (:meth:`option_choices` gives what each person reads)."""
        options = [line.strip() for line in self.options.splitlines() if line.strip()]
        if not options and self.kind == QuestionKind.SCALE:
            with translation.override(settings.LANGUAGE_CODE):
                return [str(option) for option in AGREE_SCALE]
        return options

    def option_choices(self) -> list[tuple[str, str]]:
        """(what the answer stores, what the person reads in their language) for each option."""
        stored = self.option_list()
        if not self.options.strip() and self.kind == QuestionKind.SCALE:
            return list(zip(stored, [str(option) for option in AGREE_SCALE], strict=True))
        return [(option, option) for option in stored]

    def clean(self) -> None:
        super().clean()
        needs_options = self.kind in (QuestionKind.ONE, QuestionKind.SEVERAL, QuestionKind.RANK)
        if needs_options and len(self.option_list()) < 2:
            raise ValidationError({"options": _("Give at least two options, one a line.")})


class ConsultationResponse(models.Model):
    """One person's answers to one consultation: one row each (the constraint holds "once")."""

    consultation = models.ForeignKey(
        ConsultationPage,
        verbose_name=_("consultation"),
        on_delete=models.CASCADE,
        related_name="responses",
    )
    # SET_NULL: a deleted account's answers still count, so closed results never change
    # (voice/data_rights.py removes its free text first).
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="consultation_responses",
    )
    neighbourhood = models.ForeignKey(
        "places.Neighbourhood",
        verbose_name=_("neighbourhood"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    assisted = models.BooleanField(_("entered for them (paper or phone)"), default=False)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("started"), default=timezone.now)
    updated_at = models.DateTimeField(_("last changed"), default=timezone.now)
    submitted_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("consultation response")
        default_permissions = ()
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "person"], name="voice_consultation_response_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person_id} → {self.consultation_id}"


class ConsultationAnswer(models.Model):
    """One answer: the options chosen (in order, for ranking) or the free text."""

    response = models.ForeignKey(
        ConsultationResponse,
        verbose_name=_("response"),
        on_delete=models.CASCADE,
        related_name="answers",
    )
    question = models.ForeignKey(
        ConsultationQuestion,
        verbose_name=_("question"),
        on_delete=models.CASCADE,
        related_name="answers",
    )
    choices = models.JSONField(_("options chosen"), default=list, blank=True)
    text = models.TextField(_("free text"), max_length=FREE_TEXT_MAX_LENGTH, blank=True)
    moderation = models.CharField(
        _("moderation"),
        max_length=10,
        choices=Moderation.choices,
        default=Moderation.WAITING,
    )
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderated by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("consultation answer")
        default_permissions = ()
        constraints = [
            models.UniqueConstraint(
                fields=["response", "question"], name="voice_consultation_answer_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.response_id}: {self.question_id}"


class ConsultationTold(models.Model):
    """One person told about one consultation's decision: never twice, even if republished."""

    consultation = models.ForeignKey(
        ConsultationPage,
        verbose_name=_("consultation"),
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
        verbose_name = _("person told about a consultation's decision")
        default_permissions = ()
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "person"], name="voice_consultation_told_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person_id} → {self.consultation_id}"
