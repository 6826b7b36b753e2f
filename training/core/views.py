from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.template import loader


def server_error(request: HttpRequest) -> HttpResponse:
    """The 500 page: static, so it cannot fail again or leak anything."""
    return HttpResponseServerError(loader.render_to_string("500.html"))
