from django import forms
from django.utils.translation import gettext_lazy as _

from notifications.models import EmailChoice
from notifications.selectors import CHOOSABLE_KINDS

SAME_AS_ALL = ""

CHOICE_HINTS = {
    EmailChoice.IMMEDIATE: _("We email you each time something happens."),
    EmailChoice.DAILY: _(
        "One email each morning listing everything new. Nothing new, no email. Reminders about "
        "events you booked still come on time."
    ),
    EmailChoice.NONE: _("We do not email you. You can still see your messages on this page."),
}


class EmailChoiceForm(forms.Form):
    email = forms.ChoiceField(
        label=_("How should we email you?"),
        choices=EmailChoice.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose how we should email you."),
            "invalid_choice": _("Choose one of the three options."),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # One choice for each kind of message: the same as above unless the person says.
        for kind in CHOOSABLE_KINDS:
            self.fields[f"kind_{kind.value}"] = forms.ChoiceField(
                label=kind.label,
                choices=[(SAME_AS_ALL, _("The same as above")), *EmailChoice.choices],
                required=False,
                error_messages={"invalid_choice": _("Choose one of the options in the list.")},
            )

    def kind_fields(self):
        return [self[f"kind_{kind.value}"] for kind in CHOOSABLE_KINDS]

    def kind_choices(self) -> dict[str, str]:
        """The kinds chosen differently (cleaned data only), by kind."""
        return {
            kind.value: self.cleaned_data.get(f"kind_{kind.value}") or SAME_AS_ALL
            for kind in CHOOSABLE_KINDS
        }

    @staticmethod
    def initial_for(*, choice: str, by_kind: dict[str, str]) -> dict[str, str]:
        initial = {"email": choice}
        initial.update({f"kind_{kind}": value for kind, value in by_kind.items()})
        return initial

    def options(self):
        """Each radio button with its hint, for the page's own fieldset."""
        return [(radio, CHOICE_HINTS[EmailChoice(radio.data["value"])]) for radio in self["email"]]
