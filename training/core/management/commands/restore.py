"""Put a backup archive back: ``manage.py restore FILE [--force]`` (``make restore FILE=…``)."""

from django.core.management.base import BaseCommand, CommandError

from training.core.backups import BackupError, backup_restore


class Command(BaseCommand):
    help = (
        "Put a backup made by `manage.py backup` back into this site's database, media and "
        "private folders. Checks the whole archive first; refuses to overwrite data unless "
        "--force. Stop the site before you restore."
    )
    requires_system_checks: list[str] = []

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", default="", help="The backup archive (.tar.gz).")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Replace the database and folders even if they already hold data.",
        )

    def handle(self, *args, file: str = "", force: bool = False, **options) -> None:
        if not file:
            raise CommandError(
                "Say which backup to restore, for example: "
                "make restore FILE=backups/homes-2026-12-06T1930Z.tar.gz"
            )
        try:
            result = backup_restore(archive=file, force=force)
        except BackupError as error:
            raise CommandError(str(error)) from error
        manifest = result.manifest
        self.stdout.write(f"Restored {file}, made {manifest['created']}:")
        self.stdout.write(f"  database: {manifest['database']['kind']}")
        for folder in ("media", "private"):
            part = manifest[folder]
            where = _files(part["files"]) if part["included"] else "not in the backup (S3)"
            self.stdout.write(f"  {folder}: {where}")
        for note in result.notes:
            self.stdout.write(note)


def _files(count: int) -> str:
    return f"{count} file" if count == 1 else f"{count} files"
