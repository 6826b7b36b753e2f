"""The reporting side: a step-by-step form for anyone, the reference page, and "My reports".

Every view is :func:`~safeguarding.reporting_http.confidential` (no-store, noindex, no POST
data in error reports). The answers between steps wait in the session encrypted with the
reports' key, never in plain text; the reference and phrase never appear in an address.
"""

import hashlib
import json
from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from allauth.account.adapter import get_adapter

from community.views import photo_upload_limited
from safeguarding import crypto
from safeguarding.models.reports import ConfidentialReport, ContactPreference
from safeguarding.references import reference_normalise
from safeguarding.reporting_forms import (
    AddInformationForm,
    CheckForm,
    ContactForm,
    DetailsForm,
    EvidenceForm,
    PlaceStepForm,
    UrgentForm,
    WhatForm,
    WhenWhereForm,
)
from safeguarding.reporting_http import confidential
from safeguarding.reporting_selectors import report_for_reporter
from safeguarding.reporting_services import (
    EvidenceUpload,
    ReportAnswers,
    report_add_information,
    report_make,
    report_unlock,
)
from training.core.rate_limits import rate_limit_consume
from training.places.models import Neighbourhood
from voice.geo import outline_frame, point_in_boundary
from voice.place_fields import PLACE_OUTSIDE, tapped_place

DRAFT_KEY = "safeguarding_draft"
SENT_KEY = "safeguarding_sent"
UNLOCKED_KEY = "safeguarding_unlocked"

# (slug, form class, page title): the order of the steps.
STEPS = [
    ("danger", UrgentForm),
    ("what", WhatForm),
    ("when-where", WhenWhereForm),
    ("place", PlaceStepForm),  # only when the neighbourhood chosen has an outline
    ("details", DetailsForm),
    ("contact", ContactForm),
]
STEP_TITLES = {
    "danger": _("Is anyone in danger?"),
    "what": _("What happened"),
    "when-where": _("When and where"),
    "place": _("Where on the map"),
    "details": _("Tell us what happened"),
    "contact": _("Contacting you"),
}
STEP_SLUGS = [slug for slug, _form in STEPS]
NOT_FOUND = _(
    "We could not open a report with that reference and secret phrase. Check both and try "
    "again. If you have lost them, make a new report and say so."
)


# --- The draft, kept encrypted in the session ---------------------------------------------


def _draft(request: HttpRequest) -> dict:
    token = request.session.get(DRAFT_KEY)
    if not token:
        return {}
    try:
        return json.loads(crypto.decrypt(token))
    except (crypto.DecryptionError, ValueError):
        return {}


def _draft_save(request: HttpRequest, draft: dict) -> None:
    request.session[DRAFT_KEY] = crypto.encrypt(json.dumps(draft))


def _form_data(form) -> dict:
    """The answers as submitted (the strings), to bind the form again later."""
    data = {}
    for name, field in form.fields.items():
        if hasattr(field, "choices") and getattr(field.widget, "allow_multiple_selected", False):
            data[name] = form.data.getlist(name)
        else:
            data[name] = form.data.get(name, "")
    return data


def _neighbourhood(draft: dict) -> Neighbourhood | None:
    """The neighbourhood chosen at "when and where", if any."""
    chosen = str(draft.get("when-where", {}).get("neighbourhood") or "")
    return Neighbourhood.objects.filter(pk=chosen).first() if chosen.isdigit() else None


def _steps(draft: dict, neighbourhood: Neighbourhood | None) -> list[str]:
    """The steps for these answers: the map only for a neighbourhood with an outline."""
    has_outline = neighbourhood is not None and bool(neighbourhood.boundary)
    return [slug for slug in STEP_SLUGS if slug != "place" or has_outline]


def _step_form(slug: str, request: HttpRequest, data=None, *, draft: dict, **kwargs):
    form_class = dict(STEPS)[slug]
    if form_class is ContactForm:
        kwargs["signed_in"] = request.user.is_authenticated
    if form_class is PlaceStepForm:
        neighbourhood = _neighbourhood(draft)
        kwargs["boundary"] = neighbourhood.boundary if neighbourhood else None
    return form_class(data, **kwargs)


