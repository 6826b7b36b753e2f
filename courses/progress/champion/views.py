"""Digital Champion assisted mode: find a learner, see their progress, record help given.

Only people with ``courses.record_assisted_progress`` (Digital Champions) may open these pages;
anyone else gets 403. A learner outside the champion's scope (see ``champion.py``) is a 404, so
the pages never say whether such a person exists.
"""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from courses.models import CompletionMethod
from courses.progress.champion.forms import RecordLessonForm, RecordSkillForm
from courses.progress.champion.selectors import (
    ASSISTED_PROGRESS_PERMISSION,
    SEARCH_MAX_LENGTH,
    champion_learners,
    learner_progress,
    learners_search,
    lesson_choices,
    skill_choices,
)
from courses.progress.services import lesson_complete, skill_record_observed
from training.places.selectors import champion_centre

LEARNERS_PER_PAGE = 25


def champion_required(view):
    """Signed in (else the sign-in page), and allowed to record assisted progress (else 403)."""

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.has_perm(ASSISTED_PROGRESS_PERMISSION):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def _learner_get(request: HttpRequest, learner_id: int):
    return get_object_or_404(champion_learners(champion=request.user), pk=learner_id)


def _day(moment) -> str:
    return date_format(localtime(moment), "j F Y")


@champion_required
def learners(request: HttpRequest) -> HttpResponse:
    """The champion's learners, searchable by name. A GET form, so a search can be bookmarked."""
    query = request.GET.get("q", "").strip()[:SEARCH_MAX_LENGTH]
    found = champion_learners(champion=request.user)
    if query:
        found = learners_search(learners=found, query=query)
    page = Paginator(found, LEARNERS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "courses/progress/champion_learners.html",
        {"query": query, "page": page, "centre": champion_centre(user=request.user)},
    )


@champion_required
def learner(request: HttpRequest, learner_id: int) -> HttpResponse:
    person = _learner_get(request, learner_id)
    return render(
        request,
        "courses/progress/champion_learner.html",
        {"learner": person, "progress": learner_progress(learner=person)},
    )


@champion_required
def record_lesson(request: HttpRequest, learner_id: int) -> HttpResponse:
    person = _learner_get(request, learner_id)
    form = RecordLessonForm(
        request.POST if request.method == "POST" else None, lesson_choices=lesson_choices()
    )
    if request.method == "POST" and form.is_valid():
        lesson = form.cleaned_data["lesson"]
        result = lesson_complete(
            learner=person,
            lesson=lesson,
            method=CompletionMethod.CHAMPION,
            helper=request.user,
            note=form.cleaned_data["note"],
        )
        if result.created:
            messages.success(
                request,
                _("Saved: %(name)s finished “%(lesson)s” with your help.")
                % {"name": person.name, "lesson": lesson.title},
            )
        else:
            messages.info(
                request,
                _("%(name)s had already finished “%(lesson)s” on %(day)s. Nothing has changed.")
                % {
                    "name": person.name,
                    "lesson": lesson.title,
                    "day": _day(result.completion.completed_at),
                },
            )
        return redirect("courses:champion_learner", learner_id=person.pk)
    return render(
        request,
        "courses/progress/champion_record_lesson.html",
        {"learner": person, "form": form},
    )


@champion_required
def record_skill(request: HttpRequest, learner_id: int) -> HttpResponse:
    person = _learner_get(request, learner_id)
    form = RecordSkillForm(
        request.POST if request.method == "POST" else None, skill_choices=skill_choices()
    )
    if request.method == "POST" and form.is_valid():
        skill = form.cleaned_data["skill"]
        record, created = skill_record_observed(
            learner=person, skill=skill, helper=request.user, note=form.cleaned_data["note"]
        )
        if created:
            messages.success(
                request,
                _("Saved: %(name)s has the skill “%(skill)s”.")
                % {"name": person.name, "skill": skill.statement},
            )
        else:
            messages.info(
                request,
                _("%(name)s already had “%(skill)s” from %(day)s. Nothing has changed.")
                % {"name": person.name, "skill": skill.statement, "day": _day(record.achieved_at)},
            )
        return redirect("courses:champion_learner", learner_id=person.pk)
    return render(
        request,
        "courses/progress/champion_record_skill.html",
        {"learner": person, "form": form},
    )
