"""Handing out a private file once a view has checked who may have it, without tying up a worker.

Community photos and dashboard exports live in ``STORAGES["private"]`` and have no public
address. After its permission check a view calls :func:`private_file_response`, which answers in
one of three ways, chosen by settings (:func:`private_files_mode`):

- **embedded** (the default, files on local disk): Django streams the file itself.
- **nginx** (``PRIVATE_FILES_SERVER=nginx``): an empty response whose ``X-Accel-Redirect`` names
  the file under nginx's internal location ``PRIVATE_FILES_NGINX_PREFIX``; nginx sends the bytes
  and the worker is free at once. nginx keeps our Content-Type, Content-Disposition,
  Cache-Control and Expires headers.
- **s3** (``MEDIA_STORAGE=s3``): a 302 to an address on the bucket signed for a short time
  (``querystring_expire`` of the private storage, 60 seconds in settings); the browser fetches
  the file from S3 and the address is no use to anyone a minute later.

Every answer is ``Cache-Control: private, no-store``: the photo of a members-only group must not
be kept by a shared cache, nor the redirect to it.
"""

import mimetypes
import posixpath
from enum import StrEnum
from urllib.parse import quote

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, SuspiciousFileOperation
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.http.response import HttpResponseBase
from django.utils.http import content_disposition_header

from training.core.middleware import response_make_private
from training.core.storage import private_storage

# Asked of S3 for the file itself: it may be a members-only photo or an export with names in it.
PRIVATE_CACHE_CONTROL = "private, no-store"


class PrivateFilesMode(StrEnum):
    EMBEDDED = "embedded"
    NGINX = "nginx"
    S3 = "s3"


def private_files_mode() -> PrivateFilesMode:
    """How private files are handed out here: S3 when the private storage is a bucket, else as
    ``PRIVATE_FILES_SERVER`` says ("" or "django": Django streams them; "nginx")."""
    if _storage_is_s3():
        return PrivateFilesMode.S3
    server = str(getattr(settings, "PRIVATE_FILES_SERVER", "") or "").strip().lower()
    if server in ("", "django"):
        return PrivateFilesMode.EMBEDDED
    if server == "nginx":
        return PrivateFilesMode.NGINX
    raise ImproperlyConfigured(
        f"PRIVATE_FILES_SERVER must be empty, 'django' or 'nginx', not {server!r}."
    )


def _storage_is_s3() -> bool:
    try:
        from storages.backends.s3 import S3Storage
    except ImportError:  # django-storages without boto3: there can be no S3 storage either
        return False
    return isinstance(private_storage(), S3Storage)


def private_file_name_check(*, name: str) -> str:
    """The name if it is a plain relative path inside the private storage, else
    ``SuspiciousFileOperation`` (Django answers 400 and logs it under ``django.security``).

    Names are made by the server (``upload_to``), so a bad one means the database was tampered
    with or a bug: no absolute paths, no ``..`` or ``.`` segments, no empty segments, no
    backslashes or control characters.
    """
    if not name or name.startswith("/") or "\\" in name:
        raise SuspiciousFileOperation(f"Refused private file name {name!r}.")
    if any(ord(character) < 32 or ord(character) == 127 for character in name):
        raise SuspiciousFileOperation(f"Refused private file name {name!r}.")
    if any(segment in ("", ".", "..") for segment in name.split("/")):
        raise SuspiciousFileOperation(f"Refused private file name {name!r}.")
    return name


def private_file_response(
    *, name: str, download_name: str | None = None, content_type: str | None = None
) -> HttpResponseBase:
    """The response that gives the private file ``name`` to the person the view has let in.

    ``download_name``: save it under this name (``Content-Disposition: attachment``); without
    it the browser shows the file (a photo). ``content_type``: what the file is; guessed from
    the name when not given.
    """
    private_file_name_check(name=name)
    content_type = content_type or mimetypes.guess_type(name)[0] or "application/octet-stream"
    disposition = content_disposition_header(
        bool(download_name), download_name or posixpath.basename(name)
    ) or ("attachment" if download_name else "inline")
    mode = private_files_mode()
    response: HttpResponseBase
    if mode is PrivateFilesMode.S3:
        response = _signed_redirect(name, content_type, disposition if download_name else None)
    elif mode is PrivateFilesMode.NGINX:
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = _nginx_prefix() + quote(name, safe="/")
        response["Content-Disposition"] = disposition
    else:
        try:
            file = private_storage().open(name, "rb")
        except FileNotFoundError:
            raise Http404 from None
        response = FileResponse(
            file,
            as_attachment=bool(download_name),
            filename=download_name or posixpath.basename(name),
            content_type=content_type,
        )
    # (typed for HttpResponse; it only touches headers, which every response has)
    response_make_private(response)  # type: ignore[arg-type]
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _nginx_prefix() -> str:
    prefix = str(getattr(settings, "PRIVATE_FILES_NGINX_PREFIX", "") or "/_private/")
    return "/" + prefix.strip("/") + "/"


def _signed_redirect(name: str, content_type: str, disposition: str | None) -> HttpResponseBase:
    """302 to the file on S3 at an address signed for ``querystring_expire`` seconds; S3 sends
    it with our type, our cache rule and, for a download, our file name."""
    parameters = {
        "ResponseCacheControl": PRIVATE_CACHE_CONTROL,
        "ResponseContentType": content_type,
    }
    if disposition:
        parameters["ResponseContentDisposition"] = disposition
    from storages.backends.s3 import S3Storage

    storage = private_storage()
    assert isinstance(storage, S3Storage)  # private_files_mode() said so
    return HttpResponseRedirect(storage.url(name, parameters=parameters))
