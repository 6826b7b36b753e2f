"""Event pages: the list of coming events, one event, booking, cancelling, the calendar file.

Thin: each view reads the request, calls a selector or a service, and answers. Booking and
cancelling are POST forms that come back to the event page (Post/Redirect/Get), so everything
works without JavaScript. Nobody can act on someone else's booking: the views only ever use
the signed-in person's own.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from events.forms import NeighbourhoodFilterForm
from events.ical import event_ical
from events.models import Booking, Event
from events.selectors import booking_state, event_for_page, events_upcoming
from events.services import BookingRefused, event_book, event_cancel

PER_PAGE = 10


@require_GET
def event_list(request: HttpRequest) -> HttpResponse:
    form = NeighbourhoodFilterForm(request.GET or None)
    neighbourhood = form.cleaned_data["neighbourhood"] if form.is_valid() else None
    page = Paginator(events_upcoming(neighbourhood=neighbourhood), PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "events/event_list.html",
        {"form": form, "neighbourhood": neighbourhood, "page": page},
    )


def _event_or_404(request: HttpRequest, pk: int) -> Event:
    event = event_for_page(pk=pk, user=request.user)
    if event is None:
        raise Http404
    return event


@require_GET
def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    event = _event_or_404(request, pk)
    return render(
        request,
        "events/event_detail.html",
        {"event": event, "state": booking_state(event=event, user=request.user)},
    )


def _booking_view(request: HttpRequest, pk: int, *, cancel: bool) -> HttpResponse:
    event = _event_or_404(request, pk)
    if not request.user.is_authenticated:
        # After signing in they come back to the event page and press the button again.
        return redirect_to_login(event.get_absolute_url())
    try:
        if cancel:
            result = event_cancel(event=event, user=request.user)
        else:
            result = event_book(event=event, user=request.user)
    except BookingRefused as refusal:
        messages.error(request, str(refusal))
        return redirect(event)
    messages.success(request, _result_message(result, cancel=cancel))
    return redirect(event)


def _result_message(result, *, cancel: bool) -> str:
    if cancel:
        if result is None or not result.changed:
            return _("You had not booked a place on this event.")
        return _("You have cancelled. Thank you for letting us know.")
    status = result.booking.status
    if status == Booking.Status.CONFIRMED:
        if result.changed:
            return _("You have a place. We will send you a reminder the day before.")
        return _("You already have a place on this event.")
    if result.changed:
        return _(
            "This event is full, so you are on the waiting list. If a place comes free, it is "
            "yours and we will tell you."
        )
    return _("You are already on the waiting list.")


@require_POST
def event_rsvp(request: HttpRequest, pk: int) -> HttpResponse:
    return _booking_view(request, pk, cancel=False)


@require_POST
def event_rsvp_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    return _booking_view(request, pk, cancel=True)


@require_GET
def event_calendar(request: HttpRequest, pk: int) -> HttpResponse:
    """“Add to calendar”: the event as an .ics file."""
    event = _event_or_404(request, pk)
    # The public address when it is set (behind a proxy the request's may differ), else ours.
    site = settings.SITE_URL.rstrip("/") or request.build_absolute_uri("/").rstrip("/")
    url = site + event.get_absolute_url()
    host = urlsplit(site).hostname
    response = HttpResponse(
        event_ical(event=event, url=url, host=host or "localhost"),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="event-{event.pk}.ics"'
    return response
