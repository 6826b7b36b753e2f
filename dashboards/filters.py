"""The dashboard's filters: period, course, neighbourhood, centre and learner type.

They live in the query string (a GET form), so any view of the dashboard can be bookmarked and
shared. A value that is not allowed gets a message beside its field and is otherwise ignored.
"""

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from django import forms
from django.db.models import Q
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courses.models import CoursePage
from dashboards.access import Scope
from training.core.forms import QuickSelect
from training.places.models import CommunityCentre, Neighbourhood
from translations.routing import in_english

# period value -> (days back, or None for all time; how the trend is grouped)
PERIODS = {
    "4w": (28, "week"),
    "3m": (91, "week"),
    "12m": (365, "month"),
    "all": (None, "month"),
}
DEFAULT_PERIOD = "12m"


class LearnerType:
    TENANT = "tenant"
    STAFF = "staff"


class DashboardFilterForm(forms.Form):
    period = forms.ChoiceField(
        label=_("Period"),
        choices=[
            ("4w", _("Last 4 weeks")),
            ("3m", _("Last 3 months")),
            ("12m", _("Last 12 months")),
            ("all", _("All time")),
        ],
        required=False,
        widget=QuickSelect,
        error_messages={"invalid_choice": _("Choose a period from the list.")},
    )
    course = forms.ModelChoiceField(
        label=_("Course"),
        # Each course once: the English one (progress is kept against it). Only what the list
        # shows and the figures use (a whole course page is about twice as slow to read).
        queryset=CoursePage.objects.live()
        .filter(in_english())
        .order_by("title")
        .only("title", "path", "depth"),
        required=False,
        widget=QuickSelect,
        empty_label=_("All courses"),
        error_messages={"invalid_choice": _("Choose a course from the list.")},
    )
    neighbourhood = forms.ModelChoiceField(
        label=_("Neighbourhood"),
        queryset=Neighbourhood.objects.order_by("name"),
        to_field_name="slug",
        required=False,
        widget=QuickSelect,
        empty_label=_("All neighbourhoods"),
        error_messages={"invalid_choice": _("Choose a neighbourhood from the list.")},
    )
    centre = forms.ModelChoiceField(
        label=_("Community centre"),
        queryset=CommunityCentre.objects.order_by("name"),
        to_field_name="slug",
        required=False,
        widget=QuickSelect,
        empty_label=_("All community centres"),
        error_messages={"invalid_choice": _("Choose a community centre from the list.")},
    )
    learner_type = forms.ChoiceField(
        label=_("Learners"),
        choices=[
            ("", _("Tenants and staff")),
            (LearnerType.TENANT, _("Tenants only")),
            (LearnerType.STAFF, _("Staff only")),
        ],
        required=False,
        widget=QuickSelect,
        error_messages={"invalid_choice": _("Choose tenants, staff or both.")},
    )

    def __init__(self, data: QueryDict, *, scope: Scope):
        if not data.get("period"):
            # Show the period that is used when none is chosen, not the list's first entry.
            data = data.copy()
            data["period"] = DEFAULT_PERIOD
        super().__init__(data, auto_id="filter-%s")
        self.scope = scope
        if not scope.every_place:
            # A champion's view is their own centre: the place filters mean nothing there.
            del self.fields["neighbourhood"]
            del self.fields["centre"]


@dataclass(frozen=True)
class Filters:
    """The chosen filters, resolved: what every dashboard query is narrowed by."""

    period: str
    start: datetime | None
    end: datetime
    bucket: str
    course: CoursePage | None = None
    neighbourhood: Neighbourhood | None = None
    centre: CommunityCentre | None = None
    learner_type: str = ""
    # True for a champion's own centre with no centre set: nobody is in scope.
    nobody: bool = False
    # True: every figure from the raw tables, never the fact table (the reference, for tests
    # and the benchmark; see dashboards/facts.py).
    raw: bool = field(default=False, compare=False)
    # Figures shared by several tables, worked out once per view (see selectors.learner_cells).
    cache: dict = field(default_factory=dict, compare=False, repr=False, init=False)

    def learner_q(self, path: str = "learner") -> Q:
        """Narrow a query whose learner is reached by ``path`` to the chosen learners."""
        q = Q()
        if self.nobody:
            return Q(pk__in=[])
        if self.neighbourhood is not None:
            q &= Q(**{f"{path}__neighbourhood": self.neighbourhood})
        if self.centre is not None:
            q &= Q(**{f"{path}__community_centre": self.centre})
        if self.learner_type:
            q &= Q(**{f"{path}__is_staff_member": self.learner_type == LearnerType.STAFF})
        return q

    def in_period(self, field: str) -> Q:
        q = Q(**{f"{field}__lt": self.end})
        if self.start is not None:
            q &= Q(**{f"{field}__gte": self.start})
        return q

    def query(self) -> dict[str, str]:
        """The filters as query-string values (for links, CSV names and exports)."""
        values = {"period": self.period}
        if self.course is not None:
            values["course"] = str(self.course.pk)
        if self.neighbourhood is not None:
            values["neighbourhood"] = self.neighbourhood.slug
        if self.centre is not None:
            values["centre"] = self.centre.slug
        if self.learner_type:
            values["learner_type"] = self.learner_type
        return values


def period_start(now: datetime, days: int) -> datetime:
    """The local midnight ``days`` days before today. A period starts at the beginning of its
    first day, as the page says ("Showing 7 December 2025 to …"), so its figures count whole
    days: the fact tables' days and weeks cover all of it, with no hours before a first midnight
    to read from the raw rows (issue 20). Counted in local days, so a change of the clocks in
    between moves nothing."""
    first_day = timezone.localdate(now) - timedelta(days=days)
    return timezone.make_aware(datetime.combine(first_day, time()))


def filters_from(form: DashboardFilterForm, *, now: datetime | None = None) -> Filters:
    """Resolve a bound filter form (valid or not: bad fields are left out) within its scope."""
    form.is_valid()
    data = {name: value for name, value in form.cleaned_data.items() if name not in form.errors}
    period = data.get("period") or DEFAULT_PERIOD
    days, bucket = PERIODS[period]
    now = now or timezone.now()
    scope = form.scope
    return Filters(
        period=period,
        start=period_start(now, days) if days else None,
        end=now,
        bucket=bucket,
        course=data.get("course"),
        neighbourhood=data.get("neighbourhood") if scope.every_place else None,
        centre=data.get("centre") if scope.every_place else scope.centre,
        learner_type=data.get("learner_type") or "",
        nobody=not scope.every_place and scope.centre is None,
    )
