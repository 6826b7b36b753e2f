"""The seeded demo, made once per test worker and copied into the tests that use it; and data
made once for a whole test module and taken away again at its end.

The demo
--------
``seed_demo`` takes several seconds of CPU (more on a busy machine), and a few dozen tests, the
crawl and the open-data pages need what it makes. So each worker seeds it once, the first time
a test asks for it (the session fixture ``demo_snapshot`` in tests/conftest.py), and keeps a
copy of every table next to the test database: an attached in-memory database on SQLite, a
schema on PostgreSQL (neither is seen by Django's introspection, flush or migrations). The
worker's database is then put back exactly as it was, so the tests that do not ask for the
demo never see it.

``demo_load`` copies the seeded rows into the test database *inside the current transaction*:
the test's own (pytest-django's ``db``), or a module's (``module_data``). Rolling it back, as
pytest-django does after every test, takes the demo away again. The pictures and private files
the seed wrote are linked into the test's own folders. What the tests see is what
``seed_demo`` made on this database, rows, ids and files alike: the ``demo_seeded`` fixture
(tests/conftest.py) for one test, ``demo_load`` inside ``module_data`` for a module.

Data for a module
-----------------
The permission matrix makes a few dozen objects for hundreds of requests, and the crawl and the
open-data pages read the demo many times, so these modules build their data once, inside an
outer transaction that is rolled back when the module finishes. Each test still runs in its
own savepoint (pytest-django's ``db`` fixture), so whatever a test writes (opening a lesson
enrols a learner, say) is undone before the next one.

A module using it makes a module-scoped fixture that builds its data inside ``module_data``,
and overrides the suite's ``_media_and_cache`` fixture with one that depends on it, since its
files live in the module's own folder rather than in one per test (see tests/site/test_crawl.py).
"""

import io
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction
from django.test import override_settings

# Where the copies are kept, next to the test database (an attached database or a schema).
CLEAN = "demo_snapshot_clean"
SEEDED = "demo_snapshot_seeded"
# Written once by the migrations and never by the demo.
UNTOUCHED = {"django_migrations"}


@dataclass(frozen=True)
class DemoSnapshot:
    """The demo as ``seed_demo`` left this worker's migrated test database."""

    output: str  # what seed_demo printed
    media: Path  # the pictures it saved (its MEDIA_ROOT)
    private: Path  # and its private files (PRIVATE_FILES_ROOT)
    tables: tuple[str, ...]


@contextmanager
def module_data(django_db_blocker, root: Path) -> Iterator[None]:
    """Open the database for the module, with media and private files under ``root``; on
    leaving, roll back everything made inside."""
    with (
        override_settings(MEDIA_ROOT=root / "media", PRIVATE_FILES_ROOT=root / "private"),
        django_db_blocker.unblock(),
        transaction.atomic(),
    ):
        cache.clear()
        yield
        transaction.set_rollback(True)
    cache.clear()


def demo_snapshot_make(*, root: Path) -> DemoSnapshot:
    """Seed the demo into the (migrated, otherwise empty) test database, keep a copy of every
    table, and put the database back as it was. Call with the database unblocked and no
    transaction open."""
    if connection.in_atomic_block:
        raise RuntimeError("The demo snapshot is made outside any transaction.")
    tables = _tables()
    _stores_create()
    _tables_copy(tables, target=CLEAN)
    media, private = root / "media", root / "private"
    out = io.StringIO()
    try:
        with override_settings(MEDIA_ROOT=media, PRIVATE_FILES_ROOT=private):
            cache.clear()
            call_command("seed_demo", stdout=out)
        _tables_copy(tables, target=SEEDED)
    finally:
        # Back to the migrated database the other tests expect (committed: no test is running).
        with transaction.atomic():
            _rows_load(tables, source=CLEAN)
        cache.clear()
    media.mkdir(parents=True, exist_ok=True)
    private.mkdir(parents=True, exist_ok=True)
    return DemoSnapshot(output=out.getvalue(), media=media, private=private, tables=tables)


def demo_snapshot_drop() -> None:
    """Take the copies away (a PostgreSQL test database may be kept for the next run)."""
    if connection.vendor == "sqlite":
        for name in (CLEAN, SEEDED):
            connection.cursor().execute(f"DETACH DATABASE {name}")
    else:
        for name in (CLEAN, SEEDED):
            connection.cursor().execute(f"DROP SCHEMA IF EXISTS {name} CASCADE")


