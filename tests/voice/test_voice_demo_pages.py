"""The seeded demo shows tenant voice in each of the three demo neighbourhoods, as pages people
open: verified tenants, estate checks with results, problem reports on the public list and map;
and the demo tenant and the demo Housing Officer see their side of it once signed in.

(The data itself is checked in test_demo.py, test_reports_demo.py and test_estate_checks.py.)
"""

from django.urls import reverse
from django.utils.html import escape

import pytest

from notifications.models import Notification, NotificationKind
from training.places.models import Neighbourhood
from training.users.models import User
from voice.models import EstateCheckResponse, Report, ReportStatus, TenantVerification
from voice.selectors import tenant_verification_active

pytestmark = pytest.mark.django_db

DEMO_NEIGHBOURHOODS = ("elm-court", "riverside", "hillview")


@pytest.fixture
def demo(demo_seeded):
    """The seeded demo (``demo_seeded``, tests/conftest.py)."""
    return demo_seeded


def test_every_demo_neighbourhood_has_verified_tenants_answers_and_reports(demo):
    for slug in DEMO_NEIGHBOURHOODS:
        place = Neighbourhood.objects.get(slug=slug)
        verified = TenantVerification.objects.filter(
            tenancy__neighbourhood=place, tenancy__ended_at__isnull=True
        )
        assert verified.count() >= 5, slug
        assert EstateCheckResponse.objects.filter(neighbourhood=place).exists(), slug
        assert Report.objects.filter(neighbourhood=place).exists(), slug


def test_every_demo_neighbourhood_page_shows_check_results_and_links_its_reports(client, demo):
    for slug in DEMO_NEIGHBOURHOODS:
        page = client.get(f"/community/neighbourhoods/{slug}/").content.decode()
        assert "What tenants said" in page, slug
        assert "Problems reported on the estate" in page, slug
        assert reverse("voice:reports_list", kwargs={"slug": slug}) in page, slug


def test_every_demo_neighbourhood_has_a_public_list_of_reports_with_their_status(client, demo):
    for slug in DEMO_NEIGHBOURHOODS:
        response = client.get(reverse("voice:reports_list", kwargs={"slug": slug}))
        assert response.status_code == 200, slug
        page = response.content.decode()
        for report in Report.objects.filter(neighbourhood__slug=slug):
            assert report.get_absolute_url() in page, (slug, report.pk)
            detail = client.get(report.get_absolute_url())
            assert detail.status_code == 200
            assert escape(report.get_status_display()) in detail.content.decode()
    # Reports with a place are dots on the outline (the demo's light and grass have one).
    elm = Neighbourhood.objects.get(slug="elm-court")
    elm_list = client.get(reverse("voice:reports_list", kwargs={"slug": "elm-court"}))
    assert f"Map of {elm.name}" in elm_list.content.decode()


def test_the_demo_tenant_is_verified_rates_reports_and_is_told(client, demo):
    tenant = User.objects.get(email="tenant@example.com")
    verification = tenant_verification_active(person=tenant)
    assert verification is not None
    assert verification.tenancy.neighbourhood.slug == "elm-court"
    client.force_login(tenant)

    assert "You are a verified tenant" in client.get("/voice/verify/").content.decode()
    assert client.get(reverse("voice:report_new")).status_code == 200
    checks = client.get(reverse("voice:estate_checks")).content.decode()
    assert "Summer estate check" in checks

    light = Report.objects.get(reporter=tenant, category="lighting")
    assert light.status == ReportStatus.FIXED
    told = Notification.objects.filter(recipient=tenant, kind=NotificationKind.REPORT_UPDATE)
    assert told.exists()
    messages = client.get("/account/notifications/").content.decode()
    assert told.first().subject in messages


def test_the_demo_officer_has_elm_court_reports_to_update_and_no_others(client, demo):
    officer = User.objects.get(email="officer@example.com")
    client.force_login(officer)
    shown = ""
    for status in ("", *ReportStatus.values):
        shown += client.get(reverse("voice:reports_manage"), {"status": status}).content.decode()
    elm_reports = Report.objects.filter(neighbourhood__slug="elm-court")
    assert elm_reports.exists()
    for report in elm_reports:
        assert reverse("voice:report_status", args=[report.pk]) in shown
    for report in Report.objects.exclude(neighbourhood__slug="elm-court"):
        assert reverse("voice:report_status", args=[report.pk]) not in shown
