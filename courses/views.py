from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from courses.selectors import course_search

SEARCH_QUERY_MAX = 200


@login_required
def my_learning(request: HttpRequest) -> HttpResponse:
    return render(request, "courses/my_learning.html", {})


def search(request: HttpRequest) -> HttpResponse:
    """Search courses and lessons. A GET form, so results can be bookmarked and shared."""
    query = request.GET.get("q", "").strip()[:SEARCH_QUERY_MAX]
    hits = course_search(query=query) if query else []
    return render(request, "courses/search.html", {"query": query, "hits": hits})
