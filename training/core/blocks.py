"""StreamField blocks that any part of the site can use: images with alt text, and videos.

Both refuse to be saved without the text that makes them accessible: alt text for an image, a
transcript for a video. They are refused even in drafts, so that a page can never be published
without them by a bulk action or a schedule.

Videos are embedded by our own code, never by an oEmbed look-up: the address of a YouTube or
Vimeo video is turned into the address of its privacy-enhanced player (youtube-nocookie.com,
player.vimeo.com), which the Content Security Policy allows in frames.
"""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlencode, urlsplit

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock

__all__ = [
    "ALT_TEXT_MISSING",
    "TRANSCRIPT_MISSING",
    "VIDEO_ADDRESS_INVALID",
    "AccessibleImageBlock",
    "VideoBlock",
    "VideoEmbed",
    "struct_clean",
    "struct_errors_merge",
    "video_embed",
]

ALT_TEXT_MISSING = _(
    "Describe the image for people who cannot see it, for example “A phone showing the "
    "Settings app”. This description is called alt text. You must add it."
)
TRANSCRIPT_MISSING = _(
    "Add a transcript: write down everything that is said and shown in the video, for people "
    "who cannot watch or hear it. You must add it."
)
VIDEO_ADDRESS_INVALID = _(
    "Use the address of a video on YouTube or Vimeo, for example "
    "https://www.youtube.com/watch?v=abc123DEF45 or https://vimeo.com/123456789."
)

_YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
_VIMEO_ID = re.compile(r"^\d{3,12}$")
_VIMEO_HASH = re.compile(r"^[0-9a-f]{6,20}$")
_YOUTUBE_HOSTS = {
    "youtube.com",
    "www.youtube.com",
    "m.youtube.com",
    "music.youtube.com",
    "youtube-nocookie.com",
    "www.youtube-nocookie.com",
}
_VIMEO_HOSTS = {"vimeo.com", "www.vimeo.com", "player.vimeo.com"}


@dataclass(frozen=True)
class VideoEmbed:
    """Where to show a video: the player in a frame, or the video's own page as a plain link."""

    provider: str  # "YouTube" or "Vimeo": a name, shown to people
    video_id: str
    embed_url: str
    watch_url: str


def video_embed(url: str) -> VideoEmbed | None:
    """Turn the address of a YouTube or Vimeo video into its player addresses, or ``None``.

    Pure string work: nothing is fetched. The player never starts by itself.
    """
    if not url:
        return None
    parts = urlsplit(url.strip())
    if parts.scheme not in {"http", "https"}:
        return None
    host = (parts.hostname or "").lower()
    segments = [segment for segment in parts.path.split("/") if segment]
    query = parse_qs(parts.query)

    if host in _YOUTUBE_HOSTS or host == "youtu.be":
        return _youtube_embed(host, segments, query)
    if host in _VIMEO_HOSTS:
        return _vimeo_embed(segments, query)
    return None


def _youtube_id(host: str, segments: list[str], query: dict[str, list[str]]) -> str | None:
    """The video's id from a youtu.be, watch, embed, shorts, live or /v/ address."""
    if host == "youtu.be":
        return segments[0] if segments else None
    if segments[:1] == ["watch"]:
        ids = query.get("v")
        return ids[0] if ids else None
    if len(segments) >= 2 and segments[0] in {"embed", "shorts", "live", "v"}:
        return segments[1]
    return None


def _youtube_embed(
    host: str, segments: list[str], query: dict[str, list[str]]
) -> VideoEmbed | None:
    video_id = _youtube_id(host, segments, query)
    if not video_id or not _YOUTUBE_ID.match(video_id):
        return None
    return VideoEmbed(
        provider="YouTube",
        video_id=video_id,
        embed_url=f"https://www.youtube-nocookie.com/embed/{video_id}?rel=0",
        watch_url=f"https://www.youtube.com/watch?v={video_id}",
    )


def _vimeo_embed(segments: list[str], query: dict[str, list[str]]) -> VideoEmbed | None:
    numeric = [segment for segment in segments if _VIMEO_ID.match(segment)]
    if not numeric:
        return None
    video_id = numeric[-1]
    # Unlisted videos carry a privacy hash: vimeo.com/123/abcdef or ?h=abcdef.
    after = segments[segments.index(video_id) + 1 :]
    hashes = query.get("h") or after
    private_hash = hashes[0] if hashes else None
    params = {"dnt": "1"}
    if private_hash and _VIMEO_HASH.match(private_hash):
        params["h"] = private_hash
    watch = f"https://vimeo.com/{video_id}"
    if "h" in params:
        watch += f"/{params['h']}"
    return VideoEmbed(
        provider="Vimeo",
        video_id=video_id,
        embed_url=f"https://player.vimeo.com/video/{video_id}?{urlencode(params)}",
        watch_url=watch,
    )