def demo_load(snapshot: DemoSnapshot) -> None:
    """Replace every row of the test database with the seeded demo's, inside the transaction
    that is open (rolling it back takes the demo away), and link the seed's files into the
    current MEDIA_ROOT and PRIVATE_FILES_ROOT."""
    if not connection.in_atomic_block:
        raise RuntimeError("demo_load copies the demo inside a transaction that is rolled back.")
    _rows_load(snapshot.tables, source=SEEDED)
    _files_link(snapshot.media, Path(settings.MEDIA_ROOT))
    _files_link(snapshot.private, Path(settings.PRIVATE_FILES_ROOT))
    cache.clear()


# --- How ---------------------------------------------------------------------------------------


def _q(name: str) -> str:
    return connection.ops.quote_name(name)


def _kept(table: str) -> str:
    """The copy's name (SQLite keeps ``sqlite_`` names for itself)."""
    return f"copy_{table}" if table.startswith("sqlite_") else table


def _tables() -> tuple[str, ...]:
    """Every table of the test database the demo may write; on SQLite with its AUTOINCREMENT
    counters, and without the full-text index (a virtual table and its storage), which
    Wagtail's triggers fill from ``wagtailsearch_indexentry`` as its rows are copied in."""
    names = [
        name
        for name in connection.introspection.table_names(include_views=False)
        if name not in UNTOUCHED
    ]
    if connection.vendor != "sqlite":
        return tuple(names)
    virtual = _virtual()
    kept = [name for name in names if not any(name.startswith(v) for v in virtual)]
    return (*kept, "sqlite_sequence")


def _virtual() -> list[str]:
    """SQLite's virtual tables (the full-text index)."""
    if connection.vendor != "sqlite":
        return []
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%'")
        return [row[0] for row in cursor.fetchall()]


def _stores_create() -> None:
    with connection.cursor() as cursor:
        for name in (CLEAN, SEEDED):
            if connection.vendor == "sqlite":
                cursor.execute("PRAGMA database_list")
                if name not in {row[1] for row in cursor.fetchall()}:
                    cursor.execute(f"ATTACH DATABASE ':memory:' AS {name}")
                cursor.execute(f"SELECT name FROM {name}.sqlite_master WHERE type = 'table'")  # noqa: S608 (our own names)
                for (table,) in cursor.fetchall():
                    cursor.execute(f"DROP TABLE {name}.{_q(table)}")
            else:
                cursor.execute(f"DROP SCHEMA IF EXISTS {name} CASCADE")
                cursor.execute(f"CREATE SCHEMA {name}")


def _tables_copy(tables: tuple[str, ...], *, target: str) -> None:
    with transaction.atomic(), connection.cursor() as cursor:
        for table in tables:
            copy = f"{target}.{_q(_kept(table))}"
            cursor.execute(f"CREATE TABLE {copy} AS SELECT * FROM {_q(table)}")  # noqa: S608


def _rows_load(tables: tuple[str, ...], *, source: str) -> None:
    """Every table's rows from ``source``. Foreign keys are checked at commit (Django makes
    them deferrable), so the order does not matter."""
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("TRUNCATE " + ", ".join(_q(table) for table in tables))
        else:
            for table in (*tables, *_virtual()):
                cursor.execute(f"DELETE FROM {_q(table)}")  # noqa: S608 (the database's tables)
        for table in tables:
            copy = f"{source}.{_q(_kept(table))}"
            cursor.execute(f"INSERT INTO {_q(table)} SELECT * FROM {copy}")  # noqa: S608
        if connection.vendor == "postgresql":
            models = apps.get_models(include_auto_created=True)
            for statement in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(statement)


def _files_link(source: Path, target: Path) -> None:
    """The seed's files under ``target``, as hard links (nothing rewrites a stored file in
    place; a test that deletes one removes only its own link)."""
    for path in source.rglob("*"):
        if path.is_dir():
            continue
        copy = target / path.relative_to(source)
        if copy.exists():
            continue
        copy.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(path, copy)
        except OSError:  # another file system: copy instead
            shutil.copy2(path, copy)
