from django.urls import include, path

from courses import views

app_name = "courses"

urlpatterns = [
    path("my-learning/", views.my_learning, name="my_learning"),
    path("search/", views.search, name="search"),
    path("", include("courses.progress.urls")),
]
