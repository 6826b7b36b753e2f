"""Every write in the community: joining groups, posting, commenting, reporting, moderating.

What people type (posts, replies, reasons) is stored exactly as typed (``community.text``);
``body_html`` is made from it by escaping it first, and templates escape everything else.

Views check who may act (``community.permissions``); these functions do the work, in a
transaction, record participation in the activity stream, keep the audit log and tell people
what happened to them (``notifications.services.notification_send``).
"""

from typing import cast

from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from community.models import (
    ActionKind,
    Comment,
    Flag,
    Group,
    Membership,
    MembershipStatus,
    ModerationAction,
    Post,
    Role,
    Status,
)
from community.permissions import group_can_moderate
from community.photos import PreparedPhoto
from community.text import text_clean, text_render
from community.verbs import (
    COMMENT_CREATED,
    CONTENT_HIDDEN,
    GROUP_JOINED,
    GROUP_LEFT,
    POST_CREATED,
    POST_DELETED,
)
from notifications.models import NotificationKind
from notifications.services import notification_send
from training.core.services import activity_record

# Reports from this many different people hide an item until a moderator has looked at it.
FLAG_THRESHOLD = 3


def group_context(group: Group) -> dict:
    """What the activity stream records about where something happened."""
    context = {"group_id": group.pk}
    if group.neighbourhood_id:
        context["neighbourhood_id"] = group.neighbourhood_id
    return context


# --- Groups ----------------------------------------------------------------------------------


@transaction.atomic
def group_join(*, group: Group, user) -> Membership:
    """Join an open group, or ask to join an approval-only one. Doing it twice changes nothing."""
    status = MembershipStatus.REQUESTED if group.needs_approval else MembershipStatus.ACTIVE
    membership, created = Membership.objects.get_or_create(
        group=group, user=user, defaults={"status": status, "role": Role.MEMBER}
    )
    if created and membership.is_active:
        activity_record(actor=user, verb=GROUP_JOINED, obj=group, context=group_context(group))
    return membership


@transaction.atomic
def group_leave(*, group: Group, user) -> bool:
    """Leave a group (or withdraw a request to join). True if there was something to leave."""
    deleted, _counts = Membership.objects.filter(group=group, user=user).delete()
    if deleted:
        activity_record(actor=user, verb=GROUP_LEFT, obj=group, context=group_context(group))
    return bool(deleted)


@transaction.atomic
def join_request_decide(*, membership: Membership, decided_by, approve: bool) -> None:
    """An owner or moderator lets someone in, or says no. The person is told either way."""
    group = membership.group
    person = membership.user
    if approve:
        membership.status = MembershipStatus.ACTIVE
        membership.created_at = timezone.now()
        membership.save(update_fields=["status", "created_at"])
        activity_record(actor=person, verb=GROUP_JOINED, obj=group, context=group_context(group))
        subject = _("You have joined %(group)s") % {"group": group.name}
        body = _("Good news: you are now a member of %(group)s. Come and say hello.") % {
            "group": group.name
        }
    else:
        membership.delete()
        subject = _("Your request to join %(group)s") % {"group": group.name}
        body = _(
            "Sorry, your request to join %(group)s was not accepted this time. "
            "You can find other groups on the community page."
        ) % {"group": group.name}
    ModerationAction.objects.create(
        moderator=decided_by,
        action=ActionKind.JOIN_APPROVE if approve else ActionKind.JOIN_REFUSE,
        group=group,
        person=person,
    )
    notification_send(
        recipient=person,
        kind=NotificationKind.JOIN_DECISION,
        subject=subject,
        body=body,
        url=group.get_absolute_url(),
    )


# --- Posts and comments ----------------------------------------------------------------------


def _photo_set(post: Post, photo: PreparedPhoto) -> None:
    post.photo.save(cast(str, photo.file.name), photo.file, save=False)
    post.photo_width = photo.width
    post.photo_height = photo.height


