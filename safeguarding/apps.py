from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SafeguardingConfig(AppConfig):
    name = "safeguarding"
    verbose_name = _("Confidential reports")

    def ready(self) -> None:
        from safeguarding import checks  # noqa: F401 - registers the key check
