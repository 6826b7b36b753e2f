"""Reports of problems on an estate: a verified tenant reports, everyone reads the list and the
status history, neighbours say "this affects me too", Housing Officers change the status.
"""

from datetime import date, timedelta
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.models import ModelLogEntry

import pytest

from community.photos import photo_prepare
from notifications.models import Delivery, EmailChoice, Notification, NotificationKind
from notifications.services import email_choice_set
from tests.factories.community import image_bytes
from tests.factories.users import UserFactory
from training.core.models import ActivityEvent
from training.users import roles
from voice.geo import outline_frame
from voice.models import (
    Report,
    ReportAffected,
    ReportCategory,
    ReportPhoto,
    ReportStatus,
    ReportUpdate,
    TenantVerification,
    VerificationMethod,
)
from voice.reports_services import (
    ReportPhotoUpload,
    report_affects_me_too,
    report_create,
    report_status_change,
)
from voice.verbs import REPORT_AFFECTS_ME_TOO, REPORT_CREATED, REPORT_STATUS_CHANGED

pytestmark = pytest.mark.django_db

NEW = reverse("voice:report_new")


def verify(person, tenancy):
    TenantVerification.objects.create(
        person=person, tenancy=tenancy, method=VerificationMethod.IN_PERSON
    )
    return person


@pytest.fixture
def elm_tenant(tenant, elm_tenancy):
    """Marley Quinn, a verified tenant of Elm Court."""
    return verify(tenant, elm_tenancy)


@pytest.fixture
def elm_neighbour(elm, elm_tenancy):
    """Another verified tenant of Elm Court (same household list is fine)."""
    return verify(UserFactory(display_name="Sam Neighbour", neighbourhood=elm), elm_tenancy)


@pytest.fixture
def river_tenant(river, river_tenancy):
    return verify(UserFactory(display_name="Rio Tenant", neighbourhood=river), river_tenancy)


@pytest.fixture
def light(elm_tenant):
    """A broken light reported in Elm Court, name not shown."""
    return report_create(
        reporter=elm_tenant,
        category=ReportCategory.LIGHTING,
        description="The light on the second floor landing of block B is out.",
    )


def form(**changes) -> dict:
    data = {
        "category": ReportCategory.LIGHTING,
        "description": "The light on the stairs of block C flickers and goes out.",
        "show_name": "no",
    }
    return data | changes


# --- Reporting --------------------------------------------------------------------------------


def test_a_verified_tenant_reports_a_problem_on_their_estate(client, elm_tenant, elm):
    client.force_login(elm_tenant)
    assert "Report a problem on your estate" in client.get(NEW).content.decode()
    photo = SimpleUploadedFile("IMG_0001.jpg", image_bytes(), content_type="image/jpeg")
    response = client.post(
        NEW, form(photo=photo, photo_description="The dark stairwell"), follow=True
    )
    report = Report.objects.get()
    assert report.neighbourhood == elm
    assert report.reporter == elm_tenant
    assert report.category == ReportCategory.LIGHTING
    assert report.status == ReportStatus.REPORTED
    assert report.show_name is False
    stored = ReportPhoto.objects.get(report=report)
    assert stored.description == "The dark stairwell"
    assert "IMG_0001" not in stored.photo.name
    page = response.content.decode()
    assert "The light on the stairs of block C" in page
    assert reverse("voice:report_photo", args=[stored.pk]) in page
    event = ActivityEvent.objects.get(verb=REPORT_CREATED)
    assert event.actor_id == elm_tenant.pk
    assert event.context["neighbourhood"] == elm.pk


def test_missing_description_and_photo_words_are_errors_by_the_field(client, elm_tenant):
    client.force_login(elm_tenant)
    photo = SimpleUploadedFile("a.jpg", image_bytes(), content_type="image/jpeg")
    response = client.post(NEW, form(description="  ", photo=photo))
    assert response.status_code == 200
    assert response.context["form"].errors["description"] == [
        "Say what is wrong and where, so it can be found and fixed."
    ]
    assert "photo_description" in response.context["form"].errors
    assert "Say what is wrong and where" in response.content.decode()
    assert not Report.objects.exists()


def test_a_file_that_is_not_a_photo_is_refused_by_the_field(client, elm_tenant):
    client.force_login(elm_tenant)
    fake = SimpleUploadedFile("a.jpg", b"not a picture", content_type="image/jpeg")
    response = client.post(NEW, form(photo=fake, photo_description="x"))
    assert "not a photo we can use" in " ".join(response.context["form"].errors["photo"])
    assert not Report.objects.exists()


