from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UsersConfig(AppConfig):
    name = "training.users"
    label = "users"
    verbose_name = _("People")

    def ready(self) -> None:
        from allauth.account.signals import user_signed_up

        from training.users.languages import language_from_signup

        user_signed_up.connect(language_from_signup, dispatch_uid="users.language_from_signup")

        from training.users.user_cache import user_cache_connect

        user_cache_connect()
