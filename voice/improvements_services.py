"""Writes for "You said, we did": tell the people of an improvement's reports; make the index.

When an :class:`voice.models.ImprovementPage` is published (in the admin, by a script, or by
Wagtail's scheduled publishing), :func:`improvement_people_tell` tells the reporter and every
"affects me too" person of each report it answers, through the notifications app (kind
``improvement``: their choice of straight away, daily or none for it, each in their own
language). Each person is told once per page: who was told is stored
(:class:`voice.models.ImprovementTold`), so publishing again (a correction) tells nobody twice,
and a report linked later tells only its new people. It is connected to Wagtail's
``page_published`` signal in ``voice/apps.py``.

:func:`improvements_index_ensure` makes the "You said, we did" index under the home page if it
is missing, and gives Course Editors and Managers the right to add, edit and publish
improvements under it (Wagtail page permissions need the page itself), and Managers the right
to add and choose images for the photos. Both are safe to run again.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.log_actions import log

from notifications.models import NotificationKind
from notifications.texts import notice_text
from training.core.services import activity_record
from training.users.models import User
from training.users.roles import COURSE_EDITOR, MANAGER
from voice.models import ImprovementPage, ImprovementTold, Report, YouSaidWeDidIndexPage
from voice.reports_selectors import report_people_to_tell
from voice.telling import people_tell_once
from voice.verbs import IMPROVEMENT_PEOPLE_TOLD

TOLD_LOG_ACTION = "voice.improvement.people_told"
INDEX_SLUG = "you-said-we-did"
INDEX_TITLE = "You said, we did"
INDEX_INTRODUCTION = (
    "What tenants told us about their estates, and what we did about it: before and after "
    "photos, what it cost and when it was done."
)
# Who may add, edit and publish improvements under the index (Wagtail page permissions).
INDEX_EDITOR_GROUPS = (COURSE_EDITOR, MANAGER)
INDEX_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page")
# Managers add before and after photos too (Course Editors have these already: courses 0003).
MANAGER_IMAGE_PERMISSIONS = ("add_image", "choose_image")


def _people_of(*, reports: list[Report]) -> list[User]:
    people: dict[int, User] = {}
    for report in reports:
        for person in report_people_to_tell(report=report):
            people.setdefault(person.pk, person)
    return list(people.values())


@transaction.atomic
def improvement_people_tell(*, page: ImprovementPage, by: User | None = None) -> int:
    """Tell the people of ``page``'s linked reports about it, if it is live. Answers how many
    were told now; 0 when everyone was told before (idempotent: safe to call on every publish).
    """
    page = (
        ImprovementPage.objects.filter(pk=page.pk, live=True)
        .select_related("neighbourhood")
        .first()
    )
    if page is None:
        return 0
    reports = list(page.reports.select_related("reporter", "neighbourhood"))
    people = _people_of(reports=reports)
    already = set(
        ImprovementTold.objects.filter(page=page, person__in=[p.pk for p in people]).values_list(
            "person_id", flat=True
        )
    )
    # Built for each person in their own language (notifications.texts).
    subject = notice_text(lambda: _("You said, we did: %(title)s") % {"title": page.title})
    body = notice_text(
        lambda: (
            _(
                "You reported a problem in %(place)s, or said it affected you too. Here is what we "
                "did about it: %(title)s."
            )
            % {"place": page.neighbourhood.name, "title": page.title}
        )
    )
    url = page.url or ""
    told = people_tell_once(
        people=[person for person in people if person.pk not in already],
        told_record=lambda person: ImprovementTold.objects.create(
            page=page, person=person, told_at=timezone.now()
        ),
        kind=NotificationKind.IMPROVEMENT,
        subject=subject,
        body=body,
        url=url,
        dedupe_prefix=f"improvement-{page.pk}",
    )
    if told:
        activity_record(
            actor=by,
            verb=IMPROVEMENT_PEOPLE_TOLD,
            obj=page,
            context={
                "neighbourhood": page.neighbourhood_id,
                "reports": [report.pk for report in reports],
                "people": told,
            },
        )
        log(page, TOLD_LOG_ACTION, user=by, data={"people": told})
    return told


def improvement_published(sender, instance, revision=None, **_kwargs) -> None:
    """The ``page_published`` receiver (connected in ``voice/apps.py``)."""
    if not isinstance(instance, ImprovementPage):
        return
    by = getattr(revision, "user", None)
    improvement_people_tell(page=instance, by=by)


@transaction.atomic
def improvements_index_ensure() -> YouSaidWeDidIndexPage:
    """The "You said, we did" index (made and published under the home page if missing), with
    its page permissions for :data:`INDEX_EDITOR_GROUPS` and image permissions for Managers.
    Safe to run again."""
    from django.contrib.auth.models import Group, Permission
    from django.contrib.contenttypes.models import ContentType

    from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

    from training.core.models import HomePage
    from translations.routing import locale_id_default

    # The English pages: each translated home page has its own tree (voice pages are not copied).
    index = YouSaidWeDidIndexPage.objects.filter(locale_id=locale_id_default()).first()
    if index is None:
        home = HomePage.objects.get(locale_id=locale_id_default())
        index = YouSaidWeDidIndexPage(
            title=INDEX_TITLE, slug=INDEX_SLUG, introduction=INDEX_INTRODUCTION
        )
        home.add_child(instance=index)
        index.save_revision().publish()
    page_type = ContentType.objects.get_for_model(Page)
    for group_name in INDEX_EDITOR_GROUPS:
        group, _created = Group.objects.get_or_create(name=group_name)
        for codename in INDEX_PAGE_PERMISSIONS:
            permission = Permission.objects.get(content_type=page_type, codename=codename)
            GroupPagePermission.objects.get_or_create(
                group=group, page_id=index.pk, permission=permission
            )
    root_collection = Collection.get_first_root_node()
    managers = Group.objects.get(name=MANAGER)
    for codename in MANAGER_IMAGE_PERMISSIONS:
        permission = Permission.objects.get(
            content_type__app_label="wagtailimages", codename=codename
        )
        GroupCollectionPermission.objects.get_or_create(
            group=managers, collection=root_collection, permission=permission
        )
    return index
