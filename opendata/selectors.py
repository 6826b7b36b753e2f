"""The rows of every open dataset, and what is published.

Rows come from the other apps' selectors (courses and progress through the dashboards'
querysets, voice's reports and consultations selectors, safeguarding's anonymous counts) and
are grouped here by neighbourhood and quarter. Small numbers are hidden by the dashboards' one
rule (``dashboards/suppression.py``): a figure about 1 to 4 people is published as empty (null),
and so is every figure worked out from it. No dataset shows a total beside its rows, so no
hidden figure can be worked out by subtraction (no secondary suppression is needed).
"""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from statistics import median
from typing import TYPE_CHECKING

from django.core.cache import cache
from django.db.models import Avg, Count
from django.db.models.functions import TruncQuarter
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dashboards.filters import Filters
from dashboards.selectors import courses_finished, skills_achieved
from dashboards.suppression import SMALLEST_GROUP, is_suppressed, suppress
from opendata.measures import BY_CODE, MEASURES
from opendata.models import DatasetVersion, TsmYear, VersionStatus
from translations.routing import in_english

LICENCE_NAME = "Open Government Licence v3.0"
LICENCE_URL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
CURRENT_KEY = "opendata:current:v1"
CURRENT_MAX_AGE = 60 * 60


if TYPE_CHECKING:
    from django.utils.functional import _StrPromise

    Text = str | _StrPromise
else:
    Text = str


@dataclass(frozen=True)
class Column:
    name: str
    title: Text
    datatype: str  # CSVW/XSD: string, integer, decimal
    description: Text
    about_people: bool = False  # a count of people: null, 0 or 5 and more


@dataclass(frozen=True)
class Dataset:
    slug: str
    title: Text
    description: Text
    notes: list[Text]
    columns: list[Column]
    build: Callable[[], list[dict]] = field(repr=False)
    chart_label: str = ""  # the column the chart's bars are labelled by
    chart_value: str = ""  # the column the chart draws


def _hidden(value):
    return None if is_suppressed(value) else value


def _quarter(moment: date | datetime) -> str:
    return f"{moment.year}-Q{(moment.month - 1) // 3 + 1}"


def _all_time() -> Filters:
    return Filters(period="all", start=None, end=timezone.now(), bucket="month")


# --- Tenant Satisfaction Measures ----------------------------------------------------------------


def _shown(measure, figure) -> str | None:
    if figure is None:
        return None
    about = figure.about if measure.about_people else None
    return _hidden(suppress(str(figure.value), about))


def tsm_rows() -> list[dict]:
    """One row per year and measure, with the year before (each hidden when about 1 to 4)."""
    years = list(TsmYear.objects.prefetch_related("figures").order_by("year"))
    figures = {(year.year, figure.code): figure for year in years for figure in year.figures.all()}
    rows = []
    for year in years:
        for measure in MEASURES:
            figure = figures.get((year.year, measure.code))
            if figure is None:
                continue
            before = figures.get((year.year - 1, measure.code))
            rows.append(
                {
                    "year": year.label,
                    "code": measure.code,
                    "measure": str(measure.name),
                    "value": _shown(measure, figure),
                    "unit": measure.unit,
                    "about": _hidden(suppress(figure.about, figure.about))
                    if measure.about_people
                    else None,
                    "method": year.method if measure.perception else "",
                    "sample_size": _hidden(suppress(year.sample_size, year.sample_size))
                    if measure.perception
                    else None,
                    "year_before": _shown(measure, before),
                }
            )
    return rows


# --- From the platform, per neighbourhood and quarter --------------------------------------------


def _by_place_and_quarter(queryset, date_field: str, place_field: str, **annotations) -> dict:
    rows = (
        queryset.annotate(quarter=TruncQuarter(date_field))
        .values("quarter", place_field)
        .annotate(**annotations)
        .order_by()
    )
    return {(_quarter(row["quarter"]), row[place_field] or str(_("Not said"))): row for row in rows}


