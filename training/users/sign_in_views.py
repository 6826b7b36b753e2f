"""The Wagtail and Django admins' own sign-in addresses, which send everyone to allauth's page.

allauth's page is the only place a password is typed: it has the rate limits and asks for the
second step. The admins' sign-in forms would take unlimited passwords, so they are never shown.
"""

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse


def admin_sign_in(request: HttpRequest) -> HttpResponse:
    """``/admin/login/`` and ``/django-admin/login/``, keeping ``?next=``.

    A signed-in person is only sent here when that admin refuses them; sending them on to sign in
    would come straight back (allauth passes signed-in people on to ``next``), so they are told
    plainly instead.
    """
    if request.user.is_authenticated:
        return TemplateResponse(request, "account/admin_refused.html", status=403)
    url = reverse("account_login")
    if request.GET:
        url = f"{url}?{request.GET.urlencode()}"
    return HttpResponseRedirect(url)


def private_page_sign_in(request: HttpRequest) -> HttpResponse:
    """``/_util/login/``, where Wagtail sends people from a private page, keeping ``?next=``.

    Wagtail's own form there would take unlimited passwords with no second step. A signed-in
    person only lands here when the page is kept for a group they are not in.
    """
    if request.user.is_authenticated:
        return TemplateResponse(request, "account/private_page_refused.html", status=403)
    return admin_sign_in(request)
