"""Verified tenants in a real browser: a tenant shows they are one (a failure first, then
success), a Digital Champion checks a learner in person, and a Manager imports the tenancy list
in the admin. Each page passes axe-core (WCAG 2.2 AA) and the site's pages fit a 320px screen."""

import pytest

from tests.browser.helpers import assert_fits_width, axe_check, submit, visit
from tests.factories.users import UserFactory
from tests.factories.voice import csv_bytes, tenancy_add
from training.places.models import CommunityCentre, Neighbourhood
from training.users import roles
from voice.models import Tenancy, TenantVerification

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def place(demo_content):
    elm = Neighbourhood.objects.get(slug="elm-court")
    tenancy_add("TEN-000123", "N1 8ZZ", elm)
    tenancy_add("TEN-000124", "N1 8ZY", elm)
    return {"elm": elm, "centre": CommunityCentre.objects.get(slug="elm-court-community-centre")}


@pytest.mark.parametrize("width", [320, 1280])
def test_a_tenant_shows_they_are_one(context_new, sign_in, place, width):
    tenant = UserFactory(display_name="Marley Quinn", neighbourhood=place["elm"])
    context = context_new(viewport={"width": width, "height": 800})
    sign_in(context, tenant)
    page = context.new_page()

    visit(page, "/account/profile/")
    with page.expect_navigation():
        page.get_by_role("link", name="Show you are a tenant").click()
    axe_check(page)
    page.get_by_label("Tenancy reference").fill("TEN-000999")
    page.get_by_label("Postcode of the home").fill("N1 8ZZ")
    submit(page, "Check my details", label="after a failure")
    assert "We could not confirm these details." in page.locator(".error-summary").inner_text()
    assert page.get_by_label("Tenancy reference").input_value() == "TEN-000999"
    if width == 320:
        assert_fits_width(page, 320)

    page.get_by_label("Tenancy reference").fill(" ten-000123 ")  # case and spaces do not matter
    submit(page, "Check my details")
    assert page.get_by_role("heading", level=1).inner_text() == "You are a verified tenant"
    if width == 320:
        assert_fits_width(page, 320)
    assert TenantVerification.objects.get(person=tenant).tenancy.neighbourhood == place["elm"]


@pytest.mark.parametrize("width", [320, 1280])
def test_a_champion_checks_a_learner_in_person(context_new, sign_in, place, width):
    champion = UserFactory(role=roles.DIGITAL_CHAMPION, community_centre=place["centre"])
    learner = UserFactory(display_name="Jude Amari", community_centre=place["centre"])
    context = context_new(viewport={"width": width, "height": 800})
    sign_in(context, champion)
    page = context.new_page()

    visit(page, "/voice/tenants/")
    with page.expect_navigation():
        page.get_by_role("link", name="Jude Amari").click()
    axe_check(page)
    page.get_by_label("Tenancy reference").fill("TEN-000124")
    page.get_by_label("Postcode of the home").fill("N1 8ZY")
    submit(page, "Check the details", label="without ticking the box")
    assert "Tick the box." in page.locator(".error-summary").inner_text()
    page.get_by_label("Jude Amari is here with me and gave me these details").check()
    page.get_by_label("Note (optional)").fill("Showed a rent letter")
    submit(page, "Check the details")
    assert "Jude Amari is now a verified tenant." in page.content()
    if width == 320:
        assert_fits_width(page, 320)
    assert "TEN-000124" not in page.content()
    assert TenantVerification.objects.get(person=learner).verified_by == champion


def test_a_manager_imports_the_tenancy_list(context_new, sign_in, place, tmp_path):
    manager = UserFactory(role=roles.MANAGER)
    context = context_new()
    sign_in(context, manager)
    page = context.new_page()
    path = tmp_path / "tenancies.csv"

    path.write_bytes(csv_bytes("TEN-1,N1 8ZZ,elm-court", "TEN-2,N1,Elm Court estate"))
    visit(page, "/admin/voice/tenancies/")
    page.get_by_label("Tenancy list (CSV file)").set_input_files(str(path))
    submit(page, "Import the list", label="after a bad file")
    assert "Line 3: the postcode is not a full UK postcode" in page.content()
    assert Tenancy.objects.count() == 2  # the fixture's two, nothing more

    path.write_bytes(csv_bytes("TEN-1,N1 8ZZ,elm-court", "TEN-2,N1 8ZX,Elm Court estate"))
    page.get_by_label("Tenancy list (CSV file)").set_input_files(str(path))
    submit(page, "Import the list")
    assert "Imported 2 tenancies: 2 new, 0 changed, 2 ended." in page.content()
