"""Photos: re-encoded without EXIF (GPS gone), turned upright, only real JPEG/PNG/WebP, size and
pixel limits, stored under names the server makes; hostile uploads get a message by the field."""

import struct
import zlib
from io import BytesIO
from pathlib import Path

from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.files.uploadhandler import MemoryFileUploadHandler
from django.test import Client

import pytest
from PIL import Image

from community.models import Post
from community.photos import MAX_BYTES, PhotoSizeLimitUploadHandler
from tests.factories.community import image_bytes

pytestmark = pytest.mark.django_db

GPS_IFD = 0x8825
ORIENTATION = 0x0112


def jpeg_with_gps_and_rotation() -> bytes:
    """A 80x40 JPEG, left half red, whose EXIF puts it in London and says "rotate 90° clockwise"
    (orientation 6), as a phone held upright writes it."""
    image = Image.new("RGB", (80, 40), (0, 0, 255))
    image.paste((255, 0, 0), (0, 0, 40, 40))
    exif = Image.Exif()
    exif[ORIENTATION] = 6
    exif[0x010F] = "PhoneMaker"
    exif.get_ifd(GPS_IFD).update(
        {1: "N", 2: (51.0, 32.0, 6.36), 3: "W", 4: (0.0, 6.0, 11.5), 0: b"\x02\x02\x00\x00"}
    )
    buffer = BytesIO()
    image.save(buffer, format="JPEG", exif=exif, quality=95)
    return buffer.getvalue()


def png_claiming_size(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims ``width`` x ``height``: a decompression bomb's shape."""
    data = image_bytes(size=(1, 1), image_format="PNG")
    ihdr = struct.pack(">II", width, height) + data[24:29]
    chunk = b"IHDR" + ihdr
    return data[:12] + chunk + struct.pack(">I", zlib.crc32(chunk)) + data[33:]


def post_with_upload(client, group, upload, *, description="Our new benches"):
    return client.post(
        f"/community/groups/{group.slug}/new-post/",
        {"text": "Look at this", "photo": upload, "photo_description": description},
    )


def test_gps_and_every_exif_tag_are_removed_and_the_photo_is_turned_upright(
    signed_in, group, member
):
    original = jpeg_with_gps_and_rotation()
    with Image.open(BytesIO(original)) as before:
        assert before.getexif().get_ifd(GPS_IFD)  # the test photo really carries a position
    response = post_with_upload(
        signed_in(member), group, SimpleUploadedFile("IMG_0001.jpg", original, "image/jpeg")
    )
    assert response.status_code == 302

    post = Post.objects.get()
    with storages["private"].open(post.photo.name) as stored, Image.open(stored) as photo:
        assert photo.format == "JPEG"
        exif = photo.getexif()
        assert not exif.get_ifd(GPS_IFD)
        assert len(exif) == 0 and "exif" not in photo.info
        # Turned upright: 80x40 became 40x80, and the red half is now on top.
        assert photo.size == (40, 80) == (post.photo_width, post.photo_height)
        red, _green, blue = photo.convert("RGB").getpixel((20, 10))
        assert red > 200 and blue < 60
    assert "IMG_0001" not in post.photo.name
    assert post.photo.name.startswith("community/photos/")
    assert post.photo_description == "Our new benches"


@pytest.mark.parametrize("image_format", ["PNG", "WEBP"])
def test_png_and_webp_are_accepted_and_stored_in_their_own_format(
    signed_in, group, member, image_format
):
    upload = SimpleUploadedFile("photo.bin", image_bytes(image_format=image_format))
    assert post_with_upload(signed_in(member), group, upload).status_code == 302
    post = Post.objects.get()
    with storages["private"].open(post.photo.name) as stored, Image.open(stored) as photo:
        assert photo.format == image_format


def test_big_photos_are_made_smaller_for_phones(signed_in, group, member):
    upload = SimpleUploadedFile("big.jpg", image_bytes(size=(3200, 2000)), "image/jpeg")
    post_with_upload(signed_in(member), group, upload)
    post = Post.objects.get()
    assert (post.photo_width, post.photo_height) == (1600, 1000)


HOSTILE = {
    "a text file named .jpg": (
        "holiday.jpg",
        b"This is not a picture at all, just some words.",
        "This file is not a photo we can use. Choose a JPEG, PNG or WebP photo.",
    ),
    "an SVG": (
        "drawing.svg",
        b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="10" '
        b'height="10"/></svg>',
        "This file is not a photo we can use. Choose a JPEG, PNG or WebP photo.",
    ),
    "an SVG named .png": (
        "photo.png",
        b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)'
        b"</script></svg>",
        "This file is not a photo we can use. Choose a JPEG, PNG or WebP photo.",
    ),
    "a GIF": (
        "cat.gif",
        image_bytes(image_format="GIF"),
        "This file is not a photo we can use. Choose a JPEG, PNG or WebP photo.",
    ),
    "a decompression bomb": (
        "bomb.png",
        png_claiming_size(50_000, 50_000),
        "This photo has too many pixels (more than 40 megapixels). Choose a smaller photo.",
    ),
    "too many megapixels": (
        "huge.png",
        png_claiming_size(8_000, 6_000),
        "This photo has too many pixels (more than 40 megapixels). Choose a smaller photo.",
    ),
    "a file over 10 MB": (
        "large.jpg",
        image_bytes(size=(8, 8)) + b"\0" * (10 * 1024 * 1024),
        "This photo is too big. Choose one smaller than 10 MB.",
    ),
}


