"""The heaviest demo lesson on a slow phone (issue 20): `benchmarks/phones.py`'s measurement.

Chromium emulates slow 3G (400 kbit/s, 400 ms latency) and a CPU four times slower, with a cold
cache. Budgets: largest contentful paint under 1.5 s, and at most 25 KB (25,000 bytes) of HTML,
CSS and JavaScript over the wire, compressed as production sends them. The test server sends
files uncompressed, so their compressed size is worked out from what it sent
(``phones.compressed_estimate``); ``python -m benchmarks.phones`` measures the real thing
behind gunicorn.
"""

import io
import os
import statistics

import pytest

from benchmarks import phones
from tests.browser.helpers import axe_check

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

VISITS = 3


@pytest.fixture
def demo_courses(transactional_db):
    from demo import courses as courses_demo

    courses_demo.demo_seed(stdout=io.StringIO())


def test_the_heaviest_lesson_paints_fast_and_light_on_slow_3g(
    demo_courses, context_new, live_server
):
    path, weight, pictures = phones.heaviest(live_server.url, phones.lesson_paths())
    assert weight > 15_000, "the demo's heaviest lesson should be a real, long one"

    visits = []
    with phones.compressing_proxy(live_server.url) as compressed_url:
        for _ in range(VISITS):
            context = context_new(bypass_csp=False, **phones.PHONE)  # a new context: cold cache
            visits.append(phones.slow_visit(context, compressed_url + path))
            context.close()

    for visit in visits:  # shown with pytest -s, or when the test fails
        print(
            f"{path}: LCP {visit.lcp_ms:,.0f} ms ({visit.lcp_element}), first paint's files "
            f"{visit.critical_ms:,.0f} ms, HTML+CSS+JS {visit.page_bytes:,} B, "
            f"load {os.getloadavg()[0]:.1f}"
        )
    by_kind = visits[0].by_kind()
    assert by_kind.get("Document", 0) > 2_000, "the lesson itself was not counted"
    assert by_kind.get("Stylesheet", 0) > 1_000, "the stylesheet was not counted"
    assert all(
        resource.encoding == "gzip"
        for resource in visits[0].resources
        if resource.kind in phones.BUDGET_TYPES
    ), "a file was sent uncompressed"

    page_bytes = statistics.median(visit.page_bytes for visit in visits)
    files = ", ".join(
        f"{resource.url.rsplit('/', 2)[-2]}/{resource.url.rsplit('/', 1)[-1]} "
        f"{resource.transferred}"
        for resource in visits[0].resources
        if resource.kind in phones.BUDGET_TYPES
    )
    assert page_bytes <= phones.PAGE_BYTES_BUDGET, (
        f"{path}: {page_bytes:,.0f} bytes of HTML, CSS and JS over the wire ({files})"
    )

    # The largest contentful paint needs the CPU: on a machine busier than its cores (other
    # tests, other engineers) a 4x-throttled renderer gets a fraction of one, and the figure
    # says more about the machine than the page. It is asserted when the machine is quiet;
    # `python -m benchmarks.phones` gives the real figure. The part the page decides, the
    # files the first paint waits for arriving over slow 3G, is asserted always.
    critical = min(visit.critical_ms for visit in visits)
    assert critical < phones.LCP_BUDGET_MS, (
        f"{path}: the first paint's files take {critical:,.0f} ms to arrive on slow 3G"
    )
    lcp = min(visit.lcp_ms for visit in visits)
    load = os.getloadavg()[0] / (os.cpu_count() or 1)
    if load <= 1:
        assert lcp < phones.LCP_BUDGET_MS, (
            f"{path}: largest contentful paint {lcp:,.0f} ms at best "
            f"({[round(visit.lcp_ms) for visit in visits]}, {visits[0].lcp_element})"
        )
    # A picture that is the largest contentful paint must never wait for lazy loading.
    assert not any(visit.lcp_url and visit.lcp_loading == "lazy" for visit in visits)

    page = context_new().new_page()
    page.goto(path)
    axe_check(page)
