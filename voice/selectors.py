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
from datetime import date

from django.db.models import Count, Q, QuerySet, Sum, Value
from django.db.models.functions import Coalesce, Lower, NullIf

from training.places.models import Neighbourhood
from training.places.selectors import champion_centre, officer_neighbourhoods
from training.users.models import User
from training.users.roles import DIGITAL_CHAMPION, HOUSING_OFFICER, user_has_role
from voice.models import Tenancy, TenancyImport, TenantVerification
from voice.models import estate_checks as estate

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


# --- Estate checks ----------------------------------------------------------------------------
# Results are shown only once a check has closed, and only as "fewer than 5" below this many
# answers to a question in a neighbourhood, so nobody's answer can be picked out.
RESULTS_MIN_ANSWERS = 5


def estate_checks_open_for(
    *, neighbourhood: Neighbourhood, today: date
) -> list[estate.EstateCheck]:
    """The checks open today for ``neighbourhood``, soonest to close first."""
    return list(
        estate.EstateCheck.objects.filter(
            neighbourhoods=neighbourhood, opens_on__lte=today, closes_on__gte=today
        ).order_by("closes_on", "pk")
    )


def estate_check_responses_of(*, person: User, check_ids: list[int]) -> set[int]:
    """Which of these checks ``person`` has answered."""
    return set(
        estate.EstateCheckResponse.objects.filter(
            person_id=person.pk, estate_check_id__in=check_ids
        ).values_list("estate_check_id", flat=True)
    )


@dataclass(frozen=True)
class EstateCheckForTenant:
    """A check as one verified tenant sees it: its questions, and their answers so far."""

    check: estate.EstateCheck
    neighbourhood: Neighbourhood
    questions: list[estate.EstateCheckQuestion]
    response: estate.EstateCheckResponse | None
    answers: dict[int, estate.EstateCheckAnswer]
    photos: list[estate.EstateCheckPhoto]


def estate_check_for_tenant(*, person: User, check_id: int) -> EstateCheckForTenant | None:
    """The check if ``person`` is a verified tenant of one of its neighbourhoods, else None
    (whether it is open is for the caller to say)."""
    neighbourhood = tenant_verified_neighbourhood(person=person)
    if neighbourhood is None:
        return None
    check = (
        estate.EstateCheck.objects.filter(pk=check_id, neighbourhoods=neighbourhood)
        .prefetch_related("questions")
        .first()
    )
    if check is None:
        return None
    response = (
        estate.EstateCheckResponse.objects.filter(estate_check=check, person_id=person.pk)
        .prefetch_related("answers", "photos")
        .first()
    )
    return EstateCheckForTenant(
        check=check,
        neighbourhood=neighbourhood,
        questions=list(check.questions.all()),
        response=response,
        answers={answer.question_id: answer for answer in response.answers.all()}
        if response
        else {},
        photos=list(response.photos.all()) if response else [],
    )


def estate_check_photo_for(*, person: User, photo_id: int) -> estate.EstateCheckPhoto | None:
    """A photo ``person`` may see: their own, or any if they may change estate checks."""
    photos = estate.EstateCheckPhoto.objects.filter(pk=photo_id)
    if not person.has_perm("voice.change_estatecheck"):
        photos = photos.filter(response__person_id=person.pk)
    return photos.first()


@dataclass(frozen=True)
class QuestionResult:
    text: str
    answers: int
    average: float | None  # None when fewer than RESULTS_MIN_ANSWERS
    change: float | None  # since the previous check of the neighbourhood, if comparable

    @property
    def too_few(self) -> bool:
        return self.average is None


@dataclass(frozen=True)
class EstateCheckResults:
    check: estate.EstateCheck
    neighbourhood: Neighbourhood
    people: int
    questions: list[QuestionResult]
    previous: estate.EstateCheck | None


def _question_key(text: str) -> str:
    return " ".join(text.casefold().split())


def _averages(*, check_ids: list[int], neighbourhood: Neighbourhood) -> dict:
    """{(check id, question key): (answers, average)} for the neighbourhood, in one query."""
    rows = (
        estate.EstateCheckAnswer.objects.filter(
            response__estate_check_id__in=check_ids,
            response__neighbourhood=neighbourhood,
        )
        .values("question__estate_check_id", "question__text")
        .annotate(answers=Count("pk"), total=Sum("score"))
        .order_by()
    )
    found: dict = {}
    for row in rows:
        key = (row["question__estate_check_id"], _question_key(row["question__text"]))
        answers, total = found.get(key, (0, 0))
        found[key] = (answers + row["answers"], total + row["total"])
    return found


