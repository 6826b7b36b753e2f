"""Summary tables for a fast dashboard: each view's tables, worked out once and reused.

Working out every figure reads millions of rows at a large landlord's scale (seconds, see
docs/performance.md); reading a snapshot is one indexed row. A snapshot is used while it is
younger than ``DASHBOARD_SNAPSHOT_MAX_AGE`` seconds (default 15 minutes). A Celery beat task
(:func:`snapshots_refresh_usual`) keeps the usual views fresh; any other view is worked out when
someone asks for it and stored for the next person. Without beat the dashboard is still correct:
an old or missing snapshot is simply worked out again on the spot.
"""

import hashlib
import json
from dataclasses import asdict
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import get_language

from dashboards.access import Scope
from dashboards.filters import (
    PERIODS,
    DashboardFilterForm,
    Filters,
    LearnerType,
    filters_from,
)
from dashboards.models import DashboardSnapshot
from dashboards.reports import TABLES, Table, dashboard_tables
from dashboards.suppression import SUPPRESSED, is_suppressed
from training.places.models import CommunityCentre

DEFAULT_MAX_AGE = 15 * 60
HIDDEN = {"suppressed": True}


def max_age() -> timedelta:
    return timedelta(seconds=getattr(settings, "DASHBOARD_SNAPSHOT_MAX_AGE", DEFAULT_MAX_AGE))


def snapshot_key(*, scope: Scope, filters: Filters) -> str:
    view = {
        "every_place": scope.every_place,
        "centre": scope.centre.pk if scope.centre else None,
        "filters": filters.query(),
        "language": get_language(),
    }
    return hashlib.sha256(json.dumps(view, sort_keys=True).encode()).hexdigest()


# Tables with learners' names are never stored: they are read fresh each time (one quick query).
NAMED = {"stalled"}


def _encode(tables: dict[str, Table], *, scope: Scope) -> dict:
    encoded = {}
    for slug, table in tables.items():
        if scope.shows_names and slug in NAMED:
            continue
        data = asdict(table)
        data["rows"] = [[HIDDEN if is_suppressed(c) else c for c in row] for row in table.rows]
        encoded[slug] = data
    return encoded


def snapshot_tables(snapshot: DashboardSnapshot) -> dict[str, Table]:
    """The stored tables, with hidden figures back as SUPPRESSED."""
    tables = {}
    for slug, data in snapshot.tables.items():
        rows = [[SUPPRESSED if c == HIDDEN else c for c in row] for row in data["rows"]]
        tables[slug] = Table(**{**data, "rows": rows})
    return tables


def snapshot_refresh(*, scope: Scope, filters: Filters) -> DashboardSnapshot:
    """Work out every table of this view now and store it (replacing any older one)."""
    tables = dashboard_tables(filters, scope, skip=NAMED if scope.shows_names else ())
    key = snapshot_key(scope=scope, filters=filters)
    fields = {
        "every_place": scope.every_place,
        "centre": scope.centre,
        "filters": filters.query(),
        "language": get_language(),
        "tables": _encode(tables, scope=scope),
        "computed_at": filters.end,
    }
    # Usually the view's older snapshot is there: one UPDATE and one read (update_or_create
    # takes four, with its savepoint and SELECT … FOR UPDATE).
    if not DashboardSnapshot.objects.filter(key=key).update(**fields):
        try:
            with transaction.atomic():
                return DashboardSnapshot.objects.create(key=key, **fields)
        except IntegrityError:  # made at the same moment by another request
            DashboardSnapshot.objects.filter(key=key).update(**fields)
    return DashboardSnapshot.objects.get(key=key)


def fresh_snapshot(*, scope: Scope, filters: Filters) -> DashboardSnapshot | None:
    """This view's snapshot if it is younger than the maximum age."""
    return DashboardSnapshot.objects.filter(
        key=snapshot_key(scope=scope, filters=filters),
        computed_at__gte=timezone.now() - max_age(),
    ).first()


def view_table(*, scope: Scope, filters: Filters, slug: str) -> Table:
    """One table of this view (a CSV download): from a fresh snapshot, or else worked out alone
    and not stored (a snapshot holds every table; one table is quicker than all of them)."""
    snapshot = (
        None
        if scope.shows_names and slug in NAMED
        else fresh_snapshot(scope=scope, filters=filters)
    )
    if snapshot is not None:
        return snapshot_tables(snapshot)[slug]
    return dashboard_tables(filters, scope, only=[slug])[slug]


def view_tables(
    *, scope: Scope, filters: Filters, snapshot: DashboardSnapshot | None
) -> tuple[dict[str, Table], datetime]:
    """Every table of this view, and when its figures were worked out.

    From ``snapshot``, the view's fresh snapshot as :func:`fresh_snapshot` found it, or, with
    none, worked out now and stored; tables with names (a champion's stalled learners) always
    live.
    """
    if snapshot is None:
        snapshot = snapshot_refresh(scope=scope, filters=filters)
    tables = snapshot_tables(snapshot)
    if scope.shows_names:
        for slug in NAMED:
            tables[slug] = TABLES[slug](filters, scope)
        tables = {slug: tables[slug] for slug in TABLES if slug in tables}
    return tables, snapshot.computed_at


def usual_views() -> list[tuple[Scope, Filters]]:
    """Every period for every place (all learners, tenants only, staff only), and each
    centre's default view. These are the views too wide to work out in under a second on a
    large landlord's data; narrower ones (a neighbourhood, a centre, a course) are quick cold."""
    views = []
    every = Scope(every_place=True)
    for period in PERIODS:
        for learner_type in ("", LearnerType.TENANT, LearnerType.STAFF):
            query = QueryDict(f"period={period}&learner_type={learner_type}")
            views.append((every, filters_from(DashboardFilterForm(query, scope=every))))
    for centre in CommunityCentre.objects.order_by("pk"):
        scope = Scope(every_place=False, centre=centre)
        views.append((scope, filters_from(DashboardFilterForm(QueryDict(), scope=scope))))
    return views


def snapshots_refresh_usual() -> int:
    """Refresh the usual views (Celery beat), and drop snapshots nobody has used for a day."""
    views = usual_views()
    for scope, filters in views:
        snapshot_refresh(scope=scope, filters=filters)
    DashboardSnapshot.objects.filter(computed_at__lt=timezone.now() - timedelta(days=1)).delete()
    return len(views)
