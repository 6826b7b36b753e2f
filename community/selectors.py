"""Reads for the community pages, each a fixed number of queries whatever the data size."""

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.urls import reverse

from community.models import (
    Comment,
    Flag,
    Group,
    Joining,
    Membership,
    MembershipStatus,
    Post,
    Status,
)
from training.core.addresses import absolute_url
from training.places.models import CommunityCentre, Neighbourhood
from training.users.people import badge_prefetch


def centres_for_neighbourhood(*, neighbourhood: Neighbourhood | None) -> QuerySet[CommunityCentre]:
    """Community centres in a neighbourhood, or all of them."""
    centres = CommunityCentre.objects.select_related("neighbourhood")
    if neighbourhood is None:
        return centres.order_by("name")
    return centres.filter(neighbourhood=neighbourhood).order_by("name")


def group_for_neighbourhood(*, neighbourhood: Neighbourhood) -> Group | None:
    """The neighbourhood's main open group: the oldest open one."""
    return (
        Group.objects.filter(neighbourhood=neighbourhood, joining=Joining.OPEN)
        .order_by("created_at", "pk")
        .first()
    )


def membership_of(*, group: Group, user) -> Membership | None:
    if not user.is_authenticated:
        return None
    return Membership.objects.filter(group=group, user=user).first()


def groups_with_counts() -> QuerySet[Group]:
    active = Q(memberships__status=MembershipStatus.ACTIVE)
    return Group.objects.select_related("neighbourhood").annotate(
        member_count=Count("memberships", filter=active)
    )


def groups_overview(*, user) -> dict:
    """For the community home: the person's groups, their neighbourhood's, and topic groups.

    Each group carries ``member_count`` and, for a signed-in person, ``my_status`` (active,
    requested or None). Three queries at most.
    """
    groups = list(groups_with_counts().order_by("name"))
    statuses = {}
    if user.is_authenticated:
        statuses = dict(Membership.objects.filter(user=user).values_list("group_id", "status"))
    for group in groups:
        group.my_status = statuses.get(group.pk)
    neighbourhood_id = user.neighbourhood_id if user.is_authenticated else None
    mine = [group for group in groups if group.my_status == MembershipStatus.ACTIVE]
    return {
        "mine": mine,
        "requested": [g for g in groups if g.my_status == MembershipStatus.REQUESTED],
        "neighbourhood": [
            g
            for g in groups
            if neighbourhood_id and g.neighbourhood_id == neighbourhood_id and g not in mine
        ],
        "topic": [g for g in groups if g.is_topic_group and g not in mine],
        "other": [
            g
            for g in groups
            if not g.is_topic_group and g.neighbourhood_id != neighbourhood_id and g not in mine
        ],
        "open": [g for g in groups if g.joining == Joining.OPEN],
    }


def _visible(viewer) -> Q:
    """Published items, and the viewer's own whatever their state (they see a notice)."""
    condition = Q(status=Status.PUBLISHED)
    if viewer.is_authenticated:
        condition |= Q(author=viewer)
    return condition


def _post_listing(viewer) -> QuerySet[Post]:
    return (
        Post.objects.filter(_visible(viewer))
        .select_related("author", "group")
        .prefetch_related(badge_prefetch("author"))
        .annotate(comment_count=Count("comments", filter=Q(comments__status=Status.PUBLISHED)))
        .order_by("-created_at", "-pk")
    )


def posts_for_group(*, group: Group, viewer) -> QuerySet[Post]:
    return _post_listing(viewer).filter(group=group)


def posts_feed(*, user) -> QuerySet[Post]:
    """Recent posts from the groups the person belongs to."""
    member_of = Membership.objects.filter(user=user, status=MembershipStatus.ACTIVE).values(
        "group_id"
    )
    return _post_listing(user).filter(group_id__in=member_of)


