"""Estate checks on the site: a verified tenant answers the checks open for their
neighbourhood, and changes their answers until a check closes.

Someone not verified is told how to become so (403); a check of another neighbourhood is a 404,
so the page never says which checks other neighbourhoods have.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from community.views import PHOTO_CONTENT_TYPES, photo_upload_limited
from training.core.private_files import private_file_response
from training.places.boundary import boundary_outline
from training.places.models import Neighbourhood
from voice import selectors, services
from voice.estate_checks_forms import (
    EstateCheckAnswerForm,
    comment_field_name,
    score_field_name,
)
from voice.geo import outline_frame, point_in_boundary
from voice.place_fields import PLACE_OUTSIDE, tapped_place


def _not_verified(request: HttpRequest) -> HttpResponse:
    return render(request, "voice/estate_checks/not_verified.html", status=403)


@login_required
def estate_checks(request: HttpRequest) -> HttpResponse:
    """ "Rate your estate": the checks open now for the tenant's neighbourhood."""
    neighbourhood = selectors.tenant_verified_neighbourhood(person=request.user)
    if neighbourhood is None:
        return _not_verified(request)
    checks = selectors.estate_checks_open_for(
        neighbourhood=neighbourhood, today=timezone.localdate()
    )
    answered = selectors.estate_check_responses_of(
        person=request.user, check_ids=[check.pk for check in checks]
    )
    return render(
        request,
        "voice/estate_checks/list.html",
        {"neighbourhood": neighbourhood, "checks": checks, "answered": answered},
    )


def _form_for(request: HttpRequest, seen: selectors.EstateCheckForTenant, *, data=None, **kw):
    return EstateCheckAnswerForm(
        data,
        request.FILES if data is not None else None,
        questions=seen.questions,
        boundary=seen.neighbourhood.boundary,
        photos=seen.photos,
        photo_too_big=getattr(request, "photo_too_big", False),
        **kw,
    )


def _initial(seen: selectors.EstateCheckForTenant) -> dict:
    initial: dict = {}
    for question in seen.questions:
        answer = seen.answers.get(question.pk)
        if answer is not None:
            initial[score_field_name(question)] = answer.score
            initial[comment_field_name(question)] = answer.comment
    if seen.response is not None and seen.response.has_place:
        initial["latitude"] = seen.response.latitude
        initial["longitude"] = seen.response.longitude
    return initial


def _is_tap(request: HttpRequest) -> bool:
    """A tap on the outline. Enter in a text box also "presses" the first submit button, the
    picture, at (0, 0): that is a save, not a tap."""
    x, y = request.POST.get("place.x"), request.POST.get("place.y")
    return x is not None and (x, y) != ("0", "0")


def _tap_form(request: HttpRequest, seen: selectors.EstateCheckForTenant, frame):
    """Without JavaScript, a tap on the outline sends the whole form: keep what was typed,
    put the place in, and save nothing yet."""
    place = tapped_place(request.POST, frame=frame)
    initial = {
        key: request.POST.get(key, "")
        for key in request.POST
        if key.startswith(("q", "c", "photo_description"))
    }
    initial["photos_removed"] = request.POST.getlist("photos_removed")
    form = _form_for(request, seen, initial=initial)
    if place is None or not point_in_boundary(
        geometry=seen.neighbourhood.boundary, latitude=place[0], longitude=place[1]
    ):
        form.initial.update(latitude="", longitude="")
        form.tap_error = PLACE_OUTSIDE
        return form
    form.initial.update(latitude=place[0], longitude=place[1])
    form.tap_message = _(
        "Place chosen. Check your answers, then press “Save my answers” to keep it."
    )
    return form


