"""The skills framework: the UK Essential Digital Skills framework, as snippets.

Areas (Foundation, Communicating, ...) hold skills. Both have a stable code ("SAF", "SAF-7") that
never changes and is never reused, so that learning records and badges keep their meaning.
"""

import re

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.search import index

__all__ = ["Skill", "SkillArea", "WordingSource"]

AREA_CODE = RegexValidator(
    r"^[A-Z]{3}$", _("Use three capital letters, for example “SAF”."), code="invalid"
)
SKILL_CODE = RegexValidator(
    r"^[A-Z]{3}-[1-9][0-9]{0,2}$",
    _("Use the area code, a dash and a number, for example “SAF-14”."),
    code="invalid",
)


class WordingSource(models.TextChoices):
    FRAMEWORK = "framework", _("The framework’s own wording")
    FRAMEWORK_SHORTENED = "framework_shortened", _("The framework’s wording, shortened")
    OURS = "ours", _("Our own wording")


class SkillArea(index.Indexed, models.Model):
    code = models.CharField(
        _("code"),
        max_length=3,
        unique=True,
        validators=[AREA_CODE],
        help_text=_("Three capital letters, e.g. “SAF”. Never change or reuse a code."),
    )
    name = models.CharField(_("name"), max_length=80, unique=True)
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_("One or two plain sentences saying what this area is about."),
    )
    is_foundation = models.BooleanField(
        _("foundation skills"),
        default=False,
        help_text=_("Tick for the skills everyone needs first, before the other areas."),
    )
    sort_order = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("Areas are listed from the lowest number.")
    )

    panels = [
        FieldPanel("code"),
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("is_foundation"),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["sort_order", "code"]
        verbose_name = _("skill area")
        verbose_name_plural = _("skill areas")

    def __str__(self) -> str:
        return self.name


class Skill(index.Indexed, models.Model):
    area = models.ForeignKey(
        SkillArea, verbose_name=_("area"), on_delete=models.PROTECT, related_name="skills"
    )
    code = models.CharField(
        _("code"),
        max_length=8,
        unique=True,
        validators=[SKILL_CODE],
        help_text=_(
            "The area code, a dash and the next free number, e.g. “SAF-14”. Never change or "
            "reuse a code: learners’ records point to it."
        ),
    )
    statement = models.CharField(
        _("statement"),
        max_length=300,
        help_text=_("What someone can do, starting “I can” or “I understand”."),
    )
    wording_source = models.CharField(
        _("wording"),
        max_length=24,
        choices=WordingSource.choices,
        default=WordingSource.OURS,
        help_text=_(
            "Framework wording is Crown copyright under the Open Government Licence: keep it "
            "as it is, or change this to “Our own wording” if you rewrite it."
        ),
    )
    sort_order = models.PositiveSmallIntegerField(
        _("position"),
        default=0,
        help_text=_("Skills are listed from the lowest number. Leave at 0 to use the code."),
    )

    panels = [
        FieldPanel("area"),
        FieldPanel("code"),
        FieldPanel("statement"),
        FieldPanel("wording_source"),
        FieldPanel("sort_order"),
    ]
    search_fields = [
        index.SearchField("statement"),
        index.SearchField("code"),
        index.AutocompleteField("statement"),
        index.AutocompleteField("code"),
    ]

    class Meta:
        ordering = ["area__sort_order", "sort_order", "code"]
        verbose_name = _("skill")
        verbose_name_plural = _("skills")

    def __str__(self) -> str:
        return f"{self.code} — {self.statement}"

    def save(self, *args, **kwargs) -> None:
        if not self.sort_order and (match := re.search(r"-(\d+)$", self.code or "")):
            self.sort_order = int(match.group(1))
        super().save(*args, **kwargs)

    def clean(self) -> None:
        super().clean()
        if self.code and self.area_id and not self.code.startswith(f"{self.area.code}-"):
            raise ValidationError(
                {
                    "code": _("The code must start with the area’s code, “%(area)s-”.")
                    % {"area": self.area.code}
                }
            )
