from django.urls import path

from dashboards import views

app_name = "dashboards"

urlpatterns = [
    path("dashboard/", views.dashboard, name="dashboard"),
    path("dashboard/csv/<slug:table>/", views.table_download, name="table_csv"),
    path("dashboard/exports/", views.export_new, name="export_new"),
    path("dashboard/exports/<uuid:export_id>/", views.export_detail, name="export_detail"),
    path(
        "dashboard/exports/<uuid:export_id>/download/",
        views.export_download,
        name="export_download",
    ),
]
