from django import forms
from django.conf import settings
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _

from allauth.account import app_settings as allauth_settings
from allauth.account.forms import LoginForm as AllauthLoginForm
from allauth.account.forms import SignupForm as AllauthSignupForm

from training.places.models import Neighbourhood
from training.users.models import User
from training.users.names import display_name_clean

SHARED_COMPUTER_SESSION_KEY = "shared_computer"


class LoginForm(AllauthLoginForm):
    """allauth's sign-in, plus "This is a shared computer" for community centres."""

    shared_computer = forms.BooleanField(
        label=_("This is a shared computer"),
        help_text=_(
            "Tick this in a community centre or library. We will sign you out after a few "
            "minutes without activity."
        ),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["login"].label = _("Email address or username")
        self.fields["login"].widget.attrs.update({"placeholder": "", "autocomplete": "username"})
        self.fields["password"].widget.attrs.update({"placeholder": ""})
        if "remember" in self.fields:
            del self.fields["remember"]

    def clean(self):
        cleaned_data = super().clean()
        user = getattr(self, "user", None)
        login = getattr(self, "_login", None)
        if user is not None and login is not None and user.created_with_assistance:
            # Assisted accounts may have no email address at all: they sign in with the
            # username and password on their card.
            login.email_verification = allauth_settings.EmailVerificationMethod.NONE
        return cleaned_data

    def login(self, request, redirect_url=None):
        response = super().login(request, redirect_url=redirect_url)
        # Set before a second step is asked for too: the session (and this flag) carries on
        # when the code is entered and the person is signed in.
        if self.cleaned_data.get("shared_computer"):
            request.session[SHARED_COMPUTER_SESSION_KEY] = True
            request.session.set_expiry(settings.SHARED_COMPUTER_SESSION_SECONDS)
        else:
            request.session.pop(SHARED_COMPUTER_SESSION_KEY, None)
        return response


class SignupForm(AllauthSignupForm):
    display_name = forms.CharField(
        label=_("Your name (optional)"),
        help_text=_("What other people see, e.g. “Pat”. You can leave this empty."),
        max_length=80,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "nickname"}),
    )

    field_order = ["email", "display_name", "password1", "password2"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs.pop("placeholder", None)

    def clean_display_name(self) -> str:
        return display_name_clean(self.cleaned_data.get("display_name", ""))

    def save(self, request):
        user = super().save(request)
        if user is not None and self.cleaned_data.get("display_name"):
            user.display_name = self.cleaned_data["display_name"]
            user.save(update_fields=["display_name"])
        return user


class AssistedAccountForm(forms.Form):
    display_name = forms.CharField(
        label=_("Learner's name"),
        help_text=_("First name is enough, e.g. “Pat”."),
        max_length=80,
    )
    username = forms.CharField(
        label=_("Username (optional)"),
        help_text=_("Leave empty and we will make one from their name."),
        max_length=30,
        required=False,
    )
    password = forms.CharField(
        label=_("Password (optional)"),
        help_text=_("Leave empty and we will make a memorable one, like “maple-kettle-otter-47”."),
        required=False,
        strip=False,
    )
    neighbourhood = forms.ModelChoiceField(
        label=_("Neighbourhood (optional)"), queryset=Neighbourhood.objects.all(), required=False
    )
    # No centre field: the account is always made at the centre the champion is assigned to.

    def clean_display_name(self) -> str:
        name = display_name_clean(self.cleaned_data.get("display_name", ""))
        if not name:
            raise forms.ValidationError(_("Type the learner's name, e.g. “Pat”."), code="required")
        return name

    def clean_username(self) -> str:
        username = self.cleaned_data["username"].strip()
        if not username:
            return ""
        username_field = User._meta.get_field("username")
        for validator in username_field.validators:
            validator(username)
        if User.objects.filter(username__iexact=username).exists():
            raise forms.ValidationError(
                _("Someone already has that username. Try another, or leave it empty.")
            )
        return username

    def clean(self):
        cleaned_data = super().clean()
        password = cleaned_data.get("password")
        if password:
            candidate = User(
                username=cleaned_data.get("username") or "",
                display_name=cleaned_data.get("display_name") or "",
            )
            try:
                password_validation.validate_password(password, candidate)
            except forms.ValidationError as error:
                self.add_error("password", error)
        return cleaned_data


class ProfileForm(forms.ModelForm):
    """A person's own details. The community centre here is where they go to learn: for a
    Digital Champion it never changes the centre they work at, which a Manager sets."""

    class Meta:
        model = User
        fields = ["display_name", "preferred_language", "neighbourhood", "community_centre"]
        labels = {
            "neighbourhood": _("Your neighbourhood"),
            "community_centre": _("The community centre you go to"),
        }
        help_texts = {
            "community_centre": _("Where you go to learn or get help. You can leave this empty."),
        }
        widgets = {"display_name": forms.TextInput(attrs={"autocomplete": "nickname"})}

    def clean_display_name(self) -> str:
        return display_name_clean(self.cleaned_data.get("display_name", ""))
