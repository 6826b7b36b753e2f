"""A tenant shows they are one, once, with their tenancy reference and postcode."""

import re

from django.conf import settings

import pytest

from tests.factories.users import UserFactory
from tests.factories.voice import tenancy_add
from training.core.models import ActivityEvent
from training.core.rate_limits import rate_limit_parse
from voice.forms import NO_MATCH, TOO_MANY
from voice.models import TenantVerification, VerificationMethod
from voice.selectors import tenant_verification_active, tenant_verified_neighbourhood
from voice.services import HOUSEHOLD_SELF_VERIFY_MAX
from voice.verbs import TENANT_VERIFIED

pytestmark = pytest.mark.django_db

URL = "/voice/verify/"


def attempt(client, reference: str, postcode: str):
    return client.post(URL, {"reference": reference, "postcode": postcode})


def error_summary(response) -> str:
    match = re.search(r'<div class="error-summary".*?</div>', response.content.decode(), re.S)
    assert match, "no error summary on the page"
    return match.group(0)


def test_a_tenant_verifies_with_their_reference_and_postcode(client, tenant, elm_tenancy):
    client.force_login(tenant)
    form_page = client.get(URL)
    assert form_page.status_code == 200
    assert "Show you are a tenant" in form_page.content.decode()

    response = client.post(URL, {"reference": " ten-000123 ", "postcode": "n18zz"}, follow=True)

    assert response.redirect_chain == [(URL, 302)]
    page = response.content.decode()
    assert "Thank you. You are now a verified tenant." in page
    assert "You are a verified tenant" in page
    assert "We know you are a tenant in Elm Court estate." in page
    assert "TEN-000123" not in page.upper()
    verification = TenantVerification.objects.get(person=tenant)
    assert (verification.tenancy, verification.method, verification.verified_by) == (
        elm_tenancy,
        VerificationMethod.SELF,
        None,
    )
    assert tenant_verified_neighbourhood(person=tenant) == elm_tenancy.neighbourhood
    event = ActivityEvent.objects.get(verb=TENANT_VERIFIED)
    assert (event.actor, event.context["method"]) == (tenant, "self")


def test_it_happens_once(client, tenant, elm_tenancy):
    client.force_login(tenant)
    attempt(client, "TEN-000123", "N1 8ZZ")
    again = attempt(client, "TEN-000123", "N1 8ZZ")
    assert again.status_code == 200
    assert "You do not need to do this again." in again.content.decode()
    assert TenantVerification.objects.count() == 1
    assert ActivityEvent.objects.filter(verb=TENANT_VERIFIED).count() == 1


def test_every_failure_gets_the_same_answer(client, tenant, elm, elm_tenancy, river_tenancy):
    tenancy_add("TEN-000555", "N1 8ZY", elm, ended=True)
    client.force_login(tenant)
    failures = {
        "wrong reference": ("TEN-000124", "N1 8ZZ"),
        "wrong postcode": ("TEN-000123", "N1 8ZY"),
        "another tenancy's postcode": ("TEN-000123", "N1 7ZZ"),
        "ended tenancy": ("TEN-000555", "N1 8ZY"),
        "unknown": ("NOT-A-TENANCY", "SW1A 1AA"),
    }
    answers = {}
    for case, (reference, postcode) in failures.items():
        response = attempt(client, reference, postcode)
        answers[case] = (response.status_code, error_summary(response))

    assert set(answers.values()) == {(200, answers["unknown"][1])}, answers
    assert str(NO_MATCH) in answers["unknown"][1]
    assert "reference" not in answers["unknown"][1].split(str(NO_MATCH))[0]
    assert not TenantVerification.objects.exists()
    assert not ActivityEvent.objects.filter(verb=TENANT_VERIFIED).exists()


def test_bad_input_is_explained_by_the_field_and_kept(client, tenant):
    client.force_login(tenant)
    response = attempt(client, "", "N1")
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors == {
        "reference": ["Enter the tenancy reference."],
        "postcode": ["Enter a full UK postcode, like N1 8ZZ."],
    }
    assert 'value="N1"' in response.content.decode()


def test_tries_are_limited(client, tenant, elm_tenancy):
    allowed, _seconds = rate_limit_parse(settings.RATE_LIMITS["tenancy_verify"])
    client.force_login(tenant)
    for _ in range(allowed):
        assert str(NO_MATCH) in attempt(client, "GUESS-1", "N1 8ZZ").content.decode()

    # Even the right details are refused until the hour has passed.
    response = attempt(client, "TEN-000123", "N1 8ZZ")

    assert response.status_code == 200
    assert str(TOO_MANY) in response.content.decode()
    assert tenant_verification_active(person=tenant) is None


def test_two_people_of_one_household_verify_with_the_same_tenancy(client, tenant, elm_tenancy):
    partner = UserFactory(display_name="Sam")
    for person in (tenant, partner):
        client.force_login(person)
        assert attempt(client, "TEN-000123", "N1 8ZZ").status_code == 302

    assert set(elm_tenancy.verifications.values_list("person", flat=True)) == {
        tenant.pk,
        partner.pk,
    }
    assert tenant_verification_active(person=partner).tenancy == elm_tenancy


def test_a_household_verifies_by_itself_up_to_a_limit(client, elm_tenancy):
    for _ in range(HOUSEHOLD_SELF_VERIFY_MAX):
        TenantVerification.objects.create(
            person=UserFactory(), tenancy=elm_tenancy, method=VerificationMethod.SELF
        )
    one_more = UserFactory()
    client.force_login(one_more)
    response = attempt(client, "TEN-000123", "N1 8ZZ")
    assert str(NO_MATCH) in response.content.decode()
    assert tenant_verification_active(person=one_more) is None


def test_someone_whose_tenancy_ended_verifies_again_with_their_new_one(
    client, tenant, elm, elm_tenancy
):
    old = tenancy_add("TEN-OLD", "N1 8ZY", elm, ended=True)
    TenantVerification.objects.create(person=tenant, tenancy=old, method=VerificationMethod.SELF)
    client.force_login(tenant)
    assert "Show you are a tenant" in client.get(URL).content.decode()

    assert attempt(client, "TEN-000123", "N1 8ZZ").status_code == 302

    assert TenantVerification.objects.get(person=tenant).tenancy == elm_tenancy


def test_visitors_are_asked_to_sign_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/account/login/")
