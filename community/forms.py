"""Forms for posts, comments and reports. Every bad input gets a plain message by its field."""

from django import forms
from django.utils.translation import gettext_lazy as _

from community.models import BODY_MAX_LENGTH, COMMENT_MAX_LENGTH, PHOTO_DESCRIPTION_MAX_LENGTH
from community.photos import TOO_BIG, photo_prepare
from community.text import text_clean

REASON_MAX_LENGTH = 500
PHOTO_TYPES = "image/jpeg,image/png,image/webp"


def _too_long(limit: int) -> dict:
    return {
        "max_length": _(
            "Keep it to %(limit_value)d characters or fewer. It has %(show_value)d now."
        )
    }


class TypedTextField(forms.CharField):
    """Text kept exactly as typed: only the spaces around it are trimmed and line endings made
    one kind. Nothing that looks like markup is removed; pages escape it when they show it."""

    def to_python(self, value) -> str:
        return text_clean(super().to_python(value))


def _text_field(
    *, label, max_length: int, rows: int, required_message="", help_text="", required=True
) -> TypedTextField:
    """A text box with our plain-English messages for empty and too long."""
    messages = _too_long(max_length)
    if required_message:
        messages["required"] = required_message
    return TypedTextField(
        label=label,
        help_text=help_text,
        max_length=max_length,
        required=required,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages=messages,
    )


class PhotoCleanMixin:
    """For a form with a ``photo`` file field: the upload re-encoded by the photo pipeline
    (``community.photos.photo_prepare``: EXIF and GPS stripped), or None. The view sets
    ``photo_too_big`` when the upload was refused before it reached the form."""

    photo_too_big = False
    cleaned_data: dict

    def clean_photo(self):
        if self.photo_too_big:
            raise forms.ValidationError(TOO_BIG, code="too_big")
        upload = self.cleaned_data.get("photo")
        if not upload:
            return None
        return photo_prepare(upload)


class PostForm(PhotoCleanMixin, forms.Form):
    empty_text_message = _("Write your post first. It cannot be empty.")

    text = _text_field(
        label=_("Your post"),
        help_text=_("Plain text. Web addresses become links."),
        max_length=BODY_MAX_LENGTH,
        rows=6,
        required_message=empty_text_message,
    )
    photo = forms.FileField(
        label=_("Photo (optional)"),
        help_text=_("A JPEG, PNG or WebP photo, smaller than 10 MB. We remove its location."),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": PHOTO_TYPES}),
        error_messages={"invalid": _("Choose a photo from your phone or computer.")},
    )
    photo_description = forms.CharField(
        label=_("Describe your photo"),
        help_text=_(
            "Needed if you add a photo. Say what it shows, for people who cannot see it, "
            "e.g. “New benches by the playground”."
        ),
        required=False,
        max_length=PHOTO_DESCRIPTION_MAX_LENGTH,
        error_messages=_too_long(PHOTO_DESCRIPTION_MAX_LENGTH),
    )

    def __init__(self, *args, has_photo: bool = False, photo_too_big: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.has_photo = has_photo
        self.photo_too_big = photo_too_big
        if has_photo:
            self.fields["photo"].label = _("Change the photo (optional)")

    def clean(self) -> dict:
        cleaned = super().clean()
        photo_given = bool(cleaned.get("photo")) or "photo" in self.errors or self.has_photo
        description = (cleaned.get("photo_description") or "").strip()
        if photo_given and not description and "photo_description" not in self.errors:
            self.add_error(
                "photo_description",
                forms.ValidationError(
                    _("Describe your photo in a few words, so everyone knows what it shows."),
                    code="required",
                ),
            )
        cleaned["photo_description"] = description
        return cleaned


class CommentForm(forms.Form):
    empty_text_message = _("Write your reply first. It cannot be empty.")

    text = _text_field(
        label=_("Your reply"),
        help_text=_("Plain text. Web addresses become links."),
        max_length=COMMENT_MAX_LENGTH,
        rows=4,
        required_message=empty_text_message,
    )


class FlagForm(forms.Form):
    reason = _text_field(
        label=_("What is wrong with it?"),
        help_text=_("For example: it is rude, it shares someone's address, or it is a scam."),
        max_length=REASON_MAX_LENGTH,
        rows=3,
        required_message=_("Tell us what is wrong, so a moderator can check it."),
    )


# --- Admin moderation forms ------------------------------------------------------------------


class ModerationReasonForm(forms.Form):
    reason = _text_field(
        label=_("Reason (the author is told this when you hide)"),
        max_length=REASON_MAX_LENGTH,
        rows=2,
        required=False,
    )

    def __init__(self, *args, reason_required: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["reason"].required = reason_required
        if not reason_required:
            self.fields["reason"].label = _("Note for the audit log (optional)")
        self.fields["reason"].error_messages["required"] = _(
            "Give a reason. The author is told it."
        )


class ModerationEditForm(forms.Form):
    text = _text_field(
        label=_("New text"),
        max_length=BODY_MAX_LENGTH,
        rows=6,
        required_message=_("Write something first."),
    )
    reason = _text_field(
        label=_("Why you changed it"),
        max_length=REASON_MAX_LENGTH,
        rows=2,
        required_message=_("Say why you changed it, for the audit log."),
    )