def _bound_steps(request: HttpRequest, draft: dict) -> dict:
    """Each answered step's form, bound to its answers; missing steps are absent."""
    forms = {}
    for slug in _steps(draft, _neighbourhood(draft)):
        if slug in draft:
            forms[slug] = _step_form(slug, request, _MultiDict(draft[slug]), draft=draft)
    return forms


class _MultiDict(dict):
    """A dict that answers ``getlist`` the way a form's data must."""

    def getlist(self, key, default=None):
        value = self.get(key, default if default is not None else [])
        return value if isinstance(value, list) else [value]


def _first_unanswered(request: HttpRequest, draft: dict) -> str | None:
    forms = _bound_steps(request, draft)
    for slug in _steps(draft, _neighbourhood(draft)):
        if slug not in forms or not forms[slug].is_valid():
            return slug
    return None


def _is_urgent(draft: dict) -> bool:
    answers = draft.get("danger", {})
    return answers.get("threat_to_life") == "yes" or answers.get("happening_now") == "yes"


def _context(request: HttpRequest, draft: dict, **extra) -> dict:
    return {"urgent": _is_urgent(draft), **extra}


# --- The steps ----------------------------------------------------------------------------


@confidential
def report_start(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "safeguarding/report/start.html",
        _context(request, _draft(request), first_step=STEP_SLUGS[0]),
    )


@confidential
def report_step(request: HttpRequest, step: str) -> HttpResponse:
    draft = _draft(request)
    neighbourhood = _neighbourhood(draft)
    slugs = _steps(draft, neighbourhood)
    if step not in slugs:
        if step in STEP_SLUGS:  # the map, for a neighbourhood without an outline
            return redirect(_after(request, draft, step=slugs[0], then=True))
        raise Http404
    index = slugs.index(step)
    missing = _first_unanswered(request, draft)
    if missing is not None and slugs.index(missing) < index:
        return redirect("safeguarding:report_step", step=missing)
    then = request.GET.get("then") == "review" or request.POST.get("then") == "review"
    frame = outline_frame(neighbourhood.boundary) if step == "place" and neighbourhood else None
    if request.method == "POST" and step == "place" and _is_tap(request):
        form = _tapped_place_form(request, draft, neighbourhood, frame)
    elif request.method == "POST":
        form = _step_form(step, request, request.POST, draft=draft)
        if form.is_valid():
            draft[step] = _form_data(form)
            _draft_save(request, draft)
            return redirect(_after(request, draft, step=step, then=then))
    elif step in draft:
        form = _step_form(step, request, initial=draft[step], draft=draft)
    else:
        form = _step_form(step, request, draft=draft)
    return render(
        request,
        "safeguarding/report/step.html",
        _context(
            request,
            draft,
            form=form,
            step=step,
            step_number=index + 1,
            step_count=len(slugs) + 1,
            step_title=STEP_TITLES[step],
            previous=slugs[index - 1] if index else None,
            then=then,
            neighbourhood=neighbourhood,
            frame=frame,
        ),
    )


def _after(request: HttpRequest, draft: dict, *, step: str, then: bool) -> str:
    """Where a step sends you: the next step; back to "check your answers" when you came
    from there (or when every step is answered)."""
    following = _first_unanswered(request, draft)
    if following is None:
        return reverse("safeguarding:report_review")
    slugs = _steps(draft, _neighbourhood(draft))
    index = slugs.index(step)
    if not then or slugs.index(following) <= index:
        following = slugs[index + 1] if index + 1 < len(slugs) else following
    return reverse("safeguarding:report_step", kwargs={"step": following})


def _is_tap(request: HttpRequest) -> bool:
    """A tap on the outline without JavaScript (the picker's image button); Enter in a box
    "presses" it at (0, 0), which is a send."""
    x, y = request.POST.get("place.x"), request.POST.get("place.y")
    return x is not None and (x, y) != ("0", "0")