def test_anti_social_behaviour_or_hate_is_never_a_public_report(client, elm_tenant):
    client.force_login(elm_tenant)
    response = client.post(
        NEW, form(category="asb_or_hate", description="My neighbour shouts abuse at me")
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("voice:report_confidential")
    assert not Report.objects.exists()
    assert not ActivityEvent.objects.filter(verb=REPORT_CREATED).exists()
    page = client.get(response["Location"]).content.decode()
    assert "999" in page
    assert "never shown on the public list" in page
    # No fake form: the private form is promised, not pretended.
    assert "<form" not in page.split("<main", 1)[-1].split("</main>", 1)[0]


def test_the_form_offers_the_confidential_route_as_a_plain_option(client, elm_tenant):
    client.force_login(elm_tenant)
    page = client.get(NEW).content.decode()
    assert "Anti-social behaviour or a hate incident" in page


def test_someone_not_verified_cannot_report(client, tenant):
    client.force_login(tenant)
    response = client.get(NEW)
    assert response.status_code == 403
    assert "Show you are a tenant first" in response.content.decode()
    assert client.post(NEW, form()).status_code == 403
    assert not Report.objects.exists()
    with pytest.raises(PermissionDenied):
        report_create(reporter=tenant, category=ReportCategory.OTHER, description="x")


def test_an_ended_tenancy_no_longer_reports(client, elm_tenant, elm_tenancy):
    elm_tenancy.ended_at = elm_tenancy.first_imported_at
    elm_tenancy.save()
    client.force_login(elm_tenant)
    assert client.post(NEW, form()).status_code == 403
    assert not Report.objects.exists()


def test_visitors_are_sent_to_sign_in(client):
    response = client.get(NEW)
    assert response.status_code == 302
    assert "/account/login/" in response["Location"]


def test_a_report_always_goes_to_the_reporters_own_neighbourhood(client, river_tenant, river):
    client.force_login(river_tenant)
    client.post(NEW, form(neighbourhood="elm-court"))
    assert Report.objects.get().neighbourhood == river


# --- The public list and page -------------------------------------------------------------------


def test_everyone_reads_the_list_and_names_show_only_if_chosen(client, elm, elm_tenant, light):
    named = report_create(
        reporter=elm_tenant,
        category=ReportCategory.RUBBISH,
        description="Bags left by the bins",
        show_name=True,
    )
    page = client.get(reverse("voice:reports_list", args=[elm.slug])).content.decode()
    assert "2 reports" in page
    assert "The light on the second floor landing" in page
    assert "Bags left by the bins" in page
    assert page.count("by Marley Quinn") == 1
    detail = client.get(light.get_absolute_url()).content.decode()
    assert "Marley Quinn" not in detail
    assert "Marley Quinn" in client.get(named.get_absolute_url()).content.decode()


def test_photos_show_only_to_people_of_the_estate(client, elm_tenant, elm_neighbour, river_tenant):
    prepared = photo_prepare(SimpleUploadedFile("p.jpg", image_bytes()))
    report = report_create(
        reporter=elm_tenant,
        category=ReportCategory.REPAIRS,
        description="Broken door",
        photos=[ReportPhotoUpload(prepared, "The broken door")],
    )
    photo = ReportPhoto.objects.get(report=report)
    url = reverse("voice:report_photo", args=[photo.pk])
    public = client.get(report.get_absolute_url()).content.decode()
    assert url not in public
    assert "There is 1 photo: tenants of this estate see it when signed in." in public
    client.force_login(river_tenant)
    assert client.get(url).status_code == 404
    assert url not in client.get(report.get_absolute_url()).content.decode()
    client.force_login(elm_neighbour)
    assert url in client.get(report.get_absolute_url()).content.decode()
    response = client.get(url)
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]


def test_a_neighbour_says_it_affects_them_too_once(client, light, elm_neighbour):
    client.force_login(elm_neighbour)
    url = reverse("voice:report_affects_me_too", args=[light.pk])
    page = client.get(light.get_absolute_url()).content.decode()
    assert "This affects me too" in page
    client.post(url)
    client.post(url)
    assert ReportAffected.objects.filter(report=light, person=elm_neighbour).count() == 1
    assert ActivityEvent.objects.filter(verb=REPORT_AFFECTS_ME_TOO).count() == 1
    page = client.get(light.get_absolute_url()).content.decode()
    assert "You said this affects you too" in page
    assert "1 more person says this affects them too." in page


def test_affects_me_too_is_refused_outside_the_neighbourhood(client, light, river_tenant, tenant):
    url = reverse("voice:report_affects_me_too", args=[light.pk])
    assert client.post(url).status_code == 302  # to sign in
    for person in (river_tenant, light.reporter):
        client.force_login(person)
        assert client.post(url).status_code == 403
        assert "This affects me too" not in client.get(light.get_absolute_url()).content.decode()
    with pytest.raises(PermissionDenied):
        report_affects_me_too(person=river_tenant, report=light)
    assert not ReportAffected.objects.exists()