@transaction.atomic
def post_create(
    *,
    group: Group,
    author,
    text: str,
    photo: PreparedPhoto | None = None,
    photo_description: str = "",
) -> Post:
    """A new post. In a pre-moderated group it waits for approval before others see it,
    unless its author is one of the people who would approve it."""
    waits = group.pre_moderate and not group_can_moderate(
        user=author, membership=Membership.objects.filter(group=group, user=author).first()
    )
    text = text_clean(text)
    post = Post(
        group=group,
        author=author,
        body=text,
        body_html=text_render(text),
        status=Status.PENDING if waits else Status.PUBLISHED,
        photo_description=photo_description if photo else "",
    )
    if photo is not None:
        _photo_set(post, photo)
    post.save()
    context = group_context(group) | {"has_photo": photo is not None}
    activity_record(actor=author, verb=POST_CREATED, obj=post, context=context)
    return post


@transaction.atomic
def post_edit(
    *,
    post: Post,
    text: str,
    photo: PreparedPhoto | None = None,
    photo_description: str = "",
) -> Post:
    """The author changes their post. A new photo replaces the old one."""
    text = text_clean(text)
    post.body = text
    post.body_html = text_render(text)
    post.edited_at = timezone.now()
    fields = ["body", "body_html", "edited_at", "photo_description"]
    if photo is not None:
        old = post.photo.name
        _photo_set(post, photo)
        fields += ["photo", "photo_width", "photo_height"]
        if old:
            storage, name = post.photo.storage, old
            transaction.on_commit(lambda: storage.delete(name))
    if post.photo:
        post.photo_description = photo_description
    post.save(update_fields=fields)
    return post


@transaction.atomic
def post_delete(*, post: Post) -> None:
    """The author takes their post down, with its replies and photo. The moderation log keeps
    its own copy of anything a moderator acted on."""
    if post.photo:
        storage, name = post.photo.storage, cast(str, post.photo.name)
        transaction.on_commit(lambda: storage.delete(name))
    activity_record(actor=post.author, verb=POST_DELETED, context={"group_id": post.group_id})
    post.delete()


@transaction.atomic
def comment_create(*, post: Post, author, text: str, notify: bool = True) -> Comment:
    """A reply to a post. The post's author is told (unless they replied to themselves, or
    ``notify`` is False: the demo content, say)."""
    text = text_clean(text)
    comment = Comment.objects.create(
        post=post, author=author, body=text, body_html=text_render(text)
    )
    activity_record(
        actor=author,
        verb=COMMENT_CREATED,
        obj=comment,
        context=group_context(post.group) | {"post_id": post.pk},
    )
    if notify and post.author_id != author.pk:
        notification_send(
            recipient=post.author,
            kind=NotificationKind.REPLY,
            subject=_("%(name)s replied to your post") % {"name": author.name},
            body=_("%(name)s replied to your post in %(group)s.")
            % {
                "name": author.name,
                "group": post.group.name,
            },
            url=comment.get_absolute_url(),
            dedupe_key=f"community-reply-{comment.pk}",
        )
    return comment


# --- Reports and moderation ------------------------------------------------------------------


def _item_fields(item: Post | Comment) -> dict:
    return {"post": item} if isinstance(item, Post) else {"comment": item}


def _item_group(item: Post | Comment) -> Group:
    return item.group if isinstance(item, Post) else item.post.group


def _flags_review(item: Post | Comment) -> None:
    Flag.objects.filter(reviewed_at__isnull=True, **_item_fields(item)).update(
        reviewed_at=timezone.now()
    )


def _author_tell_hidden(item: Post | Comment, reason: str) -> None:
    # In the author's language, not the moderator's.
    with translation.override(item.author.preferred_language or None):
        kind_name = _("post") if isinstance(item, Post) else _("comment")
        notification_send(
            recipient=item.author,
            kind=NotificationKind.CONTENT_HIDDEN,
            subject=_("We have hidden your %(kind)s") % {"kind": kind_name},
            body=_(
                "Your %(kind)s in %(group)s is hidden, so other people cannot see it. "
                "Why: %(reason)s"
            )
            % {"kind": kind_name, "group": _item_group(item).name, "reason": reason},
            url=item.get_absolute_url(),
        )


