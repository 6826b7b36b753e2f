"""The demo's problem reports: every demo neighbourhood has some, the broken light in Elm Court
was moved to "fixed" by the demo Housing Officer (and the demo tenant told), one is stalled."""

import io

from django.core.management import call_command

import pytest

from notifications.models import Notification, NotificationKind
from training.users.models import User
from voice.models import Report, ReportAffected, ReportStatus, ReportUpdate
from voice.reports_selectors import reports_stalled

pytestmark = pytest.mark.django_db


def test_the_demo_reports_cover_every_neighbourhood_and_run_twice_safely(demo_seeded):
    counts = (Report.objects.count(), ReportUpdate.objects.count(), ReportAffected.objects.count())
    call_command("seed_demo", stdout=io.StringIO())
    assert counts == (
        Report.objects.count(),
        ReportUpdate.objects.count(),
        ReportAffected.objects.count(),
    )
    assert set(Report.objects.values_list("neighbourhood__slug", flat=True)) == {
        "elm-court",
        "riverside",
        "hillview",
    }
    assert "demo problem reports" in demo_seeded.output

    tenant = User.objects.get(email="tenant@example.com")
    officer = User.objects.get(email="officer@example.com")
    light = Report.objects.get(reporter=tenant, category="lighting")
    assert light.status == ReportStatus.FIXED
    assert light.latitude is not None  # a place picked on the outline
    assert light.updates.last().by == officer
    assert Notification.objects.filter(
        recipient=tenant, kind=NotificationKind.REPORT_UPDATE, url=light.get_absolute_url()
    ).exists()
    assert Report.objects.filter(status=ReportStatus.PLANNED, planned_for__isnull=False).exists()
    assert Report.objects.filter(status=ReportStatus.WONT_FIX).exclude(wont_fix_reason="").exists()
    assert [report.neighbourhood.slug for report in reports_stalled()] == ["hillview"]
    # The made-up residents cannot sign in.
    residents = User.objects.filter(username__startswith="demo-resident-")
    assert residents.count() == 3
    assert not any(person.has_usable_password() for person in residents)
