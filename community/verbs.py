"""The community's activity verbs (see :mod:`training.core.verbs`)."""

from django.utils.translation import gettext_lazy as _

from training.core.verbs import verb_register

GROUP_JOINED = verb_register(
    "community.group.joined",
    _("Became a member of a group (joined an open group, or was let into one). Taking part."),
    participation=True,
)
GROUP_LEFT = verb_register(
    "group.left",
    _("Left a group or withdrew a request to join. Not taking part."),
)
POST_CREATED = verb_register(
    "community.post.created",
    _("Wrote a post in a group, perhaps with a photo. Taking part."),
    participation=True,
)
POST_DELETED = verb_register(
    "post.deleted",
    _("The author took their own post down. Not taking part."),
)
COMMENT_CREATED = verb_register(
    "community.comment.created",
    _("Replied to a post. Taking part."),
    participation=True,
)
CONTENT_HIDDEN = verb_register(
    "content.hidden",
    _(
        "A post or reply was hidden: by a moderator (who is recorded), or automatically after "
        "several reports (nobody is recorded). Moderating is not taking part."
    ),
)
