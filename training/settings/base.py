"""Settings shared by every environment.

Everything that differs between the embedded default and the scale-out deployment is switched by
environment variables read here: ``DATABASE_URL``, ``REDIS_URL``, ``MEDIA_STORAGE`` and friends.
With none of them set you get SQLite, local-memory cache, eager Celery and local media.
"""

import os
from pathlib import Path
from urllib.parse import urlsplit

from django.utils.translation import gettext_lazy as _

import dj_database_url
from celery.schedules import crontab

from training.core import error_reporting

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def _origin_of(url: str, *, fallback: str) -> str:
    """``https://host[:port]`` of an address, or ``fallback`` when there is none."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else fallback


DEBUG = False
# The demo accounts share one published password: `seed_demo` refuses to run where this is False.
DEMO_SEEDING_ALLOWED = True
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")
SITE_ID = 1

INSTALLED_APPS = [
    # Our apps first, so that their templates override those of the libraries.
    "training.core",
    "training.places",
    "training.users",
    "notifications",
    "courses",
    "events",
    "champions",  # Digital Champions pathway; only dashboards read it (selectors)
    "community",
    "practice",
    "voice",
    "safeguarding",  # confidential reports: imported only by dashboards and opendata
    "dashboards",
    "opendata",  # published figures; reads other apps through their selectors
    "translations",  # translated pages and snippet text; a Locale for every language
    "demo",  # demo content and `seed_demo`; no product app imports it
    # Wagtail
    # Not installed (nothing uses them): wagtail.contrib.forms (no form pages), wagtail.embeds
    # (training.core.blocks draws videos itself), django.contrib.humanize (no template loads it).
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.simple_translation",  # "Translate" a course and its lessons in the admin
    "wagtail.locales",  # the languages, listed for admins (they follow settings.LANGUAGES)
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    # Accounts
    "allauth",
    "allauth.account",
    "allauth.mfa",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sites",
    "django.contrib.staticfiles",
    "django.forms",
]

MIDDLEWARE = [
    # First, so everything below logs under the request's id (training/core/logging.py).
    "training.core.middleware.RequestIdMiddleware",
    # Second: a page kept for visitors who are not signed in answers before anything else runs
    # (it was kept with the headers the middleware below gave it: training/core/page_cache.py).
    "training.core.page_cache.AnonymousPageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Every response to a signed-in person: Cache-Control private, no-store (one place for all).
    "training.core.middleware.PrivateResponseCacheControlMiddleware",
    "training.users.middleware.SharedComputerSessionMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "training.core.middleware.ContentSecurityPolicyMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # After Authentication- and AccountMiddleware: staff who can read other people's personal
    # data must add a second step before anything else.
    "training.users.middleware.SecondFactorRequiredMiddleware",
    # A signed-in person's profile language wins over the cookie (training/users/languages.py).
    "training.users.languages.ProfileLanguageMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "training.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
                "training.core.context_processors.site_navigation",
            ],
        },
    },
]

WSGI_APPLICATION = "training.wsgi.application"

# --- Database -------------------------------------------------------------------------------
# Embedded default: SQLite in WAL mode, with a busy timeout and immediate transactions so that
# concurrent writers queue instead of failing with "database is locked".
SQLITE_PATH = os.environ.get("SQLITE_PATH", str(BASE_DIR / "db.sqlite3"))
if os.environ.get("DATABASE_URL"):
    DATABASES = {
        "default": dj_database_url.parse(
            os.environ["DATABASE_URL"], conn_max_age=60, conn_health_checks=True
        )
    }
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": SQLITE_PATH,
            # Keep the connection between requests: opening one runs the PRAGMAs below.
            "CONN_MAX_AGE": 600,
            "CONN_HEALTH_CHECKS": True,
            "OPTIONS": {
                "timeout": 20,
                "transaction_mode": "IMMEDIATE",
                "init_command": (
                    "PRAGMA journal_mode=WAL;"
                    "PRAGMA synchronous=NORMAL;"
                    "PRAGMA busy_timeout=20000;"
                    "PRAGMA foreign_keys=ON;"
                ),
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache, sessions --------------------------------------------------------------------------
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            # Django's, with one Redis client kept per pool (Django makes one per call).
            "BACKEND": "training.core.redis_cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "homes"),
            "TIMEOUT": 300,
        }
    }
    # Sessions are kept in the database and read through Redis: restarting Redis (or Redis
    # evicting keys) signs nobody out.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "homes-on-the-net",
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.db"

SESSION_COOKIE_AGE = 60 * 60 * 24 * 14  # two weeks on a personal device
# "This is a shared computer" at sign-in: the session ends after this many seconds without activity.
SHARED_COMPUTER_SESSION_SECONDS = int(os.environ.get("SHARED_COMPUTER_SESSION_SECONDS", "600"))

# --- Celery -----------------------------------------------------------------------------------
# Embedded default: tasks run eagerly, in-process. With REDIS_URL they go to Redis for workers.
# `make run` (settings/local.py) hands them to its own worker through a folder broker under var/.
# The broker may be a Redis of its own (CELERY_BROKER_URL): the cache's Redis may evict keys when
# full, and a broker that evicts loses tasks, so the broker's runs `maxmemory-policy noeviction`.
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL") or REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = os.environ.get("CELERY_BROKER_URL") or REDIS_URL or None
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = "Europe/London"
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# Workers and beat log through LOGGING below (JSON lines), not Celery's own format.
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
# Redis redelivers an unacknowledged task after the visibility timeout, so every task must finish
# (or be killed) well before it, or it would run twice while still running.
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 60 * 60}
CELERY_TASK_SOFT_TIME_LIMIT = 60 * 10
CELERY_TASK_TIME_LIMIT = 60 * 15
CELERY_RESULT_EXPIRES = 60 * 60 * 24
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BEAT_SCHEDULE: dict = {
    "publish-scheduled-pages": {
        "task": "training.core.tasks.pages_publish_scheduled",
        "schedule": 60.0,
    },
    "nudge-idle-learners": {
        "task": "courses.progress.tasks.learners_nudge_daily",
        "schedule": crontab(hour=10, minute=0),
    },
    "remind-event-guests": {
        "task": "events.tasks.events_remind_tomorrow",
        "schedule": crontab(minute=0),
    },
    "send-notification-digests": {
        "task": "notifications.tasks.notifications_digest_daily",
        "schedule": crontab(hour=7, minute=30),
    },
    # Emails of the outbox that were lost on the way (a worker killed): docs/reliability.md.
    "send-waiting-emails": {
        "task": "notifications.tasks.outgoing_emails_flush",
        "schedule": 60.0,
    },
    # Champions who have now helped 10 learners get their Open Badge (champions/services.py).
    "issue-helper-badges": {
        "task": "champions.tasks.helper_badges_issue_hourly",
        "schedule": crontab(minute=20),
    },
    "refresh-dashboard-snapshots": {
        "task": "dashboards.tasks.dashboard_snapshots_refresh",
        "schedule": 600.0,
    },
    "expire-dashboard-exports": {
        "task": "dashboards.tasks.dashboard_exports_expire",
        "schedule": crontab(hour=3, minute=15),
    },
    # Closed confidential reports past SAFEGUARDING_RETENTION_YEARS (safeguarding/retention.py).
    "delete-confidential-reports-past-retention": {
        "task": "safeguarding.tasks.reports_retention_delete_task",
        "schedule": crontab(hour=2, minute=40),
    },
    # Expired sessions: Django never deletes their rows itself (training/users/sessions.py).
    "clear-expired-sessions": {
        "task": "training.users.tasks.sessions_clear_expired_task",
        "schedule": crontab(hour=2, minute=20),
    },
    # Messages past NOTIFICATION_RETENTION_DAYS, emails never sent (notifications/retention.py).
    "delete-old-notifications": {
        "task": "notifications.tasks.notifications_retention_delete_task",
        "schedule": crontab(hour=3, minute=40),
    },
}
# autodiscover_tasks() finds each app's tasks.py; the progress tracker's live one level down.
CELERY_IMPORTS = ["courses.progress.tasks"]
# Learners who have not been back for this many days get one reminder email per lapse.
NUDGE_AFTER_DAYS = int(os.environ.get("NUDGE_AFTER_DAYS", "7"))
# Messages (notifications) are deleted this many days after they were sent, read or not.
NOTIFICATION_RETENTION_DAYS = int(os.environ.get("NOTIFICATION_RETENTION_DAYS", "365"))
# Database connections one dashboard view with no fresh snapshot may use at once (PostgreSQL):
# its tables are worked out side by side (dashboards/side_by_side.py). 1: one after another.
DASHBOARD_CONNECTIONS = int(os.environ.get("DASHBOARD_CONNECTIONS", "3"))

# --- Authentication ---------------------------------------------------------------------------
AUTH_USER_MODEL = "users.User"
# Django's and allauth's, which also load whether the person's role needs two-step sign-in.
AUTHENTICATION_BACKENDS = [
    "training.users.backends.ModelBackend",
    "training.users.backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"

ACCOUNT_ADAPTER = "training.users.adapters.AccountAdapter"
# What apps do on sign-in, in "Download my data" and before "Delete my account": each app
# registers a hook in its wagtail_hooks.py (the names are in training/users/hooks.py).
ACCOUNT_FORMS = {
    "login": "training.users.forms.LoginForm",
    "signup": "training.users.forms.SignupForm",
}
# People sign in with their email address, or with the username on an assisted-account card.
ACCOUNT_LOGIN_METHODS = {"email", "username"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_UNIQUE_EMAIL = True
# Nothing says whether an email address has an account. Password reset answers the same for
# every address (and emails only addresses we know); signing up with a known address shows the
# usual "check your email" page and emails that address "you already have an account".
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = False
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_EMAIL_CONFIRMATION_EXPIRE_DAYS = 3
ACCOUNT_SESSION_REMEMBER = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_PRESERVE_USERNAME_CASING = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "Homes on the Net: "
# Behind a load balancer, set this to the number of proxies in front of the app so rate limits
# count each visitor's address rather than the proxy's.
ALLAUTH_TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
    "change_password": "5/m/user",
}
# Our own actions, counted by training/core/rate_limits.py per account ("10/h": 10 an hour).
RATE_LIMITS = {
    # Community writing: far above what a neighbour writes, well below a flood.
    "community_post": "10/h",
    "community_reply": "40/h",
    # Typing the password to delete an account: stops guessing on a borrowed signed-in phone.
    "account_delete_password": "10/m",
    # Tenancy reference and postcode (voice): stops guessing; a tenant needs one or two tries.
    "tenancy_verify": "5/h",
    "tenancy_verify_in_person": "30/h",
    # Confidential reports (safeguarding): the reference page stops guessing (per address and per
    # reference); sending stops a flood from one address.
    "safeguarding_check": "10/h",
    "safeguarding_check_reference": "10/h",
    "safeguarding_report": "10/h",
}
# The key of the keyed hash (HMAC-SHA256) kept instead of each tenancy reference
# (voice/tenancy_list.py). Empty: derived from SECRET_KEY. Set it in production, so that the
# secret key can change without making the stored tenancy list unmatchable.
TENANCY_HASH_KEY = os.environ.get("TENANCY_HASH_KEY", "")
# The Fernet keys that encrypt confidential reports at rest (safeguarding/crypto.py), comma-
# separated: the first encrypts, all decrypt. Empty: the embedded default makes one in
# var/reports-encryption-key; production requires it.
REPORTS_ENCRYPTION_KEY = env_list("REPORTS_ENCRYPTION_KEY")
# Closed confidential reports are deleted this many years after they were closed.
SAFEGUARDING_RETENTION_YEARS = int(os.environ.get("SAFEGUARDING_RETENTION_YEARS", "6"))

# Two-factor authentication (allauth.mfa): an authenticator app with recovery codes. Which roles
# must use it is decided in one place, training.users.roles.role_needs_second_factor, and enforced
# by training.users.middleware.SecondFactorRequiredMiddleware; everyone else may choose it.
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Homes on the Net"
MFA_FORMS = {
    "authenticate": "training.users.two_factor_forms.AuthenticateForm",
    "reauthenticate": "training.users.two_factor_forms.ReauthenticateForm",
    "activate_totp": "training.users.two_factor_forms.ActivateTOTPForm",
}
# Staff sign in on allauth's page like everyone else (one page, one set of rate limits, then
# the code). The admins' sign-in addresses only send people there (training/urls.py), so
# WAGTAILADMIN_LOGIN_URL stays Wagtail's /admin/login/: pointing it straight at allauth's page
# would loop for a signed-in learner refused by the admin (allauth sends them on to ?next=).
WAGTAILADMIN_LOGIN_URL = "wagtailadmin_login"

# --- Internationalisation ---------------------------------------------------------------------
LANGUAGE_CODE = "en-gb"
# The interface languages. Adding one (Romanian, Arabic, Welsh…) is its catalogue in locale/ and
# one line here: the chooser, <html lang dir> and the font stacks follow from Django's LANG_INFO.
LANGUAGES = [
    ("en-gb", _("English")),
    ("pl", _("Polish")),
    ("pa", _("Punjabi")),
    ("ur", _("Urdu")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True
# Course content can be translated too (Wagtail's simple_translation): every interface language
# is a content language, so the one line above adds both. Addresses carry no language prefix: the
# interface language picks the translated page at the same address, else the English one
# (translations/routing.py). Wagtail's own sync (an alias of every new page, with its parents, in
# every language) is off: a new course page gets an alias only in the languages its parent is
# already translated into (translations/sync.py); voice pages stay English only.
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILSIMPLETRANSLATION_SYNC_PAGE_TREE = False

# --- Static files and media -------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
PRIVATE_FILES_ROOT = Path(os.environ.get("PRIVATE_FILES_ROOT", BASE_DIR / "var" / "private"))
# `make backup` writes its archives here (training/core/backups.py); keep it out of MEDIA_ROOT.
BACKUP_DIR = Path(os.environ.get("BACKUP_DIR", BASE_DIR / "backups"))

# Media on local disk by default; set MEDIA_STORAGE=s3 (and the AWS_* variables that
# django-storages reads) for S3-compatible object storage shared by every app server.
if os.environ.get("MEDIA_STORAGE") == "s3":
    _s3_options = {
        "bucket_name": os.environ.get("AWS_STORAGE_BUCKET_NAME", ""),
        "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
        "signature_version": "s3v4",
        "file_overwrite": False,
    }
    # Public media (course pictures): plain, stable addresses with no signature, so phones and
    # proxies keep a picture for a long time. Names are never reused (file_overwrite=False).
    # The bucket must let everyone read every key except those under private/ (README).
    _media_backend = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **_s3_options,
            "default_acl": None,
            "querystring_auth": False,
            "object_parameters": {"CacheControl": "public, max-age=31536000, immutable"},
        },
    }
    # Files only the app hands out, after a permission check (community photos, dashboard
    # exports): same bucket, under private/, never public. The view answers with a redirect to
    # an address signed for 60 seconds (training/core/private_files.py).
    _private_backend = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **_s3_options,
            "location": "private",
            "default_acl": "private",
            "querystring_auth": True,
            "querystring_expire": 60,
            "object_parameters": {"CacheControl": "private, no-store"},
        },
    }
    # Where pictures come from, for the Content Security Policy's img-src: MEDIA_ORIGIN if set,
    # else the S3-compatible endpoint's origin, else Amazon S3's hosts.
    MEDIA_ORIGIN = os.environ.get("MEDIA_ORIGIN", "") or _origin_of(
        os.environ.get("AWS_S3_ENDPOINT_URL", ""), fallback="https://*.amazonaws.com"
    )
    # Wagtail documents may sit in private collections: Django checks and streams them rather
    # than sending the visitor to the bucket's public address.
    WAGTAILDOCS_SERVE_METHOD = "serve_view"
else:
    _media_backend = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    _private_backend = {"BACKEND": "training.core.storage.PrivateFileStorage"}
    MEDIA_ORIGIN = ""
# How a private file reaches the browser once the view has said yes: Django streams it (the
# default), or with PRIVATE_FILES_SERVER=nginx an X-Accel-Redirect to nginx's internal location
# at PRIVATE_FILES_NGINX_PREFIX (README). With MEDIA_STORAGE=s3 it is always a signed redirect.
PRIVATE_FILES_SERVER = os.environ.get("PRIVATE_FILES_SERVER", "").strip().lower()
PRIVATE_FILES_NGINX_PREFIX = os.environ.get("PRIVATE_FILES_NGINX_PREFIX", "/_private/")
STORAGES = {
    "default": _media_backend,
    "private": _private_backend,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# --- Email ------------------------------------------------------------------------------------
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH", str(BASE_DIR / "var" / "mail"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Homes on the Net <learn@example.org>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# A mail server that hangs must not hold a send past its outbox lease (docs/reliability.md).
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "30"))
if os.environ.get("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ["EMAIL_HOST"]
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)

# --- Certificates and badges ---------------------------------------------------------------
# The public address used in credentials, emails, QR codes and xAPI statements.
SITE_URL = os.environ.get("SITE_URL", "")
# The Ed25519 key that signs Open Badges (PEM, or base64 of the 32 raw bytes). Without it the
# embedded default makes one in var/badge-signing-key.pem; production requires it.
BADGE_SIGNING_KEY = os.environ.get("BADGE_SIGNING_KEY", "")

# --- Wagtail ----------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Homes on the Net"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "txt"]
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_PASSWORD_RESET_ENABLED = False
# Private pages send visitors to the one sign-in page (rate limited, with the second step).
WAGTAIL_FRONTEND_LOGIN_URL = "/account/login/"

# --- Security that holds everywhere -----------------------------------------------------------
# The public site sends this Content Security Policy (see training.core.middleware); the Wagtail
# and Django admins are left out because their editors rely on inline scripts.
CONTENT_SECURITY_POLICY = {
    "default-src": "'self'",
    "img-src": " ".join(["'self'", "data:", MEDIA_ORIGIN]).strip(),
    "script-src": "'self'",
    "style-src": "'self'",
    "font-src": "'self'",
    "connect-src": "'self'",
    # The service worker (/sw.js) and the web app manifest (courses/offline/).
    "worker-src": "'self'",
    "manifest-src": "'self'",
    "frame-src": "https://www.youtube-nocookie.com https://player.vimeo.com",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'self'",
}
CONTENT_SECURITY_POLICY_EXCLUDE_PREFIXES = ("/admin/", "/django-admin/")
# Static files written into the page ({% inline_static %}) so a slow phone's first paint waits
# for no other file (issue 20); the policy allows each by the SHA-256 hash of its minified text
# (training/core/static_files.py), added to the directive named here.
CONTENT_SECURITY_POLICY_INLINE = {
    "style-src": ("css/site.css",),
    "script-src": ("js/text-scale.js",),
}
X_FRAME_OPTIONS = "SAMEORIGIN"  # Wagtail's preview shows the page in a same-origin frame.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # One JSON object a line: time, level, logger, message, request_id (training/core/logging.py).
    "formatters": {"json": {"()": "training.core.logging.JsonFormatter"}},
    "filters": {"request_id": {"()": "training.core.logging.RequestIdFilter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json",
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}

# Errors: to Sentry where SENTRY_DSN is set (no personal data: training/core/error_reporting.py),
# else by email to ADMINS ("Ann Lee <ann@example.org>, bob@example.org": path, request id and
# traceback only), else only to the log. Only in the first two cases does the 500 page say
# "we have been told".
ADMINS = error_reporting.admins_parse(os.environ.get("ADMINS", ""))
EMAIL_SUBJECT_PREFIX = "[Homes on the Net] "
LOGGING = error_reporting.logging_with_admin_email(LOGGING)
SENTRY_DSN = os.environ.get("SENTRY_DSN", "")
if SENTRY_DSN:
    error_reporting.sentry_start(
        dsn=SENTRY_DSN,
        environment=os.environ.get("SENTRY_ENVIRONMENT") or "production",
        release=os.environ.get("SENTRY_RELEASE") or None,
    )

FORM_RENDERER = "training.core.forms.FormRenderer"

# Pages that look the same to every visitor who is not signed in are kept this long (seconds);
# publishing anything purges them at once (training/core/page_cache.py).
ANONYMOUS_PAGE_CACHE_SECONDS = int(os.environ.get("ANONYMOUS_PAGE_CACHE_SECONDS", "600"))