def struct_errors_merge(
    error: StructBlockValidationError | None, extra: dict[str, ValidationError]
) -> StructBlockValidationError | None:
    """Combine the errors a StructBlock found with our own; ours win for the same field."""
    if error is None and not extra:
        return None
    return _struct_errors_merged(error, extra)


def _struct_errors_merged(
    error: StructBlockValidationError | None, extra: dict[str, ValidationError]
) -> StructBlockValidationError:
    block_errors = dict(error.block_errors) if error is not None else {}
    block_errors.update(extra)
    non_block_errors = error.non_block_errors if error is not None else None
    return StructBlockValidationError(block_errors=block_errors, non_block_errors=non_block_errors)


def struct_clean(clean, value, extra: dict[str, ValidationError]):
    """Run a StructBlock's own ``clean`` and report its errors together with ours.

    ``clean`` is the block's ``super().clean``; ``extra`` holds our checks' errors by field, so
    the editor sees every problem beside its field at once.
    """
    try:
        cleaned = clean(value)
    except StructBlockValidationError as error:
        raise _struct_errors_merged(error, extra) from None
    if extra:
        raise _struct_errors_merged(None, extra)
    return cleaned


def _blank(value) -> bool:
    return not str(value or "").strip()


class AccessibleImageBlock(blocks.StructBlock):
    """A picture, always with alt text, and a caption if it helps."""

    image = ImageChooserBlock(
        label=_("Image"),
        help_text=_("Choose a clear picture. Screenshots work well for showing what to tap."),
    )
    alt = blocks.CharBlock(
        label=_("Alt text (describe the image)"),
        max_length=250,
        help_text=_(
            "Say what the image shows, for people who cannot see it. For example: “The "
            "WhatsApp app, with the green phone button circled”. Do not start with “Image of”."
        ),
    )
    caption = blocks.CharBlock(
        label=_("Caption"),
        required=False,
        max_length=250,
        help_text=_("Optional. A short line shown under the image for everyone."),
    )

    class Meta:
        icon = "image"
        label = _("Image")
        template = "components/streamfield/image.html"
        help_text = _("A picture with a description for people who cannot see it.")

    def clean(self, value):
        extra = {}
        if _blank(value.get("alt")):
            extra["alt"] = ValidationError(ALT_TEXT_MISSING)
        return struct_clean(super().clean, value, extra)


class VideoBlock(blocks.StructBlock):
    """A YouTube or Vimeo video that only loads when someone asks for it, with a transcript."""

    url = blocks.URLBlock(
        label=_("Video address"),
        help_text=_(
            "Copy the address of the video from YouTube or Vimeo, for example "
            "https://www.youtube.com/watch?v=abc123DEF45. We show it with the privacy-friendly "
            "player and it never starts by itself."
        ),
    )
    title = blocks.CharBlock(
        label=_("Title"),
        max_length=120,
        help_text=_("What the video is about, for example “How to make a video call”."),
    )
    duration = blocks.CharBlock(
        label=_("How long it lasts"),
        required=False,
        max_length=30,
        help_text=_("Optional, for example “3 minutes”. It helps people judge the data use."),
    )
    transcript = blocks.TextBlock(
        label=_("Transcript"),
        help_text=_(
            "Write down everything that is said, and describe anything important that is only "
            "shown. People who cannot hear, or who do not want to use mobile data, read this."
        ),
    )

    class Meta:
        icon = "media"
        label = _("Video")
        template = "components/streamfield/video.html"
        help_text = _(
            "A video from YouTube or Vimeo. Add a transcript. We warn people that videos use "
            "mobile data, and the video only loads when they choose to watch it."
        )

    def clean(self, value):
        extra = {}
        if _blank(value.get("transcript")):
            extra["transcript"] = ValidationError(TRANSCRIPT_MISSING)
        if not _blank(value.get("url")) and video_embed(value.get("url")) is None:
            extra["url"] = ValidationError(VIDEO_ADDRESS_INVALID)
        return struct_clean(super().clean, value, extra)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["embed"] = video_embed(value.get("url"))
        return context
