from django.urls import path

from community import views

app_name = "community"

urlpatterns = [
    path("community/", views.community_home, name="home"),
    path("community/groups/<slug:slug>/", views.group_detail, name="group_detail"),
    path("community/groups/<slug:slug>/join/", views.group_join, name="group_join"),
    path("community/groups/<slug:slug>/leave/", views.group_leave, name="group_leave"),
    path("community/groups/<slug:slug>/members/", views.group_members, name="group_members"),
    path("community/groups/<slug:slug>/waiting/", views.group_waiting, name="group_waiting"),
    path(
        "community/groups/<slug:slug>/requests/<int:membership_id>/",
        views.join_request_decide,
        name="join_request_decide",
    ),
    path("community/groups/<slug:slug>/new-post/", views.post_new, name="post_new"),
    path("community/posts/<int:pk>/", views.post_detail, name="post_detail"),
    path("community/posts/<int:pk>/edit/", views.post_edit, name="post_edit"),
    path("community/posts/<int:pk>/photo/", views.post_photo, name="post_photo"),
    path("community/posts/<int:pk>/delete/", views.post_delete, name="post_delete"),
    path("community/posts/<int:pk>/approve/", views.post_approve, name="post_approve"),
    path("community/posts/<int:pk>/decline/", views.post_decline, name="post_decline"),
    path("community/posts/<int:pk>/report/", views.post_flag, name="post_flag"),
    path("community/comments/<int:pk>/report/", views.comment_flag, name="comment_flag"),
    path("community/neighbourhoods/<slug:slug>/", views.neighbourhood, name="neighbourhood"),
]
