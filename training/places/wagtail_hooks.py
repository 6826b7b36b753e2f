from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from wagtail.log_actions import log
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import (
    CreateView,
    DeleteView,
    EditView,
    SnippetViewSet,
    SnippetViewSetGroup,
)

from training.places.models import CommunityCentre, Neighbourhood, StaffAssignment
from training.places.services import (
    staff_assign_allowed,
    staff_assignment_end,
    staff_assignment_set,
)


class NeighbourhoodViewSet(SnippetViewSet):
    model = Neighbourhood
    icon = "site"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class CommunityCentreViewSet(SnippetViewSet):
    model = CommunityCentre
    icon = "home"
    list_display = ["name", "neighbourhood", "postcode"]
    list_filter = ["neighbourhood"]
    search_fields = ["name"]


class ManagersOnlyMixin:
    """Only Managers and superusers say where staff work, whatever permissions a group has."""

    def dispatch(self, request, *args, **kwargs):
        if not staff_assign_allowed(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class StaffAssignmentCreateView(ManagersOnlyMixin, CreateView):
    def save_instance(self):
        data = self.form.cleaned_data
        instance = staff_assignment_set(
            person=data["person"], centre=data["centre"], by=self.request.user
        )
        log(instance, "wagtail.create", user=self.request.user)
        return instance


class StaffAssignmentEditView(ManagersOnlyMixin, EditView):
    def save_instance(self):
        instance = staff_assignment_set(
            person=self.object.person, centre=self.form.cleaned_data["centre"], by=self.request.user
        )
        log(instance, "wagtail.edit", user=self.request.user)
        return instance


class StaffAssignmentDeleteView(ManagersOnlyMixin, DeleteView):
    def delete_action(self):
        log(self.object, "wagtail.delete", user=self.request.user)
        staff_assignment_end(assignment=self.object, by=self.request.user)


class StaffAssignmentViewSet(SnippetViewSet):
    """Places → Staff at centres: a Manager assigns each Digital Champion to their centre."""

    model = StaffAssignment
    icon = "user"
    menu_label = _("Staff at centres")
    add_view_class = StaffAssignmentCreateView
    edit_view_class = StaffAssignmentEditView
    delete_view_class = StaffAssignmentDeleteView
    copy_view_enabled = False
    list_display = ["person", "place", "assigned_by", "assigned_at"]
    list_filter = ["centre"]
    search_fields = ["person__display_name", "person__username"]

    def register_chooser_viewset(self):
        """No chooser: nothing picks an assignment, and a chooser would list every champion's
        centre to anyone with admin access (its views check only the snippet permissions)."""

    def get_queryset(self, request):
        return StaffAssignment.objects.select_related(
            "person", "centre", "neighbourhood", "assigned_by"
        )


class PlacesViewSetGroup(SnippetViewSetGroup):
    items = (NeighbourhoodViewSet, CommunityCentreViewSet, StaffAssignmentViewSet)
    menu_label = _("Places")
    menu_icon = "site"
    menu_order = 300


register_snippet(PlacesViewSetGroup)
