"""Events in the Wagtail admin, as a snippet under "Events".

Managers add, change and delete every event. Digital Champions add and change events at their
own community centre only: the list shows only those, opening another one's edit or inspect
page gives "not found", and the form fixes the centre to theirs (see ``EventAdminForm``).
Saving an event with more places gives them to the people waiting, at once. The inspect page
is the guest list: who has a place, and who is waiting, in order.
"""

from django.shortcuts import get_object_or_404
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import EditView, InspectView, SnippetViewSet

from events.models import Event
from events.selectors import event_guest_names, events_for_admin
from events.services import waiting_promote


class EventEditView(EditView):
    def get_object(self, queryset=None):
        return super().get_object(events_for_admin(user=self.request.user))

    def save_instance(self):
        instance = super().save_instance()
        waiting_promote(event=instance)
        return instance


class EventInspectView(InspectView):
    """The event's details and its guest list: who has a place, and who is waiting, in order."""

    LABELS = {"guests": _("Booked"), "waiting": _("Waiting list, first in the queue first")}

    def get_object(self, queryset=None):
        return get_object_or_404(events_for_admin(user=self.request.user), pk=self.pk)

    def get_field_label(self, field_name, field):
        return self.LABELS.get(field_name) or super().get_field_label(field_name, field)

    def get_guests_display_value(self):
        return self._names(confirmed=True)

    def get_waiting_display_value(self):
        return self._names(confirmed=False)

    @cached_property
    def guest_names(self):
        return event_guest_names(event=self.object)

    def _names(self, *, confirmed: bool) -> str:
        names = self.guest_names.confirmed if confirmed else self.guest_names.waiting
        return "; ".join(names) or "–"


class EventViewSet(SnippetViewSet):
    model = Event
    icon = "date"
    menu_label = _("Events")
    menu_order = 320
    add_to_admin_menu = True
    edit_view_class = EventEditView
    inspect_view_enabled = True
    inspect_view_class = EventInspectView
    inspect_view_fields = [
        "title",
        "starts_at",
        "ends_at",
        "location_text",
        "capacity",
        "guests",
        "waiting",
        "organiser",
        "is_published",
    ]
    list_display = ["title", "starts_at", "place_name", "capacity", "is_published"]
    list_filter = ["centre", "neighbourhood", "is_published"]
    search_fields = ["title"]
    ordering = ["-starts_at"]

    def get_queryset(self, request):
        return events_for_admin(user=request.user).select_related("centre")


register_snippet(EventViewSet)
