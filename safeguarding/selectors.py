"""Anonymous counts of confidential reports: the only part of this app that dashboards and open
data may import (DESIGN.md). No report content, no reference, no person: only how many.

Small numbers are hidden (None, shown as "hidden"), by the dashboards' rule
(``dashboards/suppression.py``, which this app may not import): a count of 1 to 4 reports is
hidden, and in each table whose counts add up to a total shown beside it, more counts are hidden
until the hidden ones stand for 5 or more reports together and none is hidden alone.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.core.cache import cache
from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from safeguarding.models.handling import AccessAction, AccessLogEntry
from safeguarding.models.reports import HATE_STRANDS, ConfidentialReport, ReportStrand, Strand

SMALLEST_GROUP = 5
STATISTICS_MONTHS = 12


def _hide_small(rows: list[tuple[str, int]]) -> list[tuple[str, int | None]]:
    """Primary and secondary suppression of one table of counts (see the module's text)."""
    hidden = {index for index, (_label, count) in enumerate(rows) if 0 < count < SMALLEST_GROUP}
    if hidden:
        while True:
            hidden_total = sum(rows[index][1] for index in hidden)
            if len(hidden) > 1 and hidden_total >= SMALLEST_GROUP:
                break
            candidates = sorted(
                (count, index)
                for index, (_label, count) in enumerate(rows)
                if index not in hidden and count > 0
            )
            if not candidates:
                break
            hidden.add(candidates[0][1])
    return [
        (label, None if index in hidden else count) for index, (label, count) in enumerate(rows)
    ]


@dataclass(frozen=True)
class ReportStatistics:
    """Reports made from ``since`` to today. Counts are ints, or None where hidden."""

    since: date
    total: int | None
    by_month: list[tuple[str, int | None]] = field(default_factory=list)
    by_strand: list[tuple[str, int | None]] = field(default_factory=list)
    by_neighbourhood: list[tuple[str, int | None]] = field(default_factory=list)


def _months_back(today: date, months: int) -> date:
    year, month = today.year, today.month - (months - 1)
    while month <= 0:
        month += 12
        year -= 1
    return date(year, month, 1)


def report_statistics(
    *, months: int = STATISTICS_MONTHS, today: date | None = None
) -> ReportStatistics:
    """Reports per month (the last ``months``, this one included), per kind of thing that
    happened (a report may have several) and per neighbourhood, with small numbers hidden."""
    today = today or timezone.localdate()
    since = _months_back(today, months)
    reports = ConfidentialReport.objects.filter(created_at__date__gte=since)

    per_month = {
        row["month"].date() if hasattr(row["month"], "date") else row["month"]: row["count"]
        for row in reports.annotate(month=TruncMonth("created_at"))
        .values("month")
        .annotate(count=Count("pk"))
    }
    month_rows = []
    month = since
    while month <= today:
        month_rows.append((date_format(month, "F Y"), per_month.get(month, 0)))
        month = (month + timedelta(days=32)).replace(day=1)

    per_strand = dict(
        ReportStrand.objects.filter(report__in=reports)
        .values_list("strand")
        .annotate(count=Count("report", distinct=True))
    )
    strand_rows = [(str(label), per_strand.get(value, 0)) for value, label in Strand.choices]

    per_place = list(
        reports.values_list("neighbourhood__name")
        .annotate(count=Count("pk"))
        .order_by("neighbourhood__name")
    )
    place_rows = [(name or _("Not said"), count) for name, count in per_place]

    total = sum(count for _label, count in month_rows)
    return ReportStatistics(
        since=since,
        total=None if 0 < total < SMALLEST_GROUP else total,
        by_month=_hide_small(month_rows),
        by_strand=_hide_small(strand_rows),
        by_neighbourhood=_hide_small(place_rows),
    )


@dataclass(frozen=True)
class Nm01:
    """The Tenant Satisfaction Measure NM01 for a period: anti-social behaviour cases opened per
    1,000 homes (1), and those that involve hate incidents (2). Every confidential report is an
    anti-social behaviour case in the TSM's sense (hate incidents and harassment included)."""

    start: date
    end: date
    homes: int
    cases: int
    hate_cases: int
    cases_per_1000_homes: Decimal
    hate_cases_per_1000_homes: Decimal


def _per_1000(count: int, homes: int) -> Decimal:
    return (Decimal(count) * 1000 / Decimal(homes)).quantize(
        Decimal("0.01"), rounding=ROUND_HALF_UP
    )


def nm01(*, homes: int, start: date, end: date) -> Nm01:
    """NM01 for reports made from ``start`` to ``end`` (both included), given the number of
    homes the landlord owns (the TSM's denominator, which this site does not hold)."""
    if homes <= 0:
        raise ValueError("The number of homes must be more than 0.")
    reports = ConfidentialReport.objects.filter(
        created_at__date__gte=start, created_at__date__lte=end
    )
    cases = reports.count()
    hate_cases = reports.filter(strand_rows__strand__in=HATE_STRANDS).distinct().count()
    return Nm01(
        start=start,
        end=end,
        homes=homes,
        cases=cases,
        hate_cases=hate_cases,
        cases_per_1000_homes=_per_1000(cases, homes),
        hate_cases_per_1000_homes=_per_1000(hate_cases, homes),
    )


def access_log_counts(*, days: int = 30) -> list[tuple[str, int]]:
    """How many times each kind of access happened in the last ``days``: what Managers see of
    the access log (never who, nor which report)."""
    since = timezone.now() - timedelta(days=days)
    counts = dict(
        AccessLogEntry.objects.filter(at__gte=since)
        .values_list("action")
        .annotate(count=Count("pk"))
        .order_by()
    )
    return [(str(label), counts.get(value, 0)) for value, label in AccessAction.choices]


@dataclass(frozen=True)
class ManagerFigures:
    statistics: ReportStatistics
    access_counts: list[tuple[str, int]]


FIGURES_MAX_AGE = 5 * 60


def manager_figures() -> ManagerFigures:
    """What the Managers' dashboard shows of confidential reports: :func:`report_statistics`
    and :func:`access_log_counts`, worked out at most every few minutes like the rest of the
    dashboard (kept in the cache, never in a dashboard snapshot or export)."""
    key = f"safeguarding:manager-figures:{get_language()}:{timezone.localdate().isoformat()}"
    figures = cache.get(key)
    if figures is None:
        figures = ManagerFigures(statistics=report_statistics(), access_counts=access_log_counts())
        cache.set(key, figures, FIGURES_MAX_AGE)
    return figures
