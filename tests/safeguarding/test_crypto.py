"""Report text and contact details are encrypted at rest with REPORTS_ENCRYPTION_KEY: the raw
rows hold no plain text; old keys still decrypt after a rotation; reports_reencrypt moves every
value to the first key."""

from io import StringIO

from django.core.management import call_command
from django.db import connection

import pytest
from cryptography.fernet import Fernet

from safeguarding import crypto
from safeguarding.models import ConfidentialReport, ReportAddition
from safeguarding.reporting_services import report_add_information
from tests.safeguarding.reporting_helpers import SECRET_TEXT, report_made

pytestmark = pytest.mark.django_db

OLD_KEY = Fernet.generate_key().decode()
NEW_KEY = Fernet.generate_key().decode()


def _raw_row(table: str, pk: int) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {table} WHERE id = %s", [pk])  # noqa: S608 - our names
        return " ".join(str(value) for value in cursor.fetchone())


def _raw_value(table: str, column: str, pk: int) -> str:
    with connection.cursor() as cursor:
        quoted = connection.ops.quote_name(column)
        cursor.execute(f"SELECT {quoted} FROM {table} WHERE id = %s", [pk])  # noqa: S608
        return cursor.fetchone()[0]


def test_the_raw_rows_hold_no_plain_text():
    report = report_made().report
    addition = report_add_information(report=report, text="He came back on Tuesday night")
    raw = _raw_row(ConfidentialReport._meta.db_table, report.pk)
    for secret in (SECRET_TEXT, "Amira", "Elm Court", "Jo Bloggs", "jo.bloggs@example.org"):
        assert secret not in raw
    assert "Tuesday" not in _raw_row(ReportAddition._meta.db_table, addition.pk)
    # And Python reads them back as they were written.
    report = ConfidentialReport.objects.get(pk=report.pk)
    assert report.description == SECRET_TEXT
    assert report.contact_email == "jo.bloggs@example.org"
    assert ReportAddition.objects.get(pk=addition.pk).text == "He came back on Tuesday night"


def test_the_same_text_never_gives_the_same_stored_value():
    one, two = report_made().report, report_made().report
    table = ConfidentialReport._meta.db_table
    assert _raw_value(table, "description", one.pk) != _raw_value(table, "description", two.pk)


def test_empty_text_stays_empty_and_is_not_encrypted():
    report = report_made(contact_preference="none").report
    assert _raw_value(ConfidentialReport._meta.db_table, "contact_email", report.pk) == ""


def test_after_rotation_the_old_key_still_decrypts(settings):
    settings.REPORTS_ENCRYPTION_KEY = [OLD_KEY]
    report = report_made().report
    settings.REPORTS_ENCRYPTION_KEY = [NEW_KEY, OLD_KEY]
    assert ConfidentialReport.objects.get(pk=report.pk).description == SECRET_TEXT
    # A new value is made with the new key.
    fresh = report_made().report
    token = _raw_value(ConfidentialReport._meta.db_table, "description", fresh.pk)
    assert Fernet(NEW_KEY.encode()).decrypt(token.encode()).decode() == SECRET_TEXT


def test_without_the_old_key_the_value_cannot_be_read(settings):
    settings.REPORTS_ENCRYPTION_KEY = [OLD_KEY]
    report = report_made().report
    settings.REPORTS_ENCRYPTION_KEY = [NEW_KEY]
    with pytest.raises(crypto.DecryptionError) as raised:
        ConfidentialReport.objects.get(pk=report.pk)
    assert SECRET_TEXT not in str(raised.value)


def test_the_keys_may_be_one_comma_separated_string(settings):
    settings.REPORTS_ENCRYPTION_KEY = f"{NEW_KEY}, {OLD_KEY}"
    assert crypto.key_texts() == (NEW_KEY, OLD_KEY)


def test_a_bad_key_is_reported_by_the_system_check(settings):
    from safeguarding.checks import encryption_keys_check

    settings.REPORTS_ENCRYPTION_KEY = ["not-a-fernet-key"]
    errors = encryption_keys_check(None)
    assert [error.id for error in errors] == ["safeguarding.E001"]


def test_reencrypt_moves_every_value_to_the_first_key(settings):
    settings.REPORTS_ENCRYPTION_KEY = [OLD_KEY]
    report = report_made().report
    addition = report_add_information(report=report, text="More to say")
    settings.REPORTS_ENCRYPTION_KEY = [NEW_KEY, OLD_KEY]
    out = StringIO()
    call_command("reports_reencrypt", stdout=out)
    assert SECRET_TEXT not in out.getvalue()
    assert "rewritten" in out.getvalue()
    # Now the new key alone opens everything.
    settings.REPORTS_ENCRYPTION_KEY = [NEW_KEY]
    report = ConfidentialReport.objects.get(pk=report.pk)
    assert report.description == SECRET_TEXT
    assert report.contact_name == "Jo Bloggs"
    assert ReportAddition.objects.get(pk=addition.pk).text == "More to say"
    for column in ("description", "where", "contact_email"):
        token = _raw_value(ConfidentialReport._meta.db_table, column, report.pk)
        assert crypto.is_current(token)


def test_without_a_setting_a_key_is_made_once_in_a_private_file(settings, tmp_path):
    settings.REPORTS_ENCRYPTION_KEY = []
    settings.REPORTS_ENCRYPTION_KEY_FILE = str(tmp_path / "var" / "reports-encryption-key")
    first = crypto.key_texts()
    assert crypto.key_texts() == first
    path = tmp_path / "var" / "reports-encryption-key"
    assert path.stat().st_mode & 0o777 == 0o600
    Fernet(first[0].encode())  # a usable key


def test_production_settings_require_the_key():
    import subprocess
    import sys

    env = {
        "DJANGO_SECRET_KEY": "x" * 50,
        "DJANGO_ALLOWED_HOSTS": "learn.example.org",
        "DATABASE_URL": "postgres://a:b@127.0.0.1:5432/c",
        "BADGE_SIGNING_KEY": "x",
        "SITE_URL": "https://learn.example.org",
        "TENANCY_HASH_KEY": "y" * 50,
        "REDIS_URL": "redis://127.0.0.1:6379/15",
        "PATH": "/usr/bin:/bin",
    }
    result = subprocess.run(  # noqa: S603 - our own interpreter and settings module
        [sys.executable, "-c", "import training.settings.production"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "REPORTS_ENCRYPTION_KEY" in result.stderr
