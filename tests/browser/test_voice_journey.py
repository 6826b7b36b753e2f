"""Tenant voice from start to finish, in one real browser journey (issue 13's "Done when").

A signed-in tenant whose tenancy is on the imported list shows they are a tenant, answers their
neighbourhood's open estate check with a photo (its hidden location is removed) and a place
tapped on the outline, and reports a broken light with a photo and a place; it is on the public
list. The Housing Officer of that neighbourhood signs in with two-step sign-in and moves it to
acknowledged, then to fixed with a note. The tenant is told: on the site (their recent messages)
and by email, as they chose. A Manager (two-step sign-in) publishes a "You said, we did"
improvement linked to the report in the Wagtail admin; the tenant finds it, with their report
linked, and is told. axe-core checks every page of the site reached (WCAG 2.2 AA); the Wagtail
admin is Wagtail's own, as in test_authoring_journey.py.
"""

from datetime import timedelta
from io import BytesIO

from django.core import mail
from django.utils import timezone

import pytest
from PIL import Image

from notifications.models import EmailChoice, Notification, NotificationKind, OutgoingEmail
from notifications.selectors import email_choice_get
from tests.browser.helpers import axe_check, submit, visit
from tests.factories.users import PASSWORD, UserFactory, totp_code
from tests.factories.voice import csv_bytes
from training.places.models import Neighbourhood
from training.places.services import staff_neighbourhood_set
from training.users import roles
from voice.geo import outline_frame, point_in_boundary
from voice.improvements_services import improvements_index_ensure
from voice.models import (
    EstateCheck,
    EstateCheckPhoto,
    EstateCheckQuestion,
    EstateCheckResponse,
    ImprovementPage,
    Report,
    ReportCategory,
    ReportPhoto,
    ReportStatus,
    TenantVerification,
    VerificationMethod,
)
from voice.services import tenancies_import

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

LIGHT = "The light on the stairs by block B is broken"
FIX_NOTE = "A new light is fitted on the stairs."
IMPROVEMENT = "Brighter stairs by block B"
WE_DID = "We fitted new lights on every landing of block B."
GPS_IFD = 0x8825  # where a camera writes the place a photo was taken


def photo_with_location(path, *, colour=(11, 92, 82)):
    """A small JPEG as a phone makes it: a camera make, a date and the GPS place (in EXIF)."""
    image = Image.new("RGB", (96, 72), colour)
    exif = image.getexif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0132] = "2026:12:06 10:00:00"  # DateTime
    gps = exif.get_ifd(GPS_IFD)
    gps.update({1: "N", 2: (51.0, 32.0, 6.5), 3: "W", 4: (0.0, 6.0, 11.5)})
    buffer = BytesIO()
    image.save(buffer, format="JPEG", exif=exif)
    data = buffer.getvalue()
    made = Image.open(BytesIO(data)).getexif()
    assert made.get_ifd(GPS_IFD), "the test photo should carry a GPS place"
    path.write_bytes(data)
    return path


def assert_no_exif(field_file) -> None:
    """The stored photo is a JPEG/PNG/WebP with no EXIF at all, so no GPS place either."""
    with field_file.open("rb") as stored:
        data = stored.read()
    image = Image.open(BytesIO(data))
    exif = image.getexif()
    assert not exif.get_ifd(GPS_IFD), "the stored photo still has a GPS place"
    assert not dict(exif), f"the stored photo still has EXIF: {dict(exif)}"
    assert b"PhoneMaker" not in data
    assert "exif" not in image.info


def tap_on_the_outline(page, *, frame, latitude: float, longitude: float) -> float:
    """Tap the neighbourhood outline where (latitude, longitude) is drawn, as a finger would.

    Returns how many degrees one pixel on the screen is worth, for comparing what is stored.
    """
    picture = page.locator(".place-picker__map")
    picture.scroll_into_view_if_needed()
    box = picture.bounding_box()
    x, y = frame.to_pixels(longitude=longitude, latitude=latitude)
    shown = box["width"] / frame.width
    picture.click(position={"x": x * shown, "y": y * shown})
    return frame.span / frame.inner / shown