# --- Housing Officers change the status ---------------------------------------------------------


def status_url(report) -> str:
    return reverse("voice:report_status", args=[report.pk])


def test_the_officer_moves_a_broken_light_to_fixed(client, light, elm_officer, elm_neighbour):
    report_affects_me_too(person=elm_neighbour, report=light)
    client.force_login(elm_officer)
    manage = client.get(reverse("voice:reports_manage")).content.decode()
    assert status_url(light) in manage
    response = client.post(status_url(light), {"status": "fixed", "note": "New bulb fitted."})
    assert response.status_code == 302
    light.refresh_from_db()
    assert light.status == ReportStatus.FIXED
    update = ReportUpdate.objects.get(report=light)
    assert (update.from_status, update.to_status, update.by) == ("reported", "fixed", elm_officer)
    page = client.get(light.get_absolute_url()).content.decode()
    assert "New bulb fitted." in page
    assert "Fixed" in page
    # Told: the reporter and the neighbour, each once.
    told = Notification.objects.filter(kind=NotificationKind.REPORT_UPDATE)
    assert {n.recipient for n in told} == {light.reporter, elm_neighbour}
    assert all("Fixed" in n.body and n.url == light.get_absolute_url() for n in told)
    # Recorded: the activity stream and Wagtail's audit log.
    assert ActivityEvent.objects.filter(verb=REPORT_STATUS_CHANGED, actor=elm_officer).exists()
    entry = ModelLogEntry.objects.get(action="voice.report.status_changed")
    assert entry.user_id == elm_officer.pk
    assert entry.object_id == str(light.pk)
    assert entry.data["from"] == "reported"
    assert entry.data["to"] == "fixed"


def test_notifications_respect_each_persons_choice(light, elm_officer, elm_neighbour):
    report_affects_me_too(person=elm_neighbour, report=light)
    email_choice_set(person=light.reporter, choice=EmailChoice.DAILY)
    email_choice_set(person=elm_neighbour, choice=EmailChoice.NONE)
    report_status_change(report=light, by=elm_officer, status=ReportStatus.ACKNOWLEDGED)
    deliveries = {
        n.recipient_id: n.delivery
        for n in Notification.objects.filter(kind=NotificationKind.REPORT_UPDATE)
    }
    assert deliveries == {light.reporter.pk: Delivery.DIGEST, elm_neighbour.pk: Delivery.NONE}


def test_planned_needs_a_date_and_wont_fix_a_reason_by_the_field(client, light, elm_officer):
    client.force_login(elm_officer)
    response = client.post(status_url(light), {"status": "planned"})
    assert response.status_code == 200
    assert response.context["form"].errors["planned_for"] == ["Say when the work is planned for."]
    assert "Say when the work is planned for." in response.content.decode()
    response = client.post(status_url(light), {"status": "wont_fix", "wont_fix_reason": " "})
    assert "wont_fix_reason" in response.context["form"].errors
    response = client.post(status_url(light), {"status": "planned", "planned_for": "31/02/2027"})
    assert response.context["form"].errors["planned_for"] == ["Enter a real date, like 14/03/2027."]
    light.refresh_from_db()
    assert light.status == ReportStatus.REPORTED
    assert not ReportUpdate.objects.exists()
    assert not Notification.objects.exists()
    with pytest.raises(ValidationError) as error:
        report_status_change(report=light, by=elm_officer, status=ReportStatus.PLANNED)
    assert "planned_for" in error.value.message_dict


def test_planned_with_a_date_and_wont_fix_with_a_reason_show_in_public(client, light, elm_officer):
    day = date.today() + timedelta(days=10)
    report_status_change(report=light, by=elm_officer, status=ReportStatus.PLANNED, planned_for=day)
    page = client.get(light.get_absolute_url()).content.decode()
    assert f"for {day.day} {day:%B %Y}" in page
    report_status_change(
        report=light,
        by=elm_officer,
        status=ReportStatus.WONT_FIX,
        reason="The light belongs to the council: we have passed it on.",
    )
    light.refresh_from_db()
    assert light.planned_for is None
    page = client.get(light.get_absolute_url()).content.decode()
    assert "The light belongs to the council: we have passed it on." in page


def test_an_officer_of_another_neighbourhood_is_refused(client, light, river_officer):
    client.force_login(river_officer)
    assert client.get(status_url(light)).status_code == 403
    assert client.post(status_url(light), {"status": "fixed"}).status_code == 403
    assert status_url(light) not in client.get(reverse("voice:reports_manage")).content.decode()
    with pytest.raises(PermissionDenied):
        report_status_change(report=light, by=river_officer, status=ReportStatus.FIXED)
    light.refresh_from_db()
    assert light.status == ReportStatus.REPORTED


