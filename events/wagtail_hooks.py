"""Events in the Wagtail admin, as a snippet under "Events".

Managers add, change and delete every event. Digital Champions add and change events at their
own community centre only: the list shows only those, opening another one's edit page gives
"not found", and the form fixes the centre to theirs (see ``EventAdminForm``). Saving an event
with more places gives them to the people waiting, at once.
"""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import EditView, SnippetViewSet

from events.models import Event
from events.selectors import events_for_admin
from events.services import waiting_promote


class EventEditView(EditView):
    def get_object(self, queryset=None):
        return super().get_object(events_for_admin(user=self.request.user))

    def save_instance(self):
        instance = super().save_instance()
        waiting_promote(event=instance)
        return instance


class EventViewSet(SnippetViewSet):
    model = Event
    icon = "date"
    menu_label = _("Events")
    menu_order = 320
    add_to_admin_menu = True
    edit_view_class = EventEditView
    list_display = ["title", "starts_at", "place_name", "capacity", "is_published"]
    list_filter = ["centre", "neighbourhood", "is_published"]
    search_fields = ["title"]
    ordering = ["-starts_at"]

    def get_queryset(self, request):
        return events_for_admin(user=request.user).select_related("centre")


register_snippet(EventViewSet)
