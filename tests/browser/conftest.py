"""The browser-test harness: one headless Chromium per test run, a fresh context per test.

Journeys drive Debian's Chromium through Playwright against pytest-django's ``live_server``
and check every page they reach with axe-core (``helpers.py``). Without a Chromium they skip,
saying how to get one; with ``REQUIRE_BROWSER=1`` (as in CI) they fail instead.

Write a journey like this::

    pytestmark = [
        pytest.mark.browser,
        pytest.mark.django_db(transaction=True, serialized_rollback=True),
    ]

    def test_something(page):            # or context_new, for a second person or device
        visit(page, "/")                  # opens the page and runs axe on it
        submit(page, "Save my details")   # presses the button, runs axe on the next page

How journeys get their database
-------------------------------
``live_server`` needs a transactional database (the server thread must see committed rows),
and pytest-django empties every table after each transactional test, including the rows the
data migrations made: role groups, home page, courses index, skills framework, Wagtail's root
page and collection. ``serialized_rollback=True`` makes Django snapshot the migrated database
when it creates it and reload that snapshot before each journey, so every data migration,
today's and later ones, is covered with nothing to keep in step here. Three things keep that
reliable; each is explained where it is done:

1. ``pytest_collection_modifyitems`` runs journeys first among the transactional tests.
2. ``browser`` keeps the thread's database connections while Playwright's loop runs, and
   allows Django's "async-unsafe" calls only while it does.
3. ``_database_left_as_migrated`` puts the snapshot back at the end of a run that keeps its
   database (``--reuse-db`` on PostgreSQL), so the next run starts from a migrated one.
"""

import io
import os
import shutil
import warnings
from pathlib import Path

import pytest

