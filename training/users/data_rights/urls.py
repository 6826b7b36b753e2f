"""Addresses of "Download my data" and "Delete my account".

Included by courses/progress/urls.py, so their names stay ``courses:my_data`` and so on.
"""

from django.urls import path

from training.users.data_rights import views

urlpatterns = [
    path("my-data/", views.my_data, name="my_data"),
    path("my-data/download/", views.my_data_download, name="my_data_download"),
    path("my-data/delete/", views.account_delete_confirm, name="account_delete"),
    path("my-data/deleted/", views.account_deleted, name="account_deleted"),
]
