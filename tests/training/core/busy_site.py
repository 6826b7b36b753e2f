"""A stand-in for a busy site, for the backup tests: a SQLite file set up like the site's (WAL,
busy timeout, immediate transactions) and a writer that keeps adding notes.

Each note names a public and a private file and holds their SHA-256. As the site does, each
file is written before the row naming it is committed. Run as a program, it writes notes until
it is stopped:

    python -m tests.training.core.busy_site DATABASE MEDIA_ROOT PRIVATE_FILES_ROOT
"""

import hashlib
import os
import sqlite3
import sys
import time
import uuid
from pathlib import Path

SCHEMA = """
CREATE TABLE IF NOT EXISTS django_migrations (
    id INTEGER PRIMARY KEY AUTOINCREMENT, app TEXT, name TEXT, applied TEXT
);
CREATE TABLE IF NOT EXISTS note (
    id INTEGER PRIMARY KEY,
    body TEXT NOT NULL,
    media_name TEXT NOT NULL,
    media_sha256 TEXT NOT NULL,
    private_name TEXT NOT NULL,
    private_sha256 TEXT NOT NULL
);
"""


def site_connect(database: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(database, timeout=20, isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=NORMAL")
    connection.execute("PRAGMA busy_timeout=20000")
    return connection


def site_create(database: Path, *, migrations: tuple[str, ...] = ()) -> sqlite3.Connection:
    database.parent.mkdir(parents=True, exist_ok=True)
    connection = site_connect(database)
    connection.executescript(SCHEMA)
    for migration in migrations:
        app, name = migration.split(".", 1)
        connection.execute(
            "INSERT INTO django_migrations (app, name, applied) VALUES (?, ?, '2026-12-01')",
            (app, name),
        )
    return connection


def _file_write(root: Path, name: str, data: bytes) -> str:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return hashlib.sha256(data).hexdigest()


def note_add(connection: sqlite3.Connection, *, media: Path, private: Path) -> None:
    """Write a picture and a private file, then commit the note that names them."""
    key = uuid.uuid4().hex
    media_name = f"notes/{key[:2]}/{key}.jpg"
    private_name = f"exports/{key}.csv"
    media_sha = _file_write(media, media_name, os.urandom(1000 + int(key[:3], 16) % 3000))
    private_sha = _file_write(private, private_name, f"name,notes\nPat,{key}\n".encode())
    connection.execute("BEGIN IMMEDIATE")
    connection.execute(
        "INSERT INTO note (body, media_name, media_sha256, private_name, private_sha256) "
        "VALUES (?, ?, ?, ?, ?)",
        (f"Note {key} " * 20, media_name, media_sha, private_name, private_sha),
    )
    # Still open: a backup made now must not hold this row.
    time.sleep(0.001)
    connection.execute("COMMIT")


def main() -> None:
    database, media, private = (Path(argument) for argument in sys.argv[1:4])
    connection = site_connect(database)
    while True:
        note_add(connection, media=media, private=private)
        # A busy site, not a flood: a few dozen notes a second keeps the archives small.
        time.sleep(0.02)


if __name__ == "__main__":
    main()