def _results_build(
    *,
    check: estate.EstateCheck,
    previous: estate.EstateCheck | None,
    neighbourhood: Neighbourhood,
) -> EstateCheckResults:
    """``check``'s results in ``neighbourhood``, compared with ``previous`` (two queries; the
    checks' questions prefetched)."""
    found = _averages(
        check_ids=[c.pk for c in (check, previous) if c is not None], neighbourhood=neighbourhood
    )

    def average(of: estate.EstateCheck, text: str) -> tuple[int, float | None]:
        answers, total = found.get((of.pk, _question_key(text)), (0, 0))
        if answers < RESULTS_MIN_ANSWERS:
            return answers, None
        return answers, round(total / answers, 1)

    results = []
    for question in check.questions.all():
        answers, now = average(check, question.text)
        before = average(previous, question.text)[1] if previous else None
        change = round(now - before, 1) if now is not None and before is not None else None
        results.append(
            QuestionResult(text=question.text, answers=answers, average=now, change=change)
        )
    people = estate.EstateCheckResponse.objects.filter(
        estate_check=check, neighbourhood=neighbourhood
    ).count()
    return EstateCheckResults(
        check=check,
        neighbourhood=neighbourhood,
        people=people,
        questions=results,
        previous=previous,
    )


def estate_check_results(*, neighbourhood: Neighbourhood, today: date) -> EstateCheckResults | None:
    """The results in ``neighbourhood`` of its latest closed check, per question: the average
    face (1 to 5) and its change since the check before, or "fewer than 5" answers.

    A question is compared with the previous check's question of the same wording. Four
    queries, whatever the number of answers.
    """
    closed = list(
        estate.EstateCheck.objects.filter(neighbourhoods=neighbourhood, closes_on__lt=today)
        .order_by("-closes_on", "-pk")
        .prefetch_related("questions")[:2]
    )
    if not closed:
        return None
    return _results_build(
        check=closed[0],
        previous=closed[1] if len(closed) > 1 else None,
        neighbourhood=neighbourhood,
    )


# --- Estate check results for staff -----------------------------------------------------------
# Housing Officers see the results of the neighbourhoods a Manager assigned them, while a check
# is open too (running counts), with the same "fewer than 5" rule; those who run the checks
# (Managers, superusers) see every neighbourhood's.
RESULTS_EVERYWHERE_PERMISSION = "voice.view_estatecheck"


def estate_results_neighbourhoods(*, person: User) -> QuerySet[Neighbourhood] | None:
    """The neighbourhoods whose estate check results ``person`` may see before they are
    published, or None if they may see none (not staff for estate checks)."""
    if person is None or not getattr(person, "is_authenticated", False) or not person.is_active:
        return None
    if person.is_superuser or person.has_perm(RESULTS_EVERYWHERE_PERMISSION):
        return Neighbourhood.objects.all()
    if user_has_role(person, HOUSING_OFFICER):
        return officer_neighbourhoods(person=person)
    return None


@dataclass(frozen=True)
class EstateCheckRow:
    """One check in one neighbourhood, for the staff list."""

    check: estate.EstateCheck
    neighbourhood: Neighbourhood
    people: int
    is_open: bool


def estate_check_rows_for_staff(
    *, neighbourhoods: QuerySet[Neighbourhood], today: date
) -> list[EstateCheckRow]:
    """Every check that has opened in ``neighbourhoods``, by neighbourhood, newest first, with
    how many tenants there have answered so far. Two queries."""
    through = estate.EstateCheck.neighbourhoods.through
    pairs = list(
        through.objects.filter(
            neighbourhood__in=neighbourhoods.values("pk"), estatecheck__opens_on__lte=today
        )
        .select_related("estatecheck", "neighbourhood")
        .order_by("neighbourhood__name", "neighbourhood_id", "-estatecheck__opens_on", "-pk")
    )
    counts = {
        (row["estate_check_id"], row["neighbourhood_id"]): row["people"]
        for row in estate.EstateCheckResponse.objects.filter(
            estate_check_id__in={pair.estatecheck_id for pair in pairs},
            neighbourhood_id__in={pair.neighbourhood_id for pair in pairs},
        )
        .values("estate_check_id", "neighbourhood_id")
        .annotate(people=Count("pk"))
        .order_by()
    }
    return [
        EstateCheckRow(
            check=pair.estatecheck,
            neighbourhood=pair.neighbourhood,
            people=counts.get((pair.estatecheck_id, pair.neighbourhood_id), 0),
            is_open=pair.estatecheck.is_open(today=today),
        )
        for pair in pairs
    ]


def estate_check_results_for_staff(
    *, check_id: int, neighbourhood: Neighbourhood, today: date
) -> EstateCheckResults | None:
    """One check's results in ``neighbourhood`` so far (open or closed), compared with the
    neighbourhood's check that closed before it; None if the check is not for that
    neighbourhood or has not opened. Whether the person may see them is the caller's check
    (:func:`estate_results_neighbourhoods`)."""
    check = (
        estate.EstateCheck.objects.filter(
            pk=check_id, neighbourhoods=neighbourhood, opens_on__lte=today
        )
        .prefetch_related("questions")
        .first()
    )
    if check is None:
        return None
    previous = (
        estate.EstateCheck.objects.filter(neighbourhoods=neighbourhood, closes_on__lt=today)
        .filter(Q(closes_on__lt=check.closes_on) | Q(closes_on=check.closes_on, pk__lt=check.pk))
        .exclude(pk=check.pk)
        .order_by("-closes_on", "-pk")
        .first()
    )
    return _results_build(check=check, previous=previous, neighbourhood=neighbourhood)
