"""The form of the public "Check a certificate" page."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from courses.progress.credentials.badges import (
    CREDENTIAL_MAX_CHARS,
    credential_is_well_formed,
    credential_normalise,
)


class CredentialCheckForm(forms.Form):
    credential = forms.CharField(
        label=_("Certificate code"),
        help_text=_(
            "Paste all of the code from the badge file. It is a long line of letters and numbers "
            "with two dots in it."
        ),
        # No maxlength on the box: a browser would cut a long paste short without saying so.
        widget=forms.Textarea(
            attrs={"rows": 8, "spellcheck": "false", "autocapitalize": "off", "autocomplete": "off"}
        ),
        error_messages={"required": _("Paste the certificate code into the box.")},
    )

    def clean_credential(self) -> str:
        token = credential_normalise(self.cleaned_data["credential"])
        if len(token) > CREDENTIAL_MAX_CHARS:
            raise ValidationError(
                _("This is too long to be a certificate code. Check you copied only the code."),
                code="too_long",
            )
        if not credential_is_well_formed(token):
            raise ValidationError(
                _(
                    "This does not look like a certificate code. Open the badge file, copy all "
                    "of it and paste it here."
                ),
                code="invalid",
            )
        return token
