from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import UserChangeForm
from django.utils.translation import gettext_lazy as _

from training.users.models import User
from training.users.names import display_name_clean


class PersonChangeForm(UserChangeForm):
    """Names are cleaned here too, by the one rule (``training/users/names.py``)."""

    class Meta(UserChangeForm.Meta):
        model = User

    def clean_display_name(self) -> str:
        return display_name_clean(self.cleaned_data.get("display_name", ""))


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    form = PersonChangeForm
    list_display = ["username", "email", "display_name", "created_with_assistance", "is_staff"]
    list_filter = [*DjangoUserAdmin.list_filter, "created_with_assistance", "is_staff_member"]
    fieldsets = [
        *DjangoUserAdmin.fieldsets,
        (
            _("Homes on the Net"),
            {
                "fields": [
                    "display_name",
                    "preferred_language",
                    "neighbourhood",
                    "community_centre",
                    "is_staff_member",
                    "created_with_assistance",
                    "assisted_by",
                ]
            },
        ),
    ]
    raw_id_fields = ["assisted_by"]
