"""Backups of a running site (training/core/backups.py; make backup, make restore).

The site here is a real SQLite file in a temporary folder, set up as the site's is (WAL, busy
timeout), with media and private folders beside it; a separate process keeps writing to it
(tests/training/core/busy_site.py) while the backup runs.
"""

import hashlib
import io
import json
import os
import sqlite3
import subprocess
import sys
import tarfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import CommandError

import pytest

from tests.training.core.busy_site import note_add, site_create
from training.core import backups
from training.core.backups import BackupError, SiteLocations, backup_create, backup_restore

ROOT = Path(__file__).resolve().parents[3]
SEED_NOTES = 40


def _site(root: Path) -> SiteLocations:
    return SiteLocations(
        database={"ENGINE": "django.db.backends.sqlite3", "NAME": str(root / "db.sqlite3")},
        media_root=root / "media",
        private_root=root / "private",
    )


def _database(site: SiteLocations) -> Path:
    return Path(site.database["NAME"])


def _notes(site: SiteLocations) -> list[tuple]:
    connection = sqlite3.connect(_database(site))
    try:
        return connection.execute(
            "SELECT id, media_name, media_sha256, private_name, private_sha256 FROM note "
            "ORDER BY id"
        ).fetchall()
    finally:
        connection.close()


def _note_count(site: SiteLocations) -> int:
    connection = sqlite3.connect(_database(site), timeout=20)
    try:
        return connection.execute("SELECT count(*) FROM note").fetchone()[0]
    finally:
        connection.close()


def _wait_for_notes(site: SiteLocations, at_least: int) -> None:
    deadline = time.monotonic() + 15
    while _note_count(site) < at_least:
        assert time.monotonic() < deadline, f"the writer did not reach {at_least} notes"
        time.sleep(0.02)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _files(root: Path) -> dict[str, str]:
    return {
        path.relative_to(root).as_posix(): _sha256(path)
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


@pytest.fixture
def live(tmp_path) -> SiteLocations:
    """A site with notes, each with its two files, and one applied migration this code has."""
    site = _site(tmp_path / "live")
    connection = site_create(_database(site), migrations=("contenttypes.0001_initial",))
    for _ in range(SEED_NOTES):
        note_add(connection, media=site.media_root, private=site.private_root)
    connection.close()
    return site


@contextmanager
def _writer(site: SiteLocations) -> Iterator[subprocess.Popen]:
    """Another process that keeps committing notes (and writing their files) until stopped."""
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.training.core.busy_site",
            str(_database(site)),
            str(site.media_root),
            str(site.private_root),
        ],
        cwd=ROOT,
        stderr=subprocess.PIPE,
    )
    try:
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stderr:
            process.stderr.close()


def _assert_restored_site_is_whole(restored: SiteLocations, manifest: dict) -> list[tuple]:
    """The restored database passes SQLite's full check, and every file the manifest lists and
    every file a note names is there with the right checksum."""
    connection = sqlite3.connect(_database(restored))
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        connection.close()
    folders = {"media": restored.media_root, "private": restored.private_root}
    for name, entry in manifest["files"].items():
        folder, _, relative = name.partition("/")
        if folder in folders:
            assert _sha256(folders[folder] / relative) == entry["sha256"], name
    notes = _notes(restored)
    for _, media_name, media_sha, private_name, private_sha in notes:
        assert _sha256(restored.media_root / media_name) == media_sha
        assert _sha256(restored.private_root / private_name) == private_sha
    return notes


# --- The proof: a backup made while another process writes --------------------------------------