@pytest.mark.parametrize("role", [None, roles.DIGITAL_CHAMPION, roles.MANAGER, roles.MODERATOR])
def test_other_roles_cannot_change_a_status(client, light, role, elm):
    person = UserFactory(role=role, neighbourhood=elm) if role else UserFactory(neighbourhood=elm)
    client.force_login(person)
    assert client.get(reverse("voice:reports_manage")).status_code == 403
    assert client.post(status_url(light), {"status": "fixed"}).status_code == 403
    with pytest.raises(PermissionDenied):
        report_status_change(report=light, by=person, status=ReportStatus.FIXED)
    light.refresh_from_db()
    assert light.status == ReportStatus.REPORTED


# --- The place, with the shared place picker -------------------------------------------------

# A square of about 280 m around (51.5, -0.1), longitude first as GeoJSON has it.
SQUARE = {
    "type": "Polygon",
    "coordinates": [
        [[-0.102, 51.498], [-0.098, 51.498], [-0.098, 51.502], [-0.102, 51.502], [-0.102, 51.498]]
    ],
}


@pytest.fixture
def elm_square(elm):
    elm.boundary = SQUARE
    elm.save()
    return elm


def test_a_place_inside_the_outline_is_kept_and_shown(client, elm_square, elm_tenant):
    client.force_login(elm_tenant)
    page = client.get(NEW).content.decode()
    assert "Where is the problem? (optional)" in page
    assert "Never mark your home." in page
    response = client.post(NEW, form(latitude="51.500500", longitude="-0.100500"), follow=True)
    report = Report.objects.get()
    assert (str(report.latitude), str(report.longitude)) == ("51.500500", "-0.100500")
    outline = reverse("voice:neighbourhood_outline", args=[elm_square.slug])
    assert f"{outline}?lat=51.500500&amp;lng=-0.100500" in response.content.decode()


def test_a_place_outside_the_outline_is_an_error_by_the_field(client, elm_square, elm_tenant):
    client.force_login(elm_tenant)
    response = client.post(NEW, form(latitude="51.510000", longitude="-0.100000"))
    assert response.status_code == 200
    assert response.context["place_form"].errors["latitude"]
    assert "outside your neighbourhood" in response.content.decode()
    assert "The light on the stairs of block C" in response.content.decode()  # kept
    assert not Report.objects.exists()
    with pytest.raises(ValidationError):
        report_create(
            reporter=elm_tenant,
            category=ReportCategory.OTHER,
            description="x",
            latitude=Decimal("51.51"),
            longitude=Decimal("-0.1"),
        )


def test_a_tap_without_javascript_picks_the_place_and_keeps_the_report(
    client, elm_square, elm_tenant
):
    frame = outline_frame(SQUARE)
    x, y = frame.to_pixels(longitude=-0.1005, latitude=51.5005)
    client.force_login(elm_tenant)
    response = client.post(NEW, form() | {"place.x": str(round(x)), "place.y": str(round(y))})
    assert response.status_code == 200
    assert not Report.objects.exists()  # nothing sent by the tap
    page = response.content.decode()
    assert "Place chosen: the red dot." in page
    assert "The light on the stairs of block C" in page
    place = response.context["place_form"].initial
    assert abs(float(place["latitude"]) - 51.5005) < 0.0002
    # Then "Send my report" with the place in the hidden fields.
    client.post(NEW, form(latitude=place["latitude"], longitude=place["longitude"]))
    assert Report.objects.get().latitude == place["latitude"]


def test_enter_in_a_box_sends_rather_than_tapping_the_corner(client, elm_square, elm_tenant):
    client.force_login(elm_tenant)
    client.post(NEW, form() | {"place.x": "0", "place.y": "0"})
    report = Report.objects.get()
    assert report.latitude is None


def test_the_list_shows_reports_with_a_place_as_numbered_dots(client, elm_square, elm_tenant):
    report_create(
        reporter=elm_tenant,
        category=ReportCategory.RUBBISH,
        description="No place given",
    )
    report_create(
        reporter=elm_tenant,
        category=ReportCategory.LIGHTING,
        description="Light out by the gate",
        latitude=Decimal("51.500500"),
        longitude=Decimal("-0.100500"),
    )
    page = client.get(reverse("voice:reports_list", args=[elm_square.slug])).content.decode()
    assert "with 1 reported problem marked by its number in the list" in page
    assert page.count("<circle") == 1
    assert "(number 1 on the map)" in page  # the newest, first in the list
    assert "(number 2 on the map)" not in page


def test_without_places_there_is_no_map(client, elm_square, light):
    page = client.get(reverse("voice:reports_list", args=[elm_square.slug])).content.decode()
    assert "<circle" not in page
    assert "on the map" not in page
