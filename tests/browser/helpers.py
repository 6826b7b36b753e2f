"""What every browser journey uses: open a page, check it with axe-core, check it fits a phone.

Import these in journeys: ``from tests.browser.helpers import axe_check, submit, visit``.
"""

from functools import cache
from importlib import resources

from playwright.sync_api import Error as PlaywrightError

# WCAG 2.0, 2.1 and 2.2 at levels A and AA: what DESIGN.md promises.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# How many failing elements to list per rule before "... and N more".
AXE_NODES_SHOWN = 8


@cache
def axe_source() -> str:
    """axe-core as shipped inside axe-playwright-python, read once per test run."""
    return (
        resources.files("axe_playwright_python").joinpath("axe.min.js").read_text(encoding="utf-8")
    )


# Waits (at most two seconds) for the CSS transitions running now: the Wagtail admin fades its
# messages in over half a second, and axe would measure a colour halfway there, so the result
# would depend on how busy the machine is. Keyframe animations (a badge that pings for 25
# seconds, a spinner) are not waited for.
ANIMATIONS_FINISHED = """() => Promise.race([
    Promise.all(
        document.getAnimations()
            .filter((animation) => animation instanceof CSSTransition)
            .map((animation) => animation.finished.catch(() => null))
    ),
    new Promise((resolve) => setTimeout(resolve, 2000)),
])"""


def axe_check(page, *, label: str = "", attempts: int = 3) -> None:
    """Run axe-core on the page as it is now; fail listing every WCAG 2.2 A/AA violation.

    The site's Content Security Policy forbids inline scripts, so contexts are made with
    ``bypass_csp=True`` (see conftest.py) to let axe in. ``label`` says which state of the page
    was checked, e.g. "after form errors", in the failure message.

    A link's ``click()`` returns before the next page has replaced this one, so the document
    can be swapped out while axe goes in or runs (CI once saw ``document.head`` be null). Each
    try waits for the page that is loading now; only a page that keeps changing fails.
    """
    for attempt in range(1, attempts + 1):
        page.wait_for_load_state("load")
        try:
            if not page.evaluate("() => typeof window.axe === 'object'"):
                page.add_script_tag(content=axe_source())
            page.evaluate(ANIMATIONS_FINISHED)
            results = page.evaluate(
                "(options) => window.axe.run(document, options)",
                {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]},
            )
            break
        except PlaywrightError:
            if attempt == attempts:
                raise
    violations = results["violations"]
    assert not violations, axe_report(page.url, violations, label=label)


def axe_report(url: str, violations: list[dict], *, label: str = "") -> str:
    """A failure message a person can act on: rule, impact, what to do, and where."""
    where = f"{url} ({label})" if label else url
    count = sum(len(violation["nodes"]) for violation in violations)
    lines = [f"axe-core found {count} accessibility problem(s) on {where}:"]
    for number, violation in enumerate(violations, start=1):
        lines.append(
            f"{number}. {violation['id']} [{violation.get('impact') or 'unknown'}]: "
            f"{violation['help']}"
        )
        lines.append(f"   {violation['helpUrl']}")
        nodes = violation["nodes"]
        for node in nodes[:AXE_NODES_SHOWN]:
            selector = " ".join(str(part) for part in node["target"])
            summary = " ".join((node.get("failureSummary") or "").split())
            lines.append(f"   - {selector}")
            if summary:
                lines.append(f"     {summary[:300]}")
        if len(nodes) > AXE_NODES_SHOWN:
            lines.append(f"   ... and {len(nodes) - AXE_NODES_SHOWN} more")
    return "\n".join(lines)


def visit(page, url: str, *, status: int = 200):
    """Open ``url`` (relative to the live server), check the status, then run axe on it."""
    response = page.goto(url)
    assert response is not None, f"No response for {url}"
    assert response.status == status, f"{url} answered {response.status}, expected {status}"
    axe_check(page)
    return response


def submit(page, button_name: str, *, label: str = "") -> None:
    """Press a form's button, wait for the page it leads to, and run axe on that page."""
    with page.expect_navigation():
        page.get_by_role("button", name=button_name, exact=True).click()
    axe_check(page, label=label or f"after pressing “{button_name}”")


def field_of(page, input_id: str):
    """The ``.field`` wrapper around one input: where its label, hint and error live."""
    return page.locator(".field").filter(has=page.locator(f"#{input_id}"))


def assert_fits_width(page, width: int) -> None:
    """Nothing on the page is wider than the window: no scrolling sideways (WCAG 1.4.10)."""
    scroll_width = page.evaluate("() => document.documentElement.scrollWidth")
    if scroll_width <= width:
        return
    too_wide = page.evaluate(
        """(width) => Array.from(document.querySelectorAll('body *'))
            .filter((element) => element.getBoundingClientRect().right > width + 1
                || element.scrollWidth > element.clientWidth + 1)
            .slice(0, 10)
            .map((element) => element.tagName.toLowerCase()
                + (element.id ? '#' + element.id : '')
                + (element.className && typeof element.className === 'string'
                    ? '.' + element.className.trim().split(/\\s+/).join('.') : '')
                + ' (' + Math.round(element.getBoundingClientRect().right) + 'px from the left, '
                + element.scrollWidth + 'px of content)')""",
        width,
    )
    raise AssertionError(
        f"{page.url} is {scroll_width}px wide in a {width}px window, so people must scroll "
        f"sideways. Elements past the edge: {', '.join(too_wide) or 'none found'}"
    )
