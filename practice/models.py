"""“Put it into practice”: next steps that Course Editors attach to a course or a skill.

When a learner finishes that course, or achieves that skill, they see the step made concrete for
them: *their* neighbourhood group, the next event at *their* community centre. The step itself
holds no place: it is resolved for each learner (see ``practice/selectors.py``).
"""

from urllib.parse import urlsplit

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.search import index

__all__ = ["NextStep", "NextStepKind", "steps_index_forget", "url_is_safe"]

# Lesson pages ask a cached index which courses and lessons lead to steps (see
# ``practice.selectors.steps_index``); saving or deleting a step moves this version on.
INDEX_VERSION_KEY = "practice:steps-index-version"


def steps_index_forget() -> None:
    """Make the cached index of steps stale, on every server sharing the cache."""
    try:
        cache.incr(INDEX_VERSION_KEY)
    except ValueError:
        cache.set(INDEX_VERSION_KEY, 2, timeout=None)


class NextStepKind(models.TextChoices):
    JOIN_GROUP = "join_group", _("Join your neighbourhood group")
    SHARE_PHOTO = "share_photo", _("Share a photo of an improvement on your estate")
    NEXT_EVENT = "next_event", _("Come to the next event at your community centre")
    LINK = "link", _("A link")


_HTTPS = URLValidator(schemes=["https"])


def url_is_safe(url: str) -> bool:
    """A path on our own site (“/community/”) or a full https:// address; nothing else.

    Refuses ``javascript:``, ``data:``, plain ``http://``, and “//other.site” (which browsers read
    as another site), and anything with spaces or control characters.
    """
    if not url or url != url.strip() or any(ord(char) < 33 for char in url):
        return False
    if url.startswith("/"):
        parts = urlsplit(url)
        return not url.startswith("//") and "\\" not in url and not parts.scheme
    try:
        _HTTPS(url)
    except ValidationError:
        return False
    return True


class NextStep(index.Indexed, models.Model):
    """One “Put it into practice” step, on exactly one course or one skill."""

    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("course"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="next_steps",
        help_text=_("Shown to learners when they finish this course."),
    )
    skill = models.ForeignKey(
        "courses.Skill",
        verbose_name=_("skill"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="next_steps",
        help_text=_("Or: shown to learners when they achieve this skill."),
    )
    kind = models.CharField(
        _("what to do"),
        max_length=16,
        choices=NextStepKind.choices,
        default=NextStepKind.JOIN_GROUP,
        help_text=_(
            "We fill in the group or event for each learner from their neighbourhood and "
            "community centre."
        ),
    )
    title = models.CharField(
        _("title"),
        max_length=80,
        help_text=_("A short action, e.g. “Show your neighbours a photo of the new benches”."),
    )
    text = models.CharField(
        _("short text"),
        max_length=280,
        blank=True,
        help_text=_("One or two short sentences saying why it is worth doing."),
    )
    url = models.CharField(
        _("web address"),
        max_length=500,
        blank=True,
        help_text=_(
            "Only for “A link”: a page on this site, e.g. “/community/”, or a full address "
            "starting https://."
        ),
    )
    sort_order = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("Steps are shown from the lowest number.")
    )

    panels = [
        MultiFieldPanel(
            [PageChooserPanel("course", "courses.CoursePage"), FieldPanel("skill")],
            heading=_("Show it after"),
            help_text=_("Choose a course or a skill: one of the two, not both."),
        ),
        FieldPanel("kind"),
        FieldPanel("title"),
        FieldPanel("text"),
        FieldPanel("url"),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("next step")
        verbose_name_plural = _("next steps")
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(course__isnull=False, skill__isnull=True)
                    | models.Q(course__isnull=True, skill__isnull=False)
                ),
                name="practice_next_step_course_or_skill",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        super().save(*args, **kwargs)
        steps_index_forget()

    def delete(self, *args, **kwargs):
        deleted = super().delete(*args, **kwargs)
        steps_index_forget()
        return deleted

    def clean(self) -> None:
        super().clean()
        errors: dict[str, str] = {}
        if self.course_id and self.skill_id:
            errors["skill"] = _("Choose a course or a skill, not both.")
        elif not self.course_id and not self.skill_id:
            errors["course"] = _("Choose the course or the skill that this step comes after.")
        self.url = (self.url or "").strip()
        if self.kind == NextStepKind.LINK:
            if not self.url:
                errors["url"] = _("Enter the web address this step links to.")
            elif not url_is_safe(self.url):
                errors["url"] = _(
                    "Enter a page on this site starting with “/”, or a full address starting "
                    "https://."
                )
        elif self.url:
            errors["url"] = _(
                "Only “A link” steps have a web address. Clear this box, or choose “A link”."
            )
        if errors:
            raise ValidationError(errors)

    @property
    def attached_to(self) -> str:
        """What finishing shows this step, for the admin list."""
        if self.course_id:
            return str(self.course)
        if self.skill_id:
            return f"{self.skill.code} {self.skill.statement}"
        return ""