def _tapped_place_form(request, draft, neighbourhood, frame) -> PlaceStepForm:
    """The place under the tap, shown on the outline; nothing is kept until Continue."""
    form = _step_form("place", request, draft=draft)
    place = tapped_place(request.POST, frame=frame)
    if place is None or not point_in_boundary(
        geometry=neighbourhood.boundary, latitude=float(place[0]), longitude=float(place[1])
    ):
        form.tap_error = PLACE_OUTSIDE
    else:
        form.initial.update(latitude=place[0], longitude=place[1])
        form.tap_message = _("A place is chosen: the red dot. Tap again to move it.")
    return form


def _answers(request: HttpRequest, draft: dict) -> tuple[ReportAnswers, bool]:
    forms = _bound_steps(request, draft)
    cleaned: dict = {}
    for form in forms.values():
        form.is_valid()
        cleaned.update(form.cleaned_data)
    neighbourhood = cleaned.get("neighbourhood")
    answers = ReportAnswers(
        strands=list(cleaned["strands"]),
        affected=cleaned["affected"],
        happening_now=cleaned["happening_now"],
        threat_to_life=cleaned["threat_to_life"],
        happened_on=cleaned.get("happened_on"),
        ongoing=cleaned.get("ongoing", False),
        neighbourhood_id=neighbourhood.pk if neighbourhood else None,
        where=cleaned.get("where", ""),
        description=cleaned["description"],
        contact_preference=cleaned["contact_preference"],
        contact_name=cleaned.get("contact_name", ""),
        contact_email=cleaned.get("contact_email", ""),
        contact_phone=cleaned.get("contact_phone", ""),
        place=cleaned.get("place"),
    )
    return answers, bool(cleaned.get("keep_with_account"))


def _summary(request: HttpRequest, draft: dict) -> list[tuple[str, str, str]]:
    """(question, answer, step) rows for the "check your answers" page."""
    forms = _bound_steps(request, draft)
    rows = []
    for slug, form in forms.items():
        form.is_valid()
        if slug == "place":
            marked = form.cleaned_data.get("place")
            rows.append(
                (
                    str(STEP_TITLES["place"]),
                    _("A place is marked") if marked else _("Not given"),
                    slug,
                )
            )
            continue
        for name, field in form.fields.items():
            value = form.cleaned_data.get(name)
            if name in ("contact_name", "contact_email", "contact_phone") and not value:
                continue
            rows.append((str(field.label), _display(field, value), slug))
    return rows


def _display(field, value) -> str:
    if value in (None, "", []):
        return _("Not given")
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, date):
        return value.strftime("%-d %B %Y")
    choices = dict(getattr(field, "choices", []) or [])
    if isinstance(value, list):
        return ", ".join(str(choices.get(item, item)) for item in value)
    return str(choices.get(value, value))


@confidential
@photo_upload_limited
def report_review(request: HttpRequest) -> HttpResponse:
    """Check your answers, add a photo if you wish, and send."""
    draft = _draft(request)
    missing = _first_unanswered(request, draft)
    if missing is not None:
        return redirect("safeguarding:report_step", step=missing)
    form = EvidenceForm()
    if request.method == "POST":
        form = EvidenceForm(
            request.POST, request.FILES, photo_too_big=getattr(request, "photo_too_big", False)
        )
        if form.is_valid():
            if not rate_limit_consume(action="safeguarding_report", key=_client_key(request)):
                form.add_error(
                    None, _("Too many reports have been sent from here. Try again in an hour.")
                )
            else:
                return _send(request, draft, form)
    return render(
        request,
        "safeguarding/report/review.html",
        _context(
            request,
            draft,
            form=form,
            rows=_summary(request, draft),
            step_number=len(_steps(draft, _neighbourhood(draft))) + 1,
            step_count=len(_steps(draft, _neighbourhood(draft))) + 1,
        ),
    )


def _send(request: HttpRequest, draft: dict, form: EvidenceForm) -> HttpResponse:
    answers, keep = _answers(request, draft)
    photo = form.cleaned_data.get("photo")
    evidence = [EvidenceUpload(photo, form.cleaned_data["photo_description"])] if photo else []
    made = report_make(
        answers=answers,
        reporter=request.user if keep and request.user.is_authenticated else None,
        evidence=evidence,
    )
    request.session.pop(DRAFT_KEY, None)
    request.session[SENT_KEY] = crypto.encrypt(
        json.dumps(
            {
                "reference": made.report.reference_display,
                "phrase": made.phrase,
                "urgent": made.report.urgent,
                "linked": made.report.reporter_id is not None,
            }
        )
    )
    return redirect("safeguarding:report_sent")


