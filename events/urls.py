from django.urls import path

from events import views

app_name = "events"

urlpatterns = [
    path("events/", views.event_list, name="list"),
    path("events/<int:pk>/", views.event_detail, name="detail"),
    path("events/<int:pk>/book/", views.event_rsvp, name="book"),
    path("events/<int:pk>/cancel/", views.event_rsvp_cancel, name="cancel"),
    path("events/<int:pk>/calendar.ics", views.event_calendar, name="calendar"),
]
