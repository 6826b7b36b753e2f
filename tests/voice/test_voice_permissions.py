"""Issue 13's refusals in one place, each beside the same action allowed, so no refusal passes
only because nothing works: an unverified person cannot answer an estate check or report; a
tenant of another neighbourhood cannot answer that neighbourhood's check; a Housing Officer of
another neighbourhood cannot change a report's status nor see it among the reports to update.

The neighbourhood that counts is the verified tenancy's, never the one on a person's profile.
Other refusals (ended tenancies, other roles, photos, "affects me too") are in test_reports.py
and test_estate_checks.py; the role-by-page grid is in tests/test_permission_matrix.py.
"""

from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

import pytest

from tests.factories.places import NeighbourhoodFactory
from tests.factories.users import UserFactory
from tests.factories.voice import tenancy_add
from training.places.models import StaffAssignment
from training.places.services import staff_neighbourhood_set
from training.users import roles
from voice.models import (
    EstateCheck,
    EstateCheckQuestion,
    EstateCheckResponse,
    Report,
    ReportCategory,
    ReportStatus,
    ReportUpdate,
    TenantVerification,
    VerificationMethod,
)
from voice.reports_services import report_create, report_status_change
from voice.services import estate_check_answer, tenant_verify_self

pytestmark = pytest.mark.django_db

MANAGE = reverse("voice:reports_manage")
NEW_REPORT = reverse("voice:report_new")


def verify(person, tenancy):
    TenantVerification.objects.create(
        person=person, tenancy=tenancy, method=VerificationMethod.SELF
    )
    return person


def open_check(*neighbourhoods, title: str) -> EstateCheck:
    today = timezone.localdate()
    check = EstateCheck.objects.create(
        title=title, opens_on=today - timedelta(days=1), closes_on=today + timedelta(days=10)
    )
    check.neighbourhoods.set(neighbourhoods)
    check.save()
    EstateCheckQuestion.objects.create(estate_check=check, text="How clean are the shared areas?")
    return check


def check_url(check) -> str:
    return reverse("voice:estate_check", args=[check.pk])


def status_url(report) -> str:
    return reverse("voice:report_status", args=[report.pk])


def face(check, score: int = 4) -> dict:
    question = check.questions.get()
    return {f"q{question.pk}": str(score), f"c{question.pk}": "", "save": "1"}


def scores(check, score: int = 4) -> dict:
    return {question.pk: (score, "") for question in check.questions.all()}


def report_form() -> dict:
    return {
        "category": ReportCategory.LIGHTING,
        "description": "The light on the stairs by block B is broken",
        "show_name": "no",
    }


@pytest.fixture
def elm_check(elm):
    return open_check(elm, title="Elm Court check")


@pytest.fixture
def river_check(river):
    return open_check(river, title="Riverside check")


# --- Unverified: no estate check, no report; the same person verified may -----------------------


def test_an_unverified_person_cannot_answer_until_they_verify(
    client, tenant, elm_tenancy, elm_check
):
    client.force_login(tenant)
    assert client.get(check_url(elm_check)).status_code == 403
    assert client.post(check_url(elm_check), face(elm_check)).status_code == 403
    with pytest.raises(PermissionDenied):
        estate_check_answer(check=elm_check, person=tenant, scores=scores(elm_check))
    assert not EstateCheckResponse.objects.exists()

    verify(tenant, elm_tenancy)
    assert client.post(check_url(elm_check), face(elm_check)).status_code == 302
    assert EstateCheckResponse.objects.get().person == tenant


def test_an_unverified_person_cannot_report_until_they_verify(client, tenant, elm_tenancy, elm):
    client.force_login(tenant)
    assert client.get(NEW_REPORT).status_code == 403
    assert client.post(NEW_REPORT, report_form()).status_code == 403
    with pytest.raises(PermissionDenied):
        report_create(reporter=tenant, category=ReportCategory.LIGHTING, description="Dark")
    assert not Report.objects.exists()

    verify(tenant, elm_tenancy)
    assert client.post(NEW_REPORT, report_form()).status_code == 302
    assert Report.objects.get().neighbourhood == elm


