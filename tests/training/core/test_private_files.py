"""Private files (community photos, dashboard exports) handed out without tying up a worker.

After the view's permission check, ``training/core/private_files.py`` answers in one of three
ways: Django streams the file (the embedded default), an empty response with
``X-Accel-Redirect`` for nginx (``PRIVATE_FILES_SERVER=nginx``), or a 302 to a 60-second signed
S3 address (``MEDIA_STORAGE=s3``). Each mode is tried through the real views and middleware:
the permitted person gets the file, everyone else gets the same refusal as before with no
X-Accel header and no signed address, and every answer is ``private, no-store``.

The S3 storages are the ones the real settings build with ``MEDIA_STORAGE=s3`` (read from a
fresh process); botocore signs addresses locally with dummy credentials, so no network is used.
"""

import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from django.core.exceptions import ImproperlyConfigured, SuspiciousFileOperation
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.urls import reverse

import pytest

from community.models import Joining, Post
from dashboards.models import DashboardExport, ExportStatus
from tests.factories.community import GroupFactory, PostFactory, image_bytes, member_add
from tests.factories.users import UserFactory
from training.core.private_files import (
    PrivateFilesMode,
    private_file_name_check,
    private_file_response,
    private_files_mode,
)
from training.users import roles

ROOT = Path(__file__).resolve().parents[3]
BUCKET = "homes-test-bucket"
MODES = ["embedded", "nginx", "s3"]


