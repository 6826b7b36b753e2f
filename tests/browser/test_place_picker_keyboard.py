"""The place picker with the keyboard: while the neighbourhood outline has focus (with a
visible focus ring), the arrow keys move the red dot and a live text says where it is and
whether it is inside the outline; Enter puts it down without sending the form."""

from datetime import timedelta

from django.utils import timezone

import pytest

from tests.browser.helpers import assert_fits_width, axe_check, submit, visit
from tests.factories.users import UserFactory
from tests.factories.voice import tenancy_add
from training.places.models import Neighbourhood
from voice.geo import outline_frame
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

STATUS = "[data-place-status]"
MAP = ".place-picker__map"


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
    return tenant, check, elm


def press(page, key: str, times: int = 1) -> None:
    for _ in range(times):
        page.keyboard.press(key)


@pytest.mark.parametrize("width", [320, 1280])
def test_the_arrow_keys_move_the_dot_and_say_where_it_is(
    context_new, sign_in, tenant_and_check, width
):
    tenant, check, elm = tenant_and_check
    context = context_new(viewport={"width": width, "height": 900})
    sign_in(context, tenant)
    page = context.new_page()
    visit(page, f"/voice/estate-checks/{check.pk}/")
    keys = page.locator("#place_keys")
    assert keys.is_visible() and "arrow keys" in keys.inner_text()

    # Tab from the last comment box onto the outline: a visible focus ring.
    page.get_by_label("Comment (optional)").last.focus()
    picture = page.locator(MAP)
    for _ in range(5):
        page.keyboard.press("Tab")
        if picture.evaluate("(element) => element === document.activeElement"):
            break
    assert picture.evaluate("(element) => element === document.activeElement")
    ring = picture.evaluate(
        "(element) => { const style = getComputedStyle(element);"
        " return [style.outlineStyle, parseFloat(style.outlineWidth)]; }"
    )
    assert ring[0] != "none" and ring[1] >= 2, ring
    assert picture.get_attribute("aria-describedby") == "place_keys"

    # One step right of the middle: inside Elm Court, and the place is filled in.
    press(page, "ArrowRight")
    status = page.locator(STATUS).inner_text()
    assert "per cent of the way across from the west" in status
    assert "It is inside the outline" in status
    assert page.locator("input[name=latitude]").input_value()
    assert page.locator(STATUS).get_attribute("aria-live") == "polite"
    axe_check(page, label="after moving the dot with the keyboard")

    # Far up and right: the north-east corner of the drawing is outside the outline.
    press(page, "Shift+ArrowRight", 40)
    press(page, "Shift+ArrowUp", 40)
    status = page.locator(STATUS).inner_text()
    assert "100 per cent of the way across" in status and "0 per cent of the way down" in status
    assert "outside the outline" in status

    # Back towards the middle, then save: the place is the dot's.
    frame = outline_frame(elm.boundary)
    press(page, "Shift+ArrowLeft", round(frame.width / 2 / 20))
    press(page, "Shift+ArrowDown", round(frame.height / 2 / 20))
    assert "It is inside the outline" in page.locator(STATUS).inner_text()
    assert page.url.endswith(f"/voice/estate-checks/{check.pk}/")  # nothing was sent
    for question in ("How clean are the shared areas?", "How good is the lighting?"):
        page.get_by_role("group", name=question).get_by_role("radio", name="OK", exact=True).check()
    chosen = (
        page.locator("input[name=latitude]").input_value(),
        page.locator("input[name=longitude]").input_value(),
    )
    submit(page, "Save my answers", label="with a place chosen by keyboard")
    assert "Your answers are saved" in page.content()
    response = EstateCheckResponse.objects.get(person=tenant)
    assert (str(response.latitude), str(response.longitude)) == chosen
    if width == 320:
        assert_fits_width(page, 320)


def test_enter_on_the_outline_puts_the_dot_down_without_sending_the_form(
    context_new, sign_in, tenant_and_check
):
    tenant, check, _elm = tenant_and_check
    context = context_new(viewport={"width": 1280, "height": 900})
    sign_in(context, tenant)
    page = context.new_page()
    visit(page, f"/voice/estate-checks/{check.pk}/")
    page.locator(MAP).focus()
    page.keyboard.press("Enter")
    page.wait_for_timeout(300)
    assert page.url.endswith(f"/voice/estate-checks/{check.pk}/")
    assert "It is inside the outline" in page.locator(STATUS).inner_text()
    assert page.locator("input[name=latitude]").input_value()
    assert not EstateCheckResponse.objects.exists()
