"""allauth's two-step sign-in forms, with labels in plain words (named in MFA_FORMS)."""

from django.utils.translation import gettext_lazy as _

from allauth.mfa.base.forms import AuthenticateForm as AllauthAuthenticateForm
from allauth.mfa.base.forms import ReauthenticateForm as AllauthReauthenticateForm
from allauth.mfa.totp.forms import ActivateTOTPForm as AllauthActivateTOTPForm


def _plain_code_field(form, label, help_text) -> None:
    field = form.fields["code"]
    field.label = label
    field.help_text = help_text
    field.widget.attrs.pop("placeholder", None)
    field.widget.attrs.update({"inputmode": "numeric", "autocomplete": "one-time-code"})


class AuthenticateForm(AllauthAuthenticateForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _plain_code_field(
            self,
            _("Code"),
            _(
                "The 6-digit code your authenticator app shows now. Lost your phone? "
                "Type one of your recovery codes instead."
            ),
        )


class ReauthenticateForm(AllauthReauthenticateForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _plain_code_field(self, _("Code"), _("The 6-digit code your authenticator app shows now."))


class ActivateTOTPForm(AllauthActivateTOTPForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _plain_code_field(
            self, _("Code from the app"), _("The 6-digit code the app shows for this site.")
        )
