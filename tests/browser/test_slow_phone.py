"""The heaviest demo lesson on a slow phone (issue 20): `benchmarks/phones.py`'s measurement.

Chromium emulates slow 3G (400 kbit/s, 400 ms latency) and a CPU four times slower, with a cold
cache. Budgets: largest contentful paint under 1.5 s, and at most 25 KB (25,000 bytes) of HTML,
CSS and JavaScript over the wire, compressed as production sends them. The test server sends
files uncompressed, so their compressed size is worked out from what it sent
(``phones.compressed_estimate``); ``python -m benchmarks.phones`` measures the real thing
behind gunicorn.

Both budgets are asserted on every run, however busy the machine. The network is emulated
exactly; the CPU is not: Chromium throttles by the clock (at rate 4 the renderer may run one
millisecond in four), so on a machine with more busy threads than cores the phone it emulates
would be slower than the budget's. Before each visit the test measures the share of a core a
busy thread gets (``phones.cpu_share``) and throttles by 4 x that share, at least 1
(``phones.cpu_rate_calibrated``): the same phone, four times slower than this machine's core
when it has it to itself, quiet or busy (slower still, so stricter, under a quarter of a core).
The best of three cold visits is asserted: the page and the network are the same each time, so
a slower visit only says that another process took the CPU at that moment.
"""

import gzip
import io
import os
import statistics

import pytest

from benchmarks import phones
from tests.browser.helpers import axe_check
from training.core.static_files import inline_static

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
    stylesheet = inline_static(name="css/site.css").text  # in every page, so in the weight
    assert weight - len(stylesheet) > 15_000, "the demo's heaviest lesson should be a long one"

    visits = []
    with phones.compressing_proxy(live_server.url) as compressed_url:
        for _ in range(VISITS):
            context = context_new(bypass_csp=False, **phones.PHONE)  # a new context: cold cache
            share = phones.cpu_share()
            rate = phones.cpu_rate_calibrated(share=share)
            visits.append(phones.slow_visit(context, compressed_url + path, cpu_rate=rate))
            context.close()
            # Shown with pytest -s, or when the test fails.
            print(
                f"{path}: LCP {visits[-1].lcp_ms:,.0f} ms ({visits[-1].lcp_element}), first "
                f"paint's files {visits[-1].critical_ms:,.0f} ms, HTML+CSS+JS "
                f"{visits[-1].page_bytes:,} B, share of a core {share:.2f}, CPU rate {rate:.2f}, "
                f"load {os.getloadavg()[0]:.1f}"
            )
    by_kind = visits[0].by_kind()
    assert by_kind.get("Document", 0) > 2_000, "the lesson itself was not counted"
    # The stylesheet is in the page, so the page's bytes include it (compressed with it).
    assert f"<style>{stylesheet}</style>" in phones._get(live_server.url + path).decode()
    assert by_kind["Document"] > len(gzip.compress(stylesheet.encode())), (
        "the stylesheet in the page was not counted"
    )
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

    # The first paint waits for the page alone: its stylesheet is in it and every script file
    # is deferred (as Chromium marks what holds up rendering), so no second round trip.
    assert [visit.blocking for visit in visits] == [[]] * VISITS
    assert all(resource.kind != "Stylesheet" for resource in visits[0].resources)
    # Asserted on every run (see the top of this file: the CPU is calibrated to the load).
    lcp = min(visit.lcp_ms for visit in visits)
    assert lcp < phones.LCP_BUDGET_MS, (
        f"{path}: largest contentful paint {lcp:,.0f} ms at best "
        f"({[round(visit.lcp_ms) for visit in visits]}, {visits[0].lcp_element}, CPU rates "
        f"{[round(visit.cpu_rate, 2) for visit in visits]})"
    )
    # A picture that is the largest contentful paint must never wait for lazy loading.
    assert not any(visit.lcp_url and visit.lcp_loading == "lazy" for visit in visits)

    page = context_new().new_page()
    page.goto(path)
    axe_check(page)
