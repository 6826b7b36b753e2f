"""The embedded default: what `make run` uses. Nothing to install beyond Python."""

from .base import *  # noqa: F403
from .base import SECRET_KEY

DEBUG = True
# A fixed key is acceptable only here: this setting module is never used in production.
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-homes-on-the-net-never-use-in-production"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
