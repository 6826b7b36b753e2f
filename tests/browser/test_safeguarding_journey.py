"""A confidential report in a real browser (issue 14): a visitor reports anonymously through
every step (a mistake first), on a 320px phone without JavaScript and on a desktop, and gets a
reference and a secret phrase. A Safeguarding Officer replies; later, on another device, the
visitor opens the report with the reference and phrase, reads the reply and adds more. Every
page passes axe-core (WCAG 2.2 AA) and, on the phone, fits the screen."""

import pytest

from safeguarding.handling_services import reporter_reply_send
from safeguarding.models import ConfidentialReport, ReportAddition
from tests.browser.helpers import assert_fits_width, axe_check, submit, visit
from tests.factories.users import UserFactory
from training.users import roles

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

DANGER = "If you are in danger now, call 999"


class _Browser:
    """visit/submit with axe-core; without JavaScript axe cannot run, so only the pages."""

    def __init__(self, javascript: bool):
        self.javascript = javascript

    def visit(self, page, url: str) -> None:
        if self.javascript:
            visit(page, url)
        else:
            assert page.goto(url).status == 200

    def submit(self, page, button: str, *, label: str = "") -> None:
        if self.javascript:
            submit(page, button, label=label)
        else:
            with page.expect_navigation():
                page.get_by_role("button", name=button, exact=True).click()

    def check(self, page) -> None:
        if self.javascript:
            axe_check(page)


def _fits(page, width: int) -> None:
    assert DANGER in page.content()
    if width == 320:
        assert_fits_width(page, 320)


@pytest.mark.parametrize(("width", "javascript"), [(320, True), (1280, True), (320, False)])
def test_a_visitor_reports_anonymously_and_reads_the_reply(context_new, width, javascript):
    browser = _Browser(javascript)
    officer = UserFactory(role=roles.SAFEGUARDING_OFFICER, email="officer@example.org")
    options = {"viewport": {"width": width, "height": 800}, "java_script_enabled": javascript}
    page = context_new(**options).new_page()

    browser.visit(page, "/confidential-report/")
    _fits(page, width)
    with page.expect_navigation():
        page.get_by_role("link", name="Start my report").click()
    browser.check(page)

    # Step 1: danger now? A mistake first: nothing answered.
    browser.submit(page, "Continue", label="step 1 with no answers")
    assert "Say whether someone's life is in danger." in page.locator(".error-summary").inner_text()
    _fits(page, width)
    page.locator("#id_threat_to_life_1").check()
    page.locator("#id_happening_now_1").check()
    browser.submit(page, "Continue")

    # Step 2: what happened.
    page.get_by_label("Hate because of religion or belief").check()
    page.get_by_label("Anti-social behaviour, like noise, threats or damage").check()
    page.get_by_label("I saw it happen").check()
    browser.submit(page, "Continue")
    _fits(page, width)

    # Step 3: when and where (a date picker; typed dates like 27/11/2026 work too).
    page.get_by_label("When did it happen? (optional)").fill("2026-11-27")
    page.get_by_label("It keeps happening").check()
    page.get_by_label("Where did it happen? (optional)").fill("The bus stop on Mill Lane")
    browser.submit(page, "Continue")
    _fits(page, width)

    # Step 4: in their own words.
    page.get_by_label("Tell us what happened").fill(
        "Two men shouted at a woman wearing a headscarf and threw a bottle at her."
    )
    browser.submit(page, "Continue")
    _fits(page, width)

    # Step 5: no contact.
    page.get_by_label("Do not contact me").check()
    browser.submit(page, "Continue")

    # Check the answers and send.
    assert "The bus stop on Mill Lane" in page.content()
    _fits(page, width)
    browser.submit(page, "Send my report")
    reference = page.get_by_test_id("reference").inner_text()
    phrase = page.get_by_test_id("phrase").inner_text()
    _fits(page, width)
    report = ConfidentialReport.objects.get()
    assert report.reporter is None and not report.urgent
    assert report.reference_display == reference

    # An officer replies.
    reporter_reply_send(
        report=report, by=officer, text="Thank you for telling us. We have told the police."
    )

    # Later, on another device: the reference and phrase open it.
    page = context_new(**options).new_page()
    browser.visit(page, "/confidential-report/reference/")
    page.get_by_label("Your reference").fill(reference)
    page.get_by_label("Your secret phrase").fill("wrong words entirely here")
    browser.submit(page, "Open my report", label="a wrong phrase")
    assert "We could not open a report" in page.locator(".error-summary").inner_text()
    page.get_by_label("Your reference").fill(reference.lower())
    page.get_by_label("Your secret phrase").fill(phrase)
    browser.submit(page, "Open my report")
    assert "We have told the police." in page.content()
    _fits(page, width)
    page.get_by_label("What do you want to add?").fill("It happened again on Friday.")
    browser.submit(page, "Add to my report")
    assert "We have added this to your report." in page.content()
    assert ReportAddition.objects.get().text == "It happened again on Friday."
    _fits(page, width)
