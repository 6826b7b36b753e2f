"""The demo's confidential reports: made up, with a note, a referral and a reply, readable only
by safeguarding@example.com among the demo accounts; seeding twice adds nothing."""

import io

from django.core.management import call_command
from django.test import Client

import pytest

from safeguarding.models import CaseNote, ConfidentialReport, Referral, ReporterReply
from training.users.models import User

pytestmark = pytest.mark.django_db

DEMO_ACCOUNTS = [
    "tenant@example.com",
    "champion@example.com",
    "editor@example.com",
    "moderator@example.com",
    "manager@example.com",
    "officer@example.com",
    "admin@example.com",
]


def test_the_demo_reports_are_read_only_by_the_demo_safeguarding_officer(demo_seeded):
    counts = (ConfidentialReport.objects.count(), CaseNote.objects.count())
    call_command("seed_demo", stdout=io.StringIO())
    assert counts == (ConfidentialReport.objects.count(), CaseNote.objects.count())
    assert ConfidentialReport.objects.count() >= 4
    assert set(ConfidentialReport.objects.values_list("status", flat=True)) >= {
        "received",
        "assessed",
        "referred",
        "closed",
    }
    assert Referral.objects.exists()
    assert ReporterReply.objects.exists()
    assert "Confidential reports" in demo_seeded.output

    report = ConfidentialReport.objects.filter(status="referred").first()
    address = f"/safeguarding/cases/{report.pk}/"
    client = Client()
    client.force_login(User.objects.get(email="safeguarding@example.com"))
    assert "Environmental Health" in client.get(address).content.decode()
    for email in DEMO_ACCOUNTS:
        client = Client()
        client.force_login(User.objects.get(email=email))
        assert client.get(address).status_code in (302, 403), email
