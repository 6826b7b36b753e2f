"""Create or update courses from course files: ``manage.py course_import PATH``."""

from django.core.management.base import BaseCommand, CommandError

from courses.content_files.files import CourseFileError
from courses.content_files.services import course_files_import


class Command(BaseCommand):
    help = (
        "Create or update courses from a course folder (course.toml and a Markdown file a "
        "lesson), or from a folder of course folders, with their translations (translations/"
        "<language>/), or from one translation folder. Safe to run again: nothing is duplicated."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="A course folder, or a folder of course folders.")

    def handle(self, *args, path: str, **options) -> None:
        try:
            results = course_files_import(path=path)
        except CourseFileError as error:
            raise CommandError(f"Nothing was imported. {error}") from error
        for result in results:
            if result.created:
                state = "added"
            elif result.changed or result.lessons_changed:
                state = f"updated ({result.lessons_changed} lessons changed)"
            else:
                state = "unchanged"
            name = f"{result.course.slug} ({result.language})" if result.language else None
            self.stdout.write(f"{name or result.course.slug}: {state}")
