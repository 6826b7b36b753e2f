from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import ProtectedError
from django.shortcuts import redirect
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
    staff_neighbourhood_set,
)


class NeighbourhoodDeleteView(DeleteView):
    """Says no, rather than failing, while records Wagtail cannot see still need the place.

    Wagtail's usage count finds the snippets that refer to a neighbourhood (groups, events),
    not the tenancy list (voice), which is kept out of the admin on purpose.
    """

    def form_valid(self, form):
        try:
            with transaction.atomic():
                return super().form_valid(form)
        except ProtectedError:
            messages.error(
                self.request,
                _(
                    "%(name)s cannot be deleted: other records still need it, such as tenancies "
                    "on the tenancy list (ended ones too)."
                )
                % {"name": self.object},
            )
            return redirect(self.get_success_url())


class NeighbourhoodViewSet(SnippetViewSet):
    model = Neighbourhood
    icon = "site"
    delete_view_class = NeighbourhoodDeleteView
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
        if data["centre"]:
            instance = staff_assignment_set(
                person=data["person"], centre=data["centre"], by=self.request.user
            )
        else:
            instance = staff_neighbourhood_set(
                person=data["person"], neighbourhood=data["neighbourhood"], by=self.request.user
            )
        log(instance, "wagtail.create", user=self.request.user)
        return instance


class StaffAssignmentEditView(ManagersOnlyMixin, EditView):
    def save_instance(self):
        data = self.form.cleaned_data
        if self.object.centre_id:
            instance = staff_assignment_set(
                person=self.object.person, centre=data["centre"], by=self.request.user
            )
        else:
            instance = staff_neighbourhood_set(
                person=self.object.person,
                neighbourhood=data["neighbourhood"],
                by=self.request.user,
                assignment=self.object,
            )
        log(instance, "wagtail.edit", user=self.request.user)
        return instance


class StaffAssignmentDeleteView(ManagersOnlyMixin, DeleteView):
    def delete_action(self):
        log(self.object, "wagtail.delete", user=self.request.user)
        staff_assignment_end(assignment=self.object, by=self.request.user)


class StaffAssignmentViewSet(SnippetViewSet):
    """Places → Where staff work: a Manager assigns each Digital Champion to their centre and
    each Housing Officer to the neighbourhoods they look after."""

    model = StaffAssignment
    icon = "user"
    menu_label = _("Where staff work")
    add_view_class = StaffAssignmentCreateView
    edit_view_class = StaffAssignmentEditView
    delete_view_class = StaffAssignmentDeleteView
    copy_view_enabled = False
    list_display = ["person", "place", "assigned_by", "assigned_at"]
    list_filter = ["centre", "neighbourhood"]
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
