"""Open data in a real browser: a visitor finds this year's Tenant Satisfaction Measures from
the footer, reads the chart, the table and the notes, and downloads the figures as CSV and as
JSON. Each page passes axe-core (WCAG 2.2 AA) and fits a 320px screen."""

import csv
import io
import json
from pathlib import Path

import pytest

from demo.opendata import tsm_load, tsm_year_now
from opendata import services
from tests.browser.helpers import assert_fits_width, axe_check, submit, visit
from tests.factories.users import UserFactory
from training.users import roles

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.mark.parametrize("width", [320, 1280])
def test_a_visitor_finds_this_years_tsm_and_downloads_them(context_new, demo_content, width):
    manager = UserFactory(role=roles.MANAGER)
    tsm_load(manager=manager)
    for dataset in ("tenant-satisfaction-measures", "problem-reports"):
        version = services.version_draft(user=manager, dataset=dataset)
        services.version_check(user=manager, version=version)
        services.version_publish(user=manager, version=version)
    year = tsm_year_now()
    label = f"{year}/{str(year + 1)[-2:]}"

    context = context_new(viewport={"width": width, "height": 800}, accept_downloads=True)
    page = context.new_page()
    visit(page, "/")
    with page.expect_navigation():
        page.get_by_role("link", name="Open data: how we are doing").click()
    axe_check(page, label="the open data catalogue")
    assert "Open Government Licence v3.0" in page.content()
    if width == 320:
        assert_fits_width(page, 320)

    with page.expect_navigation():
        page.get_by_role("link", name="Tenant Satisfaction Measures").click()
    axe_check(page, label="the TSM page")
    assert page.get_by_role("img", name=f"Tenant survey, {label}: per cent satisfied").is_visible()
    assert page.get_by_role("row", name=f"{label} TP01").is_visible()
    assert "Open Government Licence v3.0" in page.content()
    if width == 320:
        assert_fits_width(page, 320)

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download CSV").click()
    download = download_info.value
    assert download.suggested_filename == "tenant-satisfaction-measures-v1.csv"
    text = Path(download.path()).read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    tp01 = next(row for row in rows if row["year"] == label and row["code"] == "TP01")
    assert tp01["value"] == "74.20" and tp01["year_before"] == "71.40"

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download JSON").click()
    document = json.loads(Path(download_info.value.path()).read_text(encoding="utf-8"))
    assert document["licence"]["name"] == "Open Government Licence v3.0"
    this_year = [row for row in document["rows"] if row["year"] == label]
    assert len(this_year) == 26  # 22 measures, four of them in two parts
    assert {"RP02(2)", "CH01(2)", "CH02(2)", "NM01(2)"} <= {row["code"] for row in this_year}


def test_a_manager_enters_checks_and_publishes_at_320px(context_new, demo_content, sign_in):
    manager = UserFactory(role=roles.MANAGER)
    year = tsm_year_now()
    label = f"{year}/{str(year + 1)[-2:]}"
    context = context_new(viewport={"width": 320, "height": 800})
    sign_in(context, manager)
    page = context.new_page()
    visit(page, "/open-data/manage/")
    assert_fits_width(page, 320)
    with page.expect_navigation():
        page.get_by_role("link", name=f"Enter the figures for {label}").click()
    axe_check(page, label="the figures form")

    page.get_by_label("TP01: Happy with the service overall").fill("120")
    page.get_by_label("TP01: about how many tenants who gave a valid answer").fill("640")
    submit(page, "Save the figures", label="a figure above 100")
    assert "Enter a per cent from 0 to 100." in page.content()
    assert (
        page.get_by_label("TP01: about how many tenants who gave a valid answer").input_value()
        == "640"
    )
    assert_fits_width(page, 320)
    page.get_by_label("TP01: Happy with the service overall").fill("74.2")
    submit(page, "Save the figures", label="saved")
    assert "Saved. Draft a new version to publish it." in page.content()

    visit(page, "/open-data/manage/")
    submit(page, "Draft a new version of “Tenant Satisfaction Measures”", label="drafted")
    submit(page, "I've checked version 1", label="checked")
    submit(page, "Publish version 1", label="published")
    assert "Version 1 published." in page.content()

    visit(page, "/open-data/tenant-satisfaction-measures/")
    assert page.get_by_role("row", name=f"{label} TP01").is_visible()
    assert "74.20" in page.content()
