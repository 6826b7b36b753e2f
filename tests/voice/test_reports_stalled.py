"""Stalled estate reports (open, no update in 20 working days) on the managers' dashboard, and
the query budgets of the report pages."""

from datetime import date, datetime, timedelta

from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import pytest

from tests.factories.users import UserFactory
from voice.models import Report, ReportAffected, ReportCategory, ReportStatus, TenantVerification
from voice.reports_selectors import reports_stalled, working_days_before
from voice.reports_services import report_create, report_status_change
from voice.working_days import ENGLAND_AND_WALES_BANK_HOLIDAYS, bank_holidays, is_working_day

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("dashboards:dashboard")
BUDGET = 15


@pytest.fixture
def elm_tenant(tenant, elm_tenancy):
    TenantVerification.objects.create(person=tenant, tenancy=elm_tenancy, method="in_person")
    return tenant


def old_report(reporter, *, working_days_ago: int, status=ReportStatus.REPORTED, **fields):
    report = report_create(
        reporter=reporter, category=ReportCategory.LIGHTING, description="Stair light out"
    )
    when = timezone.make_aware(
        datetime.combine(
            working_days_before(day=timezone.localdate(), working_days=working_days_ago),
            datetime.min.time(),
        )
    ) + timedelta(hours=12)
    Report.objects.filter(pk=report.pk).update(
        created_at=when, updated_at=when, status=status, **fields
    )
    return report


def test_working_days_skip_weekends():
    friday = date(2026, 12, 4)
    assert working_days_before(day=date(2026, 12, 7), working_days=1) == friday  # Monday
    assert working_days_before(day=friday, working_days=5) == date(2026, 11, 27)
    assert working_days_before(day=date(2026, 12, 7), working_days=20) == date(2026, 11, 9)


def test_working_days_skip_christmas_and_boxing_day_and_their_substitute_days():
    # 2026: Christmas is a Friday, Boxing Day a Saturday, so Monday the 28th is the holiday.
    assert not is_working_day(date(2026, 12, 25))
    assert not is_working_day(date(2026, 12, 28))
    assert is_working_day(date(2026, 12, 29))
    assert working_days_before(day=date(2026, 12, 29), working_days=1) == date(2026, 12, 24)
    # 2027: both fall at the weekend; Monday 27th and Tuesday 28th are the holidays.
    assert working_days_before(day=date(2027, 12, 29), working_days=1) == date(2027, 12, 24)
    # Over the new year 2027 -> 2028: New Year's Day 2028 is a Saturday, Monday 3rd is off.
    assert working_days_before(day=date(2028, 1, 4), working_days=1) == date(2027, 12, 31)
    # 20 working days back from 20 January 2027 skips 25, 28 December and 1 January.
    assert working_days_before(day=date(2027, 1, 20), working_days=20) == date(2026, 12, 18)


def test_working_days_skip_good_friday_and_easter_monday():
    # Easter 2027: Good Friday 26 March, Easter Monday 29 March.
    assert working_days_before(day=date(2027, 3, 30), working_days=1) == date(2027, 3, 25)
    assert working_days_before(day=date(2027, 3, 30), working_days=5) == date(2027, 3, 19)
    # Easter 2028: 14 and 17 April; then the early May bank holiday on 1 May.
    assert working_days_before(day=date(2028, 4, 18), working_days=1) == date(2028, 4, 13)
    assert working_days_before(day=date(2028, 5, 2), working_days=20) == date(2028, 3, 30)


def test_the_list_holds_eight_holidays_a_year_2024_to_2028():
    for year in range(2024, 2029):
        days = [day for day in ENGLAND_AND_WALES_BANK_HOLIDAYS if day.year == year]
        assert len(days) == 8, year
        assert all(day.weekday() < 5 for day in days), year


@override_settings(VOICE_BANK_HOLIDAYS=["2026-12-07", date(2026, 12, 4)])
def test_a_setting_replaces_the_bank_holidays():
    assert bank_holidays() == {date(2026, 12, 7), date(2026, 12, 4)}
    assert is_working_day(date(2026, 12, 25))  # the England and Wales list is replaced
    assert working_days_before(day=date(2026, 12, 8), working_days=1) == date(2026, 12, 3)


