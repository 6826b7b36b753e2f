"""Reads about places: where a member of staff works."""

from django.db.models import QuerySet

from training.places.models import CommunityCentre, Neighbourhood, StaffAssignment

_CACHE_ATTRIBUTE = "_champion_centre"


def champion_centre(*, user) -> CommunityCentre | None:
    """The community centre a Manager assigned ``user`` to work at, or None.

    Every champion-scoped page reads this (their learners, their dashboard and its CSVs, their
    events and guest lists, assisted accounts), never ``User.community_centre``: that is the
    centre a person chooses to learn at, and anyone may change it. The answer is remembered on
    the user object, so a request asks the database once.
    """
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    if _CACHE_ATTRIBUTE not in user.__dict__:
        assignment = (
            StaffAssignment.objects.filter(person_id=user.pk, centre__isnull=False)
            .select_related("centre")
            .first()
        )
        user.__dict__[_CACHE_ATTRIBUTE] = assignment.centre if assignment else None
    return user.__dict__[_CACHE_ATTRIBUTE]


def champion_centre_forget(*, user) -> None:
    """Forget the remembered answer of :func:`champion_centre` (after the assignment changed)."""
    user.__dict__.pop(_CACHE_ATTRIBUTE, None)


def officer_neighbourhoods(*, person) -> QuerySet[Neighbourhood]:
    """The neighbourhoods a Manager assigned ``person`` (a Housing Officer) to look after, by name.

    Empty for anyone with none, and for visitors. Like :func:`champion_centre`, this is the only
    answer to "where does this officer work": pages scoped to an officer read it.
    """
    if person is None or not getattr(person, "is_authenticated", False):
        return Neighbourhood.objects.none()
    return Neighbourhood.objects.filter(
        staff_assignments__person_id=person.pk, staff_assignments__centre__isnull=True
    ).order_by("name")
