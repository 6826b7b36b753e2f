"""The Safeguarding Officers' pages: the list of reports, a report's case page, its evidence
files and a CSV export of the list.

Every view goes through :func:`officer_view`: signed in (else the sign-in page), then
``reports_may_handle`` (else 403, and the refusal is logged), then the view, which logs what it
shows or changes. Every answer is ``private, no-store`` and ``noindex``.
"""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from safeguarding import handling_selectors as selectors
from safeguarding import handling_services as services
from safeguarding.access_log import access_log_record
from safeguarding.models.handling import AccessAction
from safeguarding.models.reports import ReportEvidence, Status
from safeguarding.officer_forms import CaseNoteForm, ReferralForm, ReplyForm, StatusForm
from safeguarding.permissions import reports_may_handle
from training.core.csv_safe import csv_response
from training.core.middleware import response_make_private
from training.core.private_files import private_file_response

REPORTS_PER_PAGE = 25
ROBOTS = "noindex, nofollow, noarchive"


def officer_view(view):
    """Signed in, and a Safeguarding Officer with two-step sign-in (the one rule), or 403."""

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponseBase:
        if not reports_may_handle(user=request.user):
            access_log_record(person=request.user, action=AccessAction.REFUSED, request=request)
            raise PermissionDenied
        response = view(request, *args, **kwargs)
        response_make_private(response)
        response["X-Robots-Tag"] = ROBOTS
        return response

    return wrapper


def _status_filter(request: HttpRequest) -> str:
    status = request.GET.get("status", "")
    return status if status in Status.values else ""


@require_GET
@officer_view
def cases_list(request: HttpRequest) -> HttpResponse:
    status = _status_filter(request)
    page = Paginator(selectors.reports_for_officers(status=status), REPORTS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    access_log_record(
        person=request.user,
        action=AccessAction.LIST,
        request=request,
        detail=f"status={status or 'all'} page={page.number}",
    )
    return render(
        request,
        "safeguarding/cases/list.html",
        {"page": page, "status": status, "statuses": Status.choices},
    )


@require_GET
@officer_view
def cases_export(request: HttpRequest) -> HttpResponse:
    """The list as CSV (with the list's status filter): references, dates, kinds, places and
    statuses; never what was written."""
    status = _status_filter(request)
    reports = list(selectors.reports_for_officers(status=status))
    rows = [
        [
            _("Reference"),
            _("Reported on"),
            _("Urgent"),
            _("What happened"),
            _("Neighbourhood"),
            _("Status"),
            _("Outcome"),
            _("Closed on"),
        ]
    ]
    for report in reports:
        rows.append(
            [
                report.reference_display,
                timezone.localdate(report.created_at).isoformat(),
                _("yes") if report.urgent else _("no"),
                "; ".join(str(row.get_strand_display()) for row in report.strand_rows.all()),
                report.neighbourhood.name if report.neighbourhood else "",
                report.get_status_display(),
                report.get_outcome_display() if report.outcome else "",
                timezone.localdate(report.closed_at).isoformat() if report.closed_at else "",
            ]
        )
    access_log_record(
        person=request.user,
        action=AccessAction.EXPORT,
        request=request,
        detail=f"{len(reports)} reports, status={status or 'all'}",
    )
    return csv_response(rows, filename=f"confidential-reports-{timezone.localdate()}.csv")


FORMS = {
    "note": CaseNoteForm,
    "referral": ReferralForm,
    "reply": ReplyForm,
    "status": StatusForm,
}


def _forms(report, bound: str = "", data=None) -> dict:
    made = {}
    for name, form_class in FORMS.items():
        options = {"prefix": name}
        if form_class is StatusForm:
            options["report"] = report
        made[name] = form_class(data if name == bound else None, **options)
    return made


def _save(name: str, form, report, by) -> str:
    """Call the service for the form ``name``; the message to show."""
    data = form.cleaned_data
    if name == "note":
        services.case_note_add(report=report, by=by, text=data["text"])
        return _("Note added.")
    if name == "referral":
        services.referral_add(
            report=report,
            by=by,
            agency=data["agency"],
            referred_to=data["referred_to"],
            referred_on=data["referred_on"],
            their_reference=data["their_reference"],
        )
        return _("Referral recorded.")
    if name == "reply":
        reply = services.reporter_reply_send(report=report, by=by, text=data["text"])
        if reply.emailed_at:
            return _("Reply sent. We emailed them that there is a reply.")
        return _("Reply sent. They will see it at their reference page.")
    services.report_status_change(
        report=report, by=by, status=data["status"], outcome=data["outcome"]
    )
    return _("Status changed.")


@require_http_methods(["GET", "POST"])
@officer_view
def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = selectors.report_for_officers(report_id=pk)
    if report is None:
        raise Http404
    bound = request.POST.get("form", "") if request.method == "POST" else ""
    if request.method == "POST" and bound not in FORMS:
        bound = ""
    forms = _forms(report, bound, request.POST if bound else None)
    if bound:
        form = forms[bound]
        if form.is_valid():
            try:
                message = _save(bound, form, report, request.user)
            except ValidationError as error:
                for field, problems in error.message_dict.items():
                    for problem in problems:
                        form.add_error(field if field in form.fields else None, problem)
            else:
                messages.success(request, message)
                return redirect("safeguarding:case_detail", pk=report.pk)
    access_log_record(person=request.user, action=AccessAction.READ, report=report, request=request)
    return render(
        request,
        "safeguarding/cases/detail.html",
        {"report": report, "forms": forms, "has_errors": bool(bound and forms[bound].errors)},
    )


@require_GET
@officer_view
def evidence_download(request: HttpRequest, pk: int) -> HttpResponseBase:
    evidence = ReportEvidence.objects.select_related("report").filter(pk=pk).first()
    if evidence is None or not evidence.photo:
        raise Http404
    access_log_record(
        person=request.user,
        action=AccessAction.DOWNLOAD,
        report=evidence.report,
        request=request,
        detail=f"evidence {evidence.pk}",
    )
    return private_file_response(name=str(evidence.photo.name))
