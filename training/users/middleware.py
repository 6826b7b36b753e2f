from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from allauth.mfa.utils import is_mfa_enabled

from training.users.forms import SHARED_COMPUTER_SESSION_KEY
from training.users.roles import role_needs_second_factor
from training.users.two_factor import SECOND_FACTOR_TYPES


class SharedComputerSessionMiddleware:
    """On a shared computer, every request restarts the short inactivity timer.

    The session expiry is relative to the last time the session was saved, so saving it on each
    request makes the session end after SHARED_COMPUTER_SESSION_SECONDS *without activity*.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        session = getattr(request, "session", None)
        if session is not None and session.get(SHARED_COMPUTER_SESSION_KEY):
            session.set_expiry(settings.SHARED_COMPUTER_SESSION_SECONDS)
        return self.get_response(request)


class SecondFactorRequiredMiddleware:
    """Staff who can read other people's personal data must add a second step first.

    A signed-in person whose role needs it (:func:`roles.role_needs_second_factor`) and who has
    no authenticator yet is sent to the "two-step sign-in" page for every request, except the
    pages needed to set one up or to leave. Once they have one, allauth asks for the code at
    every sign-in, before they are signed in at all.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and not _may_pass_without_second_factor(request.path)
            and role_needs_second_factor(user)
            and not is_mfa_enabled(user, types=SECOND_FACTOR_TYPES)
        ):
            return redirect("mfa_index")
        return self.get_response(request)


# URL names of the pages a person may still open while they set up their second step.
_SET_UP_PAGES = [
    "mfa_index",  # and everything under it: the app, recovery codes, security keys
    "account_logout",
    "account_reauthenticate",  # "enter your password again" before adding an authenticator
    "account_email",  # allauth wants a verified email address before an app is added
    "account_email_verification_sent",  # and the confirmation links under it
]


def _may_pass_without_second_factor(path: str) -> bool:
    if path.startswith(settings.STATIC_URL):
        return True
    return any(path.startswith(reverse(name)) for name in _SET_UP_PAGES)
