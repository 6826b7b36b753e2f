"""Where errors go: to Sentry where ``SENTRY_DSN`` is set, else by email to ``ADMINS``, else only
to the log.

Settings call this module once, at the end of their logging section:

- :func:`admins_parse` reads ``ADMINS="Ann Lee <ann@example.org>, bob@example.org"`` and stops
  start-up with a clear message if an entry is not an email address;
- :func:`logging_with_admin_email` adds :class:`AdminErrorEmailHandler` to ``django.request``; it
  emails only when Sentry is off, and only the path, request id and traceback (never the POST
  data, cookies, headers or settings that Django's own report would include);
- :func:`sentry_start` turns sentry-sdk on with the Django and Celery integrations, no personal
  data and :func:`event_scrub` as the last word on what leaves the building.

:func:`errors_destination` says which of the three is in force; the 500 page promises "we have
been told" only when it is not ``None``.
"""

import logging
import re
import sys
import traceback
from email.utils import getaddresses
from typing import TYPE_CHECKING, Any, Literal, cast

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.core.validators import validate_email
from django.utils.log import AdminEmailHandler

from training.core.logging import request_id_var
from training.core.scrub import FILTERED, text_scrub, traceback_scrub

if TYPE_CHECKING:
    from sentry_sdk.transport import Transport
    from sentry_sdk.types import Event, Hint


# Keys whose values are people's words or details: post and reply text, report content, notes,
# reasons, contact details, secrets. "original_text", "hidden_reason", "contact_phone" match too.
_PERSONAL_KEY = re.compile(
    r"(?:.*_)?(?:body|body_html|text|content|description|details?|report|comment|reply|post|"
    r"note|statement|evidence|reason|summary|title|answers?|password\d?|passwd|secret|token|"
    r"session(?:id)?|csrf(?:token)?|cookies?|authorization|email|username|phone|postcode|"
    r"address|name|ip|ip_address|request)",
    re.IGNORECASE,
)
# Keys kept even though they end like one above: what a developer needs to find the fault.
_SAFE_KEYS = frozenset({"task_name", "logger_name", "thread_name", "module_name", "name_id"})
# Request headers worth keeping; every other one (Cookie, Authorization, X-Forwarded-For, …) goes.
_SAFE_HEADERS = frozenset(
    {"accept", "accept-language", "content-length", "content-type", "host", "referer"}
    | {"user-agent", "x-request-id"}
)

Destination = Literal["sentry", "email"]


# --- Which one is in force ---------------------------------------------------------------------


def sentry_is_on() -> bool:
    # sentry-sdk is imported only to start it (0.1 s saved where SENTRY_DSN is not set).
    sdk = sys.modules.get("sentry_sdk")
    return sdk is not None and sdk.get_client().is_active()


def errors_destination() -> Destination | None:
    """``"sentry"`` when sentry-sdk is running, else ``"email"`` when ADMINS are set, else None."""
    if sentry_is_on():
        return "sentry"
    if settings.ADMINS:
        return "email"
    return None


# --- ADMINS ------------------------------------------------------------------------------------


def admins_parse(value: str) -> list[tuple[str, str]]:
    """``"Ann Lee <ann@example.org>, bob@example.org"`` as Django's ADMINS (name, address) pairs.

    An empty value gives no admins; an entry that is not an email address stops start-up with
    a message that says how to write the variable.
    """
    value = value.strip().strip(",").strip()
    if not value:
        return []
    admins: list[tuple[str, str]] = []
    for name, address in getaddresses([value]):
        try:
            validate_email(address)
        except ValidationError:
            shown = address or name or "an empty entry"
            raise ImproperlyConfigured(
                f"ADMINS: {shown!r} is not an email address. Separate the people with commas, "
                'e.g. ADMINS="Ann Lee <ann@example.org>, bob@example.org".'
            ) from None
        admins.append((name or address, address))
    return admins


# --- Email to ADMINS -----------------------------------------------------------------------------


