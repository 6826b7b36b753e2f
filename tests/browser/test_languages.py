"""Issue 17: a visitor switches the site to Urdu; every page mirrors (right to left), fits a
320px phone and a 1280px screen, and passes axe. Screenshots are kept as test artefacts (in
ARTEFACTS_DIR if set, else pytest's temporary folder for the test)."""

import os
from pathlib import Path

import pytest

from tests.browser.helpers import assert_fits_width, axe_check, visit

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PAGES = ["/", "/courses/", "/community/", "/account/login/"]


@pytest.fixture
def artefacts(tmp_path) -> Path:
    folder = Path(os.environ.get("ARTEFACTS_DIR") or tmp_path) / "languages"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def assert_nothing_past_the_start(page) -> None:
    """In right to left, overflow goes past the left edge, which scrollWidth does not count."""
    past = page.evaluate(
        """() => Array.from(document.querySelectorAll('body *'))
            .filter((element) => element.getBoundingClientRect().left < -1
                && !element.closest('.visually-hidden, .skip-link'))
            .slice(0, 10).map((element) => element.tagName.toLowerCase()
                + (element.className && typeof element.className === 'string'
                    ? '.' + element.className.trim().split(/\\s+/).join('.') : ''))"""
    )
    assert past == [], f"{page.url}: past the left edge: {', '.join(past)}"


def test_a_visitor_switches_to_urdu_and_the_site_mirrors(page, artefacts):
    page.set_viewport_size({"width": 1280, "height": 900})
    visit(page, "/")
    assert page.locator("html").get_attribute("dir") == "ltr"
    # The first-visit prompt names each language in its own script.
    prompt = page.locator(".language-prompt")
    assert prompt.is_visible()
    with page.expect_navigation():
        prompt.locator('button[value="ur"]').click()
    axe_check(page, label="after choosing Urdu")
    html = page.locator("html")
    assert html.get_attribute("lang") == "ur"
    assert html.get_attribute("dir") == "rtl"
    # Chosen: no prompt any more; the header's chooser shows Urdu.
    assert page.locator(".language-prompt").count() == 0
    assert page.locator("#language-chooser-select").input_value() == "ur"
    # Mirrored: the brand sits at the right-hand end of the header.
    brand = page.locator(".site-header__brand").bounding_box()
    assert brand is not None and brand["x"] > 1280 / 2

    for width in (320, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        for url in PAGES:
            visit(page, url)
            assert page.locator("html").get_attribute("dir") == "rtl"
            assert_fits_width(page, width)
            assert_nothing_past_the_start(page)
            name = url.strip("/").replace("/", "-") or "home"
            page.screenshot(path=str(artefacts / f"ur-{width}-{name}.png"), full_page=True)

    # And back to English with the header's chooser (a plain form: no JavaScript needed).
    page.select_option("#language-chooser-select", "en-gb")
    with page.expect_navigation():
        page.locator(".language-chooser button[type=submit]").click()
    axe_check(page, label="after choosing English")
    assert page.locator("html").get_attribute("dir") == "ltr"
    assert page.locator("html").get_attribute("lang") == "en-gb"
