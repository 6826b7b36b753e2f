from django.urls import include, path

from courses import views

app_name = "courses"

urlpatterns = [
    path("search/", views.search, name="search"),
    # The learner's pages (my-learning/, my-skills/, marking lessons done) and the rest of the
    # progress tracker.
    path("", include("courses.progress.urls")),
]
