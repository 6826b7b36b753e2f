"""Staff check a tenant's tenancy in person: a Digital Champion for learners of their centre, a
Housing Officer for their neighbourhoods. Everyone else is refused; nobody sees a reference."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from tests.factories.users import UserFactory
from tests.factories.voice import tenancy_add
from training.core.models import ActivityEvent
from training.users import roles
from voice.forms import NO_MATCH_STAFF, TOO_MANY_STAFF
from voice.models import TenantVerification, VerificationMethod
from voice.selectors import tenant_verification_active
from voice.services import tenant_verify_in_person
from voice.verbs import TENANT_VERIFIED

pytestmark = pytest.mark.django_db

LIST = "/voice/tenants/"


def check_url(person) -> str:
    return f"/voice/tenants/{person.pk}/check/"


def details(reference="TEN-000123", postcode="N1 8ZZ", **extra) -> dict:
    return {"reference": reference, "postcode": postcode, "present": "on", **extra}


def test_a_champion_checks_a_learner_of_their_centre(client, elm_champion, tenant, elm_tenancy):
    client.force_login(elm_champion)
    listing = client.get(LIST).content.decode()
    assert tenant.name in listing and "Not verified yet" in listing
    assert client.get(check_url(tenant)).status_code == 200

    response = client.post(
        check_url(tenant), details(note="Showed a rent letter", postcode="n1 8zz"), follow=True
    )

    assert response.redirect_chain == [(LIST, 302)]
    page = response.content.decode()
    assert f"{tenant.name} is now a verified tenant." in page
    assert "Verified tenant" in page and "in Elm Court estate" in page
    assert f"checked in person by {elm_champion.name}" in page
    assert "Showed a rent letter" in page
    verification = TenantVerification.objects.get(person=tenant)
    assert (verification.method, verification.verified_by, verification.tenancy) == (
        VerificationMethod.IN_PERSON,
        elm_champion,
        elm_tenancy,
    )
    event = ActivityEvent.objects.get(verb=TENANT_VERIFIED)
    assert (event.actor, event.context["by"]) == (tenant, elm_champion.pk)


def test_a_champion_may_check_a_tenancy_in_any_neighbourhood_for_their_learner(
    client, elm_champion, tenant, river_tenancy
):
    client.force_login(elm_champion)
    response = client.post(check_url(tenant), details("TEN-000900", "N1 7ZZ"))
    assert response.status_code == 302
    assert tenant_verification_active(person=tenant).tenancy == river_tenancy


def test_an_officer_checks_someone_in_their_neighbourhood(client, elm_officer, tenant, elm_tenancy):
    client.force_login(elm_officer)
    assert tenant.name in client.get(LIST).content.decode()

    response = client.post(check_url(tenant), details())

    assert response.status_code == 302
    verification = tenant_verification_active(person=tenant)
    assert (verification.verified_by, verification.method) == (elm_officer, "in_person")


def test_an_officer_cannot_use_a_tenancy_outside_their_neighbourhoods(
    client, elm_officer, tenant, elm_tenancy, river_tenancy
):
    client.force_login(elm_officer)
    wrong_place = client.post(check_url(tenant), details("TEN-000900", "N1 7ZZ"))
    wrong_postcode = client.post(check_url(tenant), details("TEN-000123", "N1 7ZZ"))
    for response in (wrong_place, wrong_postcode):
        assert response.status_code == 200
        assert str(NO_MATCH_STAFF) in response.content.decode()
    assert not TenantVerification.objects.exists()


def test_the_tenant_must_be_there(client, elm_champion, tenant, elm_tenancy):
    client.force_login(elm_champion)
    response = client.post(check_url(tenant), details(present=""))
    assert response.context["form"].errors == {
        "present": ["Check a tenant's details only when they are with you. Tick the box."]
    }
    assert not TenantVerification.objects.exists()


def test_staff_checks_are_limited_too(client, settings, elm_champion, tenant, elm_tenancy):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "tenancy_verify_in_person": "2/h"}
    client.force_login(elm_champion)
    for _ in range(2):
        client.post(check_url(tenant), details("GUESS", "N1 8ZZ"))
    response = client.post(check_url(tenant), details())
    assert str(TOO_MANY_STAFF) in response.content.decode()
    assert not TenantVerification.objects.exists()


def test_someone_already_verified_needs_no_second_check(client, elm_champion, tenant, elm_tenancy):
    TenantVerification.objects.create(
        person=tenant, tenancy=elm_tenancy, method=VerificationMethod.SELF
    )
    client.force_login(elm_champion)
    page = client.get(check_url(tenant)).content.decode()
    assert "They do not need checking again." in page
    assert "by themselves, with their tenancy details" in page
    client.post(check_url(tenant), details())
    assert TenantVerification.objects.get(person=tenant).method == VerificationMethod.SELF


def test_staff_pages_never_show_a_reference(client, elm_officer, tenant, elm_tenancy):
    client.force_login(elm_officer)
    client.post(check_url(tenant), details(note="Rent letter seen"))
    for url in (LIST, f"{LIST}?show=verified", check_url(tenant)):
        page = client.get(url).content.decode().upper()
        assert "TEN-000123" not in page and "TEN000123" not in page, url


def test_an_officer_sees_who_is_verified_in_their_neighbourhood(client, elm_officer, elm):
    elsewhere = UserFactory(display_name="Robin")  # chose no neighbourhood
    TenantVerification.objects.create(
        person=elsewhere,
        tenancy=tenancy_add("TEN-5", "N1 8ZY", elm),
        method=VerificationMethod.SELF,
    )
    unverified = UserFactory(display_name="Jude", neighbourhood=elm)
    client.force_login(elm_officer)

    verified_only = client.get(f"{LIST}?show=verified").content.decode()
    not_verified = client.get(f"{LIST}?show=not-verified").content.decode()

    assert "Robin" in verified_only and "Jude" not in verified_only
    assert "Jude" in not_verified and "Robin" not in not_verified
    assert "Robin" in client.get(f"{LIST}?q=rob").content.decode()
    assert unverified.name not in client.get(f"{LIST}?q=rob").content.decode()


def test_the_list_makes_the_same_few_queries_for_more_people(client, elm_officer, elm):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(LIST).status_code == 200
        return len(captured)

    client.force_login(elm_officer)
    client.get(LIST)  # what is read once and kept (the site, its settings) is read here
    for number in range(3):
        person = UserFactory(neighbourhood=elm)
        TenantVerification.objects.create(
            person=person,
            tenancy=tenancy_add(f"TEN-{number}", "N1 8ZZ", elm),
            method=VerificationMethod.IN_PERSON,
            verified_by=elm_officer,
        )
    few = queries()
    for number in range(10):
        UserFactory(neighbourhood=elm)
        TenantVerification.objects.create(
            person=UserFactory(neighbourhood=elm),
            tenancy=tenancy_add(f"TEN-1{number}", "N1 8ZZ", elm),
            method=VerificationMethod.SELF,
        )
    assert queries() == few
    assert few <= 15


# --- Refusals ---------------------------------------------------------------------------------


def assert_refused(client, person, status: int) -> None:
    assert client.get(check_url(person)).status_code == status
    assert client.post(check_url(person), details()).status_code == status
    assert not TenantVerification.objects.filter(person=person).exists()


def test_a_learner_is_refused(client, tenant, elm_tenancy):
    other = UserFactory(neighbourhood=tenant.neighbourhood)
    client.force_login(tenant)
    assert client.get(LIST).status_code == 403
    assert_refused(client, other, 403)


@pytest.mark.parametrize("role", [roles.COURSE_EDITOR, roles.MODERATOR, roles.MANAGER])
def test_other_staff_are_refused(client, tenant, elm_tenancy, role):
    client.force_login(UserFactory(role=role))
    assert client.get(LIST).status_code == 403
    assert_refused(client, tenant, 403)


def test_a_champion_is_refused_a_learner_of_another_centre(
    client, river_champion, tenant, elm_tenancy
):
    client.force_login(river_champion)
    assert tenant.name not in client.get(LIST).content.decode()
    assert_refused(client, tenant, 404)


def test_an_officer_is_refused_someone_in_another_neighbourhood(
    client, river_officer, tenant, elm_tenancy
):
    client.force_login(river_officer)
    assert tenant.name not in client.get(LIST).content.decode()
    assert_refused(client, tenant, 404)


def test_staff_with_no_assignment_see_nobody(client, tenant, elm_tenancy):
    officer = UserFactory(role=roles.HOUSING_OFFICER)
    client.force_login(officer)
    page = client.get(LIST).content.decode()
    assert "You are not assigned to a community centre or a neighbourhood yet" in page
    assert_refused(client, tenant, 404)


def test_nobody_checks_themselves_here(client, elm_champion, elm_tenancy):
    client.force_login(elm_champion)
    assert elm_champion.name not in client.get(LIST).content.decode()
    assert_refused(client, elm_champion, 404)


def test_the_service_refuses_someone_out_of_scope(river_officer, tenant, elm_tenancy):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        tenant_verify_in_person(
            person=tenant, reference="TEN-000123", postcode="N1 8ZZ", by=river_officer
        )
    assert not TenantVerification.objects.exists()
