"""Photos people add to posts: checked and re-encoded with Pillow before anything is stored.

- only JPEG, PNG and WebP, judged by what the file contains, never by its name;
- at most 10 MB and 40 megapixels; decompression bombs (a small file that opens into a huge
  picture) are refused before the picture is decoded;
- the photo is turned the right way up, then saved afresh without its EXIF data (so no GPS
  position, camera or date leaves the phone), at most 1600 pixels on its longest side so pages
  stay light on mobile data, under a name the server makes up.
"""

import uuid
import warnings
from dataclasses import dataclass
from io import BytesIO

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from PIL import Image, ImageOps, UnidentifiedImageError

MAX_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000
LONGEST_SIDE = 1600
# Pillow's name for each format we accept, and how we save it again.
FORMATS = {
    "JPEG": ("jpg", {"quality": 85, "optimize": True}),
    "PNG": ("png", {"optimize": True}),
    "WEBP": ("webp", {"quality": 85}),
}

NOT_A_PHOTO = _("This file is not a photo we can use. Choose a JPEG, PNG or WebP photo.")
TOO_BIG = _("This photo is too big. Choose one smaller than 10 MB.")
TOO_MANY_PIXELS = _(
    "This photo has too many pixels (more than 40 megapixels). Choose a smaller photo."
)


@dataclass(frozen=True)
class PreparedPhoto:
    file: ContentFile
    width: int
    height: int


def photo_prepare(upload) -> PreparedPhoto:
    """Check an uploaded file and return a clean copy, or raise ``ValidationError``."""
    if upload.size is not None and upload.size > MAX_BYTES:
        raise ValidationError(TOO_BIG, code="too_big")
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            # Pillow only warns between its own limit and twice it; treat that as a bomb too.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(upload, formats=list(FORMATS)) as image:
                # Image.open reads only the header: check the size before decoding anything.
                if image.width * image.height > MAX_PIXELS:
                    raise ValidationError(TOO_MANY_PIXELS, code="too_many_pixels")
                image_format = image.format
                image.load()
                upright = ImageOps.exif_transpose(image)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise ValidationError(TOO_MANY_PIXELS, code="too_many_pixels") from error
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise ValidationError(NOT_A_PHOTO, code="not_a_photo") from error
    return _encode(upright, image_format)


def _encode(image: Image.Image, image_format: str) -> PreparedPhoto:
    extension, options = FORMATS[image_format]
    if image_format == "JPEG":
        image = image.convert("RGB")
    elif image.mode not in ("RGB", "RGBA", "L", "LA"):
        image = image.convert("RGBA" if "transparency" in image.info else "RGB")
    image.thumbnail((LONGEST_SIDE, LONGEST_SIDE))
    image.info = {}  # drop EXIF, XMP, text chunks and the rest: only the pixels go on
    buffer = BytesIO()
    # No exif=, no pnginfo=, no icc_profile=: nothing from the original file is carried over.
    image.save(buffer, format=image_format, **options)
    return PreparedPhoto(
        file=ContentFile(buffer.getvalue(), name=f"photo.{extension}"),
        width=image.width,
        height=image.height,
    )


class PhotoSizeLimitUploadHandler(FileUploadHandler):
    """Stop reading an uploaded file as soon as it passes MAX_BYTES, so an oversized upload is
    never kept in memory or on disk; the fields after it are still read. The view then shows
    TOO_BIG beside the field (``request.photo_too_big``)."""

    def __init__(self, request=None) -> None:
        super().__init__(request)
        request.photo_too_big = False

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        if start + len(raw_data) > MAX_BYTES:
            self.request.photo_too_big = True
            raise SkipFile
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None


def photo_file_name(*, folder: str, filename: str) -> str:
    """Where a prepared photo is kept: a name the server makes under ``folder``, by month.
    Nothing of the uploader's file name is kept but its extension (ours, after re-encoding)."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "jpg"
    return f"{folder}/{timezone.now():%Y/%m}/{uuid.uuid4().hex}.{extension}"
