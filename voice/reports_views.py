"""Estate reports on the site: report a problem, the public list and page, "affects me too",
the photos (after a check), and the Housing Officers' status page.

Views are thin: ``reports_selectors`` say who may do what, ``reports_services`` write.
Anyone may read the list and a report's page (see ``reports_selectors`` for what shows to whom).
"""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from community.views import PHOTO_CONTENT_TYPES, photo_upload_limited
from training.core.private_files import private_file_response
from training.places.boundary import boundary_outline
from training.places.models import Neighbourhood
from training.users.roles import HOUSING_OFFICER, user_has_role
from voice import reports_selectors as selectors
from voice import reports_services as services
from voice.geo import outline_frame, point_in_boundary
from voice.models import Report, ReportPhoto, ReportStatus
from voice.place_fields import PLACE_OUTSIDE, tapped_place
from voice.reports_forms import CONFIDENTIAL, ReportForm, ReportPlaceForm, ReportStatusForm
from voice.selectors import tenant_verified_neighbourhood

REPORTS_PER_PAGE = 20


KEPT_ON_TAP = ("category", "description", "photo_description", "show_name")


def _is_tap(request: HttpRequest) -> bool:
    """A tap on the outline without JavaScript (the picker's image button). Enter in a text box
    "presses" it too, at (0, 0): that is a send, not a tap."""
    x, y = request.POST.get("place.x"), request.POST.get("place.y")
    return x is not None and (x, y) != ("0", "0")


def _tap_forms(request: HttpRequest, neighbourhood, frame) -> tuple[ReportForm, ReportPlaceForm]:
    """Keep what was typed, put the tapped place in, and send nothing yet (a photo must be
    chosen again: browsers never keep a chosen file)."""
    form = ReportForm(initial={key: request.POST.get(key, "") for key in KEPT_ON_TAP})
    place_form = ReportPlaceForm(boundary=neighbourhood.boundary)
    place = tapped_place(request.POST, frame=frame)
    if place is None or not point_in_boundary(
        geometry=neighbourhood.boundary, latitude=float(place[0]), longitude=float(place[1])
    ):
        place_form.tap_error = PLACE_OUTSIDE
    else:
        place_form.initial.update(latitude=place[0], longitude=place[1])
        place_form.tap_message = _(
            "Place chosen: the red dot. Check your report, then press “Send my report”."
        )
    return form, place_form


@photo_upload_limited
@login_required
def report_new(request: HttpRequest) -> HttpResponse:
    """A verified tenant reports a problem on their estate (their tenancy's neighbourhood)."""
    neighbourhood = tenant_verified_neighbourhood(person=request.user)
    if neighbourhood is None:
        return render(request, "voice/reports/not_verified.html", status=403)
    if request.method == "POST" and request.POST.get("category") == CONFIDENTIAL:
        # Nothing of what they typed is kept: it goes to the confidential route instead.
        return redirect("voice:report_confidential")
    frame = outline_frame(neighbourhood.boundary)
    if request.method == "POST" and _is_tap(request):
        form, place_form = _tap_forms(request, neighbourhood, frame)
    elif request.method == "POST":
        form = ReportForm(
            request.POST, request.FILES, photo_too_big=getattr(request, "photo_too_big", False)
        )
        place_form = ReportPlaceForm(request.POST, boundary=neighbourhood.boundary)
        if form.is_valid() & place_form.is_valid():  # both checked: every error shows
            photo = form.cleaned_data.get("photo")
            uploads = (
                [services.ReportPhotoUpload(photo, form.cleaned_data["photo_description"])]
                if photo
                else []
            )
            place = place_form.cleaned_data["place"]
            report = services.report_create(
                reporter=request.user,
                category=form.cleaned_data["category"],
                description=form.cleaned_data["description"],
                show_name=form.cleaned_data["show_name"],
                photos=uploads,
                latitude=place[0] if place else None,
                longitude=place[1] if place else None,
            )
            messages.success(
                request,
                _("Thank you. Your report is on the list for %(place)s.")
                % {"place": neighbourhood.name},
            )
            return redirect(report.get_absolute_url())
    else:
        form = ReportForm()
        place_form = ReportPlaceForm(boundary=neighbourhood.boundary)
    return render(
        request,
        "voice/reports/new.html",
        {
            "form": form,
            "place_form": place_form,
            "neighbourhood": neighbourhood,
            "frame": frame,
        },
    )


def report_confidential(request: HttpRequest) -> HttpResponse:
    """How to report anti-social behaviour or a hate incident now, in confidence."""
    return render(request, "voice/reports/confidential.html")


