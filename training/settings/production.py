"""Production: every secret and host comes from the environment; missing ones stop start-up."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import REDIS_URL, env_bool

_REQUIRED = {
    "DJANGO_SECRET_KEY": "a long random secret, e.g. from `python -c 'import secrets; "
    "print(secrets.token_urlsafe(50))'`",
    "DJANGO_ALLOWED_HOSTS": "the site's host names, comma-separated, e.g. learn.example.org",
    "DATABASE_URL": "the PostgreSQL address, e.g. postgres://user:pass@db:5432/homes",
    "BADGE_SIGNING_KEY": "the Ed25519 key that signs badges, shared by every server: PEM or "
    "base64 of 32 bytes, e.g. from `openssl genpkey -algorithm ed25519`",
    "SITE_URL": "the public address, e.g. https://learn.example.org",
    "TENANCY_HASH_KEY": "the key of the tenancy list's keyed hashes, kept apart from the secret "
    "key so that rotating that one does not orphan the list, e.g. from `python -c 'import "
    "secrets; print(secrets.token_urlsafe(50))'`",
    "REPORTS_ENCRYPTION_KEY": "the Fernet keys that encrypt confidential reports, comma-separated "
    "(the first encrypts, all decrypt), e.g. from `python -c 'from cryptography.fernet import "
    "Fernet; print(Fernet.generate_key().decode())'`",
}
_missing = [name for name in _REQUIRED if not os.environ.get(name)]
if _missing:
    raise ImproperlyConfigured(
        "Production settings need these environment variables: "
        + "; ".join(f"{name} ({_REQUIRED[name]})" for name in _missing)
    )

DEBUG = False
DEMO_SEEDING_ALLOWED = False
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
ALLOWED_HOSTS = [h.strip() for h in os.environ["DJANGO_ALLOWED_HOSTS"].split(",") if h.strip()]

# WhiteNoise's hashed, compressed files; our own CSS and JS without comments first.
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "training.core.static_files.MinifiedCompressedManifestStaticFilesStorage"
}

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_HTTPONLY = True

if not REDIS_URL:
    # Several app servers cannot share a local-memory cache: rate limits and sessions would be
    # per-process. Refuse to start rather than silently behave differently on each server.
    raise ImproperlyConfigured(
        "Production settings need REDIS_URL (cache, sessions, rate limits and Celery broker), "
        "e.g. redis://redis:6379/0"
    )

# Django's deploy check asks for X-Frame-Options: DENY. Wagtail shows the page being edited in a
# same-origin preview frame, so we send SAMEORIGIN; the public site's Content Security Policy
# (frame-ancestors 'self') gives the same protection against framing by other sites.
SILENCED_SYSTEM_CHECKS = ["security.W019"]
