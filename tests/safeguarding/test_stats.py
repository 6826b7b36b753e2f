"""Statistics for Managers: anonymous counts per month, kind and neighbourhood with small
numbers hidden, and NM01 (anti-social behaviour cases per 1,000 homes). Dashboards import only
``safeguarding.selectors``; the figures are never in the dashboard snapshots."""

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.utils import timezone

import pytest

from safeguarding.selectors import _hide_small, nm01, report_statistics
from tests.factories.places import NeighbourhoodFactory
from tests.safeguarding.cases import case_make

pytestmark = pytest.mark.django_db


def test_small_counts_are_hidden_and_never_alone():
    assert _hide_small([("a", 9), ("b", 0), ("c", 7)]) == [("a", 9), ("b", 0), ("c", 7)]
    # 2 is hidden; alone it could be worked out from the total, so the next-smallest goes too.
    assert _hide_small([("a", 9), ("b", 2), ("c", 7)]) == [("a", 9), ("b", None), ("c", None)]
    # Two hidden counts of 1 stand for 2 reports: one more is hidden until they reach 5.
    assert _hide_small([("a", 1), ("b", 1), ("c", 6), ("d", 8)]) == [
        ("a", None),
        ("b", None),
        ("c", None),
        ("d", 8),
    ]


def test_counts_per_month_kind_and_neighbourhood():
    elm = NeighbourhoodFactory(name="Elm Court")
    oak = NeighbourhoodFactory(name="Oak Rise")
    for _ in range(6):
        case_make(strands=("anti_social",), neighbourhood=elm)
    for _ in range(3):
        case_make(strands=("race", "harassment"), neighbourhood=oak)
    stats = report_statistics()
    assert stats.total == 9
    places = dict(stats.by_neighbourhood)
    assert places["Elm Court"] is None  # hidden with Oak Rise: Oak Rise = total - Elm Court
    assert places["Oak Rise"] is None
    strands = dict(stats.by_strand)
    assert strands["Anti-social behaviour"] == 6
    assert strands["Race"] is None  # 3 and 3: hidden together (6 reports)
    assert strands["Harassment"] is None
    assert strands["Disability"] == 0
    assert len(stats.by_month) == 12
    this_month = stats.by_month[-1]
    assert this_month[1] == 9


def test_a_total_under_five_is_hidden():
    case_make()
    assert report_statistics().total is None


def test_nm01_per_1000_homes():
    start = timezone.localdate() - timedelta(days=30)
    for _ in range(3):
        case_make(strands=("anti_social",))
    case_make(strands=("religion",))
    case_make(strands=("anti_social",), created_at=timezone.now() - timedelta(days=60))
    figure = nm01(homes=2000, start=start, end=timezone.localdate())
    assert (figure.cases, figure.hate_cases) == (4, 1)
    assert figure.cases_per_1000_homes == Decimal("2.00")
    assert figure.hate_cases_per_1000_homes == Decimal("0.50")
    with pytest.raises(ValueError, match="homes"):
        nm01(homes=0, start=date(2026, 1, 1), end=date(2026, 12, 31))


def test_dashboards_import_only_the_selectors():
    root = Path(settings.BASE_DIR)
    imports = {
        line.strip()
        for path in (root / "dashboards").rglob("*.py")
        for line in path.read_text().splitlines()
        if "safeguarding" in line and "import" in line
    }
    assert imports, "the dashboard shows the confidential report figures"
    assert all("safeguarding.selectors" in line for line in imports), imports


def test_the_figures_are_not_in_the_dashboard_snapshots():
    text = (Path(settings.BASE_DIR) / "dashboards" / "snapshots.py").read_text()
    reports = (Path(settings.BASE_DIR) / "dashboards" / "reports.py").read_text()
    assert "safeguarding" not in text + reports


def test_managers_see_the_counts_on_the_dashboard_and_champions_do_not(client):
    from django.core.cache import cache

    from tests.factories.places import CommunityCentreFactory
    from tests.factories.users import UserFactory
    from training.users import roles

    cache.clear()
    for _ in range(6):
        case_make(strands=("anti_social",))
    client.force_login(UserFactory(role=roles.MANAGER))
    html = client.get("/dashboard/").content.decode()
    assert "Confidential reports" in html
    assert "Reports in total:" in html
    assert "Read a report: 0" in html
    assert "shouting" not in html  # never the text of a report
    centre = CommunityCentreFactory()
    client.force_login(UserFactory(role=roles.DIGITAL_CHAMPION, community_centre=centre))
    assert "Confidential reports" not in client.get("/dashboard/").content.decode()
