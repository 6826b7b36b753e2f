"""Forms for Digital Champion assisted mode: record a lesson or a skill done with help."""

from django import forms
from django.utils.translation import gettext_lazy as _

from courses.models import LessonPage, Skill

NOTE_MAX_LENGTH = 500

NOTE_ERRORS = {
    "max_length": _(
        "Keep the note to %(limit_value)d characters or fewer. It has %(show_value)d now."
    ),
}


def _note_field(*, help_text) -> forms.CharField:
    return forms.CharField(
        label=_("Note (optional)"),
        help_text=help_text,
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages=NOTE_ERRORS,
    )


class RecordLessonForm(forms.Form):
    """Choose a course's lesson (the list is grouped by course) and add a note."""

    lesson = forms.TypedChoiceField(
        label=_("Lesson they finished"),
        help_text=_("Lessons are listed under their course."),
        coerce=int,
        empty_value=None,
        error_messages={
            "required": _("Choose the lesson they finished."),
            "invalid_choice": _(
                "Choose a lesson from the list. You can only record published lessons."
            ),
        },
    )
    note = _note_field(
        help_text=_("What they did and how you helped, e.g. “Made a password with three words”.")
    )

    def __init__(self, *args, lesson_choices: list, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["lesson"].choices = [("", _("Choose a lesson")), *lesson_choices]

    def clean_lesson(self) -> LessonPage:
        lesson = LessonPage.objects.live().filter(pk=self.cleaned_data["lesson"]).first()
        if lesson is None:
            raise forms.ValidationError(
                self.fields["lesson"].error_messages["invalid_choice"], code="invalid_choice"
            )
        return lesson


class RecordSkillForm(forms.Form):
    """Choose a skill of the framework (grouped by area) that the champion saw, and a note."""

    skill = forms.TypedChoiceField(
        label=_("Skill you saw them use"),
        help_text=_("Skills are listed under their area of the framework."),
        coerce=int,
        empty_value=None,
        error_messages={
            "required": _("Choose the skill you saw them use."),
            "invalid_choice": _("Choose a skill from the list."),
        },
    )
    note = _note_field(
        help_text=_("What you saw them do, e.g. “Found the bus times on the council website”.")
    )

    def __init__(self, *args, skill_choices: list, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["skill"].choices = [("", _("Choose a skill")), *skill_choices]

    def clean_skill(self) -> Skill:
        skill = Skill.objects.filter(pk=self.cleaned_data["skill"]).first()
        if skill is None:
            raise forms.ValidationError(
                self.fields["skill"].error_messages["invalid_choice"], code="invalid_choice"
            )
        return skill
