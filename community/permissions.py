"""Who may do what in the community. One place, so views, templates and tests agree.

- Open groups: anyone signed in reads the posts; approval-only groups: members only.
- Only active members post and comment.
- A group's owners and moderators approve its pre-moderated posts and requests to join; site
  moderators (``community.moderate_content``) can do that anywhere and work from the admin queue.
- Only the author edits a post.
- The member list is for members only.
"""

from community.models import Group, Membership

MODERATE_PERMISSION = "community.moderate_content"


def site_moderator(user) -> bool:
    return user.is_authenticated and user.has_perm(MODERATE_PERMISSION)


def group_can_read(*, user, group: Group, membership: Membership | None) -> bool:
    if not user.is_authenticated:
        return False
    if not group.needs_approval:
        return True
    return (membership is not None and membership.is_active) or site_moderator(user)


def group_can_post(*, membership: Membership | None) -> bool:
    return membership is not None and membership.is_active


def group_can_see_members(*, user, membership: Membership | None) -> bool:
    return (membership is not None and membership.is_active) or site_moderator(user)


def group_can_moderate(*, user, membership: Membership | None) -> bool:
    return (membership is not None and membership.can_moderate) or site_moderator(user)


def post_can_edit(*, user, post) -> bool:
    return user.is_authenticated and post.author_id == user.pk


def post_can_delete(*, user, post) -> bool:
    """Authors take down their own posts, except one a moderator has hidden: that stays, as
    it is, until a moderator has looked at it."""
    return post_can_edit(user=user, post=post) and not post.is_hidden
