"""Offline learning addresses. /sw.js and /manifest.webmanifest sit at the site root."""

from django.urls import path

from courses.offline import views

app_name = "offline"

urlpatterns = [
    path("sw.js", views.service_worker, name="service_worker"),
    path("manifest.webmanifest", views.web_manifest, name="web_manifest"),
    path("offline/", views.offline_page, name="offline_page"),
    path("offline/saved/", views.saved_courses, name="saved_courses"),
    path("offline/sync/", views.sync, name="sync"),
    path("offline/courses/<int:course_id>.json", views.course_manifest, name="course_manifest"),
]
