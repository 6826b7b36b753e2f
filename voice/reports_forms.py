"""Forms for estate reports. Every bad input gets a plain message by its field."""

from django import forms
from django.utils.translation import gettext_lazy as _

from community.forms import PhotoCleanMixin
from voice.models import ReportCategory, ReportStatus
from voice.models.reports import (
    PHOTO_DESCRIPTION_MAX_LENGTH,
    REPORT_DESCRIPTION_MAX_LENGTH,
    REPORT_NOTE_MAX_LENGTH,
)
from voice.place_fields import PlaceForm
from voice.reports_services import report_status_errors

# Never stored as a report: choosing it sends the tenant to the confidential route.
CONFIDENTIAL = "asb_or_hate"
CONFIDENTIAL_LABEL = _("Anti-social behaviour or a hate incident")


def _too_long(limit: int) -> dict:
    return {
        "max_length": _("Keep this to %(limit)s characters or fewer.") % {"limit": limit},
    }


class ReportForm(PhotoCleanMixin, forms.Form):
    category = forms.ChoiceField(
        label=_("What kind of problem is it?"),
        choices=[*ReportCategory.choices, (CONFIDENTIAL, CONFIDENTIAL_LABEL)],
        widget=forms.RadioSelect,
        help_text=_(
            "Anti-social behaviour and hate incidents are never shown in public: choosing it "
            "takes you to a private way to tell us."
        ),
        error_messages={"required": _("Choose what kind of problem it is.")},
    )
    description = forms.CharField(
        label=_("What is wrong, and where exactly?"),
        help_text=_(
            "For example: “The light on the second floor landing of block B has been out for a "
            "week.” Everyone can read this: do not name other people."
        ),
        max_length=REPORT_DESCRIPTION_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages=_too_long(REPORT_DESCRIPTION_MAX_LENGTH),
    )
    photo = forms.FileField(
        label=_("A photo of the problem (optional)"),
        help_text=_(
            "A JPEG, PNG or WebP photo smaller than 10 MB. Do not photograph people. We remove "
            "the date and location hidden in the photo."
        ),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    photo_description = forms.CharField(
        label=_("What the photo shows (if you add one)"),
        help_text=_("A few words, e.g. “Broken light above the stairs”."),
        required=False,
        max_length=PHOTO_DESCRIPTION_MAX_LENGTH,
        error_messages=_too_long(PHOTO_DESCRIPTION_MAX_LENGTH),
    )
    show_name = forms.TypedChoiceField(
        label=_("Show your name with the report?"),
        choices=[("no", _("No, do not show my name")), ("yes", _("Yes, show my name"))],
        coerce=lambda value: value == "yes",
        initial="no",
        widget=forms.RadioSelect,
        help_text=_("The Housing Officer always sees who reported it."),
        error_messages={"required": _("Choose whether to show your name.")},
    )

    def __init__(self, *args, photo_too_big: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.photo_too_big = photo_too_big

    def clean(self) -> dict:
        cleaned = super().clean()
        if not (cleaned.get("description") or "").strip() and "description" not in self.errors:
            self.add_error(
                "description",
                forms.ValidationError(
                    _("Say what is wrong and where, so it can be found and fixed."),
                    code="required",
                ),
            )
        photo_given = bool(cleaned.get("photo")) or "photo" in self.errors
        if (
            photo_given
            and not (cleaned.get("photo_description") or "").strip()
            and "photo_description" not in self.errors
        ):
            self.add_error(
                "photo_description",
                forms.ValidationError(
                    _("Describe your photo in a few words, so everyone knows what it shows."),
                    code="required",
                ),
            )
        return cleaned


class ReportStatusForm(forms.Form):
    status = forms.ChoiceField(
        label=_("New status"),
        choices=ReportStatus.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a status.")},
    )
    planned_for = forms.DateField(
        label=_("Planned for (if planned)"),
        help_text=_("The day the work is planned for, e.g. 14/03/2027."),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        input_formats=["%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y"],
        error_messages={"invalid": _("Enter a real date, like 14/03/2027.")},
    )
    wont_fix_reason = forms.CharField(
        label=_("Why it will not be fixed (if won't fix)"),
        help_text=_("The reporter and neighbours read this. Say it plainly."),
        required=False,
        max_length=REPORT_NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages=_too_long(REPORT_NOTE_MAX_LENGTH),
    )
    note = forms.CharField(
        label=_("A note for the public history (optional)"),
        help_text=_("For example: “A contractor is booked.” Everyone can read it."),
        required=False,
        max_length=REPORT_NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages=_too_long(REPORT_NOTE_MAX_LENGTH),
    )

    def __init__(self, *args, report, **kwargs):
        super().__init__(*args, **kwargs)
        self.report = report

    def clean(self) -> dict:
        cleaned = super().clean()
        if "status" in self.errors or "planned_for" in self.errors:
            return cleaned
        errors = report_status_errors(
            report=self.report,
            status=cleaned.get("status", ""),
            planned_for=cleaned.get("planned_for"),
            reason=cleaned.get("wont_fix_reason", ""),
        )
        for field, message in errors.items():
            if field not in self.errors:
                self.add_error(field, message)
        return cleaned


class ReportPlaceForm(PlaceForm):
    """Where the problem is, from the shared place picker (``voice/components/place_picker.html``):
    optional, and only inside the reporter's neighbourhood boundary. ``cleaned_data["place"]``
    is (latitude, longitude) or None."""

    def __init__(self, *args, boundary: dict | None, **kwargs):
        super().__init__(*args, **kwargs)
        self.boundary = boundary
        self.tap_error = None
        self.tap_message = None

    def clean(self) -> dict:
        cleaned = super().clean()
        self.place_clean(cleaned)
        return cleaned
