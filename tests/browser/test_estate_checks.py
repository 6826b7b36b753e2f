"""Estate checks in a real browser: a verified tenant answers a check, picks the place of the
problem on the neighbourhood outline (with JavaScript, and without it), and changes an answer;
each page passes axe-core and fits a 320px screen."""

from datetime import timedelta

from django.utils import timezone

import pytest

from tests.browser.helpers import assert_fits_width, axe_check, submit, visit
from tests.factories.users import UserFactory
from tests.factories.voice import tenancy_add
from training.places.models import Neighbourhood
from voice.models import (
    EstateCheck,
    EstateCheckQuestion,
    EstateCheckResponse,
    TenantVerification,
    VerificationMethod,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def tenant_and_check(demo_content):
    elm = Neighbourhood.objects.get(slug="elm-court")
    tenant = UserFactory(display_name="Marley Quinn", neighbourhood=elm)
    TenantVerification.objects.create(
        person=tenant,
        tenancy=tenancy_add("TEN-000123", "N1 8ZZ", elm),
        method=VerificationMethod.SELF,
    )
    today = timezone.localdate()
    check = EstateCheck.objects.create(
        title="Spring estate check", opens_on=today, closes_on=today + timedelta(days=14)
    )
    check.neighbourhoods.set([elm])
    check.save()
    for number, text in enumerate(["How clean are the shared areas?", "How good is the lighting?"]):
        EstateCheckQuestion.objects.create(estate_check=check, text=text, sort_order=number)
    return tenant, check


def _tap_middle(page) -> None:
    """Tap the middle of the outline (Elm Court's demo boundary covers it)."""
    picture = page.locator(".place-picker__map")
    box = picture.bounding_box()
    picture.click(position={"x": box["width"] / 2, "y": box["height"] / 2})


@pytest.mark.parametrize("width", [320, 1280])
def test_a_tenant_answers_with_a_place_tapped_on_the_outline(
    context_new, sign_in, tenant_and_check, width
):
    tenant, check = tenant_and_check
    context = context_new(viewport={"width": width, "height": 800})
    sign_in(context, tenant)
    page = context.new_page()

    visit(page, "/voice/estate-checks/")
    with page.expect_navigation():
        page.get_by_role("link", name="Spring estate check").click()
    axe_check(page)
    page.get_by_role("group", name="How clean are the shared areas?").get_by_role(
        "radio", name="Bad", exact=True
    ).check()
    submit(page, "Save my answers", label="with a question left out")
    assert "Choose one of the five faces" in page.locator(".error-summary").inner_text()
    if width == 320:
        assert_fits_width(page, 320)

    page.get_by_role("group", name="How good is the lighting?").get_by_role(
        "radio", name="Very bad", exact=True
    ).check()
    _tap_middle(page)
    assert "A place is chosen" in page.locator("[data-place-status]").inner_text()
    assert page.locator("input[name=latitude]").input_value()
    submit(page, "Save my answers")
    assert "Your answers are saved" in page.content()
    if width == 320:
        assert_fits_width(page, 320)
    response = EstateCheckResponse.objects.get(person=tenant)
    assert response.has_place
    assert sorted(response.answers.values_list("score", flat=True)) == [1, 2]


def test_without_javascript_a_tap_sends_the_form_and_keeps_the_answers(
    context_new, sign_in, tenant_and_check
):
    tenant, check = tenant_and_check
    context = context_new(viewport={"width": 320, "height": 800}, java_script_enabled=False)
    sign_in(context, tenant)
    page = context.new_page()
    page.goto(f"/voice/estate-checks/{check.pk}/")
    page.get_by_role("group", name="How clean are the shared areas?").get_by_role(
        "radio", name="Good", exact=True
    ).check()
    page.get_by_label("Comment (optional)").first.fill("Stairs swept every day")
    with page.expect_navigation():
        _tap_middle(page)
    assert "Place chosen." in page.content()
    clean = page.get_by_role("group", name="How clean are the shared areas?")
    assert clean.get_by_role("radio", name="Good", exact=True).is_checked()
    assert page.get_by_label("Comment (optional)").first.input_value() == "Stairs swept every day"
    assert not page.get_by_role("button", name="Use where I am").is_visible()
    page.get_by_role("group", name="How good is the lighting?").get_by_role(
        "radio", name="OK", exact=True
    ).check()
    with page.expect_navigation():
        page.get_by_role("button", name="Save my answers").click()
    assert EstateCheckResponse.objects.get(person=tenant).has_place
    assert_fits_width(page, 320)


@pytest.mark.parametrize(("where", "saved"), [((51.5351, -0.1032), True), ((51.6, -0.1032), False)])
def test_use_where_i_am_is_accepted_only_inside_the_boundary(
    context_new, sign_in, tenant_and_check, where, saved
):
    tenant, check = tenant_and_check
    context = context_new(
        viewport={"width": 320, "height": 800},
        geolocation={"latitude": where[0], "longitude": where[1]},
        permissions=["geolocation"],
    )
    sign_in(context, tenant)
    page = context.new_page()
    visit(page, f"/voice/estate-checks/{check.pk}/")
    for question in ("How clean are the shared areas?", "How good is the lighting?"):
        page.get_by_role("group", name=question).get_by_role("radio", name="OK", exact=True).check()
    page.get_by_role("button", name="Use where I am").click()
    page.wait_for_function("() => document.querySelector('input[name=latitude]').value !== ''")
    assert "We put the red dot where you are" in page.locator("[data-place-status]").inner_text()
    submit(page, "Save my answers", label="with the browser's location")
    if saved:
        assert "Your answers are saved" in page.content()
        assert EstateCheckResponse.objects.get(person=tenant).has_place
    else:
        assert "That place is outside your neighbourhood" in page.locator("#place").inner_text()
        assert not EstateCheckResponse.objects.exists()
    assert_fits_width(page, 320)
