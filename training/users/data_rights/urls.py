"""Progress tracker addresses: learners' data rights, and turning reminder emails on or off."""

from django.urls import path

from courses.progress import views_data, views_nudges

urlpatterns = [
    path("my-data/", views_data.my_data, name="my_data"),
    path("my-data/download/", views_data.my_data_download, name="my_data_download"),
    path("my-data/delete/", views_data.account_delete_confirm, name="account_delete"),
    path("my-data/deleted/", views_data.account_deleted, name="account_deleted"),
    path("my-learning/reminders/", views_nudges.nudges_settings, name="nudges_settings"),
    path(
        "my-learning/reminders/stop/<str:token>/",
        views_nudges.nudges_opt_out,
        name="nudges_opt_out",
    ),
]
