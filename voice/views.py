"""Verified tenants on the site: a tenant shows they are one; staff check tenants in person.

Views are thin: ``selectors`` say whom staff may check, ``services`` verify. A person outside a
member of staff's scope is a 404, so the pages never say whether such a person exists.
"""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from training.core.rate_limits import rate_limit_consume
from voice import selectors, services
from voice.forms import (
    NO_MATCH,
    NO_MATCH_STAFF,
    TOO_MANY,
    TOO_MANY_STAFF,
    TenancyDetailsForm,
    TenantCheckForm,
)

PEOPLE_PER_PAGE = 25
SHOW_CHOICES = ("verified", "not-verified")


@login_required
def verify(request: HttpRequest) -> HttpResponse:
    """ "Show you are a tenant": once, with the tenancy reference and postcode."""
    verification = selectors.tenant_verification_active(person=request.user)
    if verification is not None:
        return render(request, "voice/verify_done.html", {"verification": verification})
    form = TenancyDetailsForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        if not rate_limit_consume(action="tenancy_verify", key=request.user.pk):
            form.add_error(None, TOO_MANY)
        elif services.tenant_verify_self(
            person=request.user,
            reference=form.cleaned_data["reference"],
            postcode=form.cleaned_data["postcode"],
        ):
            messages.success(request, _("Thank you. You are now a verified tenant."))
            return redirect("voice:verify")
        else:
            form.add_error(None, NO_MATCH)
    return render(request, "voice/verify.html", {"form": form})


def staff_checker_required(view):
    """Signed in (else the sign-in page), and allowed to check tenants in person (else 403)."""

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.has_perm(selectors.CHECK_PERMISSION):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


@staff_checker_required
def tenants(request: HttpRequest) -> HttpResponse:
    """The people this member of staff may check, who is verified, how, when and by whom."""
    scope = selectors.staff_check_scope(staff=request.user)
    query = request.GET.get("q", "").strip()[: selectors.SEARCH_MAX_LENGTH]
    show = request.GET.get("show", "")
    show = show if show in SHOW_CHOICES else ""
    people = selectors.tenants_for_staff(scope=scope, query=query, show=show)
    page = Paginator(people, PEOPLE_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "voice/tenants.html",
        {"scope": scope, "page": page, "query": query, "show": show},
    )


@staff_checker_required
def tenant_check(request: HttpRequest, person_id: int) -> HttpResponse:
    """Check one person's tenancy with them present: they give the reference and postcode."""
    scope = selectors.staff_check_scope(staff=request.user)
    person = selectors.tenant_for_staff(scope=scope, person_id=person_id)
    if person is None:
        raise Http404
    verification = getattr(person, "tenant_verification", None)
    if verification is not None and verification.is_active:
        return render(
            request, "voice/tenant_check.html", {"person": person, "verification": verification}
        )
    form = TenantCheckForm(
        request.POST if request.method == "POST" else None, person_name=person.name
    )
    if request.method == "POST" and form.is_valid():
        if not rate_limit_consume(action="tenancy_verify_in_person", key=request.user.pk):
            form.add_error(None, TOO_MANY_STAFF)
        elif services.tenant_verify_in_person(
            person=person,
            reference=form.cleaned_data["reference"],
            postcode=form.cleaned_data["postcode"],
            note=form.cleaned_data["note"],
            by=request.user,
        ):
            messages.success(
                request, _("%(name)s is now a verified tenant.") % {"name": person.name}
            )
            return redirect("voice:tenants")
        else:
            form.add_error(None, NO_MATCH_STAFF)
    return render(
        request,
        "voice/tenant_check.html",
        {"person": person, "form": form, "ended": verification},
    )