@pytest.mark.parametrize("case", list(HOSTILE))
def test_hostile_uploads_are_refused_with_a_message_beside_the_field(
    signed_in, group, member, case
):
    name, content, message = HOSTILE[case]
    response = post_with_upload(signed_in(member), group, SimpleUploadedFile(name, content))

    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_photo_error"' in html
    error = html.split('id="id_photo_error"', 1)[1].split("</p>", 1)[0]
    assert message in error
    assert "Look at this" in html and "Our new benches" in html  # what they typed is kept
    assert "choose it again" in html
    assert not Post.objects.exists()
    assert not storages["private"].exists("community/photos")


def test_a_photo_needs_a_description(signed_in, group, member):
    upload = SimpleUploadedFile("p.jpg", image_bytes(), "image/jpeg")
    response = post_with_upload(signed_in(member), group, upload, description="  ")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Describe your photo in a few words" in html.split('id="id_photo_description_error"')[1]
    assert not Post.objects.exists()


def test_the_photo_shows_with_its_description_as_alt_text(signed_in, group, member):
    client = signed_in(member)
    post_with_upload(client, group, SimpleUploadedFile("p.jpg", image_bytes(), "image/jpeg"))
    post = Post.objects.get()
    html = client.get(post.get_absolute_url()).content.decode()
    assert f'src="{post.photo_url}" alt="Our new benches"' in html


def test_an_oversized_upload_is_not_read_past_the_limit(rf, member):
    upload = SimpleUploadedFile("large.jpg", b"\0" * (MAX_BYTES + 1), "image/jpeg")
    request = rf.post("/", {"text": "Hi", "photo": upload, "photo_description": "Kept"})
    request.upload_handlers = [PhotoSizeLimitUploadHandler(request), MemoryFileUploadHandler()]
    assert request.POST["photo_description"] == "Kept"
    assert "photo" not in request.FILES
    assert request.photo_too_big is True


def test_posting_still_needs_the_csrf_token(group, member):
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    response = client.post(f"/community/groups/{group.slug}/new-post/", {"text": "Hello"})
    assert response.status_code == 403
    assert not Post.objects.exists()


def test_a_photo_is_served_only_to_those_who_may_read_its_post(
    signed_in, private_group, outsider, client
):
    from community.services import content_hide
    from tests.factories.community import member_add
    from tests.factories.users import UserFactory

    author = member_add(private_group).user
    other_member = member_add(private_group).user
    post_with_upload(
        signed_in(author),
        private_group,
        SimpleUploadedFile("p.png", image_bytes(image_format="PNG"), "image/png"),
    )
    post = Post.objects.get()
    url = post.photo_url
    assert url == f"/community/posts/{post.pk}/photo/"
    assert not Path(post.photo.path).is_relative_to(settings_media_root())

    response = signed_in(other_member).get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    # Signed-in responses are never kept (training.core.middleware, issue 10).
    assert {"private", "no-store"} <= set(response["Cache-Control"].replace(" ", "").split(","))
    with Image.open(BytesIO(b"".join(response.streaming_content))) as photo:
        assert photo.size == (64, 48)

    assert signed_in(outsider).get(url).status_code == 403  # not a member of this group
    client.logout()
    assert client.get(url).status_code == 302  # sign in first

    content_hide(item=post, moderator=UserFactory(is_superuser=True), reason="Shows a face")
    assert signed_in(other_member).get(url).status_code == 404  # hidden from readers
    assert signed_in(author).get(url).status_code == 200  # the author still sees their own


def settings_media_root():
    from django.conf import settings

    return settings.MEDIA_ROOT
