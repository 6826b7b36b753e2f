"""Reads for verified tenants: who is verified, and whom a member of staff may check.

Whom staff may check in person (:func:`staff_check_scope`):

- a Digital Champion: the learners of the community centre a Manager assigned them to
  (``champion_centre``: never the centre they chose for themselves), whatever the tenancy;
- a Housing Officer: people who chose one of the neighbourhoods a Manager assigned them
  (``officer_neighbourhoods``), or are verified by a tenancy there; and only with a tenancy
  in those neighbourhoods;
- a superuser: anyone.

Nobody checks themselves here (they use "Show you are a tenant"). Staff see names, the
neighbourhood, how, when and by whom: never a tenancy reference, which is not stored.
"""

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet, Value
from django.db.models.functions import Coalesce, Lower, NullIf

from training.places.models import Neighbourhood
from training.places.selectors import champion_centre, officer_neighbourhoods
from training.users.models import User
from training.users.roles import DIGITAL_CHAMPION, HOUSING_OFFICER, user_has_role
from voice.models import Tenancy, TenancyImport, TenantVerification

CHECK_PERMISSION = "voice.verify_tenant_in_person"
IMPORT_PERMISSION = "voice.import_tenancies"
SEARCH_MAX_LENGTH = 100
ACTIVE = Q(tenant_verification__tenancy__ended_at__isnull=True) & Q(
    tenant_verification__isnull=False
)


def tenant_verification_active(*, person: User) -> TenantVerification | None:
    """``person``'s verification if its tenancy is still on the list, else None."""
    if person is None or not getattr(person, "is_authenticated", False):
        return None
    return (
        TenantVerification.objects.select_related("tenancy__neighbourhood", "verified_by")
        .filter(person_id=person.pk, tenancy__ended_at__isnull=True)
        .first()
    )


def tenant_verified_neighbourhood(*, person: User) -> Neighbourhood | None:
    """The neighbourhood of the tenancy that verifies ``person``, or None if they are not."""
    verification = tenant_verification_active(person=person)
    return verification.tenancy.neighbourhood if verification else None


@dataclass(frozen=True)
class StaffCheckScope:
    """Whom one member of staff may check in person, and with which tenancies."""

    staff_id: int | None
    everyone: bool = False
    centre_id: int | None = None
    neighbourhood_ids: frozenset[int] = frozenset()

    @property
    def is_empty(self) -> bool:
        return not (self.everyone or self.centre_id or self.neighbourhood_ids)

    def people(self) -> Q:
        """A filter on User for the people in scope (the staff member themselves left out)."""
        if self.everyone:
            return ~Q(pk=self.staff_id)
        wanted = Q(pk__in=[])
        if self.centre_id:
            wanted |= Q(community_centre_id=self.centre_id)
        if self.neighbourhood_ids:
            wanted |= Q(neighbourhood_id__in=self.neighbourhood_ids) | Q(
                tenant_verification__tenancy__neighbourhood_id__in=self.neighbourhood_ids
            )
        return wanted & ~Q(pk=self.staff_id)

    def person_allowed(self, person: User) -> bool:
        if person is None or not person.is_active or person.pk == self.staff_id:
            return False
        if self.everyone:
            return True
        if self.centre_id and person.community_centre_id == self.centre_id:
            return True
        if not self.neighbourhood_ids:
            return False
        if person.neighbourhood_id in self.neighbourhood_ids:
            return True
        return TenantVerification.objects.filter(
            person_id=person.pk, tenancy__neighbourhood_id__in=self.neighbourhood_ids
        ).exists()

    def tenancy_allowed(self, *, person: User, tenancy: Tenancy) -> bool:
        """A champion checks any tenancy of their centre's learners; an officer only those in
        their neighbourhoods."""
        if self.everyone:
            return True
        if self.centre_id and person.community_centre_id == self.centre_id:
            return True
        return tenancy.neighbourhood_id in self.neighbourhood_ids


def staff_check_scope(*, staff: User) -> StaffCheckScope:
    """Whom ``staff`` may check in person (nobody without the permission)."""
    if staff is None or not staff.is_authenticated or not staff.has_perm(CHECK_PERMISSION):
        return StaffCheckScope(staff_id=getattr(staff, "pk", None))
    if staff.is_superuser:
        return StaffCheckScope(staff_id=staff.pk, everyone=True)
    centre = champion_centre(user=staff) if user_has_role(staff, DIGITAL_CHAMPION) else None
    neighbourhood_ids: frozenset[int] = frozenset()
    if user_has_role(staff, HOUSING_OFFICER):
        neighbourhood_ids = frozenset(
            officer_neighbourhoods(person=staff).values_list("pk", flat=True)
        )
    return StaffCheckScope(
        staff_id=staff.pk,
        centre_id=centre.pk if centre else None,
        neighbourhood_ids=neighbourhood_ids,
    )


