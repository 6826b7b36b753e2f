from django.urls import path

from voice import views

app_name = "voice"

urlpatterns = [
    path("voice/verify/", views.verify, name="verify"),
    path("voice/tenants/", views.tenants, name="tenants"),
    path("voice/tenants/<int:person_id>/check/", views.tenant_check, name="tenant_check"),
]