def post_with_comments(*, pk: int, viewer) -> Post | None:
    comments = (
        Comment.objects.filter(_visible(viewer))
        .select_related("author")
        .prefetch_related(badge_prefetch("author"))
    )
    return (
        Post.objects.select_related("author", "group", "group__neighbourhood")
        .prefetch_related(
            badge_prefetch("author"),
            Prefetch("comments", queryset=comments, to_attr="visible_comments"),
        )
        .filter(pk=pk)
        .first()
    )


def group_members(*, group: Group) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(group=group, status=MembershipStatus.ACTIVE)
        .select_related("user")
        .prefetch_related(badge_prefetch("user"))
        .order_by("role", "user__display_name", "user__username")
    )


def group_waiting(*, group: Group) -> dict:
    """What a group's owners and moderators have to decide: posts and requests to join."""
    return {
        "posts": list(
            Post.objects.filter(group=group, status=Status.PENDING)
            .select_related("author")
            .prefetch_related(badge_prefetch("author"))
            .order_by("created_at")
        ),
        "requests": list(
            Membership.objects.filter(group=group, status=MembershipStatus.REQUESTED)
            .select_related("user")
            .prefetch_related(badge_prefetch("user"))
            .order_by("created_at")
        ),
    }


def _open_flags(model) -> QuerySet:
    field = "post" if model is Post else "comment"
    return Flag.objects.filter(reviewed_at__isnull=True, **{field: OuterRef("pk")})


def moderation_queue() -> dict:
    """Everything for a moderator to look at: reported items and posts waiting for approval."""
    flagged = Q(Exists(_open_flags(Post))) | Q(status=Status.PENDING)
    posts = (
        Post.objects.filter(flagged)
        .select_related("author", "group")
        .annotate(open_flags=Count("flags", filter=Q(flags__reviewed_at__isnull=True)))
        .order_by("created_at")
    )
    comments = (
        Comment.objects.filter(Exists(_open_flags(Comment)))
        .select_related("author", "post__group")
        .annotate(open_flags=Count("flags", filter=Q(flags__reviewed_at__isnull=True)))
        .order_by("created_at")
    )
    return {"posts": list(posts), "comments": list(comments)}


def item_flags(*, item) -> list[Flag]:
    field = "post" if isinstance(item, Post) else "comment"
    return list(Flag.objects.filter(**{field: item}).select_related("flagged_by"))


def _iso(moment) -> str | None:
    return moment.isoformat() if moment else None


def community_export(*, person) -> dict:
    """Everything the community holds about ``person``, for "Download my data"."""
    return {
        "groups": [
            {
                "group": row.group.name,
                "role": row.role,
                "status": row.status,
                "since": _iso(row.created_at),
            }
            for row in Membership.objects.filter(user=person).select_related("group")
        ],
        "posts": [
            {
                "id": post.pk,
                "group": post.group.name,
                "text": post.body,
                # The photo's own address on the site (its view checks who may see it):
                # private storage has no public address to give.
                "photo": (
                    absolute_url(reverse("community:post_photo", args=[post.pk]))
                    if post.photo
                    else None
                ),
                "photo_description": post.photo_description,
                "status": post.status,
                "why_hidden": post.hidden_reason,
                "written": _iso(post.created_at),
                "edited": _iso(post.edited_at),
            }
            for post in Post.objects.filter(author=person).select_related("group").order_by("pk")
        ],
        "replies": [
            {
                "post": comment.post_id,
                "text": comment.body,
                "status": comment.status,
                "why_hidden": comment.hidden_reason,
                "written": _iso(comment.created_at),
            }
            for comment in Comment.objects.filter(author=person).order_by("pk")
        ],
        "reports_made": [
            {
                "post": flag.post_id,
                "reply": flag.comment_id,
                "reason": flag.reason,
                "made": _iso(flag.created_at),
            }
            for flag in Flag.objects.filter(flagged_by=person).order_by("pk")
        ],
    }
