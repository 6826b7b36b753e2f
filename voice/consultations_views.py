"""Consultations on the site: the page (the form in steps while open, the results once closed),
the CSV of the results, the paper-entry page for Digital Champions and Housing Officers, and the
moderators' queue of free-text answers.

The page is public (anyone may read the question and, once it closes, the results); only those
who may take part see the form. Every page works without JavaScript and at 320 px.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from training.users.models import User
from voice import consultations_selectors as selectors
from voice.consultations_forms import ConsultationForm, steps_of
from voice.consultations_services import (
    ConsultationAlreadyAnswered,
    ConsultationClosed,
    consultation_answer,
    consultation_answer_moderate,
)
from voice.models import ConsultationAnswer, ConsultationPage, Eligibility
from voice.selectors import staff_check_scope, tenant_for_staff, tenants_for_staff

CLOSED_MESSAGE = _("This consultation has closed. Answers cannot be given or changed now.")


def _step_number(request: HttpRequest, steps: int) -> int:
    raw = request.POST.get("step") or request.GET.get("step") or "1"
    try:
        return min(max(int(raw), 1), steps)
    except ValueError:
        return 1


def _summary(questions, answers) -> list[tuple[str, str]]:
    rows = []
    for question in questions:
        answer = answers.get(question.pk)
        if answer is None or not (answer.choices or answer.text):
            continue
        rows.append((question.text, answer.text or ", ".join(answer.choices)))
    return rows


def consultation_serve(request: HttpRequest, page: ConsultationPage) -> HttpResponse:
    """The consultation page (``ConsultationPage.serve``)."""
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponse(status=405, headers={"Allow": "GET, HEAD, POST"})
    questions = selectors.consultation_questions(consultation=page)
    eligible = selectors.consultation_eligibility(consultation=page, person=request.user)
    response = (
        selectors.consultation_response_of(consultation=page, person=request.user)
        if eligible.allowed
        else None
    )
    answers = selectors.consultation_answers_of(response=response)
    context = {
        "page": page,
        "self": page,
        "questions": questions,
        "eligible": eligible,
        "response": response,
        "summary": _summary(questions, answers),
        "is_open": page.is_open(),
        "is_closed": page.is_closed(),
        "crumbs": [page.get_parent()],
        "may_enter_paper": not staff_check_scope(staff=request.user).is_empty,
        "may_moderate": selectors.consultation_may_moderate(person=request.user),
    }
    if page.is_closed():
        context["results"] = selectors.consultation_results(consultation=page)
        if any(question.code for question in questions):
            context["measures"] = selectors.tsm_measures(consultation=page)
        if request.method == "POST":
            messages.error(request, CLOSED_MESSAGE)
            return redirect(page.url)
        return render(request, "voice/consultations/consultation.html", context)
    steps = steps_of(questions)
    step = _step_number(request, len(steps))
    if request.method == "POST":
        if not eligible.allowed or not page.is_open():
            raise PermissionDenied
        return _answer_post(request, page, steps, step, answers, context)
    editing = (
        page.is_open()
        and eligible.allowed
        and ("step" in request.GET or response is None or response.submitted_at is None)
    )
    if editing:
        context.update(
            _form_context(steps, step, ConsultationForm(questions=steps[step - 1], answers=answers))
        )
    return render(request, "voice/consultations/consultation.html", context)


def _form_context(steps, step: int, form: ConsultationForm) -> dict:
    return {"form": form, "step": step, "steps": len(steps), "last_step": step == len(steps)}


def _answer_post(request, page, steps, step, answers, context) -> HttpResponse:
    action = request.POST.get("action", "next")
    require = action in ("next", "send")
    form = ConsultationForm(
        request.POST, questions=steps[step - 1], answers=answers, require=require
    )
    if form.is_valid():
        finish = action == "send" and step == len(steps)
        try:
            consultation_answer(
                consultation=page, person=request.user, answers=form.answers, finish=finish
            )
        except ConsultationClosed:
            messages.error(request, CLOSED_MESSAGE)
            return redirect(page.url)
        except ValueError:
            form.add_error(None, _("Some questions on earlier steps still need an answer."))
        else:
            if finish:
                messages.success(
                    request,
                    _("Thank you: your answers are sent. You can change them until %(date)s.")
                    % {"date": date_format(page.closes_on, "j F Y")},
                )
                return redirect(page.url)
            if action == "later":
                messages.success(
                    request,
                    _("Saved. Come back before %(date)s to finish: your answers are kept.")
                    % {"date": date_format(page.closes_on, "j F Y")},
                )
                return redirect(page.url + f"?step={step}")
            target = step - 1 if action == "back" else step + 1
            return redirect(page.url + f"?step={min(max(target, 1), len(steps))}")
    context.update(_form_context(steps, step, form))
    return render(request, "voice/consultations/consultation.html", context)


@require_GET
def consultation_results_csv(request: HttpRequest, pk: int) -> HttpResponse:
    """The published results as CSV (once closed; a 404 before)."""
    page = get_object_or_404(ConsultationPage.objects.live(), pk=pk)
    if not page.is_closed():
        raise Http404
    results = selectors.consultation_results(consultation=page)
    response = HttpResponse(
        selectors.consultation_results_csv(results=results), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="consultation-{page.slug}.csv"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def consultation_paper(request: HttpRequest, pk: int) -> HttpResponse:
    """A Digital Champion or Housing Officer enters a paper or phone answer for a tenant in
    their care: first find the person, then fill in the whole form for them."""
    scope = staff_check_scope(staff=request.user)
    if scope.is_empty:
        raise PermissionDenied
    page = get_object_or_404(ConsultationPage.objects.live(), pk=pk)
    query = request.GET.get("q", "")[:100]
    context: dict = {"page": page, "query": query, "is_open": page.is_open()}
    person: User | None = None
    person_id = request.POST.get("person") or request.GET.get("person")
    if person_id and person_id.isdigit():
        person = tenant_for_staff(scope=scope, person_id=int(person_id))
        if person is None:
            raise Http404
    if person is None:
        show = "" if page.eligibility == Eligibility.SIGNED_IN else "verified"
        context["people"] = tenants_for_staff(scope=scope, query=query, show=show)[:50]
        return render(request, "voice/consultations/paper.html", context)
    context["person"] = person
    eligible = selectors.consultation_eligibility(consultation=page, person=person)
    existing = selectors.consultation_response_of(consultation=page, person=person)
    context["eligible"] = eligible
    context["already"] = bool(existing and existing.submitted_at and not existing.assisted)
    questions = selectors.consultation_questions(consultation=page)
    answers = selectors.consultation_answers_of(response=existing)
    if request.method == "POST" and page.is_open() and eligible.allowed and not context["already"]:
        form = ConsultationForm(request.POST, questions=questions, answers=answers)
        if form.is_valid():
            try:
                consultation_answer(
                    consultation=page,
                    person=person,
                    answers=form.answers,
                    finish=True,
                    entered_by=request.user,
                )
            except ConsultationAlreadyAnswered:
                context["already"] = True
            except (ConsultationClosed, ValueError):
                form.add_error(None, _("These answers could not be saved. Check every question."))
            else:
                messages.success(
                    request,
                    _("Saved: the answers of %(name)s are counted, marked as entered by you.")
                    % {"name": person.display_name or person.username},
                )
                return redirect("voice:consultation_paper", pk=page.pk)
    else:
        form = ConsultationForm(questions=questions, answers=answers)
    context["form"] = form
    return render(request, "voice/consultations/paper.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def consultation_moderation(request: HttpRequest) -> HttpResponse:
    """The moderators' queue: free-text answers waiting, without names. Publish as a quote, or
    not."""
    if not selectors.consultation_may_moderate(person=request.user):
        raise PermissionDenied
    if request.method == "POST":
        answer = get_object_or_404(ConsultationAnswer, pk=request.POST.get("answer") or 0)
        publish = request.POST.get("action") == "publish"
        consultation_answer_moderate(answer=answer, publish=publish, by=request.user)
        messages.success(request, _("Published as a quote.") if publish else _("Not published."))
        return redirect("voice:consultation_moderation")
    waiting = list(selectors.consultation_answers_waiting()[:50])
    return render(request, "voice/consultations/moderation.html", {"waiting": waiting})
