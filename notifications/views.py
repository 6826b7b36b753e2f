from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from notifications.email import unsubscribe_person_id
from notifications.forms import EmailChoiceForm
from notifications.models import EmailChoice
from notifications.retention import notification_retention_days
from notifications.selectors import (
    email_address_usable,
    email_choice_get,
    email_choices_by_kind,
    notifications_recent,
)
from notifications.services import email_choice_set, kind_email_choices_set

CONFIRMATIONS = {
    EmailChoice.IMMEDIATE: _("Saved. We will email you straight away when something happens."),
    EmailChoice.DAILY: _(
        "Saved. We will send you one email a day, only when there is something new."
    ),
    EmailChoice.NONE: _("Saved. We will not email you. Your messages will still be on this page."),
}


@login_required
@require_http_methods(["GET", "POST"])
def notification_settings(request: HttpRequest) -> HttpResponse:
    """The signed-in person's choice of emails, and their recent messages."""
    person = request.user
    if request.method == "POST":
        form = EmailChoiceForm(request.POST)
        if form.is_valid():
            choice = form.cleaned_data["email"]
            email_choice_set(person=person, choice=choice)
            kind_email_choices_set(person=person, choices=form.kind_choices())
            messages.success(request, str(CONFIRMATIONS[EmailChoice(choice)]))
            return redirect("notifications:settings")
    else:
        form = EmailChoiceForm(
            initial=EmailChoiceForm.initial_for(
                choice=email_choice_get(person=person),
                by_kind=email_choices_by_kind(person=person),
            )
        )
    return render(
        request,
        "notifications/settings.html",
        {
            "form": form,
            "recent": notifications_recent(person=person),
            "can_email": email_address_usable(person=person),
            "retention_days": notification_retention_days(),
        },
    )


# The signed token in the address is what proves the request comes from the email, so a CSRF
# cookie adds nothing; exempting it lets mail apps use one-click unsubscribe (RFC 8058 POST).
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """The link in every notification email. GET asks (mail scanners open links); POST applies."""
    person_id = unsubscribe_person_id(token=token)
    person = (
        get_user_model().objects.filter(pk=person_id, is_active=True).first() if person_id else None
    )
    if person is None:
        return render(
            request,
            "core/email_link_invalid.html",
            {
                "what_to_stop": _("community emails"),
                "where_to_change": _("Emails about the community"),
            },
            status=400,
        )
    stopped = request.method == "POST"
    if stopped:
        # Every community email stops, including kinds chosen one by one.
        email_choice_set(person=person, choice=EmailChoice.NONE)
        kind_email_choices_set(person=person, choices={})
    already = (
        not stopped
        and email_choice_get(person=person) == EmailChoice.NONE
        and all(
            choice == EmailChoice.NONE for choice in email_choices_by_kind(person=person).values()
        )
    )
    return render(
        request, "notifications/unsubscribe.html", {"stopped": stopped, "already": already}
    )
