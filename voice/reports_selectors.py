"""Reads for estate reports: the public list, one report with its history, who may do what.

Who sees what:

- Everyone, signed in or not, may read a neighbourhood's reports and each one's status
  history. The reporter's name shows only if they chose so; the names of officers who
  changed a status show (they act for the landlord); "affects me too" is a count, no names.
- Photos show only to people with a stake in the estate: the reporter, verified tenants of
  that neighbourhood, the Housing Officers assigned to it, and superusers. A photo of a
  stairwell can show a front door; it is not for the whole internet.
- A verified tenant reports problems in the neighbourhood of their tenancy only, and says
  "this affects me too" only there.
- A Housing Officer changes the status of reports in the neighbourhoods a Manager assigned
  them (:func:`training.places.selectors.officer_neighbourhoods`); a superuser, of any.
"""

from datetime import datetime

from django.db.models import Count, Prefetch, QuerySet
from django.utils import timezone

from training.places.models import Neighbourhood
from training.places.selectors import officer_neighbourhoods
from training.users.models import User
from training.users.roles import HOUSING_OFFICER, user_has_role
from voice.models import Report, ReportAffected, ReportStatus, ReportUpdate
from voice.selectors import tenant_verified_neighbourhood
from voice.working_days import working_days_before

# A report with no update for this many working days is stalled (weekends and bank holidays
# do not count: voice/working_days.py).
STALLED_WORKING_DAYS = 20
OPEN_STATUSES = (ReportStatus.REPORTED, ReportStatus.ACKNOWLEDGED, ReportStatus.PLANNED)


def report_can_update(*, user: User, report: Report) -> bool:
    """Whether ``user`` may change ``report``'s status."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.is_superuser:
        return True
    if not user_has_role(user, HOUSING_OFFICER):
        return False
    return officer_neighbourhoods(person=user).filter(pk=report.neighbourhood_id).exists()


def report_photos_visible(*, user: User, report: Report) -> bool:
    """Whether ``user`` may see ``report``'s photos (see the module's rules)."""
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    if user.pk == report.reporter_id or user.is_superuser:
        return True
    neighbourhood = tenant_verified_neighbourhood(person=user)
    if neighbourhood is not None and neighbourhood.pk == report.neighbourhood_id:
        return True
    return report_can_update(user=user, report=report)


def reports_for_neighbourhood(*, neighbourhood: Neighbourhood) -> QuerySet[Report]:
    """A neighbourhood's reports, newest first, each with ``affected_count`` and its reporter."""
    return (
        Report.objects.filter(neighbourhood=neighbourhood)
        .select_related("reporter")
        .annotate(affected_count=Count("affected", distinct=True))
        .order_by("-created_at", "-pk")
    )


def report_detail(*, report_id: int) -> Report | None:
    """One report with its neighbourhood, reporter, photos, status history and who changed it."""
    return (
        Report.objects.filter(pk=report_id)
        .select_related("neighbourhood", "reporter")
        .annotate(affected_count=Count("affected", distinct=True))
        .prefetch_related(
            "photos",
            Prefetch("updates", queryset=ReportUpdate.objects.select_related("by")),
        )
        .first()
    )


def report_affected_by(*, person: User, report: Report) -> bool:
    """Whether ``person`` said ``report`` affects them too."""
    if person is None or not getattr(person, "is_authenticated", False):
        return False
    return ReportAffected.objects.filter(report=report, person_id=person.pk).exists()


def report_can_affect(*, person: User, report: Report) -> bool:
    """Whether ``person`` may say ``report`` affects them too: a verified tenant of its
    neighbourhood who did not report it."""
    if person is None or not getattr(person, "is_authenticated", False):
        return False
    if person.pk == report.reporter_id:
        return False
    neighbourhood = tenant_verified_neighbourhood(person=person)
    return neighbourhood is not None and neighbourhood.pk == report.neighbourhood_id


def report_people_to_tell(*, report: Report) -> list[User]:
    """The reporter (if their account is still there) and everyone it affects too, once each."""
    people: dict[int, User] = {}
    if report.reporter is not None and report.reporter.is_active:
        people[report.reporter.pk] = report.reporter
    for affected in ReportAffected.objects.filter(
        report=report, person__is_active=True
    ).select_related("person"):
        people.setdefault(affected.person_id, affected.person)
    return list(people.values())


def reports_for_officer(*, officer: User, status: str = "") -> QuerySet[Report]:
    """The reports ``officer`` may update (their neighbourhoods; every one for a superuser),
    oldest update first so what waits longest is on top; ``status`` narrows them."""
    reports = Report.objects.all()
    if not officer.is_superuser:
        if not user_has_role(officer, HOUSING_OFFICER):
            return Report.objects.none()
        reports = reports.filter(
            neighbourhood__in=officer_neighbourhoods(person=officer).values("pk")
        )
    if status in ReportStatus.values:
        reports = reports.filter(status=status)
    else:
        reports = reports.filter(status__in=OPEN_STATUSES)
    return (
        reports.select_related("neighbourhood")
        .annotate(affected_count=Count("affected", distinct=True))
        .order_by("updated_at", "pk")
    )


def _stalled_cutoff(now: datetime | None) -> datetime:
    now = now or timezone.now()
    day = working_days_before(day=timezone.localdate(now), working_days=STALLED_WORKING_DAYS)
    return timezone.make_aware(datetime.combine(day, datetime.min.time()))


def reports_stalled(*, now: datetime | None = None) -> QuerySet[Report]:
    """Open reports with no update in :data:`STALLED_WORKING_DAYS` working days, the longest
    waiting first: for the managers' dashboard (slice it)."""
    return (
        Report.objects.filter(status__in=OPEN_STATUSES, updated_at__lt=_stalled_cutoff(now))
        .select_related("neighbourhood")
        .order_by("updated_at", "pk")
    )
