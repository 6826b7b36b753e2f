"""Whoever may edit a page may edit its translations, they go through the same review, and
whoever may not read a page may not read its translations either.

Wagtail gives page permissions, and the "Review by a Course Editor" workflow, to a page and the
pages below it. Each language has its own tree of pages, so when a page is copied into another
language (Wagtail's "Translate", or the copies it makes of pages above it), the copy is given the
same group permissions, workflow and view restrictions (private to signed-in people, to groups,
or behind a password) as the English page. Course Editors can then finish and
publish the Polish course they started; Digital Champions can still draft and submit for review.
"""

from typing import Any

from wagtail.models import GroupPagePermission, Page, PageViewRestriction, WorkflowPage


def translation_permissions_copy(*, source: Page, target: Page) -> None:
    """Give ``target`` the page permissions, workflow and view restriction set on ``source``."""
    for grant in GroupPagePermission.objects.filter(page=source):
        GroupPagePermission.objects.get_or_create(
            group_id=grant.group_id, page=target, permission_id=grant.permission_id
        )
    for restriction in PageViewRestriction.objects.filter(page=source).prefetch_related("groups"):
        if not PageViewRestriction.objects.filter(page=target).exists():
            copy = PageViewRestriction.objects.create(
                page=target,
                restriction_type=restriction.restriction_type,
                password=restriction.password,
            )
            copy.groups.set(restriction.groups.all())
    workflow_page = WorkflowPage.objects.filter(page=source).first()
    if workflow_page is not None:
        WorkflowPage.objects.get_or_create(
            page=target, defaults={"workflow_id": workflow_page.workflow_id}
        )


def translation_permissions_on_copy(*, source_obj: Any, target_obj: Any, **kwargs: Any) -> None:
    """Receiver of Wagtail's ``copy_for_translation_done`` signal (courses/apps.py)."""
    if isinstance(source_obj, Page) and isinstance(target_obj, Page):
        translation_permissions_copy(source=source_obj, target=target_obj)
