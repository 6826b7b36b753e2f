"""The course pages: one courses index, its courses, and each course's lessons."""

import re
from html import unescape
from http import HTTPMethod

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Sum
from django.template.response import TemplateResponse
from django.utils.functional import SimpleLazyObject
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks, hooks
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from courses.blocks import LessonBodyBlock
from courses.hooks import QUIZ_ANSWERED
from courses.quiz import quiz_answers_from_post, quiz_score
from training.core.page_cache import AnonymousPageCacheMixin

__all__ = ["CourseIndexPage", "CourseLevel", "CoursePage", "LessonPage"]

# Addresses under /courses/ that belong to the index page itself, not to a course.
RESERVED_COURSE_SLUGS = {"skills"}


class CourseLevel(models.TextChoices):
    GETTING_STARTED = "getting_started", _("Getting started")
    NEXT_STEPS = "next_steps", _("Next steps")


class CourseIndexPage(AnonymousPageCacheMixin, RoutablePageMixin, Page):
    """/courses/: the list of courses, filterable by skill area and level, and the skills page."""

    introduction = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("One or two short sentences shown above the list of courses."),
    )

    content_panels = [*Page.content_panels, FieldPanel("introduction")]

    parent_page_types = ["core.HomePage"]
    subpage_types = ["courses.CoursePage"]
    max_count = 1
    allowed_http_methods = [HTTPMethod.GET, HTTPMethod.HEAD, HTTPMethod.OPTIONS]

    class Meta:
        verbose_name = _("courses index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["skills_url"] = self.skills_url(request)
        return context

    def skills_url(self, request=None) -> str:
        """The address of the skills page, a route of this page: /courses/skills/."""
        # reverse_subpage gives "skills/", without a leading slash; the page's own URL ends in one.
        return self.get_url(request) + self.reverse_subpage("skills")

    @path("")
    def course_index(self, request):
        """The list of courses, filtered by the choices in the address (works without JS)."""
        from courses.forms import CourseFilterForm
        from courses.selectors import course_list, skill_areas

        form = CourseFilterForm(request.GET or None, areas=skill_areas())
        filters = form.filters()
        return self.render(
            request,
            context_overrides={
                "filter_form": form,
                "filtered": bool(filters),
                "courses": course_list(
                    index=self, area=filters.get("area"), level=filters.get("level")
                ),
            },
        )

    @path("skills/", name="skills")
    def skills(self, request):
        """The skills framework, with the courses that teach each skill."""
        from courses.selectors import skills_framework

        return self.render(
            request,
            template="courses/skills.html",
            context_overrides={"areas": skills_framework(), "crumbs": [self]},
        )


class CoursePage(AnonymousPageCacheMixin, Page):
    """A short course: a few lessons on one subject, with what you will be able to do."""

    summary = models.TextField(
        _("summary"),
        max_length=300,
        help_text=_(
            "One or two short sentences in plain English. Shown in the list of courses and in "
            "search results."
        ),
    )
    audience = models.TextField(
        _("who it is for"),
        max_length=400,
        help_text=_("For example: “For anyone who has a smartphone but rarely uses it.”"),
    )
    outcomes = StreamField(
        [
            (
                "outcome",
                blocks.CharBlock(
                    label=_("Outcome"),
                    max_length=160,
                    help_text=_("Start with a verb: “send a photo to a friend”."),
                ),
            )
        ],
        verbose_name=_("by the end you will be able to"),
        min_num=1,
        max_num=8,
        help_text=_("Two to five things people will be able to do after the course."),
    )
    level = models.CharField(
        _("level"),
        max_length=20,
        choices=CourseLevel.choices,
        default=CourseLevel.GETTING_STARTED,
        help_text=_(
            "“Getting started” is for people new to a device or task; “Next steps” builds on it."
        ),
    )
    skills = ParentalManyToManyField(
        "courses.Skill",
        verbose_name=_("skills it teaches"),
        related_name="courses",
        blank=True,
        help_text=_("Tick the skills from the framework that this course teaches."),
    )
    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("listing image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional. A simple, friendly picture shown in the list of courses."),
    )
    listing_image_alt = models.CharField(
        _("alt text for the listing image"),
        max_length=250,
        blank=True,
        help_text=_("Needed if you add a listing image: say what it shows."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("audience"),
        FieldPanel("outcomes"),
        FieldPanel("level"),
        FieldPanel("skills", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [FieldPanel("listing_image"), FieldPanel("listing_image_alt")],
            heading=_("Listing image"),
        ),
        HelpPanel(
            content=_(
                "The time a course takes is worked out for you: it is the total of the "
                "estimated minutes of its published lessons. Add lessons as child pages."
            )
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("audience"),
        index.SearchField("outcomes"),
        index.FilterField("level"),
    ]

    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.LessonPage"]
    allowed_http_methods = [HTTPMethod.GET, HTTPMethod.HEAD, HTTPMethod.OPTIONS]

    class Meta:
        verbose_name = _("course")

    def clean(self) -> None:
        super().clean()
        errors = {}
        if self.listing_image_id and not self.listing_image_alt.strip():
            errors["listing_image_alt"] = _(
                "Describe the listing image for people who cannot see it, e.g. “Drawing of a "
                "padlock”. This is called alt text."
            )
        if self.slug in RESERVED_COURSE_SLUGS:
            errors["slug"] = _("This address is used by another page. Choose another one.")
        if errors:
            raise ValidationError(errors)

    @property
    def estimated_minutes(self) -> int:
        """Total estimated minutes of the published lessons (annotated by the list selector)."""
        annotated = self.__dict__.get("lesson_minutes_total")
        if annotated is not None:
            return annotated
        total = (
            LessonPage.objects.live()
            .child_of(self)
            .aggregate(total=Sum("estimated_minutes"))["total"]
        )
        return total or 0

    @property
    def outcome_texts(self) -> list[str]:
        return [str(block.value) for block in self.outcomes]

    def get_context(self, request, *args, **kwargs):
        from courses.selectors import course_lessons

        context = super().get_context(request, *args, **kwargs)
        index = self.get_parent()
        context["crumbs"] = [index] if index else []
        context["skills_url"] = f"{index.get_url(request)}skills/" if index else None
        lessons = course_lessons(course=self)
        context["lessons"] = lessons
        context["total_minutes"] = sum(lesson.estimated_minutes for lesson in lessons)
        context["course_skills"] = sorted(
            self.skills.all(), key=lambda skill: (skill.area_id, skill.sort_order)
        )
        # The visitor's own progress: {% course_progress_for %} (templatetags/progress_tags.py).
        return context


class LessonPage(AnonymousPageCacheMixin, Page):
    """One lesson of a course: a few minutes of reading, doing and, often, a short quiz."""

    estimated_minutes = models.PositiveSmallIntegerField(
        _("estimated minutes"),
        default=10,
        validators=[MinValueValidator(1), MaxValueValidator(240)],
        help_text=_("About how long someone new to this takes, including any task and quiz."),
    )
    skills = ParentalManyToManyField(
        "courses.Skill",
        verbose_name=_("skills it teaches"),
        related_name="lessons",
        blank=True,
        help_text=_("Tick the skills from the framework that this lesson teaches."),
    )
    body = StreamField(
        LessonBodyBlock(),
        verbose_name=_("lesson"),
        help_text=_(
            "Build the lesson from blocks: text, step-by-step instructions, images, videos, "
            "tips, watch-outs, a task to try and a quiz."
        ),
    )
    pass_mark_percent = models.PositiveSmallIntegerField(
        _("quiz pass mark (%)"),
        default=80,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_(
            "The share of quiz questions people need to get right to pass, e.g. 80. Only used "
            "if the lesson has a quiz."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("estimated_minutes"),
        FieldPanel("body"),
        FieldPanel("skills", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel([FieldPanel("pass_mark_percent")], heading=_("Quiz")),
    ]
    search_fields = [*Page.search_fields, index.SearchField("body")]

    parent_page_types = ["courses.CoursePage"]
    subpage_types: list[str] = []
    # POST answers a quiz on the page; it is checked for CSRF like every other form.
    allowed_http_methods = [
        HTTPMethod.GET,
        HTTPMethod.HEAD,
        HTTPMethod.OPTIONS,
        HTTPMethod.POST,
    ]

    class Meta:
        verbose_name = _("lesson")

    @property
    def summary_text(self) -> str:
        """The search description, or the start of the first text block, as plain text."""
        if self.search_description:
            return self.search_description
        for block in self.body:
            if block.block_type == "text":
                source = re.sub(r"</(p|li|h[1-6])>|<br\s*/?>", " ", block.value.source)
                text = unescape(strip_tags(source)).strip()
                return Truncator(" ".join(text.split())).words(30)
        return ""

    def _has_block(self, block_type: str) -> bool:
        # Read the stored data, not the blocks: turning blocks into values fetches images.
        return any(block["type"] == block_type for block in self.body.raw_data)

    @property
    def has_video(self) -> bool:
        return self._has_block("video")

    @property
    def has_quiz(self) -> bool:
        return self._has_block("quiz")

    @property
    def first_quiz_id(self) -> str:
        return next((block["id"] for block in self.body.raw_data if block["type"] == "quiz"), "")

    def get_context(self, request, *args, **kwargs):
        from courses.selectors import lesson_contents

        context = super().get_context(request, *args, **kwargs)
        # Lazy: the template keeps these parts in a shared fragment cache, and when the
        # fragment comes from the cache they are never read from the database.
        contents = SimpleLazyObject(lambda: lesson_contents(lesson=self))
        context["contents"] = contents
        context["crumbs"] = SimpleLazyObject(
            lambda: [crumb for crumb in (contents.index, contents.course) if crumb]
        )
        context["lesson_skills"] = SimpleLazyObject(
            lambda: sorted(self.skills.all(), key=lambda skill: (skill.area_id, skill.sort_order))
        )
        context.setdefault("quiz_results", {})
        # The visitor's own progress is read by {% lesson_progress_for %}, outside the shared
        # fragment (templates/courses/progress/includes/lesson_progress.html).
        return context

    def serve(self, request, *args, **kwargs):
        if request.method == "POST":
            return self.quiz_answer(request, *args, **kwargs)
        return super().serve(request, *args, **kwargs)

    def quiz_answer(self, request, *args, **kwargs):
        """Score the quiz that was sent, record the try, and show the lesson again with feedback
        on each answer. Passing completes the lesson: for a signed-in learner in their learning
        record, for a visitor who is not signed in in their session. Retries are allowed.
        """
        request.is_preview = False
        quiz_id = request.POST.get("quiz", "")
        quiz = next(
            (
                block
                for block in self.body
                if block.block_type == "quiz" and block.id and block.id == quiz_id
            ),
            None,
        )
        quiz_results = {}
        if quiz is not None:
            questions = quiz.value["questions"]
            answers = quiz_answers_from_post(request.POST, question_count=len(questions))
            result = quiz_score(
                questions=quiz.value, answers=answers, pass_mark_percent=self.pass_mark_percent
            )
            for record in hooks.get_hooks(QUIZ_ANSWERED):  # the progress tracker records it
                record(
                    request=request, lesson=self, quiz_id=quiz.id, answers=answers, result=result
                )
            quiz_results[quiz.id] = result
        # Read after recording, so the page shows the lesson as done when the quiz was passed.
        context = self.get_context(request, *args, **kwargs)
        context["quiz_posted"] = True  # this page shows one person's answers: never shared
        context["quiz_results"] = quiz_results
        status = 200
        if quiz is None:
            # An old form (the lesson changed since it was loaded) or a made-up one.
            context["quiz_error"] = _(
                "Sorry, that quiz has changed since you opened the page. Please try it again."
            )
            status = 400
        return TemplateResponse(
            request, self.get_template(request, *args, **kwargs), context, status=status
        )
