"""Every type of page in the foundation passes axe-core, and fits a 320px-wide phone screen."""

from django.test import RequestFactory

import pytest

from tests.browser.helpers import assert_fits_width, axe_check, submit, visit
from tests.factories.users import UserFactory
from training.core.views import server_error
from training.users import roles

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# Pages anyone can reach, with the heading each must show.
PUBLIC_PAGES = {
    "/": "Homes on the Net",
    "/accessibility/": "Accessibility statement",
    "/privacy/": "Privacy notice",
    "/contact/": "Contact us",
    "/community/": "Community",
    "/account/login/": "Sign in",
    "/account/signup/": "Create an account",
    "/account/password/reset/": None,
}
SIGNED_IN_PAGES = ["/account/profile/", "/account/email/", "/account/password/change/"]


def visit_each(page, urls) -> None:
    """Visit every page and report all the problems together, not just the first."""
    problems = []
    for url in urls:
        try:
            visit(page, url)
        except AssertionError as error:
            problems.append(str(error))
    assert not problems, "\n\n".join(problems)


def test_public_pages_pass_axe(page, demo_content):
    visit_each(page, PUBLIC_PAGES)
    for url, heading in PUBLIC_PAGES.items():
        if heading:
            page.goto(url)
            assert page.get_by_role("heading", level=1).inner_text() == heading

    # The footer links to the pages the demo content made.
    visit(page, "/")
    footer = page.get_by_role("navigation", name="Footer")
    for name in ["Accessibility statement", "Privacy notice", "Contact us"]:
        assert footer.get_by_role("link", name=name).is_visible()


def test_signed_in_pages_pass_axe(page, demo_content, sign_in):
    sign_in(page.context, UserFactory(display_name="Sam"))
    visit_each(page, SIGNED_IN_PAGES)


def test_pages_with_the_wagtail_user_bar_pass_axe(page, demo_content, sign_in):
    """Staff who may use the admin see Wagtail's user bar on content pages."""
    sign_in(page.context, UserFactory(role=roles.COURSE_EDITOR))
    visit_each(page, ["/", "/accessibility/"])
    assert page.locator("wagtail-userbar").count() == 1


def test_keyboard_users_can_skip_to_the_content_and_see_focus(page):
    visit(page, "/")
    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Skip to main content")
    assert skip_link.evaluate("(element) => element === document.activeElement")
    box = skip_link.bounding_box()
    assert box is not None and box["y"] >= 0, "The skip link must be on screen when focused"
    assert skip_link.evaluate("(e) => getComputedStyle(e).outlineStyle") != "none"

    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"
    page.keyboard.press("Tab")
    focused = page.evaluate("() => document.activeElement.textContent.trim()")
    assert focused == "See the courses", "After skipping, the next stop is the page's own content"


def test_the_not_found_page_passes_axe_and_helps_people_on(page):
    visit(page, "/no-such-page/", status=404)
    assert page.get_by_role("heading", level=1).inner_text() == "Sorry, we cannot find that page"
    assert page.get_by_role("link", name="Go to the home page").is_visible()


def test_the_server_error_page_passes_axe(page):
    # The real handler's page, served at a made-up address so its stylesheet loads as usual.
    html = server_error(RequestFactory().get("/")).content.decode()
    page.route(
        "**/broken/",
        lambda route: route.fulfill(status=500, content_type="text/html", body=html),
    )
    visit(page, "/broken/", status=500)
    assert page.get_by_role("heading", level=1).inner_text() == "Sorry, something went wrong"


def test_wrong_password_explains_and_keeps_the_login(page):
    UserFactory(email="sam@example.com")
    visit(page, "/account/login/")
    page.get_by_label("Email address or username").fill("sam@example.com")
    page.get_by_label("Password", exact=True).fill("not-my-password")
    submit(page, "Sign in", label="after a wrong password")

    assert "not correct" in page.get_by_role("alert").inner_text()
    assert page.get_by_label("Email address or username").input_value() == "sam@example.com"
    assert page.get_by_label("Password", exact=True).input_value() == ""
    assert page.get_by_role("link", name="Sign in").count() == 1  # still signed out


def test_an_expired_or_wrong_verification_link_is_explained(page):
    visit(page, "/account/confirm-email/not-a-real-key/")
    assert "expired or is invalid" in page.get_by_role("main").inner_text()


def test_forgotten_password_journey(page, mailoutbox):
    user = UserFactory(email="sam@example.com")
    visit(page, "/account/login/")
    with page.expect_navigation():
        page.get_by_role("link", name="Forgotten your password?").click()
    axe_check(page)
    page.get_by_label("Email").fill("sam@example.com")
    with page.expect_navigation():
        page.get_by_role("main").get_by_role("button").click()
    axe_check(page, label="after asking for a reset")

    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["sam@example.com"]
    link = next(word for word in mailoutbox[0].body.split() if "/password/reset/key/" in word)
    visit(page, link)
    page.get_by_label("New Password", exact=True).fill("kettle-otter-maple-47")
    page.get_by_label("New Password (again)").fill("kettle-otter-maple-47")
    submit(page, "Change Password")
    user.refresh_from_db()
    assert user.check_password("kettle-otter-maple-47")

    visit(page, "/account/login/")
    page.get_by_label("Email address or username").fill("sam@example.com")
    page.get_by_label("Password", exact=True).fill("kettle-otter-maple-47")
    submit(page, "Sign in")
    assert page.get_by_role("link", name="Your account").is_visible()


NARROW_PAGES = ["/", "/account/login/", "/account/signup/", "/accessibility/", "/community/"]


def test_pages_fit_a_320px_wide_screen(context_new, demo_content, sign_in):
    """WCAG 1.4.10 Reflow: at 320px wide (a small phone, or 400% zoom) nothing scrolls sideways."""
    context = context_new(viewport={"width": 320, "height": 640})
    page = context.new_page()
    problems = []

    def check(label: str) -> None:
        try:
            assert_fits_width(page, 320)
        except AssertionError as error:
            problems.append(f"{label}: {error}")

    for url in NARROW_PAGES:
        visit(page, url)
        check(url)

    # Error messages are long words in a narrow box: they must wrap too.
    visit(page, "/account/signup/")
    page.get_by_label("Email").fill("a.rather.long.address.for.testing@example")
    page.get_by_label("Password", exact=True).fill("password")
    submit(page, "Create my account", label="after form errors")
    check("sign-up with errors")

    sign_in(context, UserFactory(email="a.rather.long.address.for.testing@example.com"))
    for url in ["/", "/account/profile/"]:
        visit(page, url)
        check(f"{url} signed in")
    assert not problems, "\n".join(problems)