def tenants_for_staff(*, scope: StaffCheckScope, query: str = "", show: str = "") -> QuerySet[User]:
    """The people in ``scope``, by name, each with their verification (if any) joined in.

    ``show`` is ``"verified"`` (verified by a tenancy on the list), ``"not-verified"``, or
    anything else for everyone; ``query`` narrows by name or username, word by word.
    """
    if scope.is_empty:
        return User.objects.none()
    people = User.objects.filter(scope.people(), is_active=True)
    for word in query.split()[:5]:
        people = people.filter(
            Q(display_name__icontains=word)
            | Q(username__icontains=word)
            | Q(first_name__icontains=word)
            | Q(last_name__icontains=word)
        )
    if show == "verified":
        people = people.filter(ACTIVE)
    elif show == "not-verified":
        people = people.exclude(ACTIVE)
    return (
        people.distinct()
        .select_related(
            "neighbourhood",
            "community_centre",
            "tenant_verification__tenancy__neighbourhood",
            "tenant_verification__verified_by",
        )
        .annotate(sort_name=Lower(Coalesce(NullIf("display_name", Value("")), "username")))
        .order_by("sort_name", "pk")
    )


def tenant_for_staff(*, scope: StaffCheckScope, person_id: int) -> User | None:
    """One person in ``scope``, with their verification joined in; None if not in it."""
    if scope.is_empty:
        return None
    person = (
        User.objects.filter(pk=person_id, is_active=True)
        .select_related(
            "neighbourhood",
            "community_centre",
            "tenant_verification__tenancy__neighbourhood",
            "tenant_verification__verified_by",
        )
        .first()
    )
    if person is None or not scope.person_allowed(person):
        return None
    return person


def neighbourhoods_by_name() -> dict[str, int]:
    """Each neighbourhood's id under its name and its web address part, casefolded: how a
    tenancy list file may name it."""
    lookup: dict[str, int] = {}
    for pk, name, slug in Neighbourhood.objects.values_list("pk", "name", "slug"):
        lookup[slug.casefold()] = pk
        lookup[name.strip().casefold()] = pk
    return lookup


@dataclass(frozen=True)
class TenancyListSummary:
    """What a Manager sees of the list: counts, never the tenancies."""

    on_list: int
    ended: int
    verified_people: int
    by_neighbourhood: list[tuple[str, int]]
    imports: list[TenancyImport]


def tenancy_list_summary() -> TenancyListSummary:
    counts = Tenancy.objects.aggregate(
        on_list=Count("pk", filter=Q(ended_at__isnull=True)),
        ended=Count("pk", filter=Q(ended_at__isnull=False)),
    )
    by_neighbourhood = list(
        Neighbourhood.objects.annotate(
            on_list=Count("tenancies", filter=Q(tenancies__ended_at__isnull=True))
        )
        .filter(on_list__gt=0)
        .order_by("name")
        .values_list("name", "on_list")
    )
    verified = TenantVerification.objects.filter(tenancy__ended_at__isnull=True).count()
    return TenancyListSummary(
        on_list=counts["on_list"],
        ended=counts["ended"],
        verified_people=verified,
        by_neighbourhood=by_neighbourhood,
        imports=list(TenancyImport.objects.select_related("imported_by")[:5]),
    )


def tenant_verification_export(*, person: User) -> dict | None:
    """The "tenant verification" section of "Download my data" (no reference: none is kept)."""
    verification = (
        TenantVerification.objects.select_related("tenancy__neighbourhood", "verified_by")
        .filter(person_id=person.pk)
        .first()
    )
    if verification is None:
        return None
    return {
        "neighbourhood": verification.tenancy.neighbourhood.name,
        "postcode": verification.tenancy.postcode,
        "how": verification.get_method_display(),
        "checked_by": verification.verified_by.name if verification.verified_by else None,
        "when": verification.verified_at.isoformat(),
        "note": verification.note,
        "still_on_the_tenancy_list": verification.tenancy.ended_at is None,
    }
