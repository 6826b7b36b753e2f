"""A Safeguarding Officer (two-step sign-in) handles a report in a real browser: from their
account page to the list, the case page (a mistake first), a referral, a reply and closing it.
Every page passes axe-core (WCAG 2.2 AA) and fits a 320px screen; a Manager is refused."""

from django.utils import timezone

import pytest

from safeguarding.models import AccessLogEntry
from tests.browser.helpers import assert_fits_width, axe_check, submit, visit
from tests.factories.users import UserFactory
from tests.safeguarding.cases import DESCRIPTION, case_make
from training.users import roles

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.mark.parametrize("width", [320, 1280])
def test_an_officer_refers_replies_and_closes_a_report(context_new, sign_in, width):
    report = case_make(evidence=True, contact_preference="none")
    case_make(strands=("anti_social",), urgent=True, happening_now=True)
    officer = UserFactory(role=roles.SAFEGUARDING_OFFICER, display_name="Chris Officer")
    context = context_new(viewport={"width": width, "height": 800})
    sign_in(context, officer)
    page = context.new_page()

    visit(page, "/account/profile/")
    with page.expect_navigation():
        page.get_by_role("link", name="Confidential reports to handle").click()
    axe_check(page, label="the list")
    assert page.locator(".post-card").first.get_by_text("Urgent").is_visible()
    with page.expect_navigation():
        page.get_by_role("link", name=f"Report {report.reference_display}").click()
    axe_check(page, label="the case page")
    assert DESCRIPTION in page.content()
    if width == 320:
        assert_fits_width(page, 320)

    submit(page, "Record the referral", label="a referral without whom")
    assert "Say who it went to." in page.content()
    page.get_by_label("Police").check()
    page.get_by_label("Who it went to").fill("Neighbourhood policing team")
    page.get_by_label("When").fill(timezone.localdate().isoformat())
    submit(page, "Record the referral")
    assert "Referral recorded." in page.content()

    page.get_by_label("Reply to the person who reported it").fill(
        "Thank you. We have told the police, as you asked."
    )
    submit(page, "Send the reply")
    assert "They will see it at their reference page." in page.content()

    page.get_by_label("Closed").check()
    page.get_by_label("Passed to another service").check()
    submit(page, "Save the status")
    assert "Status changed." in page.content()
    if width == 320:
        assert_fits_width(page, 320)
    report.refresh_from_db()
    assert (report.status, report.outcome) == ("closed", "referred_on")
    assert AccessLogEntry.objects.filter(action="change", person_id=officer.pk).count() >= 4

    manager = context_new()
    sign_in(manager, UserFactory(role=roles.MANAGER))
    visit(manager.new_page(), f"/safeguarding/cases/{report.pk}/", status=403)
