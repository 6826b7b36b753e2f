"""Taking a next step. Thin: the service records it, the view goes where the step leads."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from practice.models import NextStep
from practice.selectors import StepResolver, steps_mark_done
from practice.services import next_step_take


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def step_take(request: HttpRequest, pk: int) -> HttpResponse:
    """POST: record the step as taken and go to its concrete target (the group, the new-post
    form, the event). GET (e.g. after signing in): show the step with its button."""
    step = get_object_or_404(NextStep.objects.select_related("course", "skill"), pk=pk)
    if request.method == "POST":
        resolved = next_step_take(step=step, learner=request.user)
        if resolved.note:
            # e.g. "Join the group first": shown on the page the step leads to.
            messages.info(request, resolved.note)
        return redirect(resolved.target.url)
    resolver = StepResolver(request.user)
    practice = resolver.practice([step])
    steps_mark_done(learner=request.user, steps=practice.steps)
    return render(request, "practice/step.html", {"practice": practice, "item": practice.steps[0]})