def test_a_backup_made_while_the_site_writes_restores_every_committed_row_and_file(
    live, tmp_path, monkeypatch
):
    in_flight = {}
    tree_add = backups._tree_add

    def files_after_more_writes(tar, *, root, prefix, files):
        # The database is copied by now. Let the site commit more notes (and write their
        # files) before the files are read, so writes are certainly in flight.
        if prefix == "media":
            in_flight["at_copy"] = _note_count(live)
            _wait_for_notes(live, in_flight["at_copy"] + 10)
        return tree_add(tar, root=root, prefix=prefix, files=files)

    monkeypatch.setattr(backups, "_tree_add", files_after_more_writes)

    with _writer(live):
        _wait_for_notes(live, SEED_NOTES + 20)
        committed_before = [row[0] for row in _notes(live)]
        result = backup_create(site=live, directory=tmp_path / "backups")
        notes_after_backup = _note_count(live)

    fresh = _site(tmp_path / "fresh")
    restored = backup_restore(archive=result.path, site=fresh)

    notes = _assert_restored_site_is_whole(fresh, result.manifest)
    ids = [row[0] for row in notes]
    # Every note committed before the backup began is there…
    assert set(committed_before) <= set(ids)
    # …and the copy is one instant of the database: the first notes with no gap, none of the
    # ones committed after it was taken.
    assert ids == list(range(1, len(ids) + 1))
    assert len(ids) <= in_flight["at_copy"] < notes_after_backup
    # Files written after the copy may be in the archive; they are whole and checked too.
    assert result.manifest["media"]["files"] >= len(ids)
    assert result.manifest["database"] == {
        "kind": "sqlite",
        "member": "database/db.sqlite3",
        "migrations": ["contenttypes.0001_initial"],
    }
    assert restored.notes == [
        "Next: run `make migrate` (it does nothing if the database is up to date)."
    ]


def test_the_archive_is_dated_private_and_lists_what_it_holds(live, tmp_path):
    when = datetime(2026, 12, 6, 19, 30, 12, tzinfo=UTC)
    first = backup_create(site=live, directory=tmp_path / "backups", now=when)
    second = backup_create(site=live, directory=tmp_path / "backups", now=when)

    assert first.path.name == "homes-2026-12-06T1930Z.tar.gz"
    assert second.path.name == "homes-2026-12-06T1930Z-2.tar.gz"
    assert first.path.stat().st_mode & 0o777 == 0o600
    # No half-written archive or working files are left behind.
    assert {p.name for p in (tmp_path / "backups").iterdir()} == {first.path.name, second.path.name}
    manifest = first.manifest
    assert manifest["created"] == "2026-12-06T19:30:12Z"
    assert manifest["media"] == {
        "included": True,
        "files": SEED_NOTES,
        "bytes": sum(p.stat().st_size for p in live.media_root.rglob("*") if p.is_file()),
    }
    assert manifest["private"]["files"] == SEED_NOTES
    with tarfile.open(first.path) as tar:
        names = tar.getnames()
        stored = json.load(tar.extractfile("manifest.json"))
    assert stored == manifest
    assert set(names) == set(manifest["files"]) | {"manifest.json"}
    assert _files(live.media_root) == {
        name.removeprefix("media/"): entry["sha256"]
        for name, entry in manifest["files"].items()
        if name.startswith("media/")
    }


def test_no_backup_directory_inside_the_public_media_folder(live):
    with pytest.raises(BackupError, match="anyone could download it"):
        backup_create(site=live, directory=live.media_root / "backups")
    assert not (live.media_root / "backups").exists()


def test_no_backup_of_a_database_that_does_not_exist(tmp_path):
    with pytest.raises(BackupError, match="There is no database at .* yet"):
        backup_create(site=_site(tmp_path / "nothing"), directory=tmp_path / "backups")
    assert not (tmp_path / "nothing" / "db.sqlite3").exists()


# --- Refusals: nothing is changed ---------------------------------------------------------------


@pytest.fixture
def archive(live, tmp_path) -> Path:
    return backup_create(site=live, directory=tmp_path / "backups").path


def test_restore_onto_a_site_with_data_is_refused_unless_forced(live, archive, tmp_path):
    other = _site(tmp_path / "other")
    connection = site_create(_database(other))
    note_add(connection, media=other.media_root, private=other.private_root)
    connection.close()
    (other.media_root / "only-here.jpg").write_bytes(b"kept")
    before = (_notes(other), _files(other.media_root), _files(other.private_root))

    with pytest.raises(BackupError) as refused:
        backup_restore(archive=archive, site=other)

    message = str(refused.value)
    assert "already has data in the database" in message
    assert "the media folder" in message and "the private folder" in message
    assert "--force" in message and "Nothing was changed." in message
    assert (_notes(other), _files(other.media_root), _files(other.private_root)) == before

    backup_restore(archive=archive, site=other, force=True)

    assert _notes(other) == _notes(live)
    assert _files(other.media_root) == _files(live.media_root)  # only-here.jpg is gone
    assert _files(other.private_root) == _files(live.private_root)
    _assert_restored_site_is_whole(other, json.loads(_member(archive, "manifest.json")))


