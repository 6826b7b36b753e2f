"""What every confidential page sends: never cached by anyone, never indexed, never in the page
cache; POST data kept out of error reports. Officers' pages may use it too."""

from collections.abc import Callable
from functools import wraps

from django.http import HttpRequest, HttpResponse
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables

from training.core.middleware import response_make_private

ROBOTS = "noindex, nofollow, noarchive"


def confidential(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """``Cache-Control: private, no-store`` and ``X-Robots-Tag: noindex`` on every answer
    (errors and redirects too), and every POST value hidden from Django's error reports."""

    @sensitive_variables()
    @sensitive_post_parameters()
    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        response = view(request, *args, **kwargs)
        response_make_private(response)
        response["X-Robots-Tag"] = ROBOTS
        return response

    return wrapper
