"""Create the demo content and demo accounts. Safe to run again: nothing is duplicated.

Each app that has demo content keeps it in its own ``demo.py`` with a ``demo_seed(*, stdout)``
function; this command calls them in the order of INSTALLED_APPS.
"""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction


class Command(BaseCommand):
    help = "Create the demo content and demo accounts (never in production)."

    def handle(self, *args, **options) -> None:
        if not settings.DEMO_SEEDING_ALLOWED:
            raise CommandError(
                "Demo accounts share a published password, so they are never created under "
                "production settings."
            )
        with transaction.atomic():
            for app_config in apps.get_app_configs():
                module_name = f"{app_config.name}.demo"
                if find_spec(module_name) is None:
                    continue
                import_module(module_name).demo_seed(stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
