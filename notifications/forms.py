from django import forms
from django.utils.translation import gettext_lazy as _

from notifications.models import EmailChoice

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

    def options(self):
        """Each radio button with its hint, for the page's own fieldset."""
        return [(radio, CHOICE_HINTS[EmailChoice(radio.data["value"])]) for radio in self["email"]]
