"""Retention: closed reports are deleted SAFEGUARDING_RETENTION_YEARS after closing, with their
files and everything that hangs on them; each deletion is logged without content; open reports
and recently closed ones stay. The beat task runs it."""

import logging
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

import pytest

from safeguarding.models import AccessLogEntry, CaseNote, ConfidentialReport, ReportEvidence
from safeguarding.retention import reports_retention_delete, retention_cutoff
from safeguarding.tasks import reports_retention_delete_task
from tests.safeguarding.cases import DESCRIPTION, case_make
from training.core.storage import private_storage

pytestmark = pytest.mark.django_db


def _closed(days_ago: int, **fields) -> ConfidentialReport:
    closed_at = timezone.now() - timedelta(days=days_ago)
    return case_make(status="closed", outcome="resolved", closed_at=closed_at, **fields)


def test_the_default_is_six_years_and_a_setting_changes_it(settings):
    now = timezone.now()
    assert settings.SAFEGUARDING_RETENTION_YEARS == 6
    assert retention_cutoff(now=now).year == now.year - 6
    settings.SAFEGUARDING_RETENTION_YEARS = 2
    assert retention_cutoff(now=now).year == now.year - 2


def test_closed_reports_past_retention_go_with_their_files_and_are_logged(
    django_capture_on_commit_callbacks, caplog
):
    old = _closed(days_ago=6 * 366 + 2, evidence=True)
    CaseNote.objects.create(report=old, text="A note.")
    photo = old.evidence.get().photo.name
    assert private_storage().exists(photo)
    recent = _closed(days_ago=30)
    ancient_but_open = case_make(
        status="referred", created_at=timezone.now() - timedelta(days=10 * 365)
    )
    reference = old.reference
    with caplog.at_level(logging.INFO), django_capture_on_commit_callbacks(execute=True):
        deleted = reports_retention_delete()
    assert deleted == [reference]
    assert set(ConfidentialReport.objects.all()) == {recent, ancient_but_open}
    assert not ReportEvidence.objects.exists()
    assert not CaseNote.objects.exists()
    assert not private_storage().exists(photo)
    entry = AccessLogEntry.objects.get()
    assert (entry.action, entry.report_reference, entry.person_id) == ("delete", reference, None)
    assert "1 files" in entry.detail
    assert "deleted: 1" in caplog.text
    assert DESCRIPTION not in caplog.text + entry.detail


def test_the_beat_task_runs_it_and_is_scheduled():
    _closed(days_ago=7 * 365)
    assert reports_retention_delete_task.run() == 1
    assert reports_retention_delete_task.run() == 0  # again: nothing left to do
    tasks = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert "safeguarding.tasks.reports_retention_delete_task" in tasks
