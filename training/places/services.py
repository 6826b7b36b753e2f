"""Writes about places: a Manager assigns staff to the places they work (Digital Champions to
a community centre, Housing Officers to neighbourhoods)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from training.places.models import CommunityCentre, Neighbourhood, StaffAssignment
from training.places.selectors import champion_centre_forget
from training.users.roles import DIGITAL_CHAMPION, HOUSING_OFFICER, MANAGER, user_has_role


def staff_assign_allowed(user) -> bool:
    """Only Managers (and superusers) say where staff work: never the staff themselves."""
    return bool(
        user is not None
        and user.is_authenticated
        and (user.is_superuser or user_has_role(user, MANAGER))
    )


@transaction.atomic
def staff_assignment_set(*, person, centre: CommunityCentre, by) -> StaffAssignment:
    """Make ``centre`` the one community centre ``person`` (a Digital Champion) works at.

    Replaces any centre they were assigned to before. ``by`` must be a Manager or a superuser.
    """
    if not staff_assign_allowed(by):
        raise PermissionDenied("Only a Manager can say where staff work.")
    if not user_has_role(person, DIGITAL_CHAMPION):
        raise ValidationError(_("Only Digital Champions are assigned to a community centre."))
    assignment = (
        StaffAssignment.objects.select_for_update()
        .filter(person=person, centre__isnull=False)
        .first()
    )
    if assignment is None:
        assignment = StaffAssignment(person=person)
    assignment.centre = centre
    assignment.neighbourhood = None
    assignment.assigned_by = by
    assignment.assigned_at = timezone.now()
    assignment.save()
    champion_centre_forget(user=person)
    return assignment


@transaction.atomic
def staff_neighbourhood_set(
    *,
    person,
    neighbourhood: Neighbourhood,
    by,
    assignment: StaffAssignment | None = None,
) -> StaffAssignment:
    """Give ``person`` (a Housing Officer) ``neighbourhood`` to look after.

    With ``assignment`` (one of their neighbourhood assignments), that one moves to
    ``neighbourhood``; without, one is added, or the one they already have for it is kept. An
    officer may look after several neighbourhoods. ``by`` must be a Manager or a superuser.
    """
    if not staff_assign_allowed(by):
        raise PermissionDenied("Only a Manager can say where staff work.")
    if not user_has_role(person, HOUSING_OFFICER):
        raise ValidationError(_("Only Housing Officers are assigned to a neighbourhood."))
    if assignment is None:
        assignment = StaffAssignment.objects.filter(
            person=person, neighbourhood=neighbourhood
        ).first() or StaffAssignment(person=person)
    elif assignment.person_id != person.pk or assignment.neighbourhood_id is None:
        raise ValidationError(_("That assignment is not one of this officer's neighbourhoods."))
    assignment.centre = None
    assignment.neighbourhood = neighbourhood
    assignment.assigned_by = by
    assignment.assigned_at = timezone.now()
    assignment.save()
    return assignment


@transaction.atomic
def staff_assignment_end(*, assignment: StaffAssignment, by) -> None:
    """Take a member of staff off a place. ``by`` must be a Manager or a superuser."""
    if not staff_assign_allowed(by):
        raise PermissionDenied("Only a Manager can say where staff work.")
    person = assignment.person
    assignment.delete()
    champion_centre_forget(user=person)