@confidential
def report_sent(request: HttpRequest) -> HttpResponse:
    """The reference and phrase, shown once: they leave the session as the page is drawn."""
    token = request.session.pop(SENT_KEY, None)
    if not token:
        return redirect("safeguarding:report_check")
    sent = json.loads(crypto.decrypt(token))
    return render(request, "safeguarding/report/sent.html", {"sent": sent})


# --- Coming back: the reference page and "My reports" -------------------------------------


def _client_key(request: HttpRequest) -> str:
    """The visitor's address (behind TRUSTED_PROXY_COUNT proxies, as allauth's own rate limits
    read it), hashed: a rate-limit key that keeps no address in the cache."""
    try:
        address = get_adapter(request).get_client_ip(request)
    except PermissionDenied:
        address = request.META.get("REMOTE_ADDR", "")
    return hashlib.sha256(address.encode()).hexdigest()[:32]


@confidential
def report_check(request: HttpRequest) -> HttpResponse:
    """With the reference and phrase, open the report. Every failure, the rate limit too, gets
    the same answer."""
    form = CheckForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        reference = form.cleaned_data["reference"]
        within = rate_limit_consume(action="safeguarding_check", key=_client_key(request))
        within = (
            rate_limit_consume(
                action="safeguarding_check_reference",
                key=hashlib.sha256(reference_normalise(reference).encode()).hexdigest()[:32],
            )
            and within
        )
        report = (
            report_unlock(reference=reference, phrase=form.cleaned_data["phrase"])
            if within
            else None
        )
        if report is not None:
            request.session.cycle_key()
            request.session[UNLOCKED_KEY] = report.pk
            return redirect("safeguarding:report_status")
        form.add_error(None, NOT_FOUND)
    return render(request, "safeguarding/report/check.html", {"form": form})


def _status_page(request: HttpRequest, report: ConfidentialReport, *, mine: bool) -> HttpResponse:
    form = AddInformationForm()
    if request.method == "POST":
        form = AddInformationForm(
            request.POST, request.FILES, photo_too_big=getattr(request, "photo_too_big", False)
        )
        if form.is_valid():
            photo = form.cleaned_data.get("photo")
            report_add_information(
                report=report,
                text=form.cleaned_data["text"],
                evidence=[EvidenceUpload(photo, form.cleaned_data["photo_description"])]
                if photo
                else [],
            )
            messages.success(request, _("Thank you. We have added this to your report."))
            return redirect(request.path)
    replies = list(report.replies.all()) if hasattr(report, "replies") else []
    return render(
        request,
        "safeguarding/report/status.html",
        {
            "report": report,
            "replies": replies,
            "additions": list(report.additions.all()),
            "form": form,
            "mine": mine,
            "contact_none": report.contact_preference == ContactPreference.NONE,
        },
    )


@confidential
@photo_upload_limited
def report_status(request: HttpRequest) -> HttpResponse:
    pk = request.session.get(UNLOCKED_KEY)
    report = ConfidentialReport.objects.filter(pk=pk).first() if pk else None
    if report is None:
        return redirect("safeguarding:report_check")
    return _status_page(request, report, mine=False)


@confidential
@require_POST
def report_close(request: HttpRequest) -> HttpResponse:
    """Close the report on this device (a shared computer): the reference page again."""
    request.session.pop(UNLOCKED_KEY, None)
    messages.info(request, _("Your report is closed on this device."))
    return redirect(reverse("safeguarding:report_check"))


@confidential
@login_required
def my_reports(request: HttpRequest) -> HttpResponse:
    reports = ConfidentialReport.objects.filter(reporter=request.user.pk)
    return render(request, "safeguarding/report/mine.html", {"reports": reports})


@confidential
@photo_upload_limited
@login_required
def my_report(request: HttpRequest, pk: int) -> HttpResponse:
    report = report_for_reporter(reporter=request.user, pk=pk)
    if report is None:
        raise Http404
    return _status_page(request, report, mine=True)
