"""Everyone's data rights: "Download my data" and "Delete my account".

The addresses keep their names in the ``courses`` namespace (``courses:my_data``), where they
were first published; courses/progress/urls.py includes them."""

import json

from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from training.core.rate_limits import rate_limit_consume
from training.users.data_rights.forms import AccountDeleteForm
from training.users.data_rights.selectors import learner_data_export
from training.users.data_rights.services import account_delete


@never_cache
@login_required
def my_data(request: HttpRequest) -> HttpResponse:
    """What we hold, a download button, and the way to delete the account."""
    return render(request, "users/data_rights/my_data.html")


@never_cache
@login_required
def my_data_download(request: HttpRequest) -> HttpResponse:
    data = learner_data_export(learner=request.user)
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False),
        content_type="application/json; charset=utf-8",
    )
    filename = f"homes-on-the-net-my-data-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@never_cache
@login_required
def account_delete_confirm(request: HttpRequest) -> HttpResponse:
    form = AccountDeleteForm(request.POST if request.method == "POST" else None, user=request.user)
    if (
        request.method == "POST"
        and "password" in form.fields
        and not rate_limit_consume(action="account_delete_password", key=request.user.pk)
    ):
        form.add_error("password", _("Too many tries. Wait a minute, then try again."))
    if request.method == "POST" and form.is_valid():
        account_delete(user=request.user)
        logout(request)
        return redirect("courses:account_deleted")
    return render(request, "users/data_rights/account_delete.html", {"form": form})


def account_deleted(request: HttpRequest) -> HttpResponse:
    """The goodbye page: shown to anyone, since the person is already signed out."""
    return render(request, "users/data_rights/account_deleted.html")
