"""gunicorn's own settings, for `make run` and production (`-c python:training.gunicorn_conf`).

gunicorn sets up its logging before Django does: this gives its lines the same JSON shape as ours
(training/core/logging.py). No access log: requests are logged by the app with their request id.
"""

logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "training.core.logging.JsonFormatter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json",
            "stream": "ext://sys.stderr",
        }
    },
    "loggers": {
        "gunicorn.error": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "gunicorn.access": {"handlers": [], "level": "WARNING", "propagate": False},
    },
}
