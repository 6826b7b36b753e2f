"""Every dashboard figure against the hand-computed world of conftest.py (as at NOW)."""

from django.http import QueryDict
from django.utils.http import urlencode

import pytest

from courses.models import Skill
from dashboards.access import Scope
from dashboards.filters import DashboardFilterForm, filters_from
from dashboards.reports import TABLES
from dashboards.suppression import SUPPRESSED as HIDDEN
from tests.dashboards.conftest import NOW

pytestmark = pytest.mark.django_db

EVERY_PLACE = Scope(every_place=True)


def table(slug: str, *, scope: Scope = EVERY_PLACE, **query):
    form = DashboardFilterForm(QueryDict(urlencode(query)), scope=scope)
    return TABLES[slug](filters_from(form, now=NOW), scope)


def figures(slug: str, **kwargs) -> dict:
    """First column -> the rest of the row."""
    return {row[0]: row[1:] for row in table(slug, **kwargs).rows}


def test_headline_figures_for_the_last_12_months(world):
    assert figures("headline") == {
        "Active learners (finished at least one lesson)": [8, ""],
        "Lessons completed": [24, ""],
        "Courses completed": [5, ""],
        "Skills achieved": [6, ""],
        # 5 of 24 lessons were done with help, by 5 learners; 19 alone, by all 8.
        "Lessons done with help": [5, "21%"],
        "Lessons done alone": [19, "79%"],
    }


def test_all_time_adds_the_learner_from_over_a_year_ago(world):
    headline = figures("headline", period="all")
    assert headline["Active learners (finished at least one lesson)"] == [9, ""]
    assert headline["Lessons completed"] == [25, ""]
    assert headline["Lessons done alone"] == [20, "80%"]


def test_last_4_weeks_is_two_staff_learners_so_everything_is_hidden(world):
    headline = figures("headline", period="4w")
    assert headline["Active learners (finished at least one lesson)"] == [HIDDEN, ""]
    assert headline["Lessons completed"] == [HIDDEN, ""]
    # Nothing finished: zero describes nobody, so it is shown.
    assert headline["Courses completed"] == [0, ""]


def test_course_funnel_and_median_time_to_finish(world):
    assert figures("courses") == {
        # Started 6 (a1..a6); halfway is 2 of 4 lessons: a1..a5 finished, a6 did 2; 5 finished.
        # 5 finished, but hidden: Y's hidden "Finished" would be the headline's 5 courses
        # completed minus X's 5 (secondary suppression), so its share and median go too.
        "Course X": [4, 6, 6, HIDDEN, HIDDEN, HIDDEN],
        # Two staff learners: every figure about them is hidden (the median too: "–" would
        # say that nobody finished).
        "Course Y": [2, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN],
    }
    # Course X alone (no hidden course beside it): times to finish 2, 4, 6, 8, 9 days, so
    # the median is 6 days.
    assert figures("courses", course=str(world.course_x.pk)) == {
        "Course X": [4, 6, 6, 5, "83%", "6 days"]
    }


def test_median_of_an_even_number_is_the_mean_of_the_middle_two(world):
    from tests.dashboards.conftest import DAY
    from tests.factories.dashboards import enrol
    from tests.factories.users import UserFactory

    # A sixth finisher taking 20 days: times 2, 4, 6, 8, 9, 20 -> (6 + 8) / 2 = 7 days.
    extra = UserFactory(username="a7")
    enrol(
        learner=extra, course=world.course_x, started_at=NOW - 50 * DAY, completed_at=NOW - 30 * DAY
    )
    assert figures("courses", course=str(world.course_x.pk))["Course X"][-1] == "7 days"


def test_trend_by_month(world):
    trend = table("trend")
    assert trend.columns == ["Month", "Lessons completed", "Learners", "Courses completed"]
    rows = {row[0]: row[1:] for row in trend.rows}
    # Every month from June 2025 to June 2026, gaps included.
    assert list(rows)[0] == "June 2025" and list(rows)[-1] == "June 2026" and len(rows) == 13
    # 20 lessons, hidden: the three hidden months (one learner each) and March add up to the
    # headline's 24 lessons, so March is hidden too (secondary suppression).
    assert rows["March 2026"] == [HIDDEN, 5, 5]
    assert rows["April 2026"] == [HIDDEN, HIDDEN, 0]  # a6 alone: 2 lessons
    assert rows["May 2026"] == [HIDDEN, HIDDEN, 0]  # b2
    assert rows["June 2026"] == [HIDDEN, HIDDEN, 0]  # b1
    assert rows["January 2026"] == [0, 0, 0]


def test_trend_by_week_for_short_periods(world):
    trend = table("trend", period="3m")
    assert trend.columns[0] == "Week"
    assert trend.rows[0][0].startswith("Week of ")
    # 91 days back from a Wednesday: 14 Mondays, plus the partial first week.
    assert len(trend.rows) == 14