def test_a_report_is_not_stalled_early_over_christmas(elm_tenant):
    """Updated on 17 December 2026: it is stalled from 20 January 2027 (25 and 28 December and
    1 January are bank holidays), not from 15 January as weekends alone would say."""
    report = report_create(
        reporter=elm_tenant, category=ReportCategory.LIGHTING, description="Stair light out"
    )
    updated = timezone.make_aware(datetime(2026, 12, 17, 15, 0))
    Report.objects.filter(pk=report.pk).update(created_at=updated, updated_at=updated)

    def stalled_on(day: date) -> bool:
        now = timezone.make_aware(datetime.combine(day, datetime.min.time())) + timedelta(hours=9)
        return report in reports_stalled(now=now)

    assert not stalled_on(date(2027, 1, 15))
    assert not stalled_on(date(2027, 1, 19))
    assert stalled_on(date(2027, 1, 20))


def test_open_reports_without_an_update_in_20_working_days_are_stalled(elm_tenant, elm_officer):
    stalled = old_report(elm_tenant, working_days_ago=21)
    recent = old_report(elm_tenant, working_days_ago=19)
    fixed = old_report(elm_tenant, working_days_ago=30, status=ReportStatus.FIXED)
    planned = old_report(
        elm_tenant,
        working_days_ago=25,
        status=ReportStatus.PLANNED,
        planned_for=date.today(),
    )
    assert list(reports_stalled()) == [planned, stalled]
    assert recent not in reports_stalled()
    assert fixed not in reports_stalled()
    # An update starts the clock again.
    report_status_change(report=stalled, by=elm_officer, status=ReportStatus.ACKNOWLEDGED)
    assert list(reports_stalled()) == [planned]


def test_managers_see_stalled_reports_on_the_dashboard(client, elm_tenant, manager):
    stalled = old_report(elm_tenant, working_days_ago=22)
    old_report(elm_tenant, working_days_ago=3)
    client.force_login(manager)
    page = client.get(DASHBOARD).content.decode()
    assert "Estate reports waiting for an update" in page
    assert page.count(stalled.get_absolute_url()) == 1
    assert "Lighting · Elm Court estate" in page


def test_champions_centre_view_has_no_stalled_reports(client, elm_tenant, elm_champion):
    old_report(elm_tenant, working_days_ago=22)
    client.force_login(elm_champion)
    page = client.get(DASHBOARD).content.decode()
    assert "Estate reports waiting for an update" not in page


def test_the_dashboard_says_when_nothing_is_stalled(client, manager):
    client.force_login(manager)
    page = client.get(DASHBOARD).content.decode()
    assert "None: every open report has had an update recently." in page


# --- Query budgets ----------------------------------------------------------------------------


def count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries.captured_queries)


def grow(reporter, elm_officer, neighbours, *, reports: int) -> list[Report]:
    made = []
    for number in range(reports):
        report = report_create(
            reporter=reporter,
            category=ReportCategory.RUBBISH,
            description=f"Bags by the bins, {number}",
            show_name=number % 2 == 0,
        )
        for person in neighbours:
            ReportAffected.objects.create(report=report, person=person)
        report_status_change(report=report, by=elm_officer, status=ReportStatus.ACKNOWLEDGED)
        report_status_change(
            report=report, by=elm_officer, status=ReportStatus.FIXED, note="Cleared."
        )
        made.append(report)
    return made


@pytest.mark.parametrize("who", ["visitor", "tenant", "officer"])
def test_report_pages_use_the_same_few_queries_at_two_sizes(
    client, who, elm, elm_tenant, elm_tenancy, elm_officer
):
    neighbours = [UserFactory(neighbourhood=elm) for _ in range(3)]
    for person in neighbours:
        TenantVerification.objects.create(person=person, tenancy=elm_tenancy, method="in_person")
    first = grow(elm_tenant, elm_officer, neighbours[:1], reports=1)[0]
    if who == "tenant":
        client.force_login(neighbours[0])
    elif who == "officer":
        client.force_login(elm_officer)
    urls = [reverse("voice:reports_list", args=[elm.slug]), first.get_absolute_url()]
    if who == "officer":
        urls += [
            reverse("voice:reports_manage") + "?status=fixed",
            reverse("voice:report_status", args=[first.pk]),
        ]
    for url in urls:
        client.get(url)  # warm the site-wide caches (footer, site settings)
    small = {url: count(client, url) for url in urls}
    grow(elm_tenant, elm_officer, neighbours, reports=8)
    for person in neighbours[1:]:
        ReportAffected.objects.create(report=first, person=person)
    report_status_change(
        report=first, by=elm_officer, status=ReportStatus.WONT_FIX, reason="Council's light."
    )
    for url in urls:
        assert small[url] <= BUDGET, (url, small[url])
        assert count(client, url) == small[url], url