def assert_place_near(record, *, latitude: float, longitude: float, pixel: float, frame) -> None:
    assert record.latitude is not None and record.longitude is not None
    assert abs(float(record.latitude) - latitude) <= 2 * pixel
    assert abs(float(record.longitude) - longitude) <= 2 * pixel / frame.scale_x


def sign_in_with_two_steps(page, person) -> None:
    """Email and password, then the authenticator app's code (Housing Officers must)."""
    visit(page, "/account/login/")
    page.get_by_label("Email address or username").fill(person.email)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    submit(page, "Sign in")
    assert page.get_by_role("heading", level=1).inner_text() == "Enter your code"
    page.locator("#id_code").fill(totp_code())
    submit(page, "Sign in", label="after the code")
    assert page.get_by_role("heading", level=1).inner_text() != "Enter your code"


@pytest.fixture
def estate(demo_content):
    """Elm Court (the demo outline) with its tenancy list imported, an open estate check, and
    its Housing Officer; Riverside's officer looks after somewhere else."""
    elm = Neighbourhood.objects.get(slug="elm-court")
    river = Neighbourhood.objects.get(slug="riverside")
    manager = UserFactory(role=roles.MANAGER)
    tenancies_import(
        data=csv_bytes("TEN-000123,N1 8ZZ,elm-court", "TEN-000900,N1 7ZZ,riverside"), by=manager
    )
    today = timezone.localdate()
    check = EstateCheck.objects.create(
        title="Winter estate check", opens_on=today, closes_on=today + timedelta(days=14)
    )
    check.neighbourhoods.set([elm])
    check.save()
    for number, text in enumerate(["How clean are the shared areas?", "How good is the lighting?"]):
        EstateCheckQuestion.objects.create(estate_check=check, text=text, sort_order=number)
    officer = UserFactory(role=roles.HOUSING_OFFICER, display_name="Dee Officer")
    staff_neighbourhood_set(person=officer, neighbourhood=elm, by=manager)
    other_officer = UserFactory(role=roles.HOUSING_OFFICER, display_name="Rae Officer")
    staff_neighbourhood_set(person=other_officer, neighbourhood=river, by=manager)
    return {
        "index": improvements_index_ensure(),
        "manager": manager,
        "elm": elm,
        "check": check,
        "officer": officer,
        "other_officer": other_officer,
        "frame": outline_frame(elm.boundary),
    }


