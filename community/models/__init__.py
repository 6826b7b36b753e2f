from community.models.content import (
    BODY_MAX_LENGTH,
    COMMENT_MAX_LENGTH,
    PHOTO_DESCRIPTION_MAX_LENGTH,
    ActionKind,
    Comment,
    Flag,
    ModerationAction,
    Post,
    Status,
)
from community.models.groups import (
    MODERATING_ROLES,
    Group,
    Joining,
    Membership,
    MembershipStatus,
    Role,
)

__all__ = [
    "BODY_MAX_LENGTH",
    "COMMENT_MAX_LENGTH",
    "MODERATING_ROLES",
    "PHOTO_DESCRIPTION_MAX_LENGTH",
    "ActionKind",
    "Comment",
    "Flag",
    "Group",
    "Joining",
    "Membership",
    "MembershipStatus",
    "ModerationAction",
    "Post",
    "Role",
    "Status",
]
