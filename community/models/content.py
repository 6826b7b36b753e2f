"""What people write: posts (with an optional photo) and comments, and the moderation around them.

Text is stored twice: ``body`` exactly as the person typed it (for editing) and ``body_html``,
the safe HTML shown on the page, made by :mod:`community.text` from the escaped text and passed
through the site's one sanitiser. Photos are re-encoded by :mod:`community.photos` before they
are stored.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from community.photos import photo_file_name
from training.core.storage import private_storage

BODY_MAX_LENGTH = 5000
COMMENT_MAX_LENGTH = 2000
PHOTO_DESCRIPTION_MAX_LENGTH = 250


class Status(models.TextChoices):
    PUBLISHED = "published", _("Showing")
    PENDING = "pending", _("Waiting for approval")
    HIDDEN = "hidden", _("Hidden")


def photo_upload_to(instance, filename: str) -> str:  # noqa: ARG001 - the name is ignored
    return photo_file_name(folder="community/photos", filename=filename)


class ModeratedContent(models.Model):
    """What posts and comments share: who wrote it, its text, and whether it shows."""

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("written by"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    body = models.TextField(_("text"))
    body_html = models.TextField(_("text as shown"), editable=False)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PUBLISHED
    )
    hidden_reason = models.TextField(_("why it was hidden"), blank=True)
    created_at = models.DateTimeField(_("written"), default=timezone.now)
    edited_at = models.DateTimeField(_("last edited"), null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def is_published(self) -> bool:
        return self.status == Status.PUBLISHED

    @property
    def is_hidden(self) -> bool:
        return self.status == Status.HIDDEN

    @property
    def is_pending(self) -> bool:
        return self.status == Status.PENDING


class Post(ModeratedContent):
    group = models.ForeignKey(
        "community.Group", verbose_name=_("group"), on_delete=models.CASCADE, related_name="posts"
    )
    # Private storage: a photo is shown only to those who may read its post (and not once it is
    # hidden), through community:post_photo, never from a public address.
    photo = models.FileField(
        _("photo"), upload_to=photo_upload_to, storage=private_storage, blank=True
    )
    photo_description = models.CharField(
        _("photo description"), max_length=PHOTO_DESCRIPTION_MAX_LENGTH, blank=True
    )
    photo_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    photo_height = models.PositiveIntegerField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("post")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["group", "status", "created_at"], name="community_post_feed"),
            models.Index(fields=["status", "created_at"], name="community_post_status"),
        ]
        permissions = [
            ("moderate_content", _("Can review, hide and restore community content")),
        ]

    def __str__(self) -> str:
        return _("Post by %(name)s in %(group)s") % {"name": self.author, "group": self.group}

    def get_absolute_url(self) -> str:
        return reverse("community:post_detail", kwargs={"pk": self.pk})

    @property
    def photo_url(self) -> str:
        return reverse("community:post_photo", kwargs={"pk": self.pk}) if self.photo else ""


class Comment(ModeratedContent):
    post = models.ForeignKey(
        Post, verbose_name=_("post"), on_delete=models.CASCADE, related_name="comments"
    )

    class Meta:
        verbose_name = _("comment")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["post", "status"], name="community_comment_post")]

    def __str__(self) -> str:
        return _("Comment by %(name)s") % {"name": self.author}

    def get_absolute_url(self) -> str:
        return f"{self.post.get_absolute_url()}#comment-{self.pk}"

    @property
    def group(self):
        return self.post.group


class Flag(models.Model):
    """Someone reported a post or a comment. One flag per person per item."""

    flagged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reported by"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    post = models.ForeignKey(
        Post, null=True, blank=True, on_delete=models.CASCADE, related_name="flags"
    )
    comment = models.ForeignKey(
        Comment, null=True, blank=True, on_delete=models.CASCADE, related_name="flags"
    )
    reason = models.TextField(_("reason"))
    created_at = models.DateTimeField(_("reported"), default=timezone.now)
    # Set when a moderator has looked at the item: reviewed flags no longer count.
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)

    class Meta:
        verbose_name = _("report")
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(post__isnull=False, comment__isnull=True)
                    | models.Q(post__isnull=True, comment__isnull=False)
                ),
                name="community_flag_one_item",
            ),
            models.UniqueConstraint(
                fields=["flagged_by", "post"],
                condition=models.Q(post__isnull=False),
                name="community_one_flag_per_post",
            ),
            models.UniqueConstraint(
                fields=["flagged_by", "comment"],
                condition=models.Q(comment__isnull=False),
                name="community_one_flag_per_comment",
            ),
        ]

    def __str__(self) -> str:
        return f"Report by {self.flagged_by_id} on {'post' if self.post_id else 'comment'}"

    @property
    def item(self):
        return self.post if self.post_id else self.comment


class ActionKind(models.TextChoices):
    AUTO_HIDE = "auto_hide", _("Hidden after reports")
    HIDE = "hide", _("Hidden")
    RESTORE = "restore", _("Restored")
    EDIT = "edit", _("Edited")
    APPROVE = "approve", _("Approved")
    JOIN_APPROVE = "join_approve", _("Request to join approved")
    JOIN_REFUSE = "join_refuse", _("Request to join refused")


class ModerationAction(models.Model):
    """The audit log: every moderation action, who took it, on what, why, and what changed.

    Rows are only ever added. ``moderator`` is empty when the site acted by itself (hiding an
    item after three reports).
    """

    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    action = models.CharField(_("what"), max_length=20, choices=ActionKind.choices)
    group = models.ForeignKey(
        "community.Group", verbose_name=_("group"), on_delete=models.CASCADE, related_name="+"
    )
    post = models.ForeignKey(
        Post, null=True, blank=True, on_delete=models.SET_NULL, related_name="moderation_actions"
    )
    comment = models.ForeignKey(
        Comment,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="moderation_actions",
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person it concerns"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reason = models.TextField(_("reason"), blank=True)
    original_text = models.TextField(_("text before"), blank=True)
    new_text = models.TextField(_("text after"), blank=True)
    created_at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        verbose_name = _("moderation action")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_action_display()} at {self.created_at:%Y-%m-%d %H:%M}"

    @property
    def item(self):
        return self.post if self.post_id else self.comment
