"""Progress tracker addresses: Digital Champion assisted mode."""

from django.urls import path

from courses.progress import views_champion

urlpatterns = [
    path("champion/learners/", views_champion.learners, name="champion_learners"),
    path(
        "champion/learners/<int:learner_id>/",
        views_champion.learner,
        name="champion_learner",
    ),
    path(
        "champion/learners/<int:learner_id>/record-lesson/",
        views_champion.record_lesson,
        name="champion_record_lesson",
    ),
    path(
        "champion/learners/<int:learner_id>/record-skill/",
        views_champion.record_skill,
        name="champion_record_skill",
    ),
]