@pytest.fixture(scope="module")
def s3_storages() -> dict:
    """``STORAGES`` exactly as the real settings make it with ``MEDIA_STORAGE=s3``."""
    skip = {"DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {key: value for key, value in os.environ.items() if key not in skip}
    env.update(
        DJANGO_SETTINGS_MODULE="training.settings.dev",
        MEDIA_STORAGE="s3",
        AWS_STORAGE_BUCKET_NAME=BUCKET,
    )
    env.pop("AWS_S3_ENDPOINT_URL", None)
    code = (
        "import django, json; django.setup(); from django.conf import settings; "
        "print(json.dumps(settings.STORAGES))"
    )
    result = subprocess.run(  # noqa: S603 - our own interpreter and a fixed snippet
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture
def dummy_aws(monkeypatch, tmp_path):
    """Credentials that sign locally and reach nothing; no profile or config file is read."""
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIATESTTESTTESTTEST")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "test-secret-not-real")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "eu-west-2")
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "no-aws-config"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "no-aws-credentials"))
    for name in ("AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_S3_ENDPOINT_URL"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def use_s3(settings, s3_storages, dummy_aws):
    """Switch this test to the S3 storages; pytest-django puts the old ones back afterwards
    (Django's ``setting_changed`` empties the ``storages`` cache both ways)."""

    def switch():
        settings.STORAGES = {
            **settings.STORAGES,
            "default": s3_storages["default"],
            "private": s3_storages["private"],
        }

    return switch


@pytest.fixture
def mode_set(settings, use_s3):
    """Put the site in one of the three modes (after the files are stored on local disk)."""

    def set_mode(mode: str) -> None:
        if mode == "nginx":
            settings.PRIVATE_FILES_SERVER = "nginx"
        elif mode == "s3":
            use_s3()
        assert private_files_mode() == PrivateFilesMode(mode)

    return set_mode


def is_private_no_store(response) -> bool:
    directives = {part.strip() for part in response.get("Cache-Control", "").split(",")}
    return {"private", "no-store"} <= directives and "public" not in directives


def assert_nothing_leaked(response) -> None:
    """A refusal carries neither an nginx instruction nor an address on the bucket."""
    assert "X-Accel-Redirect" not in response
    location = response.get("Location", "")
    assert BUCKET not in location and "X-Amz" not in location and "Signature" not in location


def signed_query(location: str) -> tuple[str, str, dict[str, str]]:
    parts = urlsplit(location)
    query = {key: values[0] for key, values in parse_qs(parts.query).items()}
    return parts.netloc, parts.path, query


PNG = image_bytes(image_format="PNG")


@pytest.fixture
def photo_post(db):
    """A members-only group's post with a PNG photo, its author, another member, an outsider."""
    group = GroupFactory(slug="hillview-carers", joining=Joining.APPROVAL)
    author = member_add(group).user
    post = PostFactory(group=group, author=author)
    post.photo.save("ignored.png", ContentFile(PNG), save=True)
    post.photo_description = "Our new benches"
    post.save()
    return {"post": post, "author": author, "member": member_add(group).user}


def export_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("headline.csv", "figure,value\r\nlearners,12\r\n")
    return buffer.getvalue()


@pytest.fixture
def ready_export(manager):
    export = DashboardExport.objects.create(
        requested_by=manager, every_place=True, status=ExportStatus.READY
    )
    export.file.save("homes-on-the-net-export.zip", ContentFile(export_zip()), save=True)
    return export


# --- The photo, to someone who may read the post --------------------------------------------


@pytest.mark.parametrize("mode", MODES)
def test_a_member_gets_the_photo_in_every_mode(client, photo_post, mode_set, mode):
    post = photo_post["post"]
    mode_set(mode)
    client.force_login(photo_post["member"])
    response = client.get(reverse("community:post_photo", args=[post.pk]))
    assert is_private_no_store(response)  # what the middleware and the service both say

    if mode == "embedded":
        assert response.status_code == 200
        assert response["Content-Type"] == "image/png"
        assert b"".join(response.streaming_content) == PNG
        assert "X-Accel-Redirect" not in response
    elif mode == "nginx":
        assert response.status_code == 200
        assert response.content == b""  # nginx sends the bytes
        assert response["X-Accel-Redirect"] == f"/_private/{post.photo.name}"
        assert response["Content-Type"] == "image/png"
        assert response["Content-Disposition"].startswith("inline")
        assert response["X-Content-Type-Options"] == "nosniff"
    else:
        assert response.status_code == 302
        host, path, query = signed_query(response["Location"])
        assert host.startswith(f"{BUCKET}.s3.")
        assert path == f"/private/{post.photo.name}"
        assert query["X-Amz-Expires"] == "60"
        assert query["X-Amz-Algorithm"] == "AWS4-HMAC-SHA256"
        assert query["X-Amz-Signature"]
        assert query["response-content-type"] == "image/png"
        assert query["response-cache-control"] == "private, no-store"
        assert "response-content-disposition" not in query  # shown, not saved


@pytest.mark.parametrize("mode", MODES)
def test_no_one_else_gets_the_photo_or_where_it_is_in_any_mode(client, photo_post, mode_set, mode):
    from community.services import content_hide

    post = photo_post["post"]
    url = reverse("community:post_photo", args=[post.pk])
    mode_set(mode)

    client.force_login(UserFactory())  # not a member of the members-only group
    response = client.get(url)
    assert response.status_code == 403
    assert_nothing_leaked(response)

    client.logout()
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert_nothing_leaked(response)

    content_hide(item=post, moderator=UserFactory(is_superuser=True), reason="Shows a face")
    client.force_login(photo_post["member"])
    response = client.get(url)
    assert response.status_code == 404  # hidden from readers
    assert_nothing_leaked(response)
    client.force_login(photo_post["author"])
    assert client.get(url).status_code == (302 if mode == "s3" else 200)  # still their own


# --- The export, to the manager who asked for it ----------------------------------------------


@pytest.mark.parametrize("mode", MODES)
def test_the_requester_downloads_the_export_in_every_mode(
    client, manager, ready_export, mode_set, mode
):
    name = ready_export.file.name
    mode_set(mode)
    client.force_login(manager)
    response = client.get(reverse("dashboards:export_download", args=[ready_export.pk]))
    assert is_private_no_store(response)
    disposition = 'attachment; filename="homes-on-the-net-export.zip"'

    if mode == "embedded":
        assert response.status_code == 200
        assert response["Content-Disposition"] == disposition
        archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
        assert archive.read("headline.csv").startswith(b"figure,value")
    elif mode == "nginx":
        assert response.status_code == 200
        assert response.content == b""
        assert response["X-Accel-Redirect"] == f"/_private/{name}"
        assert response["Content-Type"] == "application/zip"
        assert response["Content-Disposition"] == disposition
    else:
        assert response.status_code == 302
        host, path, query = signed_query(response["Location"])
        assert host.startswith(f"{BUCKET}.s3.") and path == f"/private/{name}"
        assert query["X-Amz-Expires"] == "60"
        assert query["response-content-disposition"] == disposition
        assert query["response-content-type"] == "application/zip"


@pytest.mark.parametrize("mode", MODES)
def test_no_one_else_downloads_the_export_in_any_mode(client, ready_export, mode_set, mode):
    url = reverse("dashboards:export_download", args=[ready_export.pk])
    mode_set(mode)

    client.force_login(UserFactory(role=roles.MANAGER))  # another manager
    response = client.get(url)
    assert response.status_code == 404
    assert_nothing_leaked(response)

    client.force_login(UserFactory(role=roles.LEARNER))
    response = client.get(url)
    assert response.status_code == 403
    assert_nothing_leaked(response)

    client.logout()
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert_nothing_leaked(response)


# --- Names that try to leave the private folder -------------------------------------------------

BAD_NAMES = [
    "../settings.py",
    "community/../../etc/passwd",
    "/etc/passwd",
    "community//photos/a.png",
    "community/./photos/a.png",
    "community\\..\\..\\secret",
    "community/photos/a.png\x00.txt",
    "community/photos/\na.png",
    "community/photos/",
    "",
]


@pytest.mark.parametrize("name", BAD_NAMES)
def test_names_outside_the_private_folder_are_refused(name):
    with pytest.raises(SuspiciousFileOperation):
        private_file_name_check(name=name)


def test_plain_names_made_by_the_server_pass():
    name = "community/photos/2025/06/0a1b2c3d.png"
    assert private_file_name_check(name=name) == name


@pytest.mark.parametrize("mode", MODES)
def test_a_tampered_photo_name_is_refused_with_nothing_handed_out(
    client, photo_post, mode_set, mode
):
    post = photo_post["post"]
    Post.objects.filter(pk=post.pk).update(photo="community/../../../etc/passwd")
    mode_set(mode)
    client.force_login(photo_post["member"])
    response = client.get(reverse("community:post_photo", args=[post.pk]))
    assert response.status_code == 400
    assert_nothing_leaked(response)
    assert b"root:" not in response.content


# --- Details of each mode ---------------------------------------------------------------------


def test_a_missing_file_is_not_found_rather_than_an_error(client, photo_post):
    post = photo_post["post"]
    storages["private"].delete(post.photo.name)
    client.force_login(photo_post["member"])
    assert client.get(reverse("community:post_photo", args=[post.pk])).status_code == 404


def test_the_nginx_prefix_is_configurable_and_names_are_escaped(settings):
    settings.PRIVATE_FILES_SERVER = "nginx"
    settings.PRIVATE_FILES_NGINX_PREFIX = "internal/files"  # slashes added
    response = private_file_response(
        name="dashboards/exports/1/report 1.zip", download_name="Café figures.zip"
    )
    assert response["X-Accel-Redirect"] == "/internal/files/dashboards/exports/1/report%201.zip"
    assert response["Content-Type"] == "application/zip"  # guessed from the name
    assert response["Content-Disposition"] == (
        "attachment; filename*=utf-8''Caf%C3%A9%20figures.zip"
    )
    assert is_private_no_store(response)  # even with no middleware in between


def test_an_unknown_server_setting_stops_with_a_clear_message(settings):
    settings.PRIVATE_FILES_SERVER = "apache"
    with pytest.raises(ImproperlyConfigured, match="PRIVATE_FILES_SERVER"):
        private_files_mode()


def test_s3_wins_over_the_nginx_setting(settings, use_s3):
    settings.PRIVATE_FILES_SERVER = "nginx"  # nginx cannot read the bucket
    use_s3()
    assert private_files_mode() == PrivateFilesMode.S3


# --- Public media on S3: stable addresses that phones can keep -----------------------------------


def test_public_media_on_s3_have_stable_unsigned_addresses(use_s3, s3_storages):
    use_s3()
    public = storages["default"]
    first = public.url("original_images/benches.jpg")
    second = public.url("original_images/benches.jpg")
    assert first == second  # the same address every time, so caches keep the picture
    parts = urlsplit(first)
    assert parts.scheme == "https" and parts.netloc.startswith(f"{BUCKET}.s3.")
    assert parts.path == "/original_images/benches.jpg"
    assert parts.query == ""  # no signature, no expiry
    cache_control = s3_storages["default"]["OPTIONS"]["object_parameters"]["CacheControl"]
    assert "public" in cache_control and "max-age=31536000" in cache_control

    private = storages["private"]
    signed = private.url("community/photos/a.png")
    assert signed != first and "X-Amz-Signature=" in signed and "X-Amz-Expires=60" in signed
    # Private objects are stored as never-cacheable, not with the public media's long life.
    assert s3_storages["private"]["OPTIONS"]["object_parameters"] == {
        "CacheControl": "private, no-store"
    }
    assert s3_storages["private"]["OPTIONS"]["location"] == "private"
