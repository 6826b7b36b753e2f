"""The demo: a made-up tenancy list, the demo Housing Officer at Elm Court, a verified tenant."""

import io

from django.core.management import call_command

import pytest

from demo.voice import TENANCIES_FILE
from tests.factories.users import totp_code
from training.core.models import ActivityEvent
from training.places.selectors import officer_neighbourhoods
from training.users import roles
from training.users.models import User
from voice.models import Tenancy, TenancyImport, TenantVerification
from voice.selectors import tenant_verification_active
from voice.verbs import TENANT_VERIFIED

pytestmark = pytest.mark.django_db


def test_the_demo_list_is_made_up_and_loaded_once(demo_seeded):
    lines = TENANCIES_FILE.read_text().splitlines()
    assert lines[0] == "tenancy reference,postcode,neighbourhood"
    assert all(line.startswith("DEMO-") for line in lines[1:])

    counts = (Tenancy.objects.count(), TenancyImport.objects.count())
    call_command("seed_demo", stdout=io.StringIO())

    assert counts == (Tenancy.objects.count(), TenancyImport.objects.count()) == (7, 1)
    assert not Tenancy.objects.filter(ended_at__isnull=False).exists()
    # The demo tenant, the three made-up residents behind the demo problem reports, and the
    # fifteen behind the demo estate checks (five a neighbourhood).
    assert TenantVerification.objects.count() == 4 + 15
    assert ActivityEvent.objects.filter(verb=TENANT_VERIFIED).count() == 4 + 15


def test_the_demo_officer_looks_after_elm_court_and_checked_the_demo_tenant(demo_seeded):

    officer = User.objects.get(email="officer@example.com")
    assert officer.groups.filter(name=roles.HOUSING_OFFICER).exists()
    assert [place.slug for place in officer_neighbourhoods(person=officer)] == ["elm-court"]
    tenant = User.objects.get(email="tenant@example.com")
    verification = tenant_verification_active(person=tenant)
    assert verification.verified_by == officer
    assert verification.tenancy.neighbourhood.slug == "elm-court"
    assert "officer@example.com" in demo_seeded.output
    assert "tenant@example.com is a verified tenant" in demo_seeded.output


def test_the_demo_officer_signs_in_with_the_demo_app_and_sees_the_tenant(client, demo_seeded):
    from demo.two_factor import DEMO_TOTP_SECRET
    from demo.users import DEMO_PASSWORD

    client.post("/account/login/", {"login": "officer@example.com", "password": DEMO_PASSWORD})
    client.post("/account/2fa/authenticate/", {"code": totp_code(DEMO_TOTP_SECRET)})

    page = client.get("/voice/tenants/").content.decode()

    assert "Pat Jones" in page and "Verified tenant" in page
    assert "DEMO-EC-0001" not in page