class AdminErrorEmailHandler(AdminEmailHandler):
    """Django's email to ADMINS about a server error, with only what an admin needs to act.

    Django's report would carry the request's POST data (post text, a report's content, a
    password typed into a form that failed), cookies, headers and most settings. This one says
    the message ("Internal Server Error: /path/"), the method and path without the query string,
    the request id to find the log lines, and the traceback's code lines. It sends nothing when
    Sentry is on (errors go there) or when the record has no exception: a deliberate 503 from
    /readyz while the database is down is not mailed every few seconds.
    """

    def __init__(self, email_backend: str | None = None, reporter_class: str | None = None):
        super().__init__(
            include_html=False, email_backend=email_backend, reporter_class=reporter_class
        )

    def emit(self, record: logging.LogRecord) -> None:
        if not record.exc_info or errors_destination() != "email":
            return
        try:
            subject = self.format_subject(f"{record.levelname}: {text_scrub(record.getMessage())}")
            self.send_mail(subject, self.body(record), fail_silently=True)
        except Exception:
            self.handleError(record)

    def body(self, record: logging.LogRecord) -> str:
        request = getattr(record, "request", None)
        lines = [text_scrub(record.getMessage()), ""]
        if request is not None:
            method, path = getattr(request, "method", "?"), getattr(request, "path", "?")
            lines.append(f"Request: {method} {path}")
        status_code = getattr(record, "status_code", None)
        if status_code is not None:
            lines.append(f"Status: {status_code}")
        request_id = getattr(record, "request_id", None) or request_id_var.get()
        lines.append(f"Request id: {request_id or 'none'} (search the log for it)")
        assert record.exc_info is not None  # emit() sends only records with an exception
        lines += ["", traceback_scrub(traceback.format_exception(*record.exc_info))]
        return "\n".join(lines)


def logging_with_admin_email(logging_config: dict[str, Any]) -> dict[str, Any]:
    """A copy of LOGGING whose ``django.request`` logger also emails ADMINS about server errors.

    The handler is always there and decides when it runs whether to send (ADMINS set, Sentry off,
    DEBUG off), so the choice follows the settings in force.
    """
    config = {**logging_config}
    config["filters"] = {
        **config.get("filters", {}),
        "require_debug_false": {"()": "django.utils.log.RequireDebugFalse"},
    }
    config["handlers"] = {
        **config.get("handlers", {}),
        "mail_admins": {
            "level": "ERROR",
            "class": "training.core.error_reporting.AdminErrorEmailHandler",
            "filters": ["require_debug_false", *_request_id_filter(config)],
        },
    }
    loggers = {**config.get("loggers", {})}
    # Django's own default sends its full report (POST data, cookies, settings) to ADMINS from
    # the "django" logger: that handler goes, and the logger's records still reach the root's.
    loggers["django"] = {**loggers.get("django", {}), "handlers": [], "propagate": True}
    request_logger = {**loggers.get("django.request", {})}
    request_logger["handlers"] = [*request_logger.get("handlers", []), "mail_admins"]
    request_logger.setdefault("propagate", True)  # the console still logs it as JSON
    loggers["django.request"] = request_logger
    config["loggers"] = loggers
    return config


def _request_id_filter(config: dict[str, Any]) -> list[str]:
    return ["request_id"] if "request_id" in config.get("filters", {}) else []


# --- Sentry --------------------------------------------------------------------------------------


def sentry_start(
    *,
    dsn: str,
    environment: str,
    release: str | None = None,
    transport: "Transport | type[Transport] | None" = None,
) -> None:
    """Turn sentry-sdk on for errors (no performance tracing) with personal data left out.

    ``transport`` is for tests: an object that receives the envelopes instead of Sentry's servers.
    """
    import sentry_sdk
    from sentry_sdk.integrations.celery import CeleryIntegration
    from sentry_sdk.integrations.django import DjangoIntegration
    from sentry_sdk.utils import BadDsn

    try:
        sentry_sdk.init(
            dsn=dsn,
            environment=environment,
            release=release,
            integrations=[
                DjangoIntegration(
                    transaction_style="url", middleware_spans=False, signals_spans=False
                ),
                CeleryIntegration(),
            ],
            # No personal data: send_default_pii is left unset, which means False (setting it at
            # all is deprecated in favour of data_collection, whose use turns the SDK's own
            # denylist scrubber off). event_scrub has the last word either way.
            max_request_body_size="never",
            include_local_variables=False,
            before_send=event_scrub,
            before_breadcrumb=breadcrumb_scrub,
            transport=transport,
        )
    except BadDsn as error:
        # The DSN itself is left out of the message: it holds the project's key.
        raise ImproperlyConfigured(
            f"SENTRY_DSN is not a Sentry DSN ({error}); copy it from the project's settings, "
            "e.g. https://<key>@o0.ingest.sentry.io/<project>"
        ) from None


