"""Progress tracker addresses: turning reminder emails on or off."""

from django.urls import path

from courses.progress.nudges import views

urlpatterns = [
    path("my-learning/reminders/", views.nudges_settings, name="nudges_settings"),
    path(
        "my-learning/reminders/stop/<str:token>/",
        views.nudges_opt_out,
        name="nudges_opt_out",
    ),
]
