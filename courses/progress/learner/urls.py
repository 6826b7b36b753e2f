"""Progress tracker addresses: learner pages."""

from django.urls import path

from courses.progress.learner import views

urlpatterns = [
    path("learning/lessons/<int:lesson_id>/done/", views.lesson_done, name="lesson_done"),
    path("my-learning/", views.my_learning, name="my_learning"),
    path("my-skills/", views.my_skills, name="my_skills"),
    path("my-learning/xapi.json", views.xapi_export, name="xapi_export"),
]
