"""The forms on an officer's case page: a note, a referral, a reply and the status."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from safeguarding.handling_services import NEXT_STATUSES
from safeguarding.models.handling import (
    NOTE_MAX_LENGTH,
    REFERRAL_TO_MAX_LENGTH,
    REPLY_MAX_LENGTH,
    Agency,
)
from safeguarding.models.reports import Outcome, Status


class CaseNoteForm(forms.Form):
    text = forms.CharField(
        label=_("Add a note"),
        help_text=_("Only Safeguarding Officers read notes. The reporter never sees them."),
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Write the note.")},
    )


class ReferralForm(forms.Form):
    agency = forms.ChoiceField(
        label=_("Passed to"),
        choices=Agency.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose who it was passed to.")},
    )
    referred_to = forms.CharField(
        label=_("Who it went to"),
        help_text=_("A team, a named officer or a service, and how to reach them."),
        max_length=REFERRAL_TO_MAX_LENGTH,
        error_messages={"required": _("Say who it went to.")},
    )
    referred_on = forms.DateField(
        label=_("When"),
        help_text=_("For example, 27 3 2026 or 2026-03-27."),
        input_formats=["%Y-%m-%d", "%d %m %Y", "%d/%m/%Y"],
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={
            "required": _("Give the date it was passed on."),
            "invalid": _("Give the date as day, month and year, for example 27 3 2026."),
        },
    )
    their_reference = forms.CharField(
        label=_("Their reference (optional)"),
        help_text=_("A crime number or a case number, if they gave one."),
        max_length=100,
        required=False,
    )

    def clean_referred_on(self):
        value = self.cleaned_data["referred_on"]
        if value > timezone.localdate():
            raise forms.ValidationError(_("The date cannot be in the future."))
        return value


class ReplyForm(forms.Form):
    text = forms.CharField(
        label=_("Reply to the person who reported it"),
        help_text=_(
            "They read it with their reference and secret phrase, or under “My reports”. If they "
            "asked for email, we email them that there is a reply (never the reply itself). "
            "Write in plain words; do not name anyone they did not name."
        ),
        max_length=REPLY_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Write the reply.")},
    )


class StatusForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Move the report to"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the new status.")},
    )
    outcome = forms.ChoiceField(
        label=_("Outcome (to close it)"),
        choices=Outcome.choices,
        required=False,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, report, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [
            (value, Status(value).label) for value in NEXT_STATUSES.get(report.status, ())
        ]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") == Status.CLOSED and not cleaned.get("outcome"):
            self.add_error("outcome", _("Choose the outcome to close the report."))
        return cleaned