def test_visitors_are_sent_to_sign_in_for_checks_and_reports(client, elm_check):
    for address in (check_url(elm_check), NEW_REPORT, MANAGE):
        response = client.get(address)
        assert response.status_code == 302, address
        assert "/account/login/" in response["Location"]


# --- Another neighbourhood's estate check ------------------------------------------------------


def test_a_tenant_answers_their_own_neighbourhoods_check_and_not_anothers(
    client, river, river_tenancy, elm_check, river_check
):
    rio = verify(UserFactory(neighbourhood=river), river_tenancy)
    client.force_login(rio)
    listed = client.get(reverse("voice:estate_checks")).content.decode()
    assert "Riverside check" in listed
    assert "Elm Court check" not in listed

    assert client.get(check_url(elm_check)).status_code == 404
    assert client.post(check_url(elm_check), face(elm_check)).status_code == 404
    with pytest.raises(PermissionDenied):
        estate_check_answer(check=elm_check, person=rio, scores=scores(elm_check))
    assert not EstateCheckResponse.objects.filter(estate_check=elm_check).exists()

    assert client.post(check_url(river_check), face(river_check)).status_code == 302
    assert EstateCheckResponse.objects.get(estate_check=river_check).neighbourhood == river


def test_the_verified_tenancy_decides_the_neighbourhood_not_the_profile(
    client, elm, river, elm_tenancy, elm_check, river_check
):
    """Someone who says on their profile they live in Riverside, verified with an Elm Court
    tenancy, rates and reports Elm Court only."""
    person = verify(UserFactory(neighbourhood=river), elm_tenancy)
    client.force_login(person)
    assert client.post(check_url(river_check), face(river_check)).status_code == 404
    assert client.post(check_url(elm_check), face(elm_check)).status_code == 302
    assert EstateCheckResponse.objects.get().neighbourhood == elm
    client.post(NEW_REPORT, report_form())
    assert Report.objects.get().neighbourhood == elm


def test_a_check_for_two_neighbourhoods_takes_answers_from_both_and_no_third(
    client, elm, river, elm_tenancy, river_tenancy
):
    both = open_check(elm, river, title="Shared check")
    marley = verify(UserFactory(neighbourhood=elm), elm_tenancy)
    rio = verify(UserFactory(neighbourhood=river), river_tenancy)
    for person in (marley, rio):
        estate_check_answer(check=both, person=person, scores=scores(both))
    assert set(both.responses.values_list("neighbourhood", flat=True)) == {elm.pk, river.pk}

    hill = NeighbourhoodFactory(name="Hillview", slug="hillview")
    outsider = verify(UserFactory(neighbourhood=hill), tenancy_add("TEN-7", "N1 6ZZ", hill))
    client.force_login(outsider)
    assert client.post(check_url(both), face(both)).status_code == 404
    assert both.responses.count() == 2


def test_a_tenant_who_moved_answers_only_their_new_neighbourhoods_check(
    client, river, elm_tenancy, river_tenancy, elm_check, river_check
):
    """Their Elm Court tenancy ended and they verified again with a Riverside one."""
    person = verify(UserFactory(neighbourhood=river), elm_tenancy)
    elm_tenancy.ended_at = timezone.now()
    elm_tenancy.save()
    assert tenant_verify_self(person=person, reference="TEN-000900", postcode="N1 7ZZ")
    client.force_login(person)
    assert client.post(check_url(elm_check), face(elm_check)).status_code == 404
    assert client.post(check_url(river_check), face(river_check)).status_code == 302


# --- Another neighbourhood's Housing Officer -----------------------------------------------------


