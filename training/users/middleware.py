from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from training.users.forms import SHARED_COMPUTER_SESSION_KEY


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
