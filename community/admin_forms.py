"""Admin form for the people in a group: type a username instead of picking from everyone."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm


class PersonByUsernameField(forms.ModelChoiceField):
    """A text box for a username: a drop-down of every account would be huge."""

    widget = forms.TextInput

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("queryset", get_user_model().objects.filter(is_active=True))
        kwargs.setdefault("to_field_name", "username")
        kwargs.setdefault("label", _("Username"))
        kwargs.setdefault(
            "help_text",
            _("Their username, as shown on their account page or assisted-account card."),
        )
        kwargs.setdefault(
            "error_messages",
            {"invalid_choice": _("Nobody has that username. Check the spelling.")},
        )
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, int):
            user = self.queryset.filter(pk=value).first()
            return user.username if user else ""
        return super().prepare_value(value)


class MembershipAdminForm(WagtailAdminModelForm):
    user = PersonByUsernameField()
