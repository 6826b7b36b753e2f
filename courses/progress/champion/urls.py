"""Progress tracker addresses: Digital Champion assisted mode."""

from django.urls import path

from courses.progress.champion import views

urlpatterns = [
    path("champion/learners/", views.learners, name="champion_learners"),
    path(
        "champion/learners/<int:learner_id>/",
        views.learner,
        name="champion_learner",
    ),
    path(
        "champion/learners/<int:learner_id>/record-lesson/",
        views.record_lesson,
        name="champion_record_lesson",
    ),
    path(
        "champion/learners/<int:learner_id>/record-skill/",
        views.record_skill,
        name="champion_record_skill",
    ),
]
