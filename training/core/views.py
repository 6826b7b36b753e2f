from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.template import loader

from training.core.error_reporting import errors_destination
from training.core.logging import request_id_var


def server_error(request: HttpRequest) -> HttpResponse:
    """The 500 page: static, so it cannot fail again or leak anything. It says that we have been
    told only when errors do reach someone (Sentry or ADMINS), and gives the request id to quote."""
    context = {
        "errors_reported": errors_destination() is not None,
        "reference": request_id_var.get(),
    }
    return HttpResponseServerError(loader.render_to_string("500.html", context))
