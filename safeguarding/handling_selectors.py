"""Reads for the officers' pages, and the one read of replies for the reporter's pages.

Every read of report content here is for someone who passed
``safeguarding.permissions.reports_may_handle`` (the officer pages), or for the reporter
themselves (:func:`report_replies_for_reporter`, used by the reference page and "My reports").
Dashboards and open data never import this module: they use ``safeguarding.selectors``.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Case, IntegerField, Prefetch, QuerySet, Value, When

from safeguarding.models.handling import ReporterReply
from safeguarding.models.reports import ConfidentialReport, ReportStrand, Status


def reports_for_officers(*, status: str = "") -> QuerySet[ConfidentialReport]:
    """Every report, open urgent ones first, then the newest; only ``status`` if given."""
    reports = ConfidentialReport.objects.select_related("neighbourhood").prefetch_related(
        Prefetch("strand_rows", queryset=ReportStrand.objects.order_by("pk"))
    )
    if status:
        reports = reports.filter(status=status)
    return reports.annotate(
        urgent_open=Case(
            When(urgent=True, status__in=[Status.RECEIVED, Status.ASSESSED], then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        )
    ).order_by("-urgent_open", "-created_at", "-pk")


def report_for_officers(*, report_id: int) -> ConfidentialReport | None:
    """One report with everything its case page shows, or None."""
    return (
        ConfidentialReport.objects.select_related("neighbourhood")
        .prefetch_related(
            "strand_rows",
            "evidence",
            "additions",
            "case_notes__author",
            "referrals__by",
            "replies__author",
            "status_changes__by",
        )
        .filter(pk=report_id)
        .first()
    )


@dataclass(frozen=True)
class ReplyForReporter:
    """A reply as the reporter sees it: from "the safeguarding team", never an officer's name."""

    text: str
    sent_at: datetime


def report_replies_for_reporter(*, report: ConfidentialReport) -> list[ReplyForReporter]:
    """The officers' replies to ``report``, oldest first, for the reporter's own pages (the
    reference page and "My reports"). The caller has checked the reference and phrase, or that
    the signed-in person made the report."""
    return [
        ReplyForReporter(text=reply.text, sent_at=reply.created_at)
        for reply in ReporterReply.objects.filter(report=report).order_by("created_at", "pk")
    ]