def _member(archive: Path, name: str) -> bytes:
    with tarfile.open(archive) as tar:
        return tar.extractfile(name).read()


def _rewrite(archive: Path, change) -> None:
    """Write the archive again with ``change(name, data)`` deciding each member (None drops
    it), plus any extra members it returns under the key ``None``."""
    with tarfile.open(archive) as tar:
        members = [(info.name, tar.extractfile(info).read()) for info in tar]
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w:gz") as tar:
        for name, data in [*members, *change.extra]:
            data = change(name, data)
            if data is None:
                continue
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    archive.write_bytes(out.getvalue())


class _Change:
    def __init__(self, replace=None, extra=()):
        self.replace = replace or {}
        self.extra = list(extra)

    def __call__(self, name, data):
        return self.replace.get(name, data)


def _assert_untouched(site: SiteLocations) -> None:
    assert not _database(site).exists()
    assert not site.media_root.exists()
    assert not site.private_root.exists()


def test_a_tampered_file_is_found_before_anything_is_restored(archive, tmp_path):
    manifest = json.loads(_member(archive, "manifest.json"))
    victim = sorted(name for name in manifest["files"] if name.startswith("private/"))[0]
    _rewrite(archive, _Change(replace={victim: b"name,notes\nSomeone else,changed\n"}))
    fresh = _site(tmp_path / "fresh")

    with pytest.raises(BackupError, match=f"{victim} does not match its checksum"):
        backup_restore(archive=archive, site=fresh)

    _assert_untouched(fresh)


def test_a_tampered_database_is_found_before_anything_is_restored(archive, tmp_path):
    database = bytearray(_member(archive, "database/db.sqlite3"))
    database[-100] ^= 0xFF
    _rewrite(archive, _Change(replace={"database/db.sqlite3": bytes(database)}))
    fresh = _site(tmp_path / "fresh")

    with pytest.raises(BackupError, match="database/db.sqlite3 does not match its checksum"):
        backup_restore(archive=archive, site=fresh)

    _assert_untouched(fresh)


def test_a_file_missing_from_the_archive_or_added_to_it_is_refused(archive, tmp_path):
    manifest = json.loads(_member(archive, "manifest.json"))
    dropped = sorted(name for name in manifest["files"] if name.startswith("media/"))[0]
    copy = archive.with_name("copy.tar.gz")
    copy.write_bytes(archive.read_bytes())
    _rewrite(archive, _Change(replace={dropped: None}))
    _rewrite(copy, _Change(extra=[("media/added.html", b"<script>alert(1)</script>")]))
    fresh = _site(tmp_path / "fresh")

    with pytest.raises(BackupError, match=f"{dropped} is missing from it"):
        backup_restore(archive=archive, site=fresh)
    with pytest.raises(BackupError, match="media/added.html is in it but not in its manifest"):
        backup_restore(archive=copy, site=fresh)

    _assert_untouched(fresh)


@pytest.mark.parametrize("name", ["../escaped.txt", "/tmp/escaped.txt", "media/../../x.txt"])
def test_a_member_that_would_land_outside_the_site_is_refused(archive, tmp_path, name):
    _rewrite(archive, _Change(extra=[(name, b"out")]))
    fresh = _site(tmp_path / "fresh")

    with pytest.raises(BackupError, match="which a backup never has"):
        backup_restore(archive=archive, site=fresh)

    _assert_untouched(fresh)
    assert not (tmp_path / "escaped.txt").exists()


