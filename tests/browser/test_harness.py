"""The harness itself: a checker that never fails would prove nothing."""

import pytest

from tests.browser.helpers import assert_fits_width, axe_check

pytestmark = pytest.mark.browser

BROKEN = """<!DOCTYPE html><html lang="en"><head><title>Broken</title></head><body><main>
<h1>Broken on purpose</h1>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
<label>Name</label><input id="name">
<p style="color: #aaa; background: #fff">Pale grey text</p>
<p style="white-space: nowrap">An unbreakable line that is far too long for a small phone</p>
</main></body></html>"""


@pytest.fixture
def bare_page(browser):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    yield context.new_page()
    context.close()


def test_axe_check_names_each_rule_and_element(bare_page):
    bare_page.set_content(BROKEN)
    with pytest.raises(AssertionError) as failure:
        axe_check(bare_page, label="broken on purpose")
    message = str(failure.value)
    assert "(broken on purpose)" in message
    for rule in ["image-alt [critical]", "label [critical]", "color-contrast [serious]"]:
        assert rule in message
    assert "- img" in message and "- #name" in message


def test_axe_check_passes_a_clean_page(bare_page):
    bare_page.set_content(
        '<!DOCTYPE html><html lang="en"><head><title>Fine</title></head>'
        "<body><main><h1>Fine</h1><p>Plain text.</p></main></body></html>"
    )
    axe_check(bare_page)


def test_assert_fits_width_finds_what_sticks_out(bare_page):
    bare_page.set_content(BROKEN)
    with pytest.raises(AssertionError, match="scroll sideways") as failure:
        assert_fits_width(bare_page, 320)
    assert "p (" in str(failure.value)


def test_axe_check_judges_a_message_once_it_has_faded_in(bare_page):
    """A message fading in (as the Wagtail admin's do) is checked in its final colours, not
    halfway, however busy the machine is."""
    bare_page.set_content(
        '<!DOCTYPE html><html lang="en"><head><title>Saved</title></head><body><main>'
        "<h1>Saved</h1>"
        '<p id="message" style="color: #fff; background: #007d7e; opacity: 0.1;'
        ' transition: opacity 1s linear">Your changes are saved.</p>'
        "</main></body></html>"
    )
    bare_page.evaluate(
        "() => { const m = document.getElementById('message'); m.getBoundingClientRect();"
        " m.style.opacity = '1'; }"
    )

    axe_check(bare_page, label="a message fading in")
