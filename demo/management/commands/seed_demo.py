"""Create the demo content and demo accounts. Safe to run again: nothing is duplicated.

The demo for each part of the site is a module of the ``demo`` app with a
``demo_seed(*, stdout)`` function; this command calls them in the order of ``DEMO_MODULES``
(the order of the product apps in INSTALLED_APPS: places before the accounts that live in them,
courses before the next steps that point at them).
"""

from importlib import import_module

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import translation

DEMO_MODULES = [
    "demo.core",
    "demo.places",
    "demo.users",
    "demo.notifications",
    "demo.courses",
    "demo.events",
    "demo.champions",
    "demo.community",
    "demo.voice",
    "demo.consultations",
    "demo.safeguarding",
    "demo.practice",
    "demo.dashboards",
    "demo.opendata",
    "demo.translations",  # last: translated copies of pages made above (demo/translations.py)
]


class Command(BaseCommand):
    help = "Create the demo content and demo accounts (never in production)."

    def handle(self, *args, **options) -> None:
        if not settings.DEMO_SEEDING_ALLOWED:
            raise CommandError(
                "Demo accounts share a published password, so they are never created under "
                "production settings."
            )
        # The demo is written in English (its translations come from demo/content/translations),
        # whatever language the caller has active.
        with transaction.atomic(), translation.override(settings.LANGUAGE_CODE):
            for module_name in DEMO_MODULES:
                import_module(module_name).demo_seed(stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
