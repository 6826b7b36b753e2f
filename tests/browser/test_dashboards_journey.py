"""The managers' dashboard in a real browser: a manager opens it from the header, filters by
neighbourhood and period (kept in the address), downloads a table as CSV, and prepares and
downloads the file of every table. A learner is refused. axe-core checks every page reached.
"""

import io
import zipfile
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.browser.helpers import assert_fits_width, axe_check, submit, visit
from tests.dashboards.conftest import world_build
from tests.factories.users import UserFactory
from training.users import roles

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def cell(page, table_id: str, row: str) -> str:
    region = page.locator(f"section[aria-labelledby='{table_id}']")
    return region.get_by_role("row", name=row).locator("td").first.inner_text()


def test_a_manager_filters_the_dashboard_and_downloads_the_figures(context_new, sign_in):
    world_build()
    manager = UserFactory(role=roles.MANAGER)
    context = context_new(accept_downloads=True)
    sign_in(context, manager)
    page = context.new_page()

    visit(page, "/")
    with page.expect_navigation():
        page.get_by_role("navigation", name="Main").get_by_role("link", name="Dashboard").click()
    axe_check(page, label="the dashboard, default filters")
    assert page.get_by_role("heading", level=1, name="Dashboard").is_visible()

    page.get_by_label("Period", exact=True).select_option(label="All time")
    page.get_by_label("Neighbourhood", exact=True).select_option(label="Alder")
    submit(page, "Show figures")
    query = parse_qs(urlsplit(page.url).query)
    assert query["period"] == ["all"] and query["neighbourhood"] == ["alder"]
    # Alder, all time: a1..a6 and c1 finished 23 lessons; Birch's learners are not counted.
    assert cell(page, "table-headline", "Lessons completed") == "23"
    assert cell(page, "table-headline", "Active learners (finished at least one lesson)") == "7"
    assert page.get_by_label("Neighbourhood", exact=True).input_value() == "alder"
    # The chart has its data table beside it.
    assert page.locator(".dashboard-chart svg[role='img']").count() == 1

    with page.expect_download() as info:
        page.get_by_role("link", name="Download “Headline figures” (CSV)").click()
    csv = Path(info.value.path()).read_text(encoding="utf-8")
    assert "Lessons completed,23," in csv
    assert info.value.suggested_filename.startswith("dashboard-headline-")

    # A bookmarked address gives the same view.
    visit(page, page.url)
    assert cell(page, "table-headline", "Lessons completed") == "23"

    submit(page, "Prepare a file of every table")
    assert page.get_by_text("Ready:").is_visible()
    with page.expect_download() as info:
        page.get_by_role("link", name="Download the file").click()
    archive = zipfile.ZipFile(io.BytesIO(Path(info.value.path()).read_bytes()))
    assert "Lessons completed,23," in archive.read("headline.csv").decode()

    page.set_viewport_size({"width": 320, "height": 640})
    visit(page, "/dashboard/?period=all&neighbourhood=alder")
    assert_fits_width(page, 320)


def test_a_bad_filter_is_explained_and_a_learner_is_refused(context_new, sign_in):
    world_build()
    context = context_new()
    sign_in(context, UserFactory(role=roles.MANAGER))
    page = context.new_page()
    visit(page, "/dashboard/?period=forever&neighbourhood=alder")
    assert page.get_by_text("Choose a period from the list.").first.is_visible()

    learner_context = context_new()
    sign_in(learner_context, UserFactory())
    learner_page = learner_context.new_page()
    visit(learner_page, "/", status=200)
    assert learner_page.get_by_role("link", name="Dashboard").count() == 0
    visit(learner_page, "/dashboard/", status=403)