def _log(*, item: Post | Comment, moderator, action: str, reason: str = "", **texts) -> None:
    ModerationAction.objects.create(
        moderator=moderator,
        action=action,
        group=_item_group(item),
        person=item.author,
        reason=reason,
        **_item_fields(item),
        **texts,
    )


@transaction.atomic
def item_flag(*, item: Post | Comment, user, reason: str) -> Flag | None:
    """Report a post or comment. One report per person per item: a second returns None.

    When reports from FLAG_THRESHOLD people are waiting, the item is hidden until reviewed.
    """
    reason = text_clean(reason)
    try:
        with transaction.atomic():
            flag = Flag.objects.create(flagged_by=user, reason=reason, **_item_fields(item))
    except IntegrityError:
        return None
    waiting = Flag.objects.filter(reviewed_at__isnull=True, **_item_fields(item)).count()
    item.refresh_from_db(fields=["status"])
    if waiting >= FLAG_THRESHOLD and item.is_published:
        why = ngettext(
            "%(count)d person reported it. A moderator will look at it soon.",
            "%(count)d people reported it. A moderator will look at it soon.",
            waiting,
        ) % {"count": waiting}
        _hide(item, reason=why)
        _log(item=item, moderator=None, action=ActionKind.AUTO_HIDE, reason=why)
        _author_tell_hidden(item, why)
    return flag


def _hide(item: Post | Comment, *, reason: str, moderator=None) -> None:
    item.status = Status.HIDDEN
    item.hidden_reason = reason
    item.save(update_fields=["status", "hidden_reason"])
    activity_record(
        actor=moderator, verb=CONTENT_HIDDEN, obj=item, context=group_context(_item_group(item))
    )


@transaction.atomic
def content_hide(*, item: Post | Comment, moderator, reason: str) -> None:
    """A moderator hides a post or comment; its author is told why."""
    reason = text_clean(reason)
    _hide(item, reason=reason, moderator=moderator)
    _flags_review(item)
    _log(item=item, moderator=moderator, action=ActionKind.HIDE, reason=reason)
    _author_tell_hidden(item, reason)


@transaction.atomic
def content_restore(*, item: Post | Comment, moderator, reason: str = "") -> None:
    """A moderator shows a hidden (or reported) item again; reports so far are dealt with."""
    was_pending = item.is_pending
    item.status = Status.PUBLISHED
    item.hidden_reason = ""
    item.save(update_fields=["status", "hidden_reason"])
    _flags_review(item)
    action = ActionKind.APPROVE if was_pending else ActionKind.RESTORE
    _log(item=item, moderator=moderator, action=action, reason=reason)


def post_approve(*, post: Post, moderator) -> None:
    """Let a pre-moderated post appear."""
    content_restore(item=post, moderator=moderator)


@transaction.atomic
def content_edit(*, item: Post | Comment, moderator, text: str, reason: str) -> None:
    """A moderator changes the text (e.g. removes a phone number); the original is kept."""
    original = item.body
    text = text_clean(text)
    item.body = text
    item.body_html = text_render(text)
    item.edited_at = timezone.now()
    item.save(update_fields=["body", "body_html", "edited_at"])
    _flags_review(item)
    _log(
        item=item,
        moderator=moderator,
        action=ActionKind.EDIT,
        reason=reason,
        original_text=original,
        new_text=text,
    )


def account_photos_delete(*, person) -> None:
    """Before an account is deleted (its posts go with it): delete its photos from storage too,
    once the deletion has committed."""
    with_photos = Post.objects.filter(author=person).exclude(photo="")
    names = list(with_photos.values_list("photo", flat=True))
    storage = Post._meta.get_field("photo").storage

    def delete() -> None:
        for name in names:
            storage.delete(name)

    transaction.on_commit(delete)