def test_a_tenant_verifies_rates_reports_a_light_is_told_it_is_fixed_and_sees_we_did(
    context_new, sign_in, estate, tmp_path
):
    elm, check, frame = estate["elm"], estate["check"], estate["frame"]
    assert frame is not None, "the demo Elm Court needs a boundary to tap on"
    middle = (float(elm.latitude), float(elm.longitude))
    assert point_in_boundary(geometry=elm.boundary, latitude=middle[0], longitude=middle[1])
    tenant = UserFactory(display_name="Marley Quinn", neighbourhood=elm)
    context = context_new()
    sign_in(context, tenant)
    page = context.new_page()

    # 1. They show they are a tenant: the tenancy reference and postcode from the imported list.
    visit(page, "/voice/verify/")
    page.get_by_label("Tenancy reference").fill("TEN-000123")
    page.get_by_label("Postcode of the home").fill("N1 8ZZ")
    submit(page, "Check my details")
    assert page.get_by_role("heading", level=1).inner_text() == "You are a verified tenant"
    verification = TenantVerification.objects.get(person=tenant)
    assert verification.tenancy.neighbourhood == elm
    assert verification.method == VerificationMethod.SELF

    # 2. They rate their estate: faces, a comment, a photo and the place on the outline.
    with page.expect_navigation():
        page.get_by_role("link", name="Rate your estate").click()
    axe_check(page)
    with page.expect_navigation():
        page.get_by_role("link", name="Winter estate check").click()
    axe_check(page)
    assert "Do not photograph people" in page.content()
    page.get_by_role("group", name="How clean are the shared areas?").get_by_role(
        "radio", name="Good", exact=True
    ).check()
    lighting = page.get_by_role("group", name="How good is the lighting?")
    lighting.get_by_role("radio", name="Very bad", exact=True).check()
    page.get_by_label("Comment (optional)").nth(1).fill("The stairs by block B are dark at night")
    page.get_by_label("Add a photo (optional)").set_input_files(
        str(photo_with_location(tmp_path / "stairs.jpg"))
    )
    page.get_by_label("Describe your photo").fill("The dark stairs by block B")
    pixel = tap_on_the_outline(page, frame=frame, latitude=middle[0], longitude=middle[1])
    assert "A place is chosen" in page.locator("[data-place-status]").inner_text()
    submit(page, "Save my answers")
    assert "Your answers are saved" in page.content()

    response = EstateCheckResponse.objects.get(person=tenant, estate_check=check)
    assert response.neighbourhood_id == elm.pk
    answers = {answer.question.text: answer for answer in response.answers.all()}
    assert answers["How clean are the shared areas?"].score == 4
    assert answers["How good is the lighting?"].score == 1
    assert answers["How good is the lighting?"].comment == "The stairs by block B are dark at night"
    assert_place_near(response, latitude=middle[0], longitude=middle[1], pixel=pixel, frame=frame)
    assert point_in_boundary(
        geometry=elm.boundary,
        latitude=float(response.latitude),
        longitude=float(response.longitude),
    )
    check_photo = EstateCheckPhoto.objects.get(response=response)
    assert check_photo.description == "The dark stairs by block B"
    assert_no_exif(check_photo.photo)

    # 3. They report the broken light, with a photo and the place, and see it on the list.
    visit(page, "/voice/verify/")
    with page.expect_navigation():
        page.get_by_role("link", name="Report a problem on your estate").click()
    axe_check(page)
    page.get_by_label("Lighting").check()
    page.get_by_label("What is wrong, and where exactly?").fill(LIGHT)
    page.get_by_label("A photo of the problem (optional)").set_input_files(
        str(photo_with_location(tmp_path / "light.jpg", colour=(30, 30, 30)))
    )
    page.get_by_label("What the photo shows (if you add one)").fill("The broken stair light")
    pixel = tap_on_the_outline(page, frame=frame, latitude=middle[0], longitude=middle[1])
    assert "A place is chosen" in page.locator("[data-place-status]").inner_text()
    submit(page, "Send my report")
    assert "Thank you. Your report is on the list" in page.content()
    report = Report.objects.get(reporter=tenant)
    assert (report.category, report.neighbourhood_id) == (ReportCategory.LIGHTING, elm.pk)
    assert report.description == LIGHT
    assert report.status == ReportStatus.REPORTED
    assert_place_near(report, latitude=middle[0], longitude=middle[1], pixel=pixel, frame=frame)
    assert_no_exif(ReportPhoto.objects.get(report=report).photo)

    visit(page, f"/voice/estates/{elm.slug}/reports/")
    assert page.get_by_text(LIGHT).count() >= 1
    assert page.get_by_role("img", name=f"Map of {elm.name}").count() == 1

    # The tenant keeps the default choice of emails: straight away.
    visit(page, "/account/notifications/")
    assert page.get_by_label("Email me straight away").is_checked()
    assert email_choice_get(person=tenant) == EmailChoice.IMMEDIATE

    # 4. The Housing Officer of Elm Court signs in (two steps) and moves it on, then to fixed.
    desk = context_new().new_page()
    sign_in_with_two_steps(desk, estate["officer"])
    visit(desk, "/voice/reports/manage/")
    with desk.expect_navigation():
        desk.get_by_role("link", name=f"Lighting · {elm.name}").click()
    axe_check(desk)
    desk.get_by_label("Acknowledged", exact=True).check()
    submit(desk, "Save the status")
    report.refresh_from_db()
    assert report.status == ReportStatus.ACKNOWLEDGED
    with desk.expect_navigation():
        desk.get_by_role("link", name=f"Lighting · {elm.name}").click()
    axe_check(desk)
    desk.get_by_label("Fixed", exact=True).check()
    desk.get_by_label("A note for the public history (optional)").fill(FIX_NOTE)
    submit(desk, "Save the status")
    report.refresh_from_db()
    assert report.status == ReportStatus.FIXED
    assert list(report.updates.order_by("at").values_list("to_status", "by")) == [
        (ReportStatus.ACKNOWLEDGED, estate["officer"].pk),
        (ReportStatus.FIXED, estate["officer"].pk),
    ]

    # 5. The tenant is told: on the site, and by email straight away as they chose.
    told = Notification.objects.filter(recipient=tenant, kind=NotificationKind.REPORT_UPDATE)
    assert told.count() == 2
    fixed = told.get(subject__icontains="fixed")
    assert FIX_NOTE in fixed.body
    visit(page, "/account/notifications/")
    assert page.get_by_role("heading", name=fixed.subject).is_visible()
    assert OutgoingEmail.objects.filter(recipient=tenant).count() == 2
    emails = [email for email in mail.outbox if tenant.email in email.to]
    assert len(emails) == 2
    assert any(fixed.subject == email.subject and FIX_NOTE in email.body for email in emails)

    # The public page shows it fixed, with the officer's note; the tenant's name is not shown.
    visit(page, report.get_absolute_url())
    assert FIX_NOTE in page.content()
    assert "Marley Quinn" not in page.content()

    # 6. A Manager publishes "You said, we did" in the Wagtail admin, linked to the report.
    #    (Managers and Course Editors publish improvements; Housing Officers do not.)
    admin = context_new().new_page()
    sign_in_with_two_steps(admin, estate["manager"])
    admin.goto(f"/admin/pages/add/voice/improvementpage/{estate['index'].pk}/")
    admin.fill("#id_title", IMPROVEMENT)
    admin.fill("#id_tenants_said", "The stairs by block B are dark at night.")
    admin.locator("[contenteditable=true]").first.click()
    admin.keyboard.type(WE_DID)
    # The neighbourhood is a chooser: a button opens a list in a dialog.
    admin.get_by_role("button", name="Choose neighbourhood").click()
    admin.locator(".modal").get_by_role("link", name=elm.name, exact=True).click()
    admin.locator(".modal").wait_for(state="hidden")
    assert admin.locator("#id_neighbourhood").input_value() == str(elm.pk)
    admin.fill("#id_cost", "240.00")
    admin.get_by_label(LIGHT, exact=False).check()
    admin.get_by_role("button", name="More actions").click()
    with admin.expect_navigation():
        admin.get_by_role("button", name="Publish").click()
    improvement = ImprovementPage.objects.get(title=IMPROVEMENT)
    assert improvement.live
    assert list(improvement.reports.all()) == [report]
    assert improvement.neighbourhood == elm

    # The tenant finds it under "You said, we did", with their report linked, and is told.
    visit(page, estate["index"].url)
    with page.expect_navigation():
        page.get_by_role("link", name=IMPROVEMENT).click()
    axe_check(page)
    assert WE_DID in page.content()
    reports_section = page.get_by_role("region", name="The problems tenants reported")
    with page.expect_navigation():
        reports_section.get_by_role("link").filter(has_text="Lighting").click()
    axe_check(page)
    assert page.url.endswith(report.get_absolute_url())
    told_now = Notification.objects.get(
        recipient=tenant, subject=f"You said, we did: {IMPROVEMENT}"
    )
    assert told_now.url == improvement.url
    visit(page, "/account/notifications/")
    assert page.get_by_role("heading", name=told_now.subject).is_visible()
    emails = [email for email in mail.outbox if tenant.email in email.to]
    assert [email.subject for email in emails].count(told_now.subject) == 1
