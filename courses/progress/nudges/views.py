"""Reminder emails: turn them off from the link in an email (no sign-in), or on and off again."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from courses.progress.nudges.reminders import (
    nudge_after_days,
    nudge_opt_out_learner,
    nudges_opted_out,
    nudges_restart,
    nudges_stop,
)


@login_required
@require_http_methods(["GET", "POST"])
def nudges_settings(request: HttpRequest) -> HttpResponse:
    """Reminder emails on or off, for the signed-in learner."""
    if request.method == "POST":
        if request.POST.get("reminders") == "on":
            nudges_restart(learner=request.user)
            messages.success(request, _("Reminder emails are on."))
        else:
            nudges_stop(learner=request.user)
            messages.success(request, _("Reminder emails are off. We will not send any more."))
        return redirect("courses:nudges_settings")
    return render(
        request,
        "courses/progress/nudges_settings.html",
        {"opted_out": nudges_opted_out(learner=request.user), "days": nudge_after_days()},
    )


# The signed token in the address is what proves the request comes from the email, so a CSRF
# cookie adds nothing; exempting it keeps the link working in mail apps that block cookies.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def nudges_opt_out(request: HttpRequest, token: str) -> HttpResponse:
    """The link in each reminder email. GET asks (mail scanners open links); POST turns them off."""
    learner = nudge_opt_out_learner(token=token)
    if learner is None:
        return render(
            request,
            "core/email_link_invalid.html",
            {"what_to_stop": _("reminder emails"), "where_to_change": _("Reminder emails")},
            status=400,
        )
    stopped = request.method == "POST"
    if stopped:
        nudges_stop(learner=learner)
    return render(
        request,
        "courses/progress/nudges_opt_out.html",
        {"stopped": stopped, "already": not stopped and nudges_opted_out(learner=learner)},
    )
