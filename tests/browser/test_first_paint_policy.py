"""The stylesheet and the text-size lines written into the page (issue 20: slow phones) are
allowed by the real Content-Security-Policy, in a browser that enforces it.

Other journeys bypass the policy (so axe-core can be injected); these do not, so a wrong hash
would show here as an unstyled page and a policy violation.
"""

import io

import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# Each blocked inline style or script fires this event; the page keeps the list.
VIOLATIONS_RECORDED = """document.addEventListener("securitypolicyviolation", (event) => {
  (window.__violations = window.__violations || []).push(
    event.violatedDirective + " " + (event.blockedURI || "inline"));
});"""


@pytest.fixture
def demo_courses(transactional_db):
    from demo import courses as courses_demo

    courses_demo.demo_seed(stdout=io.StringIO())


def _lesson_url() -> str:
    from wagtail.models import Locale

    from courses.models import LessonPage

    return LessonPage.objects.live().filter(locale=Locale.get_default()).first().get_url()


def _open(context, url: str):
    page = context.new_page()
    page.add_init_script(VIOLATIONS_RECORDED)
    messages: list[str] = []
    page.on("console", lambda message: messages.append(message.text))
    page.goto(url)
    return page, messages


def _violations(page, messages: list[str]) -> list[str]:
    recorded = page.evaluate("window.__violations || []")
    return recorded + [text for text in messages if "Content Security Policy" in text]


def test_the_home_page_is_styled_under_the_policy(context_new):
    page, messages = _open(context_new(bypass_csp=False), "/")

    assert _violations(page, messages) == []
    assert page.locator('link[rel="stylesheet"]').count() == 0
    header = page.locator(".site-header")
    # --colour-brand, #0b5c52: the inline stylesheet applied.
    assert header.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(11, 92, 82)"


def test_a_lesson_keeps_the_chosen_text_size_under_the_policy(context_new, demo_courses):
    url = _lesson_url()
    context = context_new(bypass_csp=False)
    page, messages = _open(context, url)
    assert _violations(page, messages) == []
    assert page.evaluate("getComputedStyle(document.documentElement).fontSize") == "16px"
    page.get_by_role("button", name="Bigger", exact=True).click()  # reading-aids.js, deferred
    scale = page.evaluate("localStorage.getItem('homes-text-scale')")
    assert scale == "1.125"

    again, messages = _open(context, url)  # the inline lines set it before the first paint
    assert _violations(again, messages) == []
    assert again.evaluate("getComputedStyle(document.documentElement).fontSize") == "18px"
