"""Make this year's Tenant Satisfaction Measures survey (TP01–TP12) as a draft consultation."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from voice.consultations_services import consultations_index_ensure, tsm_consultation_create


class Command(BaseCommand):
    help = (
        "Make the Tenant Satisfaction Measures survey (the Regulator's TP01-TP12 questions and "
        "scales) as a draft consultation for all verified tenants, to check and publish in the "
        "admin."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--landlord", required=True, help="The landlord's name, as tenants know it."
        )
        parser.add_argument("--year", type=int, default=timezone.localdate().year)
        parser.add_argument("--weeks", type=int, default=6, help="How long it is open.")

    def handle(self, *args, **options):
        page = tsm_consultation_create(
            index=consultations_index_ensure(),
            landlord=options["landlord"],
            year=options["year"],
            weeks=options["weeks"],
        )
        self.stdout.write(f"Made a draft: {page.title} (page {page.pk}). Check it and publish it.")
