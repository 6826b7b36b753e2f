"""Backups where DATABASE_URL points at PostgreSQL: pg_dump of a scratch database while another
connection keeps writing, restored with pg_restore into a second, fresh scratch database."""

import os
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import dj_database_url
import psycopg
import pytest
from psycopg import sql

from training.core.backups import BackupError, SiteLocations, backup_create, backup_restore

pytestmark = pytest.mark.postgres


def _connect(database: dict[str, Any], **extra: Any) -> psycopg.Connection:
    details = {
        "host": database.get("HOST") or None,
        "port": database.get("PORT") or None,
        "user": database.get("USER") or None,
        "password": database.get("PASSWORD") or None,
        "dbname": database["NAME"],
    }
    return psycopg.connect(
        **{key: value for key, value in details.items() if value is not None},
        autocommit=True,
        **extra,
    )


@pytest.fixture
def scratch_database(postgres) -> Iterator[Callable[[], dict[str, Any]]]:
    """Make empty databases on the DATABASE_URL server; drop them all afterwards."""
    server = dict(dj_database_url.parse(os.environ["DATABASE_URL"]))
    made: list[str] = []
    with _connect({**server, "NAME": "postgres"}) as admin:

        def create() -> dict[str, Any]:
            name = f"homes_backup_{uuid.uuid4().hex[:12]}"
            admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
            made.append(name)
            return {**server, "NAME": name}

        try:
            yield create
        finally:
            for name in made:
                admin.execute(
                    sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
                )


def _rows(database: dict[str, Any]) -> list[tuple]:
    with _connect(database) as connection:
        return connection.execute("SELECT id, body, parent_id FROM note ORDER BY id").fetchall()


def _site(database: dict[str, Any], root) -> SiteLocations:
    return SiteLocations(
        database=database, media_root=root / "media", private_root=root / "private"
    )


def test_a_pg_dump_backup_made_during_writes_restores_every_committed_row(
    scratch_database, tmp_path
):
    source = scratch_database()
    with _connect(source) as connection:
        connection.execute(
            "CREATE TABLE django_migrations (id serial PRIMARY KEY, app text, name text, "
            "applied timestamptz DEFAULT now())"
        )
        connection.execute(
            "INSERT INTO django_migrations (app, name) VALUES ('contenttypes', '0001_initial')"
        )
        connection.execute(
            "CREATE TABLE note (id bigserial PRIMARY KEY, body text NOT NULL, "
            "parent_id bigint REFERENCES note (id))"
        )
        connection.execute(
            "INSERT INTO note (body) SELECT 'Note ' || n FROM generate_series(1, 500) AS n"
        )
    live = _site(source, tmp_path / "live")
    (live.media_root / "courses").mkdir(parents=True)
    (live.media_root / "courses" / "picture.jpg").write_bytes(b"\xff\xd8 a picture")

    stop = threading.Event()

    def keep_writing() -> None:
        with _connect(source) as connection:
            while not stop.is_set():
                connection.execute("INSERT INTO note (body, parent_id) VALUES ('Reply', 1)")
                time.sleep(0.002)

    writer = threading.Thread(target=keep_writing)
    writer.start()
    try:
        deadline = time.monotonic() + 10
        while len(_rows(source)) < 520:
            assert time.monotonic() < deadline
            time.sleep(0.01)
        committed_before = {row[0] for row in _rows(source)}
        result = backup_create(site=live, directory=tmp_path / "backups")
    finally:
        stop.set()
        writer.join()

    target = scratch_database()
    fresh = _site(target, tmp_path / "fresh")
    backup_restore(archive=result.path, site=fresh)

    restored = _rows(target)
    ids = [row[0] for row in restored]
    assert committed_before <= set(ids)
    assert ids == list(range(1, len(ids) + 1))  # one snapshot: no gaps
    assert restored == _rows(source)[: len(ids)]
    assert (fresh.media_root / "courses" / "picture.jpg").read_bytes() == b"\xff\xd8 a picture"
    assert result.manifest["database"] == {
        "kind": "postgresql",
        "member": "database/db.pgdump",
        "migrations": ["contenttypes.0001_initial"],
    }
    # The sequences came back too: a new note gets a number no restored note has. (pg_dump reads
    # a sequence outside its snapshot, so it may be a little ahead: numbers are skipped, never
    # reused.)
    with _connect(target) as connection:
        (new_id,) = connection.execute(
            "INSERT INTO note (body) VALUES ('After') RETURNING id"
        ).fetchone()
    assert new_id > len(ids)

    # Now the target has data: a second restore is refused and changes nothing…
    with pytest.raises(BackupError, match="already has data in the PostgreSQL database"):
        backup_restore(archive=result.path, site=fresh)
    assert len(_rows(target)) == len(ids) + 1

    # …unless forced, when the database is the backup's again.
    backup_restore(archive=result.path, site=fresh, force=True)

    assert _rows(target) == restored


def test_a_database_that_cannot_be_reached_is_reported_and_leaves_no_archive(
    scratch_database, tmp_path
):
    missing = {**scratch_database(), "NAME": f"homes_backup_missing_{uuid.uuid4().hex[:8]}"}

    with pytest.raises(BackupError, match="Could not reach the PostgreSQL database"):
        backup_create(site=_site(missing, tmp_path), directory=tmp_path / "backups")

    assert list((tmp_path / "backups").iterdir()) == []
