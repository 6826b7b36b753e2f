"""What the benchmark's gunicorn serves: the bare Django ceiling beside the whole site."""

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "training.settings.bench")

from benchmarks.bare import BARE_PATH, BareHandler  # noqa: E402
from training.wsgi import application as site  # noqa: E402 (settings first)

bare = BareHandler()


def application(environ, start_response):
    if environ.get("PATH_INFO") == BARE_PATH:
        return bare(environ, start_response)
    return site(environ, start_response)
