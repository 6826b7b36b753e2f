from django.urls import path

from training.users import languages, views

app_name = "users"

urlpatterns = [
    path("profile/", views.profile, name="profile"),
    path("language/", languages.language_set, name="language"),
    path("assisted/new/", views.assisted_account_new, name="assisted_new"),
    path("assisted/<int:user_id>/card/", views.assisted_card, name="assisted_card"),
    path("assisted/<int:user_id>/done/", views.assisted_card_done, name="assisted_card_done"),
]
