"""Whoever may edit a page may edit its translations, and they go through the same review.

Wagtail gives page permissions, and the "Review by a Course Editor" workflow, to a page and the
pages below it. Each language has its own tree of pages, so when a page is copied into another
language (Wagtail's "Translate", or the copies it makes of pages above it), the copy is given the
same group permissions and workflow as the English page. Course Editors can then finish and
publish the Polish course they started; Digital Champions can still draft and submit for review.
"""

from typing import Any

from wagtail.models import GroupPagePermission, Page, WorkflowPage


def translation_permissions_copy(*, source: Page, target: Page) -> None:
    """Give ``target`` the page permissions and workflow set on ``source`` itself."""
    for grant in GroupPagePermission.objects.filter(page=source):
        GroupPagePermission.objects.get_or_create(
            group_id=grant.group_id, page=target, permission_id=grant.permission_id
        )
    workflow_page = WorkflowPage.objects.filter(page=source).first()
    if workflow_page is not None:
        WorkflowPage.objects.get_or_create(
            page=target, defaults={"workflow_id": workflow_page.workflow_id}
        )


def translation_permissions_on_copy(*, source_obj: Any, target_obj: Any, **kwargs: Any) -> None:
    """Receiver of Wagtail's ``copy_for_translation_done`` signal (courses/apps.py)."""
    if isinstance(source_obj, Page) and isinstance(target_obj, Page):
        translation_permissions_copy(source=source_obj, target=target_obj)
