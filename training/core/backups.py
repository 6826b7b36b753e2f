"""Backups: one dated archive with a consistent copy of the database, media and private files.

``backup_create`` writes ``homes-<UTC date and time>.tar.gz`` holding

- ``database/db.sqlite3``: a copy made with SQLite's online backup API, in one step, so it is
  the database as it was at one instant even while the site keeps writing (WAL lets writers go
  on meanwhile); or ``database/db.pgdump``: ``pg_dump --format=custom``, which reads one
  snapshot too;
- ``media/…`` and ``private/…``: the files under ``MEDIA_ROOT`` and ``PRIVATE_FILES_ROOT``
  (with ``MEDIA_STORAGE=s3`` they live in the bucket and are not copied: the result says so);
- ``manifest.json``: when, which database, its applied migrations, file counts and the SHA-256
  of every other member.

The database is copied *before* the files. A file is written before the row naming it is
committed, so every file the copied database refers to is already complete on disk when the
files are read. Files that appear later are copied too, or not: either way they are harmless.

``backup_restore`` unpacks the archive into a staging folder and checks every member against the
manifest before it touches the site; it refuses to overwrite a database or folder that is not
empty unless ``force`` is given. The checksums catch damage, not a forger who rewrites the
manifest too: keep archives where only the site's operators can reach them.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
import zlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import IO, Any, cast

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.module_loading import import_string

FORMAT = "homes-on-the-net-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
SQLITE_MEMBER = "database/db.sqlite3"
POSTGRES_MEMBER = "database/db.pgdump"
MEDIA = "media"
PRIVATE = "private"
CHUNK = 1024 * 1024
# Files up to this size are copied through memory; larger ones through a temporary file.
SPOOL_BYTES = 16 * 1024 * 1024
SQLITE_TIMEOUT_SECONDS = 30.0
# What libpq reads from the environment for the OPTIONS a DATABASES entry may carry.
_LIBPQ_OPTIONS = {
    "sslmode": "PGSSLMODE",
    "sslrootcert": "PGSSLROOTCERT",
    "sslcert": "PGSSLCERT",
    "sslkey": "PGSSLKEY",
}


class BackupError(Exception):
    """A backup or restore that cannot go ahead. The message says why and what to do."""


@dataclass(frozen=True)
class SiteLocations:
    """Where a site keeps its data: a ``DATABASES`` entry and the two file folders.

    A folder is ``None`` when its files live in object storage (``MEDIA_STORAGE=s3``).
    """

    database: Mapping[str, Any]
    media_root: Path | None
    private_root: Path | None
    bucket: str = ""

    @classmethod
    def from_settings(cls) -> SiteLocations:
        media_on_disk = _storage_on_disk("default")
        private_on_disk = _storage_on_disk("private")
        bucket = ""
        if not (media_on_disk and private_on_disk):
            options: Mapping[str, Any] = _storages().get("default", {}).get("OPTIONS", {})
            bucket = str(options.get("bucket_name", ""))
        return cls(
            database=dict(settings.DATABASES["default"]),
            media_root=Path(settings.MEDIA_ROOT) if media_on_disk else None,
            private_root=Path(settings.PRIVATE_FILES_ROOT) if private_on_disk else None,
            bucket=bucket,
        )

    @property
    def database_kind(self) -> str:
        engine = str(self.database.get("ENGINE", ""))
        if engine.endswith("sqlite3"):
            return "sqlite"
        if "postgresql" in engine:
            return "postgresql"
        raise BackupError(f"Backups know SQLite and PostgreSQL; this site's database is {engine}.")

    @property
    def sqlite_path(self) -> Path:
        name = str(self.database.get("NAME", ""))
        if not name or name == ":memory:" or name.startswith("file:"):
            raise BackupError(f"The SQLite database {name!r} is not a file on disk.")
        return Path(name)

    def folders(self) -> dict[str, Path | None]:
        return {MEDIA: self.media_root, PRIVATE: self.private_root}


def _storages() -> Mapping[str, Mapping[str, Any]]:
    return cast(Mapping[str, Mapping[str, Any]], settings.STORAGES)


def _storage_on_disk(alias: str) -> bool:
    """Whether ``STORAGES[alias]`` keeps its files in a folder on this machine."""
    backend = import_string(str(_storages()[alias]["BACKEND"]))
    return isinstance(backend, type) and issubclass(backend, FileSystemStorage)


@dataclass(frozen=True)
class BackupResult:
    path: Path
    manifest: dict[str, Any]
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class RestoreResult:
    manifest: dict[str, Any]
    notes: list[str] = field(default_factory=list)


# --- Making a backup ----------------------------------------------------------------------------


def backup_create(
    *,
    site: SiteLocations | None = None,
    directory: Path | str | None = None,
    now: datetime | None = None,
) -> BackupResult:
    """Write one archive of ``site`` (the configured site by default) into ``directory``
    (``BACKUP_DIR`` by default) and return where it is, its manifest and notes for the reader."""
    site = site or SiteLocations.from_settings()
    kind = site.database_kind
    directory = Path(directory or settings.BACKUP_DIR).resolve()
    _refuse_directory_inside_folders(directory, site)
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    now = (now or datetime.now(UTC)).astimezone(UTC)
    notes: list[str] = []
    files: dict[str, dict[str, Any]] = {}

    with tempfile.TemporaryDirectory(dir=directory, prefix=".homes-backup-") as work:
        work_dir = Path(work)
        if kind == "sqlite":
            member = SQLITE_MEMBER
            applied = _sqlite_snapshot(source=site.sqlite_path, destination=work_dir / "db")
        else:
            member = POSTGRES_MEMBER
            applied = _postgres_migrations(site.database)
            _postgres_dump(database=site.database, destination=work_dir / "db")
        manifest: dict[str, Any] = {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "created": now.replace(microsecond=0).isoformat().replace("+00:00", "Z"),
            "database": {"kind": kind, "member": member, "migrations": applied},
        }
        handle, partial_name = tempfile.mkstemp(dir=directory, prefix=".homes-", suffix=".partial")
        partial = Path(partial_name)
        try:
            with (
                os.fdopen(handle, "wb") as raw,
                tarfile.open(fileobj=raw, mode="w:gz", compresslevel=6) as tar,
            ):
                with (work_dir / "db").open("rb") as db_file:
                    files[member] = _member_add(tar, name=member, source=db_file)
                for folder, root in site.folders().items():
                    if root is None:
                        manifest[folder] = {"included": False, "where": "s3", "files": 0}
                        continue
                    count, size = _tree_add(tar, root=root, prefix=folder, files=files)
                    manifest[folder] = {"included": True, "files": count, "bytes": size}
                manifest["files"] = files
                body = json.dumps(manifest, indent=2, sort_keys=True).encode()
                _member_add(tar, name=MANIFEST, source=_BytesReader(body))
            path = _archive_name(directory, now)
            os.replace(partial, path)
        finally:
            partial.unlink(missing_ok=True)
    if site.media_root is None or site.private_root is None:
        notes.append(_bucket_note(site))
    return BackupResult(path=path, manifest=manifest, notes=notes)


def _refuse_directory_inside_folders(directory: Path, site: SiteLocations) -> None:
    for folder, root in site.folders().items():
        if root is None:
            continue
        if directory.is_relative_to(Path(root).resolve()):
            why = (
                "anyone could download it from the site"
                if folder == MEDIA
                else "every backup would hold the ones before it"
            )
            raise BackupError(
                f"BACKUP_DIR ({directory}) is inside the {folder} folder ({root}): {why}. "
                "Choose a folder outside it."
            )


def _archive_name(directory: Path, now: datetime) -> Path:
    stem = f"homes-{now:%Y-%m-%dT%H%M}Z"
    path = directory / f"{stem}.tar.gz"
    number = 2
    while path.exists():
        path = directory / f"{stem}-{number}.tar.gz"
        number += 1
    return path


def _bucket_note(site: SiteLocations) -> str:
    bucket = f"the S3 bucket {site.bucket!r}" if site.bucket else "the S3 bucket"
    return (
        f"Media and private files live in {bucket} (MEDIA_STORAGE=s3) and are not in this "
        "archive. Back the bucket up with its own tools, for example by turning on versioning "
        "or copying it to a second bucket."
    )


def _sqlite_snapshot(*, source: Path, destination: Path) -> list[str]:
    """Copy the live SQLite database in one backup step; return its applied migrations."""
    if not source.is_file():
        raise BackupError(
            f"There is no database at {source} yet: nothing to back up (run `make migrate`)."
        )
    live = sqlite3.connect(source, timeout=SQLITE_TIMEOUT_SECONDS)
    copy = sqlite3.connect(destination)
    try:
        return _sqlite_copy(live, copy)
    except sqlite3.Error as error:
        raise BackupError(f"Could not copy the database {source}: {error}") from error
    finally:
        copy.close()
        live.close()


def _sqlite_copy(live: sqlite3.Connection, copy: sqlite3.Connection) -> list[str]:
    # pages=-1: the whole database in one step, inside one read transaction, so the copy
    # is one instant of it. (Several steps restart whenever another connection writes.)
    live.backup(copy, pages=-1)
    # The copy stands alone: no write-ahead log beside it.
    copy.execute("PRAGMA journal_mode=DELETE")
    (result,) = copy.execute("PRAGMA quick_check").fetchone()
    if result != "ok":
        raise BackupError(f"The database copy failed SQLite's check ({result}).")
    return _sqlite_migrations(copy)


def _sqlite_migrations(connection: sqlite3.Connection) -> list[str]:
    try:
        rows = connection.execute("SELECT app, name FROM django_migrations ORDER BY id").fetchall()
    except sqlite3.OperationalError:
        return []
    return [f"{app}.{name}" for app, name in rows]


def _tree_add(
    tar: tarfile.TarFile, *, root: Path, prefix: str, files: dict[str, dict[str, Any]]
) -> tuple[int, int]:
    """Add every regular file under ``root`` as ``prefix/<relative path>``; return the count
    and bytes. Files that vanish while being read were deleted by the site: they are skipped."""
    count = size = 0
    for path in _walk_files(root):
        name = f"{prefix}/{path.relative_to(root).as_posix()}"
        try:
            with path.open("rb") as source:
                entry = _member_add(tar, name=name, source=source)
        except FileNotFoundError:
            continue
        files[name] = entry
        count += 1
        size += entry["bytes"]
    return count, size


def _walk_files(root: Path) -> Iterator[Path]:
    if not root.is_dir():
        return
    for folder, dirs, names in os.walk(root):
        dirs.sort()
        for name in sorted(names):
            path = Path(folder) / name
            if path.is_file() and not path.is_symlink():
                yield path


class _BytesReader:
    def __init__(self, data: bytes) -> None:
        self._data = data
        self._offset = 0

    def read(self, size: int = -1) -> bytes:
        end = len(self._data) if size < 0 else self._offset + size
        chunk = self._data[self._offset : end]
        self._offset += len(chunk)
        return chunk


def _member_add(tar: tarfile.TarFile, *, name: str, source: Any) -> dict[str, Any]:
    """Copy ``source`` once into a spool while hashing it, then add exactly those bytes: a file
    that grows or shrinks meanwhile cannot make the archive disagree with its checksum."""
    digest = hashlib.sha256()
    with tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES) as spool:
        while chunk := source.read(CHUNK):
            digest.update(chunk)
            spool.write(chunk)
        info = tarfile.TarInfo(name)
        info.size = spool.tell()
        info.mode = 0o600
        info.mtime = int(datetime.now(UTC).timestamp())
        spool.seek(0)
        tar.addfile(info, spool)
    return {"sha256": digest.hexdigest(), "bytes": info.size}


# --- PostgreSQL --------------------------------------------------------------------------------


def _libpq_environment(database: Mapping[str, Any]) -> dict[str, str]:
    """Connection details for pg_dump and pg_restore, passed in the environment so that the
    password never shows in the process list."""
    environment = dict(os.environ)
    for key, variable in (
        ("HOST", "PGHOST"),
        ("PORT", "PGPORT"),
        ("USER", "PGUSER"),
        ("PASSWORD", "PGPASSWORD"),
    ):
        value = database.get(key)
        if value:
            environment[variable] = str(value)
    for option, variable in _LIBPQ_OPTIONS.items():
        value = (database.get("OPTIONS") or {}).get(option)
        if value:
            environment[variable] = str(value)
    return environment


def _postgres_connect(database: Mapping[str, Any]) -> Any:
    import psycopg

    options = database.get("OPTIONS") or {}
    details = {
        "host": database.get("HOST") or None,
        "port": database.get("PORT") or None,
        "user": database.get("USER") or None,
        "password": database.get("PASSWORD") or None,
        "dbname": database.get("NAME"),
        **{key: options[key] for key in _LIBPQ_OPTIONS if options.get(key)},
    }
    try:
        return psycopg.connect(
            **{key: value for key, value in details.items() if value is not None},
            connect_timeout=10,
            autocommit=True,
        )
    except psycopg.Error as error:
        raise BackupError(
            f"Could not reach the PostgreSQL database {database.get('NAME')!r}: {error}"
        ) from error


def _postgres_migrations(database: Mapping[str, Any]) -> list[str]:
    import psycopg

    with _postgres_connect(database) as connection:
        try:
            rows = connection.execute(
                "SELECT app, name FROM django_migrations ORDER BY id"
            ).fetchall()
        except psycopg.errors.UndefinedTable:
            return []
    return [f"{app}.{name}" for app, name in rows]


def _postgres_is_empty(database: Mapping[str, Any]) -> bool:
    with _postgres_connect(database) as connection:
        (tables,) = connection.execute(
            "SELECT count(*) FROM pg_catalog.pg_tables "
            "WHERE schemaname NOT IN ('pg_catalog', 'information_schema')"
        ).fetchone()
    return tables == 0


def _run(command: list[str], *, environment: dict[str, str], what: str) -> None:
    try:
        completed = subprocess.run(  # noqa: S603 (fixed program, arguments are not a shell)
            command, env=environment, capture_output=True, text=True, check=False
        )
    except FileNotFoundError as error:
        raise BackupError(
            f"{command[0]} was not found: install PostgreSQL's client programs "
            "(on Debian or Ubuntu: apt install postgresql-client)."
        ) from error
    if completed.returncode != 0:
        raise BackupError(f"{what} failed: {completed.stderr.strip() or completed.returncode}")


def _postgres_dump(*, database: Mapping[str, Any], destination: Path) -> None:
    # Custom format: pg_restore can clean, reorder and restore it in one transaction. Not
    # compressed here: the archive is compressed as a whole.
    _run(
        [
            "pg_dump",
            "--format=custom",
            "--compress=0",
            f"--file={destination}",
            f"--dbname={database['NAME']}",
        ],
        environment=_libpq_environment(database),
        what="pg_dump",
    )


def _postgres_restore(*, database: Mapping[str, Any], dump: Path, force: bool) -> None:
    command = [
        "pg_restore",
        "--no-owner",
        "--no-privileges",
        "--exit-on-error",
        "--single-transaction",
        f"--dbname={database['NAME']}",
    ]
    if force:
        command += ["--clean", "--if-exists"]
    _run([*command, str(dump)], environment=_libpq_environment(database), what="pg_restore")


# --- Restoring ---------------------------------------------------------------------------------


def backup_restore(
    *, archive: Path | str, site: SiteLocations | None = None, force: bool = False
) -> RestoreResult:
    """Put the archive back into ``site`` (the configured site by default).

    Everything is checked first — that the database and folders are empty (unless ``force``),
    the manifest, each member's checksum, that the database is of the same kind — and nothing
    is changed if any check fails. With ``force`` the database and folders are
    replaced by the archive's.
    """
    site = site or SiteLocations.from_settings()
    archive = Path(archive)
    if not archive.is_file():
        raise BackupError(f"There is no backup file at {archive}.")
    kind = site.database_kind
    if not force:
        _refuse_non_empty(site, kind)
    with tempfile.TemporaryDirectory(prefix="homes-restore-") as work:
        staging = Path(work)
        manifest = _archive_unpack(archive=archive, staging=staging)
        made_with = manifest["database"]["kind"]
        if made_with != kind:
            raise BackupError(
                f"This backup holds a {_KIND_NAMES.get(made_with, made_with)} database, but "
                f"this site uses {_KIND_NAMES[kind]}: restore it where the site is set up the "
                "same way. Nothing was changed."
            )
        if kind == "sqlite":
            _sqlite_restore(source=staging / SQLITE_MEMBER, target=site.sqlite_path)
        else:
            _postgres_restore(database=site.database, dump=staging / POSTGRES_MEMBER, force=force)
        notes = _folders_restore(site=site, staging=staging, manifest=manifest, force=force)
    notes += _migration_notes(manifest["database"]["migrations"])
    return RestoreResult(manifest=manifest, notes=notes)


_KIND_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}


def _damaged(archive: Path, why: str) -> BackupError:
    return BackupError(f"{archive} is not a usable backup: {why}. Nothing was changed.")


def _archive_unpack(*, archive: Path, staging: Path) -> dict[str, Any]:
    """Unpack into ``staging``, hashing as it goes; return the manifest once every member
    agrees with it."""
    found: dict[str, dict[str, Any]] = {}
    try:
        with tarfile.open(archive, mode="r:gz") as tar:
            for info in tar:
                name = _member_name(archive, info)
                if name in found:
                    raise _damaged(archive, f"{name} is in it twice")
                source = tar.extractfile(info)
                if source is None:
                    raise _damaged(archive, f"{name} is not a plain file")
                target = staging / name
                target.parent.mkdir(parents=True, exist_ok=True)
                with source, target.open("wb") as out:
                    found[name] = _copy_hashing(source, out)
    except (tarfile.TarError, EOFError, zlib.error, gzip.BadGzipFile) as error:
        raise _damaged(archive, f"it is damaged ({error})") from error
    except OSError as error:
        raise BackupError(f"Could not unpack {archive}: {error}. Nothing was changed.") from error
    if MANIFEST not in found:
        raise _damaged(archive, "it has no manifest (is it a Homes on the Net backup?)")
    try:
        manifest = json.loads((staging / MANIFEST).read_text())
    except (ValueError, UnicodeDecodeError) as error:
        raise _damaged(archive, f"its manifest cannot be read ({error})") from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise _damaged(archive, "its manifest is not a Homes on the Net backup's")
    if manifest.get("version") != FORMAT_VERSION:
        raise _damaged(
            archive, f"it is format version {manifest.get('version')}; this code reads version 1"
        )
    _manifest_check(archive, manifest=manifest, found=found)
    return manifest


def _manifest_check(
    archive: Path, *, manifest: Mapping[str, Any], found: Mapping[str, dict[str, Any]]
) -> None:
    """Every member agrees with the manifest, and the manifest has the shape restore reads."""
    listed = manifest.get("files")
    if not isinstance(listed, dict):
        raise _damaged(archive, "its manifest lists no files")
    _compare(archive, listed=listed, found=found)
    database = manifest.get("database")
    if (
        not isinstance(database, dict)
        or database.get("member") not in found
        or database.get("kind") not in _KIND_NAMES
        or not isinstance(database.get("migrations"), list)
    ):
        raise _damaged(archive, "its manifest does not say which database it holds")
    for folder in (MEDIA, PRIVATE):
        part = manifest.get(folder)
        if not (
            isinstance(part, dict)
            and isinstance(part.get("included"), bool)
            and isinstance(part.get("files"), int)
        ):
            raise _damaged(archive, f"its manifest does not describe the {folder} files")


def _member_name(archive: Path, info: tarfile.TarInfo) -> str:
    path = PurePosixPath(info.name)
    if (
        not info.isfile()
        or path.is_absolute()
        or any(part in {"", ".", ".."} for part in path.parts)
        or not (
            info.name in {MANIFEST, SQLITE_MEMBER, POSTGRES_MEMBER}
            or path.parts[0] in {MEDIA, PRIVATE}
            and len(path.parts) > 1
        )
    ):
        raise _damaged(archive, f"it holds {info.name!r}, which a backup never has")
    return info.name


def _copy_hashing(source: IO[bytes], out: IO[bytes]) -> dict[str, Any]:
    digest = hashlib.sha256()
    size = 0
    while chunk := source.read(CHUNK):
        digest.update(chunk)
        out.write(chunk)
        size += len(chunk)
    return {"sha256": digest.hexdigest(), "bytes": size}


def _compare(
    archive: Path, *, listed: Mapping[str, Any], found: Mapping[str, dict[str, Any]]
) -> None:
    for name, entry in sorted(listed.items()):
        if name not in found:
            raise _damaged(archive, f"{name} is missing from it")
        if not isinstance(entry, dict) or entry.get("sha256") != found[name]["sha256"]:
            raise _damaged(archive, f"{name} does not match its checksum (changed or damaged)")
    extra = sorted(set(found) - set(listed) - {MANIFEST})
    if extra:
        raise _damaged(archive, f"{extra[0]} is in it but not in its manifest")


def _refuse_non_empty(site: SiteLocations, kind: str) -> None:
    full: list[str] = []
    if kind == "sqlite":
        if not _sqlite_is_empty(site.sqlite_path):
            full.append(f"the database {site.sqlite_path}")
    elif not _postgres_is_empty(site.database):
        full.append(f"the PostgreSQL database {site.database.get('NAME')!r}")
    for folder, root in site.folders().items():
        if root is not None and next(_walk_files(root), None) is not None:
            full.append(f"the {folder} folder {root}")
    if full:
        raise BackupError(
            "This site already has data in "
            + "; ".join(full)
            + ". Restoring would replace it. If that is what you want, run the restore again "
            "with --force (make restore FILE=… FORCE=1). Nothing was changed."
        )


def _sqlite_is_empty(path: Path) -> bool:
    if not path.exists():
        return True
    try:
        connection = sqlite3.connect(path, timeout=SQLITE_TIMEOUT_SECONDS)
        try:
            (tables,) = connection.execute(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
            ).fetchone()
        finally:
            connection.close()
    except sqlite3.DatabaseError:
        return False  # not a database at all: not ours to overwrite without --force
    return tables == 0


def _sqlite_restore(*, source: Path, target: Path) -> None:
    """Write the copy into the target through SQLite itself, so that its locks, any open
    connection and the write-ahead log are handled properly."""
    target.parent.mkdir(parents=True, exist_ok=True)
    copy = sqlite3.connect(source)
    live = sqlite3.connect(target, timeout=SQLITE_TIMEOUT_SECONDS)
    try:
        copy.backup(live, pages=-1)
        live.execute("PRAGMA journal_mode=WAL")
    finally:
        live.close()
        copy.close()


def _folders_restore(
    *, site: SiteLocations, staging: Path, manifest: Mapping[str, Any], force: bool
) -> list[str]:
    notes: list[str] = []
    for folder, root in site.folders().items():
        held = manifest[folder]["files"]
        included = manifest[folder]["included"]
        if root is None:
            if held:
                notes.append(
                    f"This site keeps {folder} files in the S3 bucket: the backup's {held} "
                    f"{folder} files were not copied there."
                )
            continue
        if not included:
            # Left as they are, even when forced: the backup has nothing to put in their place.
            notes.append(
                f"This backup has no {folder} files: they were in an S3 bucket when it was made."
            )
            continue
        root.mkdir(parents=True, exist_ok=True)
        if force:
            for child in root.iterdir():
                if child.is_dir() and not child.is_symlink():
                    shutil.rmtree(child)
                else:
                    child.unlink()
        staged = staging / folder
        for path in _walk_files(staged):
            target = root / path.relative_to(staged)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(path, target)
    if site.media_root is None and site.private_root is None and not notes:
        notes.append(_bucket_note(site))
    return notes


def _migration_notes(applied: list[str]) -> list[str]:
    from django.db.migrations.loader import MigrationLoader

    known = {f"{app}.{name}" for app, name in MigrationLoader(None).disk_migrations}
    unknown = [name for name in applied if name not in known]
    if unknown:
        return [
            f"The backup's database has {len(unknown)} migrations this code does not have "
            f"(for example {unknown[0]}): it was made by a newer version of the site. Update "
            "the code before you start the site."
        ]
    return ["Next: run `make migrate` (it does nothing if the database is up to date)."]
