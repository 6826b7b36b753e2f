"""The managers' dashboard: figures, CSV downloads and exports. Thin views over ``reports``.

Managers (``dashboards.view_dashboard``) see every place; Digital Champions
(``dashboards.view_centre_dashboard``) see their own centre; everyone else gets 403.
"""

from collections.abc import Callable
from functools import partial, wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import urlencode
from django.views.decorators.http import require_POST

from dashboards.access import dashboard_scope
from dashboards.charts import bar_chart
from dashboards.filters import DashboardFilterForm, filters_from
from dashboards.models import DashboardExport, ExportStatus
from dashboards.reports import champions_table, table_slugs
from dashboards.services import export_request, table_rows
from dashboards.side_by_side import results_side_by_side
from dashboards.snapshots import fresh_snapshot, view_table, view_tables
from safeguarding.selectors import manager_figures
from training.core.csv_safe import csv_response
from training.core.private_files import private_file_response
from voice.reports_selectors import STALLED_WORKING_DAYS, reports_stalled

RECENT_EXPORTS = 5
STALLED_REPORTS_SHOWN = 20


def dashboard_view(view):
    """Signed in (else the sign-in page) and allowed to see a dashboard (else 403)."""

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        request.dashboard_scope = dashboard_scope(user=request.user)
        return view(request, *args, **kwargs)

    return wrapper


def _filters(request: HttpRequest):
    form = DashboardFilterForm(request.GET, scope=request.dashboard_scope)
    return form, filters_from(form)


@dashboard_view
def dashboard(request: HttpRequest) -> HttpResponse:
    form, filters = _filters(request)
    scope = request.dashboard_scope
    snapshot = fresh_snapshot(scope=scope, filters=filters)
    jobs: list[Callable[[], Any]] = [
        partial(view_tables, scope=scope, filters=filters, snapshot=snapshot)
    ]
    # Managers: the help Digital Champions gave, per centre and per champion (with consent),
    # always live (never in a snapshot). With no snapshot it is worked out beside the figures.
    if scope.every_place:
        jobs.append(partial(champions_table, filters, scope))
    results = results_side_by_side(jobs) if snapshot is None else [job() for job in jobs]
    tables, computed_at = results[0]
    champions_help = results[1] if scope.every_place else None
    trend = tables["trend"]
    chart = bar_chart(title=trend.title, points=[(row[0], row[1]) for row in trend.rows])
    exports = DashboardExport.objects.filter(requested_by=request.user)[:RECENT_EXPORTS]
    # Managers (every place) see estate reports nobody has updated for a while; not the
    # champions' centre view (reports belong to neighbourhoods and Housing Officers).
    stalled_reports = (
        list(reports_stalled()[: STALLED_REPORTS_SHOWN + 1]) if scope.every_place else None
    )
    # Managers: confidential reports as anonymous counts (small numbers hidden) and how often
    # the access log was written; never kept in a snapshot or an export.
    confidential = manager_figures() if scope.every_place else None
    return render(
        request,
        "dashboards/dashboard.html",
        {
            "form": form,
            "filters": filters,
            "scope": scope,
            # Template names cannot hold dashes: "learner-types" is tables.learner_types there.
            "tables": {slug.replace("-", "_"): table for slug, table in tables.items()},
            "trend_chart": chart,
            "query": urlencode(filters.query()),
            "exports": list(exports),
            "computed_at": computed_at,
            "stalled_reports": stalled_reports,
            "stalled_reports_shown": STALLED_REPORTS_SHOWN,
            "stalled_working_days": STALLED_WORKING_DAYS,
            "confidential": confidential,
            "champions_help": champions_help,
        },
    )


@dashboard_view
def table_download(request: HttpRequest, table: str) -> HttpResponse:
    scope = request.dashboard_scope
    if table not in table_slugs(scope):
        raise Http404
    _form, filters = _filters(request)
    rows = table_rows(view_table(scope=scope, filters=filters, slug=table))
    stamp = timezone.localdate().isoformat()
    # Written by training.core.csv_safe: a UTF-8 BOM, and no cell a spreadsheet would run.
    return csv_response(rows, filename=f"dashboard-{table}-{stamp}.csv")


@require_POST
@dashboard_view
def export_new(request: HttpRequest) -> HttpResponse:
    form = DashboardFilterForm(request.POST, scope=request.dashboard_scope)
    export = export_request(
        user=request.user, scope=request.dashboard_scope, filters=filters_from(form)
    )
    return redirect("dashboards:export_detail", export_id=export.pk)


def _own_export(request: HttpRequest, export_id) -> DashboardExport:
    """Only the person who asked for an export may see or download it (else 404)."""
    return get_object_or_404(DashboardExport, pk=export_id, requested_by=request.user)


@dashboard_view
def export_detail(request: HttpRequest, export_id) -> HttpResponse:
    export = _own_export(request, export_id)
    return render(
        request,
        "dashboards/export.html",
        {
            "export": export,
            "ready": export.status == ExportStatus.READY and bool(export.file),
            "failed": export.status == ExportStatus.FAILED,
            "query": urlencode(export.filters),
        },
    )


@dashboard_view
def export_download(request: HttpRequest, export_id) -> HttpResponseBase:
    export = _own_export(request, export_id)
    if export.status != ExportStatus.READY or not export.file:
        raise Http404
    return private_file_response(
        name=export.file.name,
        download_name=export.file.name.rsplit("/", 1)[-1],
        content_type="application/zip",
    )
