"""Courses as plain files: a folder a course, ``course.toml`` and a Markdown file a lesson.

See docs/course-files.md for the format, and ``manage.py course_import`` / ``course_export``.
"""
