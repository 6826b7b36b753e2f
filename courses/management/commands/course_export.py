"""Write a course as course files: ``manage.py course_export SLUG PATH``."""

import shutil
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from wagtail.models import Locale

from courses.content_files.services import course_files_export
from courses.models import CoursePage


class Command(BaseCommand):
    help = (
        "Write a course and its lessons as a course folder (course.toml, a Markdown file a "
        "lesson and the pictures, and its translations in translations/<language>/), to share "
        "or to edit, then bring back with course_import."
    )

    def add_arguments(self, parser):
        parser.add_argument("slug", help="The course's address name, e.g. staying-safe-online.")
        parser.add_argument("path", help="The folder to write; it must be empty or new.")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Delete the files already in the folder first.",
        )

    def handle(self, *args, slug: str, path: str, replace: bool, **options) -> None:
        courses = CoursePage.objects.filter(slug=slug).order_by("path")
        course = courses.filter(locale=Locale.get_default()).first() or courses.first()
        if course is None:
            raise CommandError(f"There is no course with the slug {slug!r}.")
        folder = Path(path)
        if folder.exists() and not folder.is_dir():
            raise CommandError(f"{folder} is a file, not a folder.")
        if folder.is_dir() and any(folder.iterdir()):
            if not replace:
                raise CommandError(f"{folder} is not empty. Use --replace to write over it.")
            for child in folder.iterdir():
                if child.is_file():
                    child.unlink()
                elif child.name == "translations" and child.is_dir():
                    shutil.rmtree(child)
        course_files_export(course=course, path=folder)
        self.stdout.write(f"{slug}: written to {folder}")
