"""Forms for verified tenants. Every bad input gets a plain message by its field."""

from django import forms
from django.utils.translation import gettext_lazy as _

from voice.models import NOTE_MAX_LENGTH
from voice.tenancy_list import REFERENCE_MAX_LENGTH, postcode_normalise

# One answer for every failure to match, whichever part was wrong (voice/services.py).
NO_MATCH = _(
    "We could not confirm these details. Check the tenancy reference and the postcode, and try "
    "again. If it still does not work, a Digital Champion at your community centre or your "
    "Housing Officer can check them with you."
)
NO_MATCH_STAFF = _(
    "These details do not match a tenancy you can check. Look at the tenancy reference and the "
    "postcode again with the tenant. Housing Officers can check only tenancies in their own "
    "neighbourhoods."
)
TOO_MANY = _(
    "You have tried many times in the last hour. Please wait an hour, then try again, or ask a "
    "Digital Champion or your Housing Officer to check your details with you."
)
TOO_MANY_STAFF = _("You have checked many tenancies in the last hour. Please wait, then try again.")
LIST_MAX_BYTES = 20 * 1024 * 1024


class TenancyDetailsForm(forms.Form):
    reference = forms.CharField(
        label=_("Tenancy reference"),
        help_text=_(
            "It is on your tenancy agreement and on letters about your rent, e.g. “TEN-123456”."
        ),
        max_length=REFERENCE_MAX_LENGTH + 20,  # spaces are allowed and ignored
        error_messages={
            "required": _("Enter the tenancy reference."),
            "max_length": _("A tenancy reference is shorter than this. Check it and try again."),
        },
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )
    postcode = forms.CharField(
        label=_("Postcode of the home"),
        help_text=_("For example, N1 8ZZ."),
        max_length=12,
        error_messages={
            "required": _("Enter the postcode of the home."),
            "max_length": _("Enter a postcode, like N1 8ZZ."),
        },
        widget=forms.TextInput(
            attrs={"autocomplete": "postal-code", "autocapitalize": "characters"}
        ),
    )

    def clean_postcode(self) -> str:
        value = self.cleaned_data["postcode"]
        if postcode_normalise(value) is None:
            raise forms.ValidationError(_("Enter a full UK postcode, like N1 8ZZ."))
        return value


class TenantCheckForm(TenancyDetailsForm):
    """Staff check a tenant's details with the tenant beside them."""

    note = forms.CharField(
        label=_("Note (optional)"),
        help_text=_(
            "Anything the next person should know, e.g. “Showed a rent letter”. Do not write "
            "the tenancy reference here."
        ),
        required=False,
        max_length=NOTE_MAX_LENGTH,
        error_messages={
            "max_length": _(
                "Keep it to %(limit_value)d characters or fewer. It has %(show_value)d now."
            )
        },
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    present = forms.BooleanField(
        label=_("The tenant is here with me and gave me these details"),
        error_messages={
            "required": _("Check a tenant's details only when they are with you. Tick the box.")
        },
    )

    def __init__(self, *args, person_name: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reference"].help_text = _(
            "From their tenancy agreement or a letter about their rent. It is not kept."
        )
        if person_name:
            self.fields["present"].label = _(
                "%(name)s is here with me and gave me these details"
            ) % {"name": person_name}


class TenancyListForm(forms.Form):
    file = forms.FileField(
        label=_("Tenancy list (CSV file)"),
        help_text=_(
            "Saved from a spreadsheet as “CSV UTF-8”, with a first line naming the columns: "
            "tenancy reference, postcode, neighbourhood. At most 20 MB."
        ),
        error_messages={
            "required": _("Choose the CSV file of the tenancy list."),
            "empty": _("The file you chose is empty."),
            "invalid": _("Choose the CSV file of the tenancy list."),
        },
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > LIST_MAX_BYTES:
            raise forms.ValidationError(_("The file is bigger than 20 MB. Is it the right file?"))
        return upload
