"""Estate reports in a real browser: a verified tenant reports a broken light with a photo (a
mistake first), a Housing Officer moves it to "fixed" (a mistake first), the tenant is told and
a visitor reads it. Each page passes axe-core (WCAG 2.2 AA) and fits a 320px screen."""

import pytest

from notifications.models import Notification, NotificationKind
from tests.browser.helpers import assert_fits_width, axe_check, submit, visit
from tests.factories.community import image_bytes
from tests.factories.users import UserFactory
from tests.factories.voice import tenancy_add
from training.places.models import Neighbourhood
from training.places.services import staff_neighbourhood_set
from training.users import roles
from voice.models import Report, ReportStatus, TenantVerification

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.mark.parametrize("width", [320, 1280])
def test_a_broken_light_is_reported_and_fixed(context_new, sign_in, demo_content, width, tmp_path):
    elm = Neighbourhood.objects.get(slug="elm-court")
    tenant = UserFactory(display_name="Marley Quinn", neighbourhood=elm)
    TenantVerification.objects.create(
        person=tenant, tenancy=tenancy_add("TEN-000123", "N1 8ZZ", elm), method="in_person"
    )
    officer = UserFactory(role=roles.HOUSING_OFFICER, display_name="Dee Officer")
    staff_neighbourhood_set(person=officer, neighbourhood=elm, by=UserFactory(role=roles.MANAGER))
    photo = tmp_path / "light.jpg"
    photo.write_bytes(image_bytes())

    context = context_new(viewport={"width": width, "height": 800})
    sign_in(context, tenant)
    page = context.new_page()
    visit(page, "/voice/verify/")
    with page.expect_navigation():
        page.get_by_role("link", name="Report a problem on your estate").click()
    axe_check(page)
    page.get_by_label("Lighting").check()
    page.get_by_label("A photo of the problem (optional)").set_input_files(str(photo))
    submit(page, "Send my report", label="without a description")
    assert "Say what is wrong and where" in page.locator(".error-summary").inner_text()
    if width == 320:
        assert_fits_width(page, 320)
    page.get_by_label("Lighting").check()
    page.get_by_label("What is wrong, and where exactly?").fill(
        "The light on the second floor landing of block B is out."
    )
    page.get_by_label("A photo of the problem (optional)").set_input_files(str(photo))
    page.get_by_label("What the photo shows (if you add one)").fill("The dark landing")
    submit(page, "Send my report")
    assert "Thank you. Your report is on the list" in page.content()
    assert page.get_by_role("img", name="The dark landing").is_visible()
    if width == 320:
        assert_fits_width(page, 320)
    report = Report.objects.get()

    officer_context = context_new(viewport={"width": width, "height": 800})
    sign_in(officer_context, officer)
    desk = officer_context.new_page()
    visit(desk, "/voice/reports/manage/")
    with desk.expect_navigation():
        desk.get_by_role("link", name="Lighting · Elm Court").click()
    axe_check(desk)
    desk.get_by_label("Planned", exact=True).check()
    submit(desk, "Save the status", label="planned without a date")
    assert "Say when the work is planned for." in desk.locator(".error-summary").inner_text()
    desk.get_by_label("Fixed", exact=True).check()
    desk.get_by_label("A note for the public history (optional)").fill("A new light is fitted.")
    submit(desk, "Save the status")
    if width == 320:
        assert_fits_width(desk, 320)
    report.refresh_from_db()
    assert report.status == ReportStatus.FIXED
    assert Notification.objects.filter(
        recipient=tenant, kind=NotificationKind.REPORT_UPDATE
    ).exists()

    # A place on the outline (the picker's own journey is the estate checks'): the list's map.
    Report.objects.filter(pk=report.pk).update(latitude=elm.latitude, longitude=elm.longitude)
    visitor = context_new(viewport={"width": width, "height": 800}).new_page()
    visit(visitor, f"/voice/estates/{elm.slug}/reports/")
    assert visitor.get_by_role("img", name="Map of Elm Court").count() == 1
    if width == 320:
        assert_fits_width(visitor, 320)
    with visitor.expect_navigation():
        visitor.get_by_role("link", name="Lighting").click()
    axe_check(visitor)
    assert "A new light is fitted." in visitor.content()
    assert "Marley Quinn" not in visitor.content()
    visit(visitor, "/voice/reports/confidential/")
    if width == 320:
        assert_fits_width(visitor, 320)
