"""Write one dated backup archive: ``manage.py backup`` (``make backup``)."""

from django.core.management.base import BaseCommand, CommandError

from training.core.backups import BackupError, backup_create


class Command(BaseCommand):
    help = (
        "Write one dated archive (homes-<date>T<time>Z.tar.gz) with a consistent copy of the "
        "database, the media and the private files, into BACKUP_DIR. Safe while the site runs."
    )
    # A backup must work even when a check would complain about the site's set-up.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser):
        parser.add_argument(
            "--dir", dest="directory", help="Folder for the archive (default: BACKUP_DIR)."
        )

    def handle(self, *args, directory: str | None = None, **options) -> None:
        try:
            result = backup_create(directory=directory)
        except BackupError as error:
            raise CommandError(f"No backup was made. {error}") from error
        manifest = result.manifest
        database = manifest["database"]
        size = result.path.stat().st_size / 1_000_000
        self.stdout.write(f"Backup written: {result.path} ({size:.1f} MB)")
        self.stdout.write(
            f"  database: {database['kind']}, {len(database['migrations'])} migrations applied"
        )
        for folder in ("media", "private"):
            part = manifest[folder]
            where = _files(part["files"]) if part["included"] else "in the S3 bucket"
            self.stdout.write(f"  {folder}: {where}")
        for note in result.notes:
            self.stdout.write(self.style.WARNING(note))
        self.stdout.write("Keep it somewhere safe and private: it holds personal data.")


def _files(count: int) -> str:
    return f"{count} file" if count == 1 else f"{count} files"