def skills_rows() -> list[dict]:
    f = _all_time()
    skills = _by_place_and_quarter(
        skills_achieved(f),
        "achieved_at",
        "learner__neighbourhood__name",
        count=Count("pk"),
        people=Count("learner", distinct=True),
    )
    finished = _by_place_and_quarter(
        courses_finished(f),
        "completed_at",
        "learner__neighbourhood__name",
        count=Count("pk"),
        people=Count("learner", distinct=True),
    )
    rows = []
    for quarter, place in sorted(set(skills) | set(finished)):
        s = skills.get((quarter, place), {"count": 0, "people": 0})
        c = finished.get((quarter, place), {"count": 0, "people": 0})
        rows.append(
            {
                "quarter": quarter,
                "neighbourhood": place,
                "learners_with_new_skills": _hidden(suppress(s["people"], s["people"])),
                "skills_learned": _hidden(suppress(s["count"], s["people"])),
                "learners_finishing_courses": _hidden(suppress(c["people"], c["people"])),
                "courses_finished": _hidden(suppress(c["count"], c["people"])),
            }
        )
    return rows


def estate_check_rows() -> list[dict]:
    from voice.models import EstateCheckAnswer

    answers = _by_place_and_quarter(
        EstateCheckAnswer.objects.all(),
        "response__created_at",
        "response__neighbourhood__name",
        people=Count("response", distinct=True),
        answers=Count("pk"),
        average=Avg("score"),
    )
    rows = []
    for (quarter, place), row in sorted(answers.items()):
        average = round(Decimal(row["average"]), 1) if row["average"] is not None else None
        rows.append(
            {
                "quarter": quarter,
                "neighbourhood": place,
                "people_answering": _hidden(suppress(row["people"], row["people"])),
                "average_score": _hidden(suppress(str(average), row["people"]))
                if average is not None
                else None,
            }
        )
    return rows


def report_rows() -> list[dict]:
    from training.places.models import Neighbourhood
    from voice.models import ReportStatus
    from voice.reports_selectors import reports_for_neighbourhood

    reported: dict = defaultdict(int)
    fixed_days: dict = defaultdict(list)
    for place in Neighbourhood.objects.order_by("name"):
        for report in reports_for_neighbourhood(neighbourhood=place).prefetch_related("updates"):
            reported[(_quarter(timezone.localtime(report.created_at)), place.name)] += 1
            fixes = [u for u in report.updates.all() if u.to_status == ReportStatus.FIXED]
            if report.status == ReportStatus.FIXED and fixes:
                fixed_at = fixes[-1].at
                days = (fixed_at - report.created_at).total_seconds() / 86400
                fixed_days[(_quarter(timezone.localtime(fixed_at)), place.name)].append(days)
    rows = []
    for quarter, place in sorted(set(reported) | set(fixed_days)):
        count = reported.get((quarter, place), 0)
        days = fixed_days.get((quarter, place), [])
        middle = str(round(Decimal(median(days)), 1)) if days else None
        rows.append(
            {
                "quarter": quarter,
                "neighbourhood": place,
                "problems_reported": _hidden(suppress(count, count)),
                "problems_fixed": _hidden(suppress(len(days), len(days))),
                "median_days_to_fix": _hidden(suppress(middle, len(days))),
            }
        )
    return rows


def consultation_rows() -> list[dict]:
    """Consultations that closed each quarter, open to each neighbourhood; how many people from
    there sent answers, and turnout: those people out of the neighbourhood's verified tenants,
    once for each consultation (the people who could answer a tenants' consultation)."""
    from training.places.models import Neighbourhood
    from voice.models import ConsultationPage, ConsultationResponse, Eligibility, TenantVerification

    today = timezone.localdate()
    places = {place.pk: place.name for place in Neighbourhood.objects.all()}
    tenants = dict(
        TenantVerification.objects.filter(tenancy__ended_at__isnull=True, person__is_active=True)
        .values_list("tenancy__neighbourhood")
        .annotate(count=Count("pk"))
        .order_by()
    )
    held: dict = defaultdict(int)
    could: dict = defaultdict(int)
    for page in (
        ConsultationPage.objects.live()
        .filter(in_english(), closes_on__lt=today)
        .prefetch_related("neighbourhoods")
    ):
        open_to = (
            [p.pk for p in page.neighbourhoods.all()]
            if page.eligibility == Eligibility.NEIGHBOURHOODS
            else list(places)
        )
        for pk in open_to:
            held[(_quarter(page.closes_on), places[pk])] += 1
            could[(_quarter(page.closes_on), places[pk])] += tenants.get(pk, 0)
    responses = _by_place_and_quarter(
        ConsultationResponse.objects.filter(
            submitted_at__isnull=False,
            consultation__live=True,
            consultation__closes_on__lt=today,
        ),
        "consultation__closes_on",
        "neighbourhood__name",
        count=Count("pk"),
    )
    rows = []
    for quarter, place in sorted(set(held) | set(responses)):
        count = responses.get((quarter, place), {"count": 0})["count"]
        eligible = could.get((quarter, place), 0)
        turnout = str(round(Decimal(count * 100) / eligible, 1)) if eligible else None
        rows.append(
            {
                "quarter": quarter,
                "neighbourhood": place,
                "consultations_held": held.get((quarter, place), 0),
                "people_taking_part": _hidden(suppress(count, count)),
                "turnout_percent": _hidden(suppress(turnout, count)) if turnout else None,
            }
        )
    return rows


