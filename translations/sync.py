"""Which new pages get a copy in the other languages' trees, and where.

Wagtail's own sync (``WAGTAILSIMPLETRANSLATION_SYNC_PAGE_TREE``) is off: it copied every new
page, with its parents, into every language, so an improvement or a consultation became four
pages. Here only course content is kept in step: a new English course or lesson (or any other
page added under a course list or a course) gets an alias in each language its parent is already
translated into, so a translated course shows its new lesson at once (in English until someone
translates it). No parents are made; voice pages and the rest stay in English only.
"""

from django.http import HttpRequest

from wagtail.models import Page

from translations.routing import locale_id_default

__all__ = ["page_aliases_sync", "page_is_course_content"]


def page_is_course_content(*, page: Page, parent: Page) -> bool:
    """True for a course, a lesson, or any page whose parent is a course list or a course."""
    from courses.models.pages import CourseIndexPage, CoursePage, LessonPage

    return isinstance(page, (CoursePage, LessonPage)) or isinstance(
        parent, (CourseIndexPage, CoursePage)
    )


def page_aliases_sync(*, page: Page) -> list[Page]:
    """Make an alias of a new English course page under each translation of its parent.

    Returns the aliases made. Nothing for pages in other languages, pages other than course
    content, or languages the parent has no copy in.
    """
    page = page.specific
    if page.locale_id != locale_id_default():
        return []
    parent = page.get_parent()
    if parent is None or not page_is_course_content(page=page, parent=parent.specific):
        return []
    made = []
    for parent_copy in parent.get_translations().select_related("locale"):
        if page.has_translation(parent_copy.locale):
            continue
        made.append(page.copy_for_translation(parent_copy.locale, alias=True))
    return made


def page_created_sync(request: HttpRequest | None, page: Page) -> None:
    """The ``after_create_page`` hook (registered in translations/apps.py)."""
    page_aliases_sync(page=page)