def _value_scrub(value: Any) -> Any:
    """Every string scrubbed, every personal key's value filtered, in nested dicts and lists."""
    if isinstance(value, str):
        return text_scrub(value)
    if isinstance(value, dict):
        return {
            key: (
                FILTERED
                if isinstance(key, str) and key not in _SAFE_KEYS and _PERSONAL_KEY.fullmatch(key)
                else _value_scrub(item)
            )
            for key, item in value.items()
        }
    if isinstance(value, list | tuple):
        return [_value_scrub(item) for item in value]
    return value


def _request_scrub(request: dict[str, Any]) -> dict[str, Any]:
    headers = request.get("headers") or {}
    kept: dict[str, Any] = {
        "method": request.get("method"),
        "url": text_scrub(str(request.get("url", "")).split("?", 1)[0]),
        "headers": {
            name: text_scrub(str(value))
            for name, value in headers.items()
            if str(name).lower() in _SAFE_HEADERS
        },
    }
    query = request.get("query_string")
    if query:
        names = [part.split("=", 1)[0] for part in str(query).split("&") if part]
        kept["query_string"] = "&".join(f"{name}={FILTERED}" for name in names)
    return kept


def _stacktrace_scrub(stacktrace: dict[str, Any] | None) -> None:
    for frame in (stacktrace or {}).get("frames") or []:
        frame.pop("vars", None)  # local variables: anything at all


def event_scrub(event: "Event", hint: "Hint") -> "Event | None":
    """Sentry's ``before_send``: drop request bodies, cookies, query-string values, the person's
    email, username and address, local variables and anything that looks like post text or
    report content. Also tags the event with the request id, to find its log lines."""
    data = cast(dict[str, Any], event)
    if isinstance(data.get("request"), dict):
        data["request"] = _request_scrub(data["request"])
    user = data.pop("user", None)
    if isinstance(user, dict) and user.get("id") is not None:
        data["user"] = {"id": user["id"]}
    for key in ("exception", "threads"):
        for item in (data.get(key) or {}).get("values") or []:
            _stacktrace_scrub(item.get("stacktrace"))
            if isinstance(item.get("value"), str):
                item["value"] = text_scrub(item["value"])
    if isinstance(data.get("logentry"), dict):
        logentry = data["logentry"]
        logentry.pop("params", None)
        data["logentry"] = {key: _value_scrub(value) for key, value in logentry.items()}
    if isinstance(data.get("message"), str):
        data["message"] = text_scrub(data["message"])
    if "extra" in data:
        data["extra"] = _value_scrub(data["extra"])
        job = data["extra"].get("celery-job")
        if isinstance(job, dict):  # a task's arguments may be an address or someone's words
            job.update({"args": FILTERED, "kwargs": FILTERED})
    breadcrumbs = data.get("breadcrumbs")
    if isinstance(breadcrumbs, dict):
        breadcrumbs["values"] = [
            crumb
            for crumb in (breadcrumb_scrub(dict(c), {}) for c in breadcrumbs.get("values") or [])
            if crumb is not None
        ]
    request_id = request_id_var.get()
    if request_id:
        data.setdefault("tags", {})["request_id"] = request_id
    return cast("Event", data)


def breadcrumb_scrub(crumb: dict[str, Any], hint: dict[str, Any]) -> dict[str, Any] | None:
    """Sentry's ``before_breadcrumb``: keep what happened, not the data it happened to
    (SQL parameters, URLs' query strings, the arguments of a log line)."""
    crumb.pop("data", None)
    if isinstance(crumb.get("message"), str):
        crumb["message"] = text_scrub(crumb["message"])
    return crumb