def test_breakdowns_by_neighbourhood_centre_and_learner_type(world):
    # Alder: a1..a6, 22 lessons, 5 with help (23%). Birch: two learners, hidden; and so Alder
    # is hidden too, or the headline's 8 learners minus Alder's 6 would give Birch's 2.
    assert figures("neighbourhoods") == {
        "Alder": [HIDDEN, HIDDEN, HIDDEN],
        "Birch": [HIDDEN, HIDDEN, HIDDEN],
    }
    assert figures("centres") == {
        "Alder Hall": [HIDDEN, HIDDEN, HIDDEN],
        "Birch House": [HIDDEN, HIDDEN, HIDDEN],
    }
    assert figures("learner-types") == {
        "Tenants": [HIDDEN, HIDDEN, HIDDEN],
        "Staff": [HIDDEN, HIDDEN, HIDDEN],
    }
    # Tenants alone: nothing hidden beside them, so their figures show.
    assert figures("learner-types", learner_type="tenant") == {"Tenants": [6, 22, "23%"]}


def test_skills_by_area(world):
    area = Skill.objects.get(code="SAF-7").area.name
    assert figures("skill-areas") == {area: [6, 6]}


def test_stalled_learners_are_counts_for_managers(world):
    # a6 (last active NOW-60d) and b2 (NOW-20d); b1 was active 10 days ago; c1 is too old.
    assert figures("stalled") == {"Course X": [HIDDEN], "Course Y": [HIDDEN]}
    assert "Names are shown only" in table("stalled").intro
    # All time also finds c1 (400 days ago): still 2 learners on Course X, so still hidden.
    assert figures("stalled", period="all") == {"Course X": [HIDDEN], "Course Y": [HIDDEN]}


def test_stalled_learners_are_named_for_their_centres_champion(world):
    scope = Scope(every_place=False, centre=world.alder_hall)
    stalled = table("stalled", scope=scope)
    assert stalled.columns == ["Learner", "Course", "Last lesson", "Last active"]
    assert stalled.rows == [["Person A6", "Course X", "X lesson 2", "18 April 2026"]]


def test_sustained_engagement(world):
    assert figures("sustained") == {
        "Finished a course in this period": [5, "", ""],
        # All five were active 35 days after finishing.
        "Still active 30 days after finishing": [5, 5, "100%"],
        # Only a1 was active 90+ days later: one of five, hidden.
        "Still active 90 days after finishing": [HIDDEN, 5, HIDDEN],
        # All five joined a group after finishing; a6 posted but never finished: not counted.
        "Went on to take part in the community": [5, 5, "100%"],
    }


def test_sustained_counts_only_those_who_finished_long_enough_ago(world):
    # Over the last 3 months (from NOW-91d), only a5 (finished NOW-91d) finished: hidden.
    sustained = figures("sustained", period="3m")
    assert sustained["Finished a course in this period"] == [HIDDEN, "", ""]


def test_filters_narrow_every_figure(world):
    active = "Active learners (finished at least one lesson)"
    assert figures("headline", neighbourhood="alder")[active] == [6, ""]
    assert figures("headline", neighbourhood="birch")[active] == [HIDDEN, ""]
    assert figures("headline", centre="alder-hall")["Lessons completed"] == [22, ""]
    assert figures("headline", learner_type="tenant")["Lessons completed"] == [22, ""]
    assert figures("headline", learner_type="staff")[active] == [HIDDEN, ""]
    only_y = figures("headline", course=str(world.course_y.pk))
    assert only_y[active] == [HIDDEN, ""]
    assert list(figures("courses", course=str(world.course_x.pk))) == ["Course X"]
    # Skills of course Y: none taught, so none counted.
    assert figures("skill-areas", course=str(world.course_y.pk)) == {}


def test_a_champion_sees_only_their_own_centre(world):
    scope = Scope(every_place=False, centre=world.birch_house)
    headline = figures("headline", scope=scope, neighbourhood="alder", centre="alder-hall")
    # Place filters are ignored: Birch House has b1 and b2 only.
    assert headline["Active learners (finished at least one lesson)"] == [HIDDEN, ""]
    alder = figures("headline", scope=Scope(every_place=False, centre=world.alder_hall))
    assert alder["Lessons completed"] == [22, ""]


def test_a_champion_with_no_centre_sees_nobody(world):
    headline = figures("headline", scope=Scope(every_place=False, centre=None))
    assert headline["Active learners (finished at least one lesson)"] == [0, ""]


def test_trend_for_all_time_starts_with_the_first_lesson(world):
    # c1's lesson 400 days before NOW (May 2025) is the earliest thing done.
    rows = {row[0]: row[1:] for row in table("trend", period="all").rows}
    assert list(rows)[0] == "May 2025" and list(rows)[-1] == "June 2026" and len(rows) == 14
    assert rows["May 2025"] == [HIDDEN, HIDDEN, 0]  # c1 alone
    assert rows["June 2025"] == [0, 0, 0]
    assert rows["March 2026"] == [HIDDEN, 5, 5]  # see test_trend_by_month
