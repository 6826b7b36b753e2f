"""A read-only record of what was sent, for answering "did I get told?" (Django admin)."""

from django.contrib import admin

from notifications.models import Notification, NotificationPreference


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Notification)
class NotificationAdmin(ReadOnlyAdmin):
    list_display = ["subject", "recipient", "kind", "delivery", "created_at", "emailed_at"]
    list_filter = ["kind", "delivery"]
    list_select_related = ["recipient"]
    search_fields = ["subject", "recipient__email", "recipient__username"]
    date_hierarchy = "created_at"
    show_full_result_count = False


@admin.register(NotificationPreference)
class NotificationPreferenceAdmin(ReadOnlyAdmin):
    list_display = ["person", "email", "updated_at"]
    list_filter = ["email"]
    list_select_related = ["person"]
    search_fields = ["person__email", "person__username"]