CHROMIUM_HELP = (
    "Install Debian's Chromium with `apt-get install -y chromium`, or set CHROMIUM_PATH to a "
    "Chromium or Chrome binary."
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
ASYNC_UNSAFE = "DJANGO_ALLOW_ASYNC_UNSAFE"


def chromium_find() -> str | None:
    """CHROMIUM_PATH if set (and only it), else Debian's /usr/bin/chromium, else `chromium`
    on the PATH."""
    configured = os.environ.get("CHROMIUM_PATH")
    candidates = [configured] if configured else ["/usr/bin/chromium", shutil.which("chromium")]
    for candidate in candidates:
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


def _browser_missing(reason: str) -> None:
    message = f"Browser tests need Chromium: {reason}. {CHROMIUM_HELP}"
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(f"{message} REQUIRE_BROWSER=1 is set, so this is an error.", pytrace=False)
    pytest.skip(f"{message} (With REQUIRE_BROWSER=1 this is an error, as in CI.)")


def _transactional(item: pytest.Item) -> bool:
    """Whether pytest-django gives ``item`` a transactional database (emptied afterwards)."""
    from django.test import TestCase, TransactionTestCase

    cls = getattr(item, "cls", None)
    if cls is not None and issubclass(cls, TransactionTestCase):
        return not issubclass(cls, TestCase)
    marker = item.get_closest_marker("django_db")
    if marker is not None and (
        marker.kwargs.get("transaction")
        or marker.kwargs.get("reset_sequences")
        or (marker.args and marker.args[0])
    ):
        return True
    fixtures = getattr(item, "fixturenames", ())
    return "transactional_db" in fixtures or "live_server" in fixtures


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Run the browser journeys first among the transactional tests.

    Reloading the snapshot fails on duplicate content types after a transactional test
    *without* serialized_rollback: the flush after it lets ``post_migrate`` recreate them under
    new ids. pytest-django already runs transactional tests after all the others; this hook,
    running after pytest-django's and pytest-randomly's reordering, moves the journeys to the
    front of that group, so the tests before them all left the database as migrated.
    """
    journeys = [item for item in items if item.get_closest_marker("browser")]
    if not journeys:
        return
    first = next((index for index, item in enumerate(items) if _transactional(item)), None)
    if first is None:
        return
    journey_ids = {id(item) for item in journeys}
    rest = [item for item in items if id(item) not in journey_ids]
    before = sum(1 for item in items[:first] if id(item) not in journey_ids)
    items[:] = rest[:before] + journeys + rest[before:]


@pytest.fixture(scope="package")
def browser():
    """One headless Chromium for all the journeys (starting it is the slow part).

    Package-scoped, so it closes right after the last journey (they run one after another,
    see ``pytest_collection_modifyitems``) and what it changes does not outlive them.
    """
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

    from django.db import connections

    # While an asyncio loop runs in a thread, Django keeps database connections per async
    # context instead of per thread, so once Playwright starts, the tests would get brand-new
    # connection objects, without the snapshot Django keeps on the old ones, and no journey
    # after the first would get its data back. Keep the thread's own connections.
    thread_connections = {alias: connections[alias] for alias in connections}
    # That loop also makes Django refuse ORM calls from the tests ("You cannot call this from
    # an async context"). Nothing here is really async: a test waits on the browser while the
    # live server's thread answers it. Allowed only while the browser runs, so it reaches no
    # other test (nor a subprocess one starts).
    async_unsafe = os.environ.get(ASYNC_UNSAFE)
    os.environ[ASYNC_UNSAFE] = "true"
    playwright = sync_playwright().start()
    for alias, connection in thread_connections.items():
        connections[alias] = connection
    try:
        # Playwright gives launch() a fresh temporary profile (user-data-dir) and deletes it on
        # close, so no state leaks between runs. Playwright's own browser download is not used.
        chromium = playwright.chromium.launch(
            executable_path=path, headless=True, args=CHROMIUM_ARGS
        )
    except Exception as error:
        playwright.stop()
        _environ_restore(ASYNC_UNSAFE, async_unsafe)
        pytest.fail(f"Chromium at {path} did not start: {error}", pytrace=False)
    yield chromium
    chromium.close()
    playwright.stop()
    _environ_restore(ASYNC_UNSAFE, async_unsafe)


def _environ_restore(name: str, value: str | None) -> None:
    if value is None:
        os.environ.pop(name, None)
    else:
        os.environ[name] = value


@pytest.fixture(scope="session")
def _database_left_as_migrated(django_db_setup, django_db_keepdb, django_db_blocker):
    """At the end of the run, reload the snapshot if the test database is kept for next time.

    The last transactional test leaves every table empty. With ``--reuse-db`` (in our
    addopts) and a database that outlives the run, PostgreSQL say, the next run would reuse
    it without the data migrations' rows and fail everywhere.
    """
    yield
    if not django_db_keepdb:
        return
    from django.db import connections

    with django_db_blocker.unblock():
        for connection in connections.all(initialized_only=True):
            snapshot = getattr(connection, "_test_serialized_contents", None)
            if not snapshot or (connection.vendor == "sqlite" and connection.is_in_memory_db()):
                continue
            try:
                connection.creation.deserialize_db_from_string(snapshot)
            except Exception as error:  # a warning is all we can give at this point
                warnings.warn(
                    f"Could not restore the kept test database ({error}). "
                    "Run the tests with --create-db next time.",
                    stacklevel=1,
                )


@pytest.fixture
def demo_content(transactional_db):
    """What ``seed_demo`` adds to pages: footer pages, neighbourhoods, community centres."""
    from demo import core as core_demo
    from demo import places as places_demo

    out = io.StringIO()
    core_demo.demo_seed(stdout=out)
    places_demo.demo_seed(stdout=out)


@pytest.fixture
def context_new(request, browser, live_server, _database_left_as_migrated):
    """Make a fresh browser context: its own cookies, so a different person or device.

    Contexts bypass the Content Security Policy only so that axe-core can be injected; the
    site's own pages never need inline scripts.
    """
    marker = request.node.get_closest_marker("django_db")
    if marker is None or not marker.kwargs.get("serialized_rollback"):
        pytest.fail(
            "Mark browser journeys with "
            "@pytest.mark.django_db(transaction=True, serialized_rollback=True), or the live "
            "server sees an empty database (see the top of tests/browser/conftest.py).",
            pytrace=False,
        )
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
