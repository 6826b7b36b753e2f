from django.urls import path

from notifications import views

app_name = "notifications"

urlpatterns = [
    path("account/notifications/", views.notification_settings, name="settings"),
    path("account/notifications/stop/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
