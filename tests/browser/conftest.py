"""The browser-test harness: one headless Chromium per test run, a fresh context per test.

Journeys drive Debian's Chromium through Playwright against pytest-django's ``live_server``,
and check every page they reach with axe-core (see ``helpers.py``). Without a Chromium they
skip, saying how to get one; with ``REQUIRE_BROWSER=1`` (as in CI) they fail instead.
"""

import importlib
import io
import os
import shutil
from pathlib import Path

import pytest

# Playwright's sync API keeps an asyncio event loop in the main thread, which makes Django
# refuse ORM calls from the test ("You cannot call this from an async context"). Nothing here
# is really async: the test waits on the browser while the live server thread answers it.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM_HELP = (
    "Install Debian's Chromium with `apt-get install -y chromium`, or set CHROMIUM_PATH to a "
    "Chromium or Chrome binary. (Set REQUIRE_BROWSER=1 to make a missing browser an error.)"
)
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
# Long enough for a slow CI machine, short enough that a missing element fails quickly.
TIMEOUT_MS = 15_000


def chromium_find() -> str | None:
    """CHROMIUM_PATH if set, else Debian's /usr/bin/chromium, else `chromium` on the PATH."""
    candidates = [os.environ.get("CHROMIUM_PATH"), "/usr/bin/chromium", shutil.which("chromium")]
    for candidate in candidates:
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


def _browser_missing(reason: str) -> None:
    message = f"Browser tests need Chromium: {reason}. {CHROMIUM_HELP}"
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole run (starting it is the slow part)."""
    path = chromium_find()
    if path is None:
        configured = os.environ.get("CHROMIUM_PATH")
        _browser_missing(
            f"CHROMIUM_PATH={configured} is not an executable file"
            if configured
            else "none found at /usr/bin/chromium or on the PATH"
        )
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _browser_missing("the Playwright package is not installed (pip install playwright)")

    playwright = sync_playwright().start()
    try:
        # Playwright gives launch() a fresh temporary profile (user-data-dir) and deletes it on
        # close, so no state leaks between runs. Playwright's own browser download is not used.
        chromium = playwright.chromium.launch(
            executable_path=path, headless=True, args=CHROMIUM_ARGS
        )
    except Exception as error:
        playwright.stop()
        pytest.fail(f"Chromium at {path} did not start: {error}", pytrace=False)
    yield chromium
    chromium.close()
    playwright.stop()


def foundation_restore() -> None:
    """Put back the rows the data migrations made: the role groups and the home page.

    ``live_server`` needs a transactional database: the live server thread must see committed
    data. pytest-django empties every table after each transactional test, data-migration rows
    included, and Django's ``post_migrate`` then recreates only content types and permissions.
    So, before each journey, we recreate the rest here. This is safe to run on a full database
    (the first transactional test of a run sees the migrated one): it only adds what is missing.

    Why not ``serialized_rollback=True``? It reloads a snapshot of the migrated database, but
    the reload crashes on duplicate content types whenever another transactional test without
    it ran earlier in the run (its flush let ``post_migrate`` recreate them under new ids), and
    the Celery-on-Redis and PostgreSQL tests are transactional. Rebuilding is order-proof.

    A later data migration that pages depend on must be mirrored here.
    """
    from django.apps import apps
    from django.conf import settings
    from django.utils.translation import get_supported_language_variant

    from wagtail.models import Locale, Page, Site

    from training.core.models import HomePage
    from training.users import roles

    # roles_sync() is written for a migration's historical app registry and leaves every app
    # config's ``models_module`` set to None. On the real registry that would stop Django's
    # later flushes from recreating permissions, so put them back as they were.
    models_modules = {config.label: config.models_module for config in apps.get_app_configs()}
    try:
        roles.roles_sync(apps)
    finally:
        for config in apps.get_app_configs():
            config.models_module = models_modules[config.label]

    if HomePage.objects.exists():
        return
    migration = importlib.import_module("training.core.migrations.0003_home_page")
    locale = Locale.objects.first() or Locale.objects.create(
        language_code=get_supported_language_variant(settings.LANGUAGE_CODE)
    )
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=locale)
    )
    home = root.add_child(
        instance=HomePage(
            title="Homes on the Net",
            slug="home",
            locale=locale,
            introduction=migration.INTRODUCTION,
            call_to_action="See the courses",
        )
    )
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={
            "hostname": "localhost",
            "port": 80,
            "root_page": home,
            "site_name": "Homes on the Net",
        },
    )


@pytest.fixture
def foundation(transactional_db):
    """The site as ``migrate`` leaves it: role groups, home page, default Wagtail site."""
    foundation_restore()


@pytest.fixture
def demo_content(foundation):
    """What ``seed_demo`` adds to pages: footer pages, neighbourhoods, community centres."""
    from training.core import demo as core_demo
    from training.places import demo as places_demo

    out = io.StringIO()
    core_demo.demo_seed(stdout=out)
    places_demo.demo_seed(stdout=out)


@pytest.fixture
def context_new(browser, live_server, foundation):
    """Make a fresh browser context (its own cookies: a different person, or device).

    Contexts bypass the Content Security Policy only so that axe-core can be injected; the
    site's own pages never need inline scripts.
    """
    contexts = []

    def make(**options):
        settings = {
            "base_url": live_server.url,
            "bypass_csp": True,
            "locale": "en-GB",
            "timezone_id": "Europe/London",
            "viewport": {"width": 1280, "height": 800},
        }
        settings.update(options)
        context = browser.new_context(**settings)
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(context_new):
    """A page in a fresh context, on a desktop-sized window."""
    return context_new().new_page()


@pytest.fixture
def sign_in(live_server):
    """Sign a user in to a browser context without the form, for journeys past sign-in.

    The session is made by Django's test client in the shared database and handed to the
    browser as its session cookie.
    """
    from django.conf import settings
    from django.test import Client

    def sign_in_as(context, user) -> None:
        client = Client()
        client.force_login(user)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])

    return sign_in_as
