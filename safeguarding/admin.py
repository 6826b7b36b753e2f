"""The access log in the Django admin: read by superusers only, to audit the officers.

It is the one place the log's entries are shown (Managers see counts on the dashboard, officers
see nothing of it). Nobody may add, change or delete an entry here, and the model refuses it
anyway. The reports themselves have no admin page at all: only the officers' pages show them.
"""

from django.contrib import admin

from safeguarding.models import AccessLogEntry


@admin.register(AccessLogEntry)
class AccessLogEntryAdmin(admin.ModelAdmin):
    list_display = ["at", "person_name", "action", "report_reference", "detail"]
    list_filter = ["action"]
    search_fields = ["report_reference", "person_name"]
    date_hierarchy = "at"
    show_full_result_count = False
    actions = None  # no "delete selected"

    def has_module_permission(self, request) -> bool:
        return bool(request.user.is_active and request.user.is_superuser)

    def has_view_permission(self, request, obj=None) -> bool:
        return bool(request.user.is_active and request.user.is_superuser)

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