def test_a_damaged_archive_is_refused(archive, tmp_path):
    data = archive.read_bytes()
    fresh = _site(tmp_path / "fresh")

    archive.write_bytes(data[: len(data) // 2])
    with pytest.raises(BackupError, match="is not a usable backup: it is damaged"):
        backup_restore(archive=archive, site=fresh)

    archive.write_bytes(b"not a backup at all")
    with pytest.raises(BackupError, match="is not a usable backup: it is damaged"):
        backup_restore(archive=archive, site=fresh)

    _assert_untouched(fresh)


def test_an_archive_without_our_manifest_is_refused(archive, tmp_path):
    _rewrite(archive, _Change(replace={"manifest.json": None}))
    fresh = _site(tmp_path / "fresh")

    with pytest.raises(BackupError, match="it has no manifest"):
        backup_restore(archive=archive, site=fresh)

    _assert_untouched(fresh)


def test_a_manifest_that_does_not_say_what_it_holds_is_refused(archive, tmp_path):
    manifest = json.loads(_member(archive, "manifest.json"))
    manifest["database"]["kind"] = "mysql"
    _rewrite(archive, _Change(replace={"manifest.json": json.dumps(manifest).encode()}))
    fresh = _site(tmp_path / "fresh")

    with pytest.raises(BackupError, match="its manifest does not say which database it holds"):
        backup_restore(archive=archive, site=fresh)

    _assert_untouched(fresh)


def test_a_missing_file_is_refused(tmp_path):
    with pytest.raises(BackupError, match="There is no backup file at .*nowhere.tar.gz"):
        backup_restore(archive=tmp_path / "nowhere.tar.gz", site=_site(tmp_path / "fresh"))
    _assert_untouched(_site(tmp_path / "fresh"))


def test_restore_without_a_file_says_how_to_name_one():
    with pytest.raises(CommandError, match="Say which backup to restore.*make restore FILE="):
        call_command("restore")


def test_a_sqlite_backup_is_not_restored_into_postgresql_even_when_forced(archive, tmp_path):
    postgres_site = SiteLocations(
        database={"ENGINE": "django.db.backends.postgresql", "NAME": "homes"},
        media_root=tmp_path / "pg" / "media",
        private_root=tmp_path / "pg" / "private",
    )

    with pytest.raises(BackupError, match="holds a SQLite database, but this site uses PostgreSQL"):
        backup_restore(archive=archive, site=postgres_site, force=True)

    assert not (tmp_path / "pg").exists()


def test_a_backup_from_newer_code_says_to_update_the_code(tmp_path):
    site = _site(tmp_path / "site")
    site_create(
        _database(site), migrations=("contenttypes.0001_initial", "courses.9999_from_the_future")
    ).close()
    result = backup_create(site=site, directory=tmp_path / "backups")

    restored = backup_restore(archive=result.path, site=_site(tmp_path / "fresh"))

    assert restored.notes == [
        "The backup's database has 1 migrations this code does not have (for example "
        "courses.9999_from_the_future): it was made by a newer version of the site. Update the "
        "code before you start the site."
    ]


# --- Media in S3 ------------------------------------------------------------------------------


def test_with_media_in_s3_the_backup_says_they_are_in_the_bucket_and_not_in_the_archive(
    live, settings, tmp_path
):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {"bucket_name": "homes-media"},
        },
        "private": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {"bucket_name": "homes-media", "location": "private"},
        },
    }
    configured = SiteLocations.from_settings()
    assert (configured.media_root, configured.private_root) == (None, None)
    assert configured.bucket == "homes-media"

    result = backup_create(site=replace(configured, database=live.database), directory=tmp_path)

    assert result.notes == [
        "Media and private files live in the S3 bucket 'homes-media' (MEDIA_STORAGE=s3) and are "
        "not in this archive. Back the bucket up with its own tools, for example by turning on "
        "versioning or copying it to a second bucket."
    ]
    assert result.manifest["media"] == {"included": False, "where": "s3", "files": 0}
    assert set(result.manifest["files"]) == {"database/db.sqlite3"}


def test_a_backup_made_with_media_in_s3_leaves_local_files_alone_even_when_forced(live, tmp_path):
    in_bucket = replace(live, media_root=None, private_root=None, bucket="homes-media")
    archive = backup_create(site=in_bucket, directory=tmp_path / "backups").path
    before = (_files(live.media_root), _files(live.private_root))

    restored = backup_restore(archive=archive, site=live, force=True)

    assert (_files(live.media_root), _files(live.private_root)) == before
    assert restored.notes[:2] == [
        "This backup has no media files: they were in an S3 bucket when it was made.",
        "This backup has no private files: they were in an S3 bucket when it was made.",
    ]


