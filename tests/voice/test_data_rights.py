"""Tenant voice in "Download my data" and "Delete my account" (voice/data_rights.py)."""

import json
from datetime import timedelta
from decimal import Decimal

from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

import pytest

from community.photos import photo_prepare
from tests.factories.community import image_bytes
from tests.factories.users import UserFactory
from tests.factories.voice import tenancy_add
from training.users.data_rights.services import account_delete
from voice.models import (
    EstateCheck,
    EstateCheckAnswer,
    EstateCheckPhoto,
    EstateCheckQuestion,
    EstateCheckResponse,
    Report,
    ReportAffected,
    ReportCategory,
    ReportPhoto,
    ReportStatus,
    TenantVerification,
    VerificationMethod,
)
from voice.reports_services import (
    ReportPhotoUpload,
    report_affects_me_too,
    report_create,
    report_status_change,
)
from voice.selectors import estate_check_results
from voice.services import EstateCheckPhotoAdd, estate_check_answer

pytestmark = pytest.mark.django_db

DOWNLOAD = reverse("courses:my_data_download")
SQUARE = {
    "type": "Polygon",
    "coordinates": [
        [[-0.102, 51.498], [-0.098, 51.498], [-0.098, 51.502], [-0.102, 51.502], [-0.102, 51.498]]
    ],
}
INSIDE = (Decimal("51.500500"), Decimal("-0.100500"))


@pytest.fixture
def elm_square(elm):
    elm.boundary = SQUARE
    elm.save()
    return elm


def verify(person, tenancy, method=VerificationMethod.SELF):
    return TenantVerification.objects.create(person=person, tenancy=tenancy, method=method)


@pytest.fixture
def verified(tenant, elm_tenancy, elm_square):
    verify(tenant, elm_tenancy)
    return tenant


@pytest.fixture
def neighbour(elm, elm_tenancy):
    person = UserFactory(display_name="Sam Neighbour", neighbourhood=elm)
    verify(person, elm_tenancy, method=VerificationMethod.IN_PERSON)
    return person


def photo(description: str) -> ReportPhotoUpload:
    return ReportPhotoUpload(photo_prepare(SimpleUploadedFile("p.jpg", image_bytes())), description)


def check_for(neighbourhood, *, questions=("How clean are the shared areas?", "Lighting?")):
    today = timezone.localdate()
    check = EstateCheck.objects.create(
        title="Spring check",
        opens_on=today - timedelta(days=3),
        closes_on=today + timedelta(days=3),
    )
    check.neighbourhoods.set([neighbourhood])
    check.save()
    for number, text in enumerate(questions):
        EstateCheckQuestion.objects.create(estate_check=check, text=text, sort_order=number)
    return check


def answer(check, person, *scores, comment="", place=None, with_photo=False):
    questions = list(check.questions.all())
    return estate_check_answer(
        check=check,
        person=person,
        scores={q.pk: (score, comment) for q, score in zip(questions, scores, strict=True)},
        place=place,
        photo=EstateCheckPhotoAdd(
            photo=photo_prepare(SimpleUploadedFile("e.jpg", image_bytes())),
            description="Bins by the gate",
        )
        if with_photo
        else None,
    )


@pytest.fixture
def voice_record(verified, neighbour, elm_officer, elm_square):
    """The tenant reported a broken light (with a photo and a place, moved to planned), said a
    neighbour's report affects them too, and answered an estate check with a photo."""
    light = report_create(
        reporter=verified,
        category=ReportCategory.LIGHTING,
        description="The stair light on floor 2 is out",
        show_name=True,
        photos=[photo("The dark stairwell")],
        latitude=INSIDE[0],
        longitude=INSIDE[1],
    )
    report_status_change(
        report=light,
        by=elm_officer,
        status=ReportStatus.PLANNED,
        planned_for=timezone.localdate() + timedelta(days=7),
        note="An electrician is booked.",
    )
    bins = report_create(
        reporter=neighbour, category=ReportCategory.RUBBISH, description="Bags by the bins"
    )
    report_affects_me_too(person=verified, report=bins)
    check = check_for(elm_square)
    answer(check, verified, 2, 4, comment="Dark by the bins", place=INSIDE, with_photo=True)
    return {"light": light, "bins": bins, "check": check}


