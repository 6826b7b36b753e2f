from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from community.selectors import centres_for_neighbourhood


def community_home(request: HttpRequest) -> HttpResponse:
    neighbourhood = request.user.neighbourhood if request.user.is_authenticated else None
    centres = centres_for_neighbourhood(neighbourhood=neighbourhood)
    return render(
        request, "community/home.html", {"neighbourhood": neighbourhood, "centres": centres}
    )