# --- The catalogue -------------------------------------------------------------------------------

_QUARTER_NOTE = _("A quarter is three months: Q1 is January to March.")
_PEOPLE_NOTE = _(
    "An empty figure is hidden because it is about fewer than 5 people, so nobody can be "
    "picked out, or there is no figure."
)

DATASETS: list[Dataset] = [
    Dataset(
        slug="tenant-satisfaction-measures",
        title=_("Tenant Satisfaction Measures"),
        description=_(
            "The 22 measures every social landlord in England publishes each year: what tenants "
            "told us in a survey (TP01 to TP12), and figures from our records about safety "
            "checks, repairs, complaints and anti-social behaviour."
        ),
        notes=[
            _("A year runs from 1 April to 31 March."),
            _("Tenant survey figures (TP) are the share of tenants who gave a valid answer and "
              "were satisfied. “Don't know” answers do not count."),
            _("Each figure is shown beside the same figure for the year before."),
            _PEOPLE_NOTE,
        ],
        columns=[
            Column("year", _("Year"), "string", _("The year, from April to March.")),
            Column("code", _("Code"), "string", _("The Regulator of Social Housing's code.")),
            Column("measure", _("Measure"), "string", _("What the figure measures.")),
            Column("value", _("Figure"), "decimal", _("The figure, in the unit given.")),
            Column("unit", _("Unit"), "string", _("percent, or per_1000 (for every 1,000 homes).")),
            Column("about", _("About how many"), "integer",
                   _("How many tenants, complaints or cases the figure is about."), True),
            Column("method", _("How the survey was done"), "string", _("For survey figures.")),
            Column("sample_size", _("Tenants who answered"), "integer",
                   _("How many tenants answered the survey."), True),
            Column("year_before", _("Year before"), "decimal",
                   _("The same figure for the year before.")),
        ],
        build=tsm_rows,
        chart_label="code",
        chart_value="value",
    ),
    Dataset(
        slug="digital-skills",
        title=_("Digital skills learned"),
        description=_("Skills learned and courses finished on this site, by neighbourhood and "
                      "quarter."),
        notes=[_QUARTER_NOTE, _PEOPLE_NOTE],
        columns=[
            Column("quarter", _("Quarter"), "string", _("Year and quarter, e.g. 2026-Q3.")),
            Column("neighbourhood", _("Neighbourhood"), "string", _("Where the learners live.")),
            Column("learners_with_new_skills", _("Learners with new skills"), "integer",
                   _("People who learned at least one skill."), True),
            Column("skills_learned", _("Skills learned"), "integer", _("Skills learned.")),
            Column("learners_finishing_courses", _("Learners finishing courses"), "integer",
                   _("People who finished at least one course."), True),
            Column("courses_finished", _("Courses finished"), "integer", _("Courses finished.")),
        ],
        build=skills_rows,
        chart_label="neighbourhood",
        chart_value="skills_learned",
    ),
    Dataset(
        slug="estate-checks",
        title=_("Estate check results"),
        description=_("How tenants rated their estate in estate checks, by neighbourhood and "
                      "quarter: 1 is very unhappy, 5 is very happy."),
        notes=[_QUARTER_NOTE, _PEOPLE_NOTE],
        columns=[
            Column("quarter", _("Quarter"), "string", _("Year and quarter, e.g. 2026-Q3.")),
            Column("neighbourhood", _("Neighbourhood"), "string", _("The estate's area.")),
            Column("people_answering", _("People answering"), "integer",
                   _("Tenants who answered an estate check."), True),
            Column("average_score", _("Average score"), "decimal",
                   _("The average of every answer, from 1 to 5.")),
        ],
        build=estate_check_rows,
        chart_label="neighbourhood",
        chart_value="people_answering",
    ),
    Dataset(
        slug="problem-reports",
        title=_("Problems reported and fixed"),
        description=_("Problems tenants reported on their estate, how many we fixed and how "
                      "long fixing took, by neighbourhood and quarter."),
        notes=[
            _QUARTER_NOTE,
            _("Days to fix count from the report to the day we marked it fixed. The median is "
              "the middle one: half took less time, half took more."),
            _PEOPLE_NOTE,
        ],
        columns=[
            Column("quarter", _("Quarter"), "string", _("Year and quarter, e.g. 2026-Q3.")),
            Column("neighbourhood", _("Neighbourhood"), "string", _("Where the problem was.")),
            Column("problems_reported", _("Problems reported"), "integer",
                   _("Problems reported in the quarter (each by one tenant)."), True),
            Column("problems_fixed", _("Problems fixed"), "integer",
                   _("Problems marked fixed in the quarter."), True),
            Column("median_days_to_fix", _("Median days to fix"), "decimal",
                   _("The middle number of days from report to fix.")),
        ],
        build=report_rows,
        chart_label="neighbourhood",
        chart_value="problems_reported",
    ),
    Dataset(
        slug="consultations",
        title=_("Consultations and who took part"),
        description=_("Consultations that closed in each quarter and how many people from each "
                      "neighbourhood took part."),
        notes=[
            _QUARTER_NOTE,
            _("Turnout counts the neighbourhood's verified tenants as the people who could take "
              "part, once for each consultation."),
            _PEOPLE_NOTE,
        ],
        columns=[
            Column("quarter", _("Quarter"), "string", _("The quarter the consultation closed.")),
            Column("neighbourhood", _("Neighbourhood"), "string", _("Where the people live.")),
            Column("consultations_held", _("Consultations held"), "integer",
                   _("Consultations open to this neighbourhood.")),
            Column("people_taking_part", _("People taking part"), "integer",
                   _("People who sent their answers."), True),
            Column("turnout_percent", _("Turnout (%)"), "decimal",
                   _("People taking part out of the verified tenants who could.")),
        ],
        build=consultation_rows,
        chart_label="neighbourhood",
        chart_value="people_taking_part",
    ),
]  # fmt: skip

