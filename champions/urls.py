"""Digital Champions: the pathway for learners, the champion's own pages, the Managers' page."""

from django.urls import path

from champions import views

app_name = "champions"

urlpatterns = [
    path("champions/", views.home, name="home"),
    path("champions/apply/", views.apply, name="apply"),
    path("champions/welcome/", views.welcome, name="welcome"),
    path("champions/help-given/", views.help_page, name="help"),
    path("champions/step-down/", views.step_down, name="step_down"),
    path("champions/staff/", views.staff, name="staff"),
    path(
        "champions/staff/applications/<int:application_id>/",
        views.staff_decide,
        name="staff_decide",
    ),
    path("champions/staff/roles/<int:role_id>/end/", views.staff_end, name="staff_end"),
]
