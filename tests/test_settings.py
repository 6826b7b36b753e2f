"""The embedded default and the switches to the scale-out deployment."""

import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.db import connection

import pytest
from cryptography.fernet import Fernet

ROOT = Path(__file__).resolve().parent.parent
CLEAN_ENV = {
    k: v
    for k, v in os.environ.items()
    # (the browser tests set DJANGO_ALLOW_ASYNC_UNSAFE for themselves; a deployment never would)
    if k
    not in {
        "DATABASE_URL",
        "REDIS_URL",
        "DJANGO_SETTINGS_MODULE",
        "EMAIL_HOST",
        "DJANGO_ALLOW_ASYNC_UNSAFE",
    }
}


def run_python(code: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**CLEAN_ENV, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def settings_value(module: str, expression: str, **env: str) -> str:
    code = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='" + module + "'; "
        "django.setup(); from django.conf import settings; print(" + expression + ")"
    )
    result = run_python(code, **env)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_embedded_default_needs_no_services():
    assert settings_value("training.settings.dev", "settings.DATABASES['default']['ENGINE']") == (
        "django.db.backends.sqlite3"
    )
    assert settings_value("training.settings.dev", "settings.CELERY_TASK_ALWAYS_EAGER") == "True"
    assert "console" in settings_value("training.settings.dev", "settings.EMAIL_BACKEND")
    assert "locmem" in settings_value(
        "training.settings.dev", "settings.CACHES['default']['BACKEND']"
    )
    assert "FileSystemStorage" in settings_value(
        "training.settings.dev", "settings.STORAGES['default']['BACKEND']"
    )


def test_environment_variables_switch_to_postgres_redis_and_s3():
    env = {
        "DATABASE_URL": "postgres://u:p@db.internal:5432/homes",
        "REDIS_URL": "redis://cache.internal:6379/0",
        "MEDIA_STORAGE": "s3",
    }
    module = "training.settings.dev"
    assert "postgresql" in settings_value(module, "settings.DATABASES['default']['ENGINE']", **env)
    assert "RedisCache" in settings_value(module, "settings.CACHES['default']['BACKEND']", **env)
    assert settings_value(module, "settings.CELERY_BROKER_URL", **env) == env["REDIS_URL"]
    assert settings_value(module, "settings.CELERY_TASK_ALWAYS_EAGER", **env) == "False"
    assert "cache" in settings_value(module, "settings.SESSION_ENGINE", **env)
    assert "S3Storage" in settings_value(module, "settings.STORAGES['default']['BACKEND']", **env)


def test_the_broker_can_be_a_redis_of_its_own_that_never_evicts():
    env = {
        "REDIS_URL": "redis://cache.internal:6379/0",
        "CELERY_BROKER_URL": "redis://broker.internal:6379/0",
    }
    module = "training.settings.dev"
    assert settings_value(module, "settings.CELERY_BROKER_URL", **env) == env["CELERY_BROKER_URL"]
    assert (
        settings_value(module, "settings.CACHES['default']['LOCATION']", **env) == env["REDIS_URL"]
    )
    assert settings_value(module, "settings.CELERY_TASK_ALWAYS_EAGER", **env) == "False"


@pytest.mark.parametrize(
    ("env", "origin"),
    [
        ({}, None),
        ({"MEDIA_STORAGE": "s3"}, "https://*.amazonaws.com"),
        (
            {"MEDIA_STORAGE": "s3", "AWS_S3_ENDPOINT_URL": "https://minio.example.org:9000/b"},
            "https://minio.example.org:9000",
        ),
        (
            {"MEDIA_STORAGE": "s3", "MEDIA_ORIGIN": "https://cdn.example.org"},
            "https://cdn.example.org",
        ),
    ],
)
def test_pictures_from_s3_are_allowed_by_the_content_security_policy(env, origin):
    img_src = settings_value(
        "training.settings.dev", "settings.CONTENT_SECURITY_POLICY['img-src']", **env
    ).split()
    assert img_src[:2] == ["'self'", "data:"]
    assert img_src[2:] == ([origin] if origin else [])


def test_wagtail_documents_on_s3_go_through_the_privacy_check():
    """Documents in a private collection must never get the bucket's public address."""
    expression = "getattr(settings, 'WAGTAILDOCS_SERVE_METHOD', 'default')"
    assert settings_value("training.settings.dev", expression) == "default"
    assert settings_value("training.settings.dev", expression, MEDIA_STORAGE="s3") == "serve_view"


@pytest.mark.django_db
def test_sqlite_runs_in_wal_mode_with_a_busy_timeout():
    if connection.vendor != "sqlite":
        pytest.skip("SQLite only: this run uses " + connection.vendor)
    assert settings.DATABASES["default"]["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA busy_timeout")
        assert cursor.fetchone()[0] == 20000


def test_the_embedded_database_file_uses_wal(tmp_path):
    database = tmp_path / "embedded.sqlite3"
    code = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='training.settings.dev'; "
        "django.setup(); from django.db import connection; c = connection.cursor(); "
        "c.execute('PRAGMA journal_mode'); print(c.fetchone()[0])"
    )
    result = run_python(code, SQLITE_PATH=str(database))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "wal"


def test_celery_is_configured_for_reliability():
    assert settings.CELERY_TASK_SERIALIZER == "json"
    assert settings.CELERY_ACCEPT_CONTENT == ["json"]
    assert settings.CELERY_TASK_ACKS_LATE is True
    assert settings.CELERY_TASK_REJECT_ON_WORKER_LOST is True
    assert settings.CELERY_WORKER_PREFETCH_MULTIPLIER == 1
    visibility = settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"]
    assert settings.CELERY_TASK_SOFT_TIME_LIMIT < settings.CELERY_TASK_TIME_LIMIT < visibility


def test_production_refuses_to_start_without_its_secrets():
    result = run_python(
        "import os; os.environ['DJANGO_SETTINGS_MODULE']='training.settings.production'; "
        "import django; django.setup()"
    )
    assert result.returncode != 0
    for name in [
        "DJANGO_SECRET_KEY",
        "DJANGO_ALLOWED_HOSTS",
        "DATABASE_URL",
        "BADGE_SIGNING_KEY",
        "TENANCY_HASH_KEY",
        "REPORTS_ENCRYPTION_KEY",
    ]:
        assert name in result.stderr


PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "training.settings.production",
    "DJANGO_SECRET_KEY": "x" * 60 + "-throwaway-for-tests-only-9f8e7d6c",
    "DJANGO_ALLOWED_HOSTS": "learn.example.org",
    "DATABASE_URL": "postgres://u:p@127.0.0.1:5432/none",
    "REDIS_URL": "redis://127.0.0.1:6379/15",
    "BADGE_SIGNING_KEY": "throwaway-test-key-never-used-for-signing",
    "SITE_URL": "https://learn.example.org",
    "TENANCY_HASH_KEY": "throwaway-test-tenancy-hash-key-never-used",
    # A fresh Fernet key each run, as .ci/run makes one: it must be a valid key, not any text.
    "REPORTS_ENCRYPTION_KEY": Fernet.generate_key().decode(),
}


def test_production_check_deploy_prints_no_warnings():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env={**CLEAN_ENV, **PRODUCTION_ENV},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_demo_seeding_is_refused_under_production_settings():
    result = subprocess.run(
        [sys.executable, "manage.py", "seed_demo"],
        cwd=ROOT,
        env={**CLEAN_ENV, **PRODUCTION_ENV},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "never created under production settings" in result.stderr