BY_SLUG = {dataset.slug: dataset for dataset in DATASETS}
MINIMUM = SMALLEST_GROUP


# --- Published versions --------------------------------------------------------------------------


def _iso(moment: datetime | None) -> str:
    return moment.isoformat() if moment else ""


def published_current() -> dict[str, dict]:
    """{dataset slug: {"number", "published_at"}} of each dataset's newest published version,
    kept in the cache (emptied when a version is published) so cached answers make no query."""
    current = cache.get(CURRENT_KEY)
    if current is None:
        current = {}
        for version in DatasetVersion.objects.filter(status=VersionStatus.PUBLISHED).order_by(
            "dataset", "-number"
        ):
            current.setdefault(
                version.dataset,
                {"number": version.number, "published_at": _iso(version.published_at)},
            )
        cache.set(CURRENT_KEY, current, CURRENT_MAX_AGE)
    return current


def version_published(*, dataset: str, number: int) -> DatasetVersion | None:
    return DatasetVersion.objects.filter(
        dataset=dataset, number=number, status=VersionStatus.PUBLISHED
    ).first()


def versions_published(*, dataset: str) -> list[DatasetVersion]:
    return list(
        DatasetVersion.objects.filter(dataset=dataset, status=VersionStatus.PUBLISHED).order_by(
            "-number"
        )
    )


def versions_for_staff() -> dict[str, list[DatasetVersion]]:
    found: dict[str, list[DatasetVersion]] = {dataset.slug: [] for dataset in DATASETS}
    for version in DatasetVersion.objects.select_related(
        "drafted_by", "checked_by", "published_by"
    ).order_by("dataset", "-number"):
        found.setdefault(version.dataset, []).append(version)
    return found


def may_publish(*, user) -> bool:
    """Drafting, checking and publishing open data is a Manager's decision (superusers too)."""
    from training.users.roles import MANAGER, user_has_role

    return user.is_authenticated and (user.is_superuser or user_has_role(user, MANAGER))


def measure_info(code: str):
    return BY_CODE[code]