# --- The commands, as `make backup` and `make restore` run them ---------------------------------


def _manage(*arguments: str, site: SiteLocations, backup_dir: Path, **extra: str):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "MEDIA_STORAGE", "DJANGO_SETTINGS_MODULE"}
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="training.settings.dev",
        SQLITE_PATH=str(_database(site)),
        MEDIA_ROOT=str(site.media_root),
        PRIVATE_FILES_ROOT=str(site.private_root),
        BACKUP_DIR=str(backup_dir),
        **extra,
    )
    return subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_make_backup_and_make_restore_round_trip_a_running_site(live, tmp_path):
    backup_dir = tmp_path / "backups"
    with _writer(live):
        _wait_for_notes(live, SEED_NOTES + 10)
        committed_before = {row[0] for row in _notes(live)}
        made = _manage("backup", site=live, backup_dir=backup_dir)
        # The site went on writing while the command ran.
        assert _note_count(live) > len(committed_before)

    assert made.returncode == 0, made.stderr
    (archive,) = backup_dir.glob("homes-*.tar.gz")
    assert f"Backup written: {archive}" in made.stdout
    assert "database: sqlite, 1 migrations applied" in made.stdout

    fresh = _site(tmp_path / "fresh")
    put_back = _manage("restore", str(archive), site=fresh, backup_dir=backup_dir)

    assert put_back.returncode == 0, put_back.stderr
    assert f"Restored {archive}" in put_back.stdout
    manifest = json.loads(_member(archive, "manifest.json"))
    notes = _assert_restored_site_is_whole(fresh, manifest)
    assert committed_before <= {row[0] for row in notes}


def test_the_backup_command_says_what_it_wrote(live, tmp_path, monkeypatch):
    monkeypatch.setattr(SiteLocations, "from_settings", classmethod(lambda cls: live))
    out = io.StringIO()

    call_command("backup", "--dir", str(tmp_path / "backups"), stdout=out)

    (archive,) = (tmp_path / "backups").glob("homes-*.tar.gz")
    assert out.getvalue().splitlines() == [
        f"Backup written: {archive} ({archive.stat().st_size / 1_000_000:.1f} MB)",
        "  database: sqlite, 1 migrations applied",
        f"  media: {SEED_NOTES} files",
        f"  private: {SEED_NOTES} files",
        "Keep it somewhere safe and private: it holds personal data.",
    ]


def test_the_backup_command_with_media_in_s3_says_so_and_succeeds(live, tmp_path, monkeypatch):
    in_bucket = replace(live, media_root=None, private_root=None, bucket="homes-media")
    monkeypatch.setattr(SiteLocations, "from_settings", classmethod(lambda cls: in_bucket))
    out = io.StringIO()

    call_command("backup", "--dir", str(tmp_path / "backups"), stdout=out)

    text = out.getvalue()
    assert "  media: in the S3 bucket\n  private: in the S3 bucket\n" in text
    assert (
        "Media and private files live in the S3 bucket 'homes-media' (MEDIA_STORAGE=s3) and are "
        "not in this archive." in text
    )
    (archive,) = (tmp_path / "backups").glob("homes-*.tar.gz")
    with tarfile.open(archive) as tar:
        assert sorted(tar.getnames()) == ["database/db.sqlite3", "manifest.json"]


def test_the_restore_command_refuses_a_site_with_data_and_names_the_way_to_force(
    live, archive, monkeypatch
):
    monkeypatch.setattr(SiteLocations, "from_settings", classmethod(lambda cls: live))
    before = _notes(live)

    with pytest.raises(CommandError) as refused:
        call_command("restore", str(archive))

    assert str(refused.value).startswith(
        f"This site already has data in the database {_database(live)}; the media folder"
    )
    assert "run the restore again with --force (make restore FILE=… FORCE=1)" in str(refused.value)
    assert _notes(live) == before

    out = io.StringIO()
    call_command("restore", str(archive), "--force", stdout=out)

    assert out.getvalue().startswith(f"Restored {archive}, made ")
    assert _notes(live) == before
