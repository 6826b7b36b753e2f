from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from training.users.models import User


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
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