def download(client, person) -> dict:
    client.force_login(person)
    response = client.get(DOWNLOAD)
    assert response.status_code == 200
    return json.loads(response.content)


# --- Download my data -----------------------------------------------------------------------------
def test_the_download_holds_the_verification_without_the_tenancy_reference(client, verified):
    data = download(client, verified)
    verification = data["tenant_verification"]
    assert verification["neighbourhood"] == "Elm Court estate"
    assert verification["how"] == "By themselves, with their tenancy reference and postcode"
    assert verification["when"]
    text = json.dumps(data)
    tenancy = TenantVerification.objects.get(person=verified).tenancy
    assert "TEN-000123" not in text
    assert tenancy.reference_hash not in text


def test_the_download_holds_reports_marks_and_estate_check_answers(client, voice_record, verified):
    light, bins = voice_record["light"], voice_record["bins"]
    voice = download(client, verified)["tenant_voice"]

    [report] = voice["reports"]
    assert report["id"] == light.pk
    assert report["address"].endswith(f"/voice/reports/{light.pk}/")
    assert report["neighbourhood"] == "Elm Court estate"
    assert report["category"] == "Lighting"
    assert report["what_is_wrong"] == "The stair light on floor 2 is out"
    assert report["show_my_name"] is True
    assert report["place"] == {"latitude": "51.500500", "longitude": "-0.100500"}
    assert report["status"] == "Planned"
    assert report["planned_for"] == (timezone.localdate() + timedelta(days=7)).isoformat()
    [update] = report["updates"]
    assert (update["from"], update["to"], update["note"]) == (
        "Reported",
        "Planned",
        "An electrician is booked.",
    )
    assert "Dee" not in json.dumps(report)  # the officer's name is not the tenant's data
    [report_photo] = report["photos"]
    photo_pk = ReportPhoto.objects.get(report=light).pk
    assert report_photo["address"].endswith(f"/voice/reports/photos/{photo_pk}/")
    assert report_photo["description"] == "The dark stairwell"

    [mark] = voice["affects_me_too"]
    assert mark["report"] == bins.pk
    assert mark["category"] == "Rubbish"
    assert mark["address"].endswith(f"/voice/reports/{bins.pk}/")

    [check] = voice["estate_checks"]
    assert check["estate_check"] == "Spring check"
    assert check["neighbourhood"] == "Elm Court estate"
    assert [(a["question"], a["score"], a["answer"], a["comment"]) for a in check["answers"]] == [
        ("How clean are the shared areas?", 2, "Bad", "Dark by the bins"),
        ("Lighting?", 4, "Good", "Dark by the bins"),
    ]
    assert check["place"] == {"latitude": "51.500500", "longitude": "-0.100500"}
    [check_photo] = check["photos"]
    assert check_photo["address"].endswith(
        f"/voice/estate-checks/photos/{EstateCheckPhoto.objects.get().pk}/"
    )
    assert check_photo["description"] == "Bins by the gate"


def test_the_download_holds_nobody_elses_reports(client, voice_record, neighbour):
    voice = download(client, neighbour)["tenant_voice"]
    assert [report["what_is_wrong"] for report in voice["reports"]] == ["Bags by the bins"]
    assert voice["affects_me_too"] == [] and voice["estate_checks"] == []


def test_someone_with_no_voice_record_gets_empty_sections(client):
    data = download(client, UserFactory())
    assert data["tenant_verification"] is None
    assert data["tenant_voice"] == {
        "reports": [],
        "affects_me_too": [],
        "estate_checks": [],
        "improvements_told_about": [],
        "report_updates_made": [],
        "consultations": [],
    }


def test_an_officers_download_holds_the_status_changes_they_made(client, voice_record, elm_officer):
    light = voice_record["light"]
    [update] = download(client, elm_officer)["tenant_voice"]["report_updates_made"]
    assert update["report"] == light.pk
    assert (update["from"], update["to"], update["note"]) == (
        "Reported",
        "Planned",
        "An electrician is booked.",
    )


