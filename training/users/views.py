from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from training.places.selectors import champion_centre
from training.users.forms import AssistedAccountForm, ProfileForm
from training.users.models import User
from training.users.services import ASSISTED_PERMISSION, assisted_account_create, profile_update

CARD_SESSION_KEY = "assisted_card_passwords"


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        profile_update(user=request.user, **form.cleaned_data)
        messages.success(request, _("Your details are saved."))
        return redirect("users:profile")
    return render(
        request,
        "users/profile.html",
        # The centre a Manager assigned them to work at, shown (not changeable) to champions.
        {"form": form, "working_centre": champion_centre(user=request.user)},
    )


@permission_required(ASSISTED_PERMISSION, raise_exception=True)
def assisted_account_new(request: HttpRequest) -> HttpResponse:
    centre = champion_centre(user=request.user)
    recent = User.objects.filter(assisted_by=request.user).order_by("-date_joined")[:20]
    if centre is None:
        # No centre assigned yet: say so kindly, and make nothing.
        return render(request, "users/assisted_new.html", {"form": None, "recent": recent})
    form = AssistedAccountForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        account = assisted_account_create(champion=request.user, **form.cleaned_data)
        # The password is shown on the card until the champion says they are done, then
        # forgotten: we only ever store its hash.
        passwords = request.session.get(CARD_SESSION_KEY, {})
        passwords[str(account.user.pk)] = account.password
        request.session[CARD_SESSION_KEY] = passwords
        return redirect("users:assisted_card", user_id=account.user.pk)
    return render(
        request, "users/assisted_new.html", {"form": form, "recent": recent, "centre": centre}
    )


@permission_required(ASSISTED_PERMISSION, raise_exception=True)
def assisted_card(request: HttpRequest, user_id: int) -> HttpResponse:
    learner = get_object_or_404(User, pk=user_id, created_with_assistance=True)
    if learner.assisted_by_id != request.user.pk:
        raise PermissionDenied
    password = request.session.get(CARD_SESSION_KEY, {}).get(str(learner.pk))
    return render(
        request,
        "users/assisted_card.html",
        {"learner": learner, "password": password, "site_url": request.build_absolute_uri("/")},
    )


@require_POST
@permission_required(ASSISTED_PERMISSION, raise_exception=True)
def assisted_card_done(request: HttpRequest, user_id: int) -> HttpResponse:
    passwords = request.session.get(CARD_SESSION_KEY, {})
    passwords.pop(str(user_id), None)
    request.session[CARD_SESSION_KEY] = passwords
    messages.success(request, _("Done. The password is no longer shown anywhere."))
    return redirect("users:assisted_new")
