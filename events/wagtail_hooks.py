"""Events in the Wagtail admin, as a snippet under "Events".

Managers add, change and delete every event. Digital Champions add and change events at the
centre a Manager assigned them to, and only ever reach those: EVERY admin view of an event (the
list, edit, delete, copy, history, usage, inspect, and the chooser) loads events through
``events_for_admin``, so another centre's event is "not found"; the permission policy registered
below says the same to everything else in Wagtail that asks about one event (bulk actions, buttons).
The form fixes the centre to theirs (see ``EventAdminForm``). Saving an event with more places
gives them to the people waiting, at once. The inspect page is the guest list: who has a place,
and who is waiting, in order.
"""

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
    SnippetChosenMultipleView,
    SnippetChosenView,
    SnippetCreateView,
)
from wagtail.snippets.views.snippets import (
    CopyView,
    DeleteView,
    EditView,
    HistoryView,
    InspectView,
    SnippetViewSet,
    UsageView,
)

from events.models import Event
from events.permissions import event_manage_centre, event_manage_everywhere
from events.selectors import event_guest_names, events_export, events_for_admin
from events.services import account_bookings_release, waiting_promote
from training.users.hooks import ACCOUNT_DELETE, DATA_EXPORT_SECTIONS, EXPORT_ORDER_EVENTS


class EventPermissionPolicy(ModelPermissionPolicy):
    """The model permissions, narrowed for champions to the events at their assigned centre."""

    def _reaches(self, user, instance) -> bool:
        if event_manage_everywhere(user):
            return True
        centre = event_manage_centre(user)
        return centre is not None and instance.centre_id == centre.pk

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and self._reaches(user, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return Event.objects.none()
        return events_for_admin(user=user)


register_permission_policy(Event, EventPermissionPolicy(Event))


class ScopedObjectMixin:
    """Load the event through the events this person manages: anything else is a 404."""

    def scoped_events(self):
        return events_for_admin(user=self.request.user)

    def get_base_object_queryset(self):  # how the usage and history views load the event
        return self.scoped_events()


class EventEditView(ScopedObjectMixin, EditView):
    def get_object(self, queryset=None):
        return super().get_object(self.scoped_events())

    def save_instance(self):
        instance = super().save_instance()
        waiting_promote(event=instance)
        return instance


class EventDeleteView(ScopedObjectMixin, DeleteView):
    def get_object(self, queryset=None):
        if getattr(self, "object", None):
            return self.object
        return super().get_object(self.scoped_events())


class EventCopyView(ScopedObjectMixin, CopyView):
    def get_object(self, queryset=None):
        pk = unquote(str(self.kwargs[self.pk_url_kwarg]))
        return get_object_or_404(self.scoped_events(), pk=pk)


class EventUsageView(ScopedObjectMixin, UsageView):
    pass


class EventHistoryView(ScopedObjectMixin, HistoryView):
    pass


class EventInspectView(ScopedObjectMixin, InspectView):
    """The event's details and its guest list: who has a place, and who is waiting, in order."""

    LABELS = {"guests": _("Booked"), "waiting": _("Waiting list, first in the queue first")}

    def get_object(self, queryset=None):
        return get_object_or_404(self.scoped_events(), pk=self.pk)

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


class ScopedChooserMixin:
    def get_object_list(self):
        return events_for_admin(user=self.request.user)


class EventChooseView(ScopedChooserMixin, ChooseView):
    pass


class EventChooseResultsView(ScopedChooserMixin, ChooseResultsView):
    pass


class EventChosenView(SnippetChosenView):
    def get_object(self, pk):
        return events_for_admin(user=self.request.user).get(pk=pk)


class EventChosenMultipleView(SnippetChosenMultipleView):
    def get_objects(self, pks):
        return events_for_admin(user=self.request.user).filter(pk__in=pks)


class EventChooserCreateView(SnippetCreateView):
    """Events are added on their own page, where the centre rules apply; not from a chooser."""

    def dispatch(self, request, *args, **kwargs):
        raise PermissionDenied


class EventChooserViewSet(SnippetChooserViewSet):
    choose_view_class = EventChooseView
    choose_results_view_class = EventChooseResultsView
    chosen_view_class = EventChosenView
    chosen_multiple_view_class = EventChosenMultipleView
    create_view_class = EventChooserCreateView


class EventViewSet(SnippetViewSet):
    model = Event
    icon = "date"
    menu_label = _("Events")
    menu_order = 320
    add_to_admin_menu = True
    edit_view_class = EventEditView
    delete_view_class = EventDeleteView
    copy_view_class = EventCopyView
    usage_view_class = EventUsageView
    history_view_class = EventHistoryView
    inspect_view_enabled = True
    inspect_view_class = EventInspectView
    chooser_viewset_class = EventChooserViewSet
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


@hooks.register(DATA_EXPORT_SECTIONS, order=EXPORT_ORDER_EVENTS)
def events_data_export(*, person) -> dict:
    """The "event_bookings" section of "Download my data"."""
    return {"event_bookings": events_export(person=person)}


# Before an account is deleted: give the person's booked places to the first people waiting.
hooks.register(ACCOUNT_DELETE, account_bookings_release, order=20)