def reports_list(request: HttpRequest, slug: str) -> HttpResponse:
    """A neighbourhood's reports and their statuses, for everyone."""
    neighbourhood = get_object_or_404(Neighbourhood, slug=slug)
    reports = selectors.reports_for_neighbourhood(neighbourhood=neighbourhood)
    page = Paginator(reports, REPORTS_PER_PAGE).get_page(request.GET.get("page"))
    outline = boundary_outline(neighbourhood.boundary)
    frame = outline_frame(neighbourhood.boundary)
    dots = []
    if outline is not None and frame is not None:
        # This page's reports with a place, numbered as in the list, as dots on the outline.
        for number, report in enumerate(page.object_list, start=page.start_index()):
            if report.latitude is None or report.longitude is None:
                continue
            report.map_number = number
            x, y = frame.to_pixels(
                longitude=float(report.longitude), latitude=float(report.latitude)
            )
            dots.append({"number": number, "x": x, "y": y})
    mine = tenant_verified_neighbourhood(person=request.user)
    return render(
        request,
        "voice/reports/list.html",
        {
            "neighbourhood": neighbourhood,
            "page": page,
            "can_report": mine is not None and mine.pk == neighbourhood.pk,
            "outline": outline if dots else None,
            "dots": dots,
        },
    )


def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One report: what, where, its status and its history, for everyone."""
    report = selectors.report_detail(report_id=pk)
    if report is None:
        raise Http404
    photos = list(report.photos.all())
    photos_visible = selectors.report_photos_visible(user=request.user, report=report)
    return render(
        request,
        "voice/reports/detail.html",
        {
            "report": report,
            "updates": list(report.updates.all()),
            "photos": photos if photos_visible else [],
            "photos_hidden": len(photos) if photos and not photos_visible else 0,
            "can_affect": selectors.report_can_affect(person=request.user, report=report),
            "affected": selectors.report_affected_by(person=request.user, report=report),
            "can_update": selectors.report_can_update(user=request.user, report=report),
        },
    )


@require_POST
@login_required
def report_affects_me_too(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_object_or_404(Report, pk=pk)
    if not selectors.report_can_affect(person=request.user, report=report):
        raise PermissionDenied
    if services.report_affects_me_too(person=request.user, report=report):
        messages.success(
            request,
            _("Thank you. We will tell you when its status changes."),
        )
    else:
        messages.info(request, _("You already said this affects you."))
    return redirect(report.get_absolute_url())


@login_required
def report_photo(request: HttpRequest, photo_id: int) -> HttpResponseBase:
    """A report's photo, to those who may see it (else 404: as if there were none)."""
    photo = ReportPhoto.objects.select_related("report").filter(pk=photo_id).first()
    if photo is None or not selectors.report_photos_visible(user=request.user, report=photo.report):
        raise Http404
    extension = photo.photo.name.rsplit(".", 1)[-1].lower()
    return private_file_response(
        name=photo.photo.name, content_type=PHOTO_CONTENT_TYPES.get(extension, "image/jpeg")
    )


def officer_required(view):
    """Signed in (else the sign-in page), and a Housing Officer or superuser (else 403)."""

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        user = request.user
        if not (user.is_superuser or user_has_role(user, HOUSING_OFFICER)):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


@officer_required
def reports_manage(request: HttpRequest) -> HttpResponse:
    """The reports in this officer's neighbourhoods: open ones by default, longest waiting
    first."""
    status = request.GET.get("status", "")
    status = status if status in ReportStatus.values else ""
    reports = selectors.reports_for_officer(officer=request.user, status=status)
    page = Paginator(reports, REPORTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "voice/reports/manage.html",
        {"page": page, "status": status, "statuses": ReportStatus.choices},
    )


@officer_required
def report_status(request: HttpRequest, pk: int) -> HttpResponse:
    """Change one report's status (only in the officer's neighbourhoods, else 403)."""
    report = selectors.report_detail(report_id=pk)
    if report is None:
        raise Http404
    if not selectors.report_can_update(user=request.user, report=report):
        raise PermissionDenied
    form = ReportStatusForm(request.POST if request.method == "POST" else None, report=report)
    if request.method == "POST" and form.is_valid():
        try:
            services.report_status_change(
                report=report,
                by=request.user,
                status=form.cleaned_data["status"],
                planned_for=form.cleaned_data["planned_for"],
                reason=form.cleaned_data["wont_fix_reason"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            for field, problems in error.message_dict.items():
                for problem in problems:
                    form.add_error(field if field in form.fields else None, problem)
        else:
            messages.success(
                request, _("Status changed. The reporter and neighbours affected are told.")
            )
            return redirect("voice:reports_manage")
    return render(
        request,
        "voice/reports/status.html",
        {"report": report, "form": form, "updates": list(report.updates.all())},
    )
