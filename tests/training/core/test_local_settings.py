"""The single-box settings of `make run` (training/settings/local.py), read in fresh processes."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
LEFT_OUT = {
    "DATABASE_URL",
    "REDIS_URL",
    "DJANGO_SETTINGS_MODULE",
    "DJANGO_SECRET_KEY",
    "DJANGO_ALLOWED_HOSTS",
    "HOST",
    "VAR_DIR",
}
READ = """
import json, os
os.environ["DJANGO_SETTINGS_MODULE"] = "training.settings.local"
from django.conf import settings as s
print(json.dumps({
    "debug": s.DEBUG,
    "secret_key": s.SECRET_KEY,
    "allowed_hosts": s.ALLOWED_HOSTS,
    "static": s.STORAGES["staticfiles"]["BACKEND"],
    "middleware": s.MIDDLEWARE,
    "cache": s.CACHES["default"]["BACKEND"],
    "cache_location": str(s.CACHES["default"]["LOCATION"]),
    "sessions": s.SESSION_ENGINE,
    "broker": s.CELERY_BROKER_URL,
    "transport": getattr(s, "CELERY_BROKER_TRANSPORT", None),
    "transport_options": s.CELERY_BROKER_TRANSPORT_OPTIONS,
    "eager": s.CELERY_TASK_ALWAYS_EAGER,
    "beat_schedule_file": s.CELERY_BEAT_SCHEDULE_FILENAME,
}))
"""


def local_settings(var_dir: Path, **env: str) -> dict:
    result = subprocess.run(
        [sys.executable, "-c", READ],
        cwd=ROOT,
        env={
            **{k: v for k, v in os.environ.items() if k not in LEFT_OUT},
            "VAR_DIR": str(var_dir),
            **env,
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_the_secret_key_is_made_once_kept_in_var_for_the_owner_only(tmp_path):
    first = local_settings(tmp_path / "var")
    second = local_settings(tmp_path / "var")

    key_file = tmp_path / "var" / "secret-key"
    assert key_file.stat().st_mode & 0o777 == 0o600
    assert first["secret_key"] == key_file.read_text().strip()
    assert len(first["secret_key"]) >= 50
    assert second["secret_key"] == first["secret_key"]
    assert first["debug"] is False
    # Another site on the same machine gets a key of its own.
    assert local_settings(tmp_path / "other")["secret_key"] != first["secret_key"]


def test_a_secret_key_in_the_environment_wins_and_nothing_is_written(tmp_path):
    values = local_settings(tmp_path / "var", DJANGO_SECRET_KEY="k" * 60)

    assert values["secret_key"] == "k" * 60
    assert not (tmp_path / "var" / "secret-key").exists()


def test_an_unusable_key_file_stops_start_up_with_what_to_do(tmp_path):
    (tmp_path / "var").mkdir()
    (tmp_path / "var" / "secret-key").write_text("short\n")

    result = subprocess.run(
        [sys.executable, "-c", READ],
        cwd=ROOT,
        env={
            **{k: v for k, v in os.environ.items() if k not in LEFT_OUT},
            "VAR_DIR": str(tmp_path / "var"),
        },
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode != 0
    assert "holds no usable secret key: delete it to make a new one" in result.stderr


def test_hosts_are_this_machine_the_address_served_and_the_environments(tmp_path):
    default = local_settings(tmp_path / "var")
    lan = local_settings(
        tmp_path / "var", HOST="192.168.1.20", DJANGO_ALLOWED_HOSTS="learn.centre.lan"
    )
    everywhere = local_settings(tmp_path / "var", HOST="0.0.0.0")  # noqa: S104

    assert default["allowed_hosts"] == ["127.0.0.1", "localhost", "[::1]"]
    assert lan["allowed_hosts"] == [
        "127.0.0.1",
        "localhost",
        "[::1]",
        "192.168.1.20",
        "learn.centre.lan",
    ]
    assert everywhere["allowed_hosts"] == ["127.0.0.1", "localhost", "[::1]"]


def test_static_files_and_html_are_compressed(tmp_path):
    values = local_settings(tmp_path / "var")

    assert values["static"] == (
        "training.core.static_files.MinifiedCompressedManifestStaticFilesStorage"
    )
    middleware = values["middleware"]
    gzip_at = middleware.index("django.middleware.gzip.GZipMiddleware")
    # Static files come compressed from WhiteNoise; every page is compressed after it is made.
    assert middleware[gzip_at - 1] == "whitenoise.middleware.WhiteNoiseMiddleware"
    # The page cache answers before everything else and compresses its copies itself (issue 20).
    assert middleware.index("training.core.page_cache.AnonymousPageCacheMiddleware") < gzip_at


def test_without_redis_tasks_go_to_a_worker_through_a_folder_and_processes_share_a_cache(
    tmp_path,
):
    values = local_settings(tmp_path / "var")

    assert values["eager"] is False
    assert values["broker"].startswith("filesystem://")
    assert values["transport"] == "training.broker:Transport"
    options = values["transport_options"]
    assert options["data_folder_in"] == options["data_folder_out"]
    for folder in ("data_folder_in", "processing_folder", "control_folder"):
        assert options[folder].startswith(str(tmp_path / "var" / "broker"))
    assert values["cache"] == "django.core.cache.backends.filebased.FileBasedCache"
    assert values["cache_location"] == str(tmp_path / "var" / "cache")
    assert values["sessions"] == "django.contrib.sessions.backends.db"
    assert values["beat_schedule_file"] == str(tmp_path / "var" / "celerybeat-schedule")


def test_with_redis_things_are_as_at_scale(tmp_path):
    values = local_settings(tmp_path / "var", REDIS_URL="redis://cache.internal:6379/0")

    assert values["eager"] is False
    assert values["broker"] == "redis://cache.internal:6379/0"
    assert values["transport"] is None
    assert values["transport_options"] == {"visibility_timeout": 3600}
    # Django's Redis cache, keeping one client per connection pool (training/core/redis_cache.py).
    assert values["cache"] == "training.core.redis_cache.RedisCache"
    # Sessions survive a Redis restart: in the database, read through the cache.
    assert values["sessions"] == "django.contrib.sessions.backends.cached_db"