@photo_upload_limited
@login_required
def estate_check(request: HttpRequest, pk: int) -> HttpResponse:
    """Answer one check, or change the answers while it is open; see them once it closes."""
    seen = selectors.estate_check_for_tenant(person=request.user, check_id=pk)
    if seen is None:
        if selectors.tenant_verified_neighbourhood(person=request.user) is None:
            return _not_verified(request)
        raise Http404
    today = timezone.localdate()
    is_open = seen.check.is_open(today=today)
    frame = outline_frame(seen.neighbourhood.boundary)
    status = 200
    if request.method == "POST" and not is_open:
        messages.error(request, _("This check is not open, so your answers were not changed."))
        status = 403
        form = _form_for(request, seen, initial=_initial(seen))
    elif request.method == "POST" and _is_tap(request):
        form = _tap_form(request, seen, frame)
    elif request.method == "POST":
        form = _form_for(request, seen, data=request.POST)
        if form.is_valid():
            try:
                services.estate_check_answer(
                    check=seen.check,
                    person=request.user,
                    scores=form.scores(),
                    place=form.cleaned_data["place"],
                    photo=services.EstateCheckPhotoAdd(
                        photo=form.cleaned_data["photo"],
                        description=form.cleaned_data["photo_description"],
                    )
                    if form.cleaned_data.get("photo")
                    else None,
                    photos_removed=form.cleaned_data["photos_removed"],
                )
            except services.PlaceOutsideBoundary:
                form.add_error("latitude", PLACE_OUTSIDE)
            else:
                messages.success(
                    request,
                    _("Thank you. Your answers are saved. You can change them until %(date)s.")
                    % {"date": seen.check.closes_on.strftime("%-d %B %Y")},
                )
                return redirect("voice:estate_check", pk=seen.check.pk)
    else:
        form = _form_for(request, seen, initial=_initial(seen))
    return render(
        request,
        "voice/estate_checks/answer.html",
        {
            "seen": seen,
            "check": seen.check,
            "form": form,
            "is_open": is_open,
            "not_yet": today < seen.check.opens_on,
            "outline": boundary_outline(seen.neighbourhood.boundary),
            "frame": frame,
        },
        status=status,
    )


@login_required
def estate_check_photo(request: HttpRequest, pk: int) -> HttpResponseBase:
    """A photo added to an estate check: to its author, and to those who run the checks."""
    photo = selectors.estate_check_photo_for(person=request.user, photo_id=pk)
    if photo is None:
        raise Http404
    extension = photo.photo.name.rsplit(".", 1)[-1].lower()
    return private_file_response(
        name=photo.photo.name, content_type=PHOTO_CONTENT_TYPES.get(extension, "image/jpeg")
    )


def _results_neighbourhoods(request: HttpRequest) -> QuerySet[Neighbourhood]:
    """The neighbourhoods whose results this member of staff sees; 403 for anyone else."""
    neighbourhoods = selectors.estate_results_neighbourhoods(person=request.user)
    if neighbourhoods is None:
        raise PermissionDenied
    return neighbourhoods


@login_required
def estate_check_results_list(request: HttpRequest) -> HttpResponse:
    """For Housing Officers (their neighbourhoods) and those who run the checks (every one):
    each check that has opened, with how many tenants have answered so far."""
    neighbourhoods = _results_neighbourhoods(request)
    rows = selectors.estate_check_rows_for_staff(
        neighbourhoods=neighbourhoods, today=timezone.localdate()
    )
    return render(request, "voice/estate_checks/results_list.html", {"rows": rows})


@login_required
def estate_check_results(request: HttpRequest, pk: int, slug: str) -> HttpResponse:
    """One check's results in one neighbourhood, so far if it is still open: refused (403) to
    officers of other neighbourhoods; averages only from 5 answers, as on the public page."""
    neighbourhoods = _results_neighbourhoods(request)
    neighbourhood = get_object_or_404(Neighbourhood, slug=slug)
    if not neighbourhoods.filter(pk=neighbourhood.pk).exists():
        raise PermissionDenied
    today = timezone.localdate()
    results = selectors.estate_check_results_for_staff(
        check_id=pk, neighbourhood=neighbourhood, today=today
    )
    if results is None:
        raise Http404
    return render(
        request,
        "voice/estate_checks/results.html",
        {
            "results": results,
            "is_open": results.check.is_open(today=today),
            "minimum": selectors.RESULTS_MIN_ANSWERS,
        },
    )


def _coordinate(value: str) -> float | None:
    try:
        number = float(value)
    except ValueError:
        return None
    return number if -180 <= number <= 180 else None


@require_GET
@cache_control(max_age=300)
def neighbourhood_outline(request: HttpRequest, slug: str) -> HttpResponse:
    """The neighbourhood's outline as an SVG picture (already public on its page), with a dot
    at ``?lat=&lng=`` if that place is inside: the place picker's picture without JavaScript."""
    neighbourhood = get_object_or_404(Neighbourhood, slug=slug)
    outline = boundary_outline(neighbourhood.boundary)
    frame = outline_frame(neighbourhood.boundary)
    if outline is None or frame is None:
        raise Http404
    dot = None
    latitude = _coordinate(request.GET.get("lat", ""))
    longitude = _coordinate(request.GET.get("lng", ""))
    if (
        latitude is not None
        and longitude is not None
        and point_in_boundary(
            geometry=neighbourhood.boundary, latitude=latitude, longitude=longitude
        )
    ):
        dot = frame.to_pixels(longitude=longitude, latitude=latitude)
    response = render(
        request,
        "voice/components/outline.svg",
        {"outline": outline, "dot": dot, "neighbourhood": neighbourhood},
        content_type="image/svg+xml",
    )
    response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
    return response
