from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from courses.selectors import course_search

SEARCH_QUERY_MAX = 200


def search(request: HttpRequest) -> HttpResponse:
    """Search courses and lessons. A GET form, so results can be bookmarked and shared."""
    query = request.GET.get("q", "").strip()[:SEARCH_QUERY_MAX]
    hits = course_search(query=query) if query else []
    return render(request, "courses/search.html", {"query": query, "hits": hits})
