"""A view that fails while saving what someone typed, with the site's 500 page."""

from django.http import HttpRequest, HttpResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt

from training.urls import handler500
from training.urls import urlpatterns as site_urlpatterns


@csrf_exempt
def post_save_fails(request: HttpRequest) -> HttpResponse:
    # What was typed sits in local variables and in the exception's message, as in a real bug.
    typed = {"body": request.POST.get("body", ""), "password": request.POST.get("password", "")}
    raise ValueError(f"could not save the post {typed['body']!r}")


urlpatterns = [path("post-save-fails/", post_save_fails), *site_urlpatterns]
__all__ = ["handler500", "urlpatterns"]
