"""Champions pages. Thin: the rules are in services.py, the reads in selectors.py."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from champions import selectors, services
from champions.forms import ApplyForm, ConsentForm, DecideForm, EndForm, StepDownForm
from champions.models import ApplicationStatus, ChampionApplication, ChampionRole
from champions.track import HELPING_TRACK
from training.users.roles import DIGITAL_CHAMPION, user_has_role


def manager_required(view):
    """Signed in (else the sign-in page), and a Manager (else 403)."""

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not services.decide_allowed(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def champion_required(view):
    """Signed in, and a Digital Champion now (with a role from this pathway), else 403."""

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        role = selectors.role_current(person=request.user)
        if role is None:
            raise PermissionDenied
        return view(request, role, *args, **kwargs)

    return wrapper


def _errors_to_form(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """The pathway: the track's courses and where the learner is, then applying."""
    return render(
        request,
        "champions/home.html",
        {
            "track": HELPING_TRACK,
            "progress": selectors.track_progress(learner=request.user),
            "finished": selectors.track_finished(learner=request.user),
            "application": selectors.application_latest(applicant=request.user),
            "role": selectors.role_current(person=request.user),
            # A champion a Manager assigned directly (not through this pathway).
            "champion_already": user_has_role(request.user, DIGITAL_CHAMPION),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def apply(request: HttpRequest) -> HttpResponse:
    if not selectors.track_finished(learner=request.user):
        messages.info(request, _("Finish every course of the track first, then you can apply."))
        return redirect("champions:home")
    if (
        selectors.application_open(applicant=request.user)
        or selectors.role_current(person=request.user)
        or user_has_role(request.user, DIGITAL_CHAMPION)
    ):
        return redirect("champions:home")
    form = ApplyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.application_make(
                applicant=request.user,
                centre=form.cleaned_data["centre"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            _errors_to_form(form, error)
        else:
            messages.success(
                request,
                _(
                    "Thank you. A Manager will read your application, and we will tell you "
                    "the answer."
                ),
            )
            return redirect("champions:home")
    return render(request, "champions/apply.html", {"form": form})


@champion_required
def welcome(request: HttpRequest, role: ChampionRole) -> HttpResponse:
    return render(request, "champions/welcome.html", {"role": role})


@champion_required
@require_http_methods(["GET", "POST"])
def help_page(request: HttpRequest, role: ChampionRole) -> HttpResponse:
    """The help you have given, and whether Managers may see your name beside it."""
    form = ConsentForm(request.POST or None, initial={"named": role.named_on_dashboard})
    if request.method == "POST" and form.is_valid():
        services.champion_consent_set(champion=request.user, named=form.cleaned_data["named"])
        messages.success(request, _("Saved your choice."))
        return redirect("champions:help")
    services.helper_badge_issue(person=request.user)
    return render(
        request,
        "champions/help.html",
        {
            "role": role,
            "help": selectors.help_given(champion=request.user),
            "badge": selectors.helper_badge(person=request.user),
            "badge_learners": selectors.HELPER_BADGE_LEARNERS,
            "form": form,
        },
    )


@champion_required
@require_http_methods(["GET", "POST"])
def step_down(request: HttpRequest, role: ChampionRole) -> HttpResponse:
    form = StepDownForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.champion_step_down(champion=request.user, reason=form.cleaned_data["reason"])
        messages.success(request, _("You have stepped down. Thank you for all your help."))
        return redirect("champions:home")
    return render(request, "champions/step_down.html", {"role": role, "form": form})


@manager_required
def staff(request: HttpRequest) -> HttpResponse:
    """Managers: applications waiting for a decision, and the champions now."""
    roles = list(selectors.roles_current())
    counts = selectors.help_given_many(helper_ids=[role.person_id for role in roles])
    return render(
        request,
        "champions/staff.html",
        {
            "applications": selectors.applications_waiting(),
            "roles": [(role, counts.get(role.person_id, selectors.HelpGiven())) for role in roles],
        },
    )


@manager_required
@require_http_methods(["GET", "POST"])
def staff_decide(request: HttpRequest, application_id: int) -> HttpResponse:
    application = get_object_or_404(
        ChampionApplication.objects.select_related("applicant", "centre"), pk=application_id
    )
    if application.status != ApplicationStatus.PENDING:
        messages.info(request, _("This application has already been decided."))
        return redirect("champions:staff")
    form = DecideForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        approve = form.cleaned_data["decision"] == "approve"
        try:
            services.application_decide(
                application=application,
                by=request.user,
                approve=approve,
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            _errors_to_form(form, error)
        else:
            messages.success(
                request,
                (
                    _("Approved: %(name)s is now a Digital Champion at %(centre)s.")
                    if approve
                    else _("Declined. We have told %(name)s why.")
                )
                % {"name": application.applicant.name, "centre": application.centre.name},
            )
            return redirect("champions:staff")
    return render(request, "champions/decide.html", {"application": application, "form": form})


@manager_required
@require_http_methods(["GET", "POST"])
def staff_end(request: HttpRequest, role_id: int) -> HttpResponse:
    role = get_object_or_404(
        ChampionRole.objects.select_related("person", "centre"), pk=role_id, ended_at__isnull=True
    )
    form = EndForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.champion_end(role=role, by=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            _errors_to_form(form, error)
        else:
            messages.success(
                request,
                _("%(name)s is no longer a Digital Champion. We have told them why.")
                % {"name": role.person.name},
            )
            return redirect("champions:staff")
    return render(request, "champions/end.html", {"role": role, "form": form})
