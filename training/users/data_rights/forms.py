"""Forms for data rights: confirming "Delete my account"."""

from django import forms
from django.utils.translation import gettext_lazy as _

from training.users.models import User


class AccountDeleteForm(forms.Form):
    """Tick to confirm; people whose account has a password type it again, to prove it is them."""

    confirm = forms.BooleanField(
        label=_("I understand that this deletes my account and cannot be undone"),
        error_messages={"required": _("Tick the box to say you understand.")},
    )
    password = forms.CharField(
        label=_("Your password"),
        help_text=_("So we know it is really you."),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": _("Enter your password.")},
    )

    def __init__(self, *args, user: User, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        if not user.has_usable_password():
            del self.fields["password"]

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(
                _("That is not your password. Try again, or reset your password first."),
                code="password_incorrect",
            )
        return password
