"""The site's public address, for links made with no request to hand: emails, credentials,
xAPI statements and calendar files are built in background jobs."""

import os

from django.conf import settings


def site_url() -> str:
    """The public address without a trailing slash, e.g. ``https://learn.example.org``."""
    url = getattr(settings, "SITE_URL", "") or os.environ.get("SITE_URL", "")
    return (url or settings.WAGTAILADMIN_BASE_URL).rstrip("/")


def absolute_url(path: str) -> str:
    """``path`` on this site as a full address; a full address or an empty path is kept."""
    if not path or path.startswith(("http://", "https://")):
        return path
    return site_url() + (path if path.startswith("/") else "/" + path)
