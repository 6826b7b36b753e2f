from django.urls import path

from translations import admin_views

app_name = "translations_admin"

urlpatterns = [
    path("", admin_views.overview, name="overview"),
    path(
        "text/<str:model>/<int:pk>/<str:language>/",
        admin_views.text_edit,
        name="text_edit",
    ),
    path("page/<int:page_id>/", admin_views.page_status, name="page_status"),
]