def test_an_officers_status_changes_stay_without_them(voice_record, elm_officer):
    account_delete(user=elm_officer)
    update = voice_record["light"].updates.get()
    assert update.by is None and update.note == "An electrician is booked."


# --- Delete my account ----------------------------------------------------------------------------
def test_a_deleted_reporters_report_stays_public_without_their_name_or_photos(
    client, voice_record, verified, django_capture_on_commit_callbacks
):
    light = voice_record["light"]
    stored = ReportPhoto.objects.get(report=light).photo.name
    assert storages["private"].exists(stored)
    with django_capture_on_commit_callbacks(execute=True):
        account_delete(user=verified)

    light.refresh_from_db()
    assert light.reporter is None and light.show_name is False
    assert light.status == ReportStatus.PLANNED and light.updates.count() == 1
    assert not ReportPhoto.objects.filter(report=light).exists()
    assert not storages["private"].exists(stored)
    page = client.get(light.get_absolute_url()).content.decode()
    assert "The stair light on floor 2 is out" in page
    assert "Marley Quinn" not in page


def test_a_deleted_persons_affects_me_too_and_verification_go(voice_record, verified, neighbour):
    account_delete(user=verified)
    assert not ReportAffected.objects.exists()
    assert not TenantVerification.objects.filter(person_id=verified.pk).exists()
    assert TenantVerification.objects.filter(person=neighbour).exists()  # the tenancy stays
    assert Report.objects.filter(reporter=neighbour).count() == 1


def test_deleted_accounts_estate_answers_still_count_anonymously(
    elm_square, elm_tenancy, django_capture_on_commit_callbacks
):
    check = check_for(elm_square)
    people = [UserFactory(neighbourhood=elm_square) for _ in range(5)]
    for person in people:
        verify(person, elm_tenancy)
        answer(check, person, 2, 4)
    leaving = people[0]
    EstateCheckResponse.objects.filter(person=leaving).delete()
    answer(check, leaving, 2, 4, comment="Flat 3 bins", place=INSIDE, with_photo=True)
    stored = EstateCheckPhoto.objects.get().photo.name
    with django_capture_on_commit_callbacks(execute=True):
        account_delete(user=leaving)

    response = EstateCheckResponse.objects.get(person__isnull=True)
    assert response.latitude is None and response.longitude is None
    assert not EstateCheckPhoto.objects.exists()
    assert not storages["private"].exists(stored)
    assert set(
        EstateCheckAnswer.objects.filter(response=response).values_list("comment", flat=True)
    ) == {""}
    # Once the check closes, all five still count.
    EstateCheck.objects.filter(pk=check.pk).update(
        opens_on=timezone.localdate() - timedelta(days=9),
        closes_on=timezone.localdate() - timedelta(days=1),
    )
    results = estate_check_results(neighbourhood=elm_square, today=timezone.localdate())
    assert results.people == 5
    assert [(q.answers, q.average) for q in results.questions] == [(5, 2.0), (5, 4.0)]


def test_a_household_member_deleting_leaves_the_tenancy_list_alone(elm, elm_tenancy, neighbour):
    other = tenancy_add("TEN-000124", "N1 8ZZ", elm)
    account_delete(user=neighbour)
    assert elm_tenancy.__class__.objects.filter(pk__in=[elm_tenancy.pk, other.pk]).count() == 2


def test_the_download_holds_the_improvements_the_person_was_told_about(
    client, voice_record, verified
):
    from voice.improvements_services import improvements_index_ensure
    from voice.models import ImprovementPage, ImprovementTold

    index = improvements_index_ensure()
    page = ImprovementPage(
        title="A new stair light",
        slug="new-stair-light",
        tenants_said="The stair light is out.",
        we_did="<p>We fitted a new light.</p>",
        neighbourhood=voice_record["light"].neighbourhood,
    )
    index.add_child(instance=page)
    ImprovementTold.objects.get_or_create(page=page, person=verified)
    [told] = download(client, verified)["tenant_voice"]["improvements_told_about"]
    assert told["improvement"] == "A new stair light"
    assert told["address"].endswith("/new-stair-light/")
    assert told["told"]
