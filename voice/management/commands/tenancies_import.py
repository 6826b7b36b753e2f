"""Replace the tenancy list from a CSV file: ``manage.py tenancies_import FILE``."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from voice.models import TenancyImport
from voice.services import TenancyImportError, tenancies_import


class Command(BaseCommand):
    help = (
        "Import the tenancy list (CSV, UTF-8, with the columns tenancy reference, postcode, "
        "neighbourhood). All or nothing: a bad line stops it and nothing changes. Tenancies "
        "missing from the file are ended. References are kept only as a keyed hash."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The CSV file of the tenancy list.")

    def handle(self, *args, file: str, **options) -> None:
        path = Path(file)
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror or error}.") from error
        try:
            result = tenancies_import(data=data, by=None, source=TenancyImport.Source.COMMAND)
        except TenancyImportError as error:
            raise CommandError(
                f"Nothing was imported. {len(error.problems)} problem(s) in {path}:\n"
                + "\n".join(error.problems)
            ) from error
        self.stdout.write(
            f"Imported {result.rows} tenancies: {result.added} new, {result.changed} changed, "
            f"{result.ended} ended."
        )
