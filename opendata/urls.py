from django.urls import path, re_path

from opendata import views

app_name = "opendata"

urlpatterns = [
    path("open-data/", views.catalogue_page, name="catalogue"),
    path("open-data/catalogue.json", views.catalogue_json, name="catalogue_json"),
    path("open-data/api/v1/", views.api_index, name="api_index"),
    path("open-data/api/v1/<slug:dataset>/", views.api_rows, name="api_rows"),
    path("open-data/manage/", views.manage, name="manage"),
    path("open-data/manage/tsm/<int:year>/", views.manage_tsm, name="manage_tsm"),
    path("open-data/manage/<slug:dataset>/draft/", views.manage_draft, name="manage_draft"),
    re_path(
        r"^open-data/manage/versions/(?P<pk>\d+)/(?P<step>check|publish)/$",
        views.manage_step,
        name="manage_step",
    ),
    path("open-data/<slug:dataset>/", views.dataset_page, name="dataset"),
    path("open-data/<slug:dataset>/<int:number>/", views.version_page, name="version"),
    re_path(
        r"^open-data/(?P<dataset>[-\w]+)/(?P<number>\d+)/(?P<name>data\.csv|data\.json|"
        r"data\.csv-metadata\.json|data\.schema\.json)$",
        views.version_file,
        name="version_file",
    ),
]
