"""Progress tracker addresses: credentials pages."""

from django.urls import path

from courses.progress.credentials import views

urlpatterns = [
    path("certificates/<uuid:certificate_id>/", views.certificate, name="certificate"),
    path(
        "certificates/<uuid:certificate_id>/badge.jwt",
        views.certificate_download,
        name="certificate_download",
    ),
    path(
        "certificates/<uuid:certificate_id>/verify/",
        views.certificate_verify_page,
        name="certificate_verify",
    ),
    path("verify/", views.credential_check, name="credential_check"),
    path("certificates/issuer.json", views.badge_issuer, name="badge_issuer"),
    path("certificates/keys.json", views.badge_keys, name="badge_keys"),
    path("certificates/keys/<str:key_id>.json", views.badge_key, name="badge_key"),
]
