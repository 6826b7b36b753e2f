"""Forms for the champions pages: apply, decide, step down, end a role, consent to be named."""

from django import forms
from django.utils.translation import gettext_lazy as _

from training.places.models import CommunityCentre

TEXT_ERRORS = {
    "max_length": _("Keep it to %(limit_value)d characters or fewer. It has %(show_value)d now."),
}


class ApplyForm(forms.Form):
    centre = forms.ModelChoiceField(
        label=_("Community centre"),
        help_text=_("The centre where you would like to help."),
        queryset=CommunityCentre.objects.order_by("name"),
        empty_label=_("Choose a centre"),
        error_messages={
            "required": _("Choose the centre where you would like to help."),
            "invalid_choice": _("Choose a centre from the list."),
        },
    )
    note = forms.CharField(
        label=_("Why would you like to help?"),
        help_text=_("A sentence or two is enough, e.g. “I help my neighbours with their phones”."),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": _("Tell us in a sentence or two why you would like to help."),
            **TEXT_ERRORS,
        },
    )


class DecideForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Your decision"),
        choices=[("approve", _("Approve")), ("decline", _("Decline"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose approve or decline.")},
    )
    reason = forms.CharField(
        label=_("Reason"),
        help_text=_("The applicant reads this. Needed when you decline."),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages=TEXT_ERRORS,
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == "decline" and not (cleaned.get("reason") or "").strip():
            self.add_error("reason", _("Say why, so that the applicant knows."))
        return cleaned


class EndForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        help_text=_("The champion reads this."),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Say why, so that the champion knows."), **TEXT_ERRORS},
    )


class StepDownForm(forms.Form):
    reason = forms.CharField(
        label=_("Anything you would like to tell us (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages=TEXT_ERRORS,
    )


class ConsentForm(forms.Form):
    named = forms.BooleanField(
        label=_("Managers may see my name beside the help I have given"),
        help_text=_("Without this, Managers see your figures without your name."),
        required=False,
    )