@pytest.fixture
def two_reports(elm, river, elm_tenancy, river_tenancy):
    marley = verify(UserFactory(neighbourhood=elm), elm_tenancy)
    rio = verify(UserFactory(neighbourhood=river), river_tenancy)
    elm_light = report_create(
        reporter=marley, category=ReportCategory.LIGHTING, description="Elm stairs are dark."
    )
    river_bins = report_create(
        reporter=rio, category=ReportCategory.RUBBISH, description="Riverside bins overflow."
    )
    return elm_light, river_bins


def test_each_officer_sees_only_their_neighbourhoods_reports_at_every_status(
    client, two_reports, elm_officer, river_officer
):
    elm_light, river_bins = two_reports
    for officer, own, other in (
        (elm_officer, elm_light, river_bins),
        (river_officer, river_bins, elm_light),
    ):
        client.force_login(officer)
        for status in ("", *ReportStatus.values):
            # Each report at this status, so a filtered list would show it if it leaked.
            if status:
                Report.objects.update(
                    status=status,
                    planned_for=timezone.localdate() if status == ReportStatus.PLANNED else None,
                    wont_fix_reason="Not ours" if status == ReportStatus.WONT_FIX else "",
                )
            page = client.get(MANAGE, {"status": status} if status else {}).content.decode()
            assert status_url(own) in page, (officer, status)
            assert other.description not in page, (officer, status)
            assert status_url(other) not in page, (officer, status)
        Report.objects.update(status=ReportStatus.REPORTED, planned_for=None, wont_fix_reason="")


def test_an_officer_of_another_neighbourhood_cannot_change_the_status(
    client, two_reports, elm_officer, river_officer
):
    elm_light, _river_bins = two_reports
    client.force_login(river_officer)
    assert client.get(status_url(elm_light)).status_code == 403
    for status in ReportStatus.values:
        assert client.post(status_url(elm_light), {"status": status}).status_code == 403
        with pytest.raises(PermissionDenied):
            report_status_change(report=elm_light, by=river_officer, status=status, note="x")
    elm_light.refresh_from_db()
    assert elm_light.status == ReportStatus.REPORTED
    assert not ReportUpdate.objects.exists()

    # Elm Court's own officer may.
    client.force_login(elm_officer)
    assert client.get(status_url(elm_light)).status_code == 200
    response = client.post(status_url(elm_light), {"status": ReportStatus.ACKNOWLEDGED})
    assert response.status_code == 302
    elm_light.refresh_from_db()
    assert elm_light.status == ReportStatus.ACKNOWLEDGED


def test_an_officer_moved_to_another_neighbourhood_loses_the_old_one(
    client, two_reports, elm_officer, river, manager
):
    elm_light, river_bins = two_reports
    assignment = StaffAssignment.objects.get(person=elm_officer)
    staff_neighbourhood_set(
        person=elm_officer, neighbourhood=river, by=manager, assignment=assignment
    )
    client.force_login(elm_officer)
    page = client.get(MANAGE).content.decode()
    assert status_url(river_bins) in page
    assert status_url(elm_light) not in page
    assert client.post(status_url(elm_light), {"status": "fixed"}).status_code == 403
    elm_light.refresh_from_db()
    assert elm_light.status == ReportStatus.REPORTED


def test_an_officer_with_no_neighbourhood_sees_no_reports_and_changes_none(client, two_reports):
    elm_light, river_bins = two_reports
    unassigned = UserFactory(role=roles.HOUSING_OFFICER)
    client.force_login(unassigned)
    page = client.get(MANAGE).content.decode()
    assert status_url(elm_light) not in page
    assert status_url(river_bins) not in page
    assert client.post(status_url(elm_light), {"status": "fixed"}).status_code == 403


def test_a_tenant_of_the_neighbourhood_cannot_change_a_status(client, two_reports):
    elm_light, _river_bins = two_reports
    client.force_login(elm_light.reporter)
    assert client.get(MANAGE).status_code == 403
    assert client.post(status_url(elm_light), {"status": "fixed"}).status_code == 403
    elm_light.refresh_from_db()
    assert elm_light.status == ReportStatus.REPORTED
