from django import forms
from django.utils.translation import gettext_lazy as _

from courses.models import CourseLevel, SkillArea


class CourseFilterForm(forms.Form):
    """The filters above the list of courses. Sent with GET, so the choices stay in the address."""

    area = forms.ChoiceField(label=_("Skill area"), required=False)
    level = forms.ChoiceField(
        label=_("Level"),
        required=False,
        choices=[("", _("Any level")), *CourseLevel.choices],
    )

    def __init__(self, *args, areas: list[SkillArea], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["area"].choices = [
            ("", _("All skill areas")),
            *((area.code, area.name) for area in areas),
        ]

    def filters(self) -> dict[str, str]:
        """The valid, chosen filters; anything unknown in the address is ignored."""
        if not self.is_bound:
            return {}
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        return {name: value for name, value in cleaned.items() if value}
