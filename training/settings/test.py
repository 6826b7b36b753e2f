"""Settings for the test suite: the embedded default, made fast and quiet."""

from .base import *  # noqa: F403
from .base import BASE_DIR, SQLITE_PATH

SECRET_KEY = "test-only-insecure-key-homes-on-the-net"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tasks run in-process unless a test hands them to a real worker on purpose.
CELERY_TASK_ALWAYS_EAGER = True
MEDIA_ROOT = BASE_DIR / "var" / "test-media"
PRIVATE_FILES_ROOT = BASE_DIR / "var" / "test-private"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {"BACKEND": "training.core.storage.PrivateFileStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
BADGE_SIGNING_KEY_FILE = BASE_DIR / "var" / "test-badge-signing-key.pem"
del SQLITE_PATH
