"""Secondary suppression: a hidden figure cannot be worked out by subtracting the others from a
total shown on the dashboard.

The world here: neighbourhoods Ash (3 learners), Beech (6) and Cedar (10), 19 in all, each
learner with one lesson done this month. Ash's 3 is hidden (fewer than 5). Without secondary
suppression, 19 − 6 − 10 = 3 gives it away; so Beech (the next-smallest) is hidden too.
"""

import csv
import io
import re
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

import pytest

from dashboards.suppression import SUPPRESSED, is_suppressed, secondary_suppress
from tests.factories.courses import CoursePageFactory, LessonPageFactory
from tests.factories.dashboards import complete, enrol
from tests.factories.places import CommunityCentreFactory, NeighbourhoodFactory
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db

URL = reverse("dashboards:dashboard")
HIDDEN = "hidden"
GROUPS = {"Ash": 3, "Beech": 6, "Cedar": 10}


@pytest.fixture
def three_neighbourhoods(db):
    course = CoursePageFactory(title="Getting online", slug="getting-online")
    lesson = LessonPageFactory(parent=course, title="Switch it on")
    at = timezone.now() - timedelta(days=2)
    for name, size in GROUPS.items():
        place = NeighbourhoodFactory(name=name, slug=name.lower())
        centre = CommunityCentreFactory(name=f"{name} Hall", slug=f"{name.lower()}-hall")
        for _ in range(size):
            learner = UserFactory(neighbourhood=place, community_centre=centre)
            enrol(learner=learner, course=course, started_at=at, last_lesson=lesson)
            complete(learner=learner, lesson=lesson, course=course, at=at)


def page_table(page: str, slug: str) -> dict[str, list[str]]:
    """A table of the rendered page: its first column -> the rest of the row, as shown."""
    section = page[page.index(f'aria-labelledby="table-{slug}"') :]
    section = section[: section.index("</section>")]
    rows = re.findall(r'<tr><th scope="row">(.*?)</th>(.*?)</tr>', section, re.S)
    return {label: re.findall(r"<td>(.*?)</td>", cells) for label, cells in rows}


def csv_table(client, slug: str, data) -> dict[str, list[str]]:
    response = client.get(reverse("dashboards:table_csv", args=[slug]), data)
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    return {row[0]: row[1:] for row in rows[1:]}


def not_derivable(total: int, column: list[str]) -> None:
    """No hidden figure of the column is the total minus the shown ones: at least two are
    hidden, so subtraction gives only their sum."""
    hidden = [cell for cell in column if cell == HIDDEN]
    shown = sum(int(cell) for cell in column if cell != HIDDEN)
    assert len(hidden) != 1, column
    assert not hidden or total - shown >= 5


def test_the_page_hides_the_next_smallest_neighbourhood_so_ash_cannot_be_worked_out(
    client, manager, three_neighbourhoods
):
    client.force_login(manager)
    page = client.get(URL, {"period": "4w"}).content.decode()

    headline = page_table(page, "headline")
    assert headline["Active learners (finished at least one lesson)"][0] == "19"
    assert headline["Lessons completed"][0] == "19"
    places = page_table(page, "neighbourhoods")
    assert places == {
        "Ash": [HIDDEN, HIDDEN, HIDDEN],
        "Beech": [HIDDEN, HIDDEN, HIDDEN],  # hidden too: 19 − 6 − 10 would give Ash's 3
        "Cedar": ["10", "10", "0%"],
    }
    not_derivable(19, [row[0] for row in places.values()])
    not_derivable(19, [row[1] for row in places.values()])
    # The community centres are the same groups: the same rule hides the same two.
    centres = page_table(page, "centres")
    assert centres["Beech Hall"] == [HIDDEN, HIDDEN, HIDDEN]
    assert centres["Cedar Hall"] == ["10", "10", "0%"]
    assert "we hide the next-smallest figure too" in page


def test_the_csv_and_the_export_hide_the_same_figures(
    client, manager, three_neighbourhoods, django_capture_on_commit_callbacks
):
    import zipfile

    from dashboards.models import DashboardExport

    client.force_login(manager)
    places = csv_table(client, "neighbourhoods", {"period": "4w"})
    assert places == {
        "Ash": [HIDDEN, HIDDEN, HIDDEN],
        "Beech": [HIDDEN, HIDDEN, HIDDEN],
        "Cedar": ["10", "10", "0%"],
    }
    not_derivable(19, [row[0] for row in places.values()])

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("dashboards:export_new"), {"period": "4w"})
    with DashboardExport.objects.get().file.open("rb") as handle:
        archive = zipfile.ZipFile(io.BytesIO(handle.read()))
    rows = list(csv.reader(io.StringIO(archive.read("neighbourhoods.csv").decode("utf-8-sig"))))
    assert {row[0]: row[1:] for row in rows[1:]} == places


def test_a_hidden_group_beside_one_other_hides_both(client, manager, three_neighbourhoods):
    # Only Ash and Beech: 9 in all. Ash's 3 = 9 − 6, so Beech is hidden too.
    from training.users.models import User

    client.force_login(manager)
    User.objects.filter(neighbourhood__name="Cedar").delete()
    places = csv_table(client, "neighbourhoods", {"period": "4w"})
    assert places == {"Ash": [HIDDEN] * 3, "Beech": [HIDDEN] * 3}


def test_learners_with_help_cannot_be_worked_out_from_those_alone(
    client, manager, three_neighbourhoods
):
    from courses.models import LessonCompletion
    from dashboards.facts import learner_facts_change

    # Three learners of Cedar did their lesson with help: 3 of 19 lessons.
    for completion in LessonCompletion.objects.filter(learner__neighbourhood__name="Cedar")[:3]:
        # Changed after the event: through the dashboard's facts service, as any writer must.
        with learner_facts_change(learner_id=completion.learner_id):
            LessonCompletion.objects.filter(pk=completion.pk).update(assisted=True)
    client.force_login(manager)

    headline = csv_table(client, "headline", {"period": "4w"})

    assert headline["Lessons completed"] == ["19", ""]
    # "With help" is hidden (3 learners); "alone" is too, or 19 − 16 would give it.
    assert headline["Lessons done with help"] == [HIDDEN, HIDDEN]
    assert headline["Lessons done alone"] == [HIDDEN, HIDDEN]


def test_two_hidden_groups_of_one_are_not_enough():
    # Two hidden figures that stand for 1 learner each add up to 2: both would be known.
    cells = [SUPPRESSED, SUPPRESSED, 6, 10]
    assert secondary_suppress(cells, [1, 1, 6, 10]) == {2}
    # Hidden figures standing for 5 or more learners together, two or more of them: enough.
    assert secondary_suppress([SUPPRESSED, SUPPRESSED, 6], [2, 3, 6]) == set()
    # Nothing hidden: nothing more to hide.
    assert secondary_suppress([5, 6, 10], [5, 6, 10]) == set()
    # A group of nobody is never the one hidden (it would protect nothing).
    assert secondary_suppress([SUPPRESSED, 0, 7], [3, 0, 7]) == {2}
    assert all(is_suppressed(cell) for cell in cells[:2])


def test_the_funnel_hides_finished_with_its_share_and_median(world):
    """The hand-computed world (conftest.py): Course X 5 finished, Course Y none of 2 started.

    Y's "Finished" is hidden, but its median of "–" used to say that nobody finished, and the
    headline's 5 courses completed minus X's 5 gave the same. Now X's is hidden too, and a
    hidden "Finished" hides its share and median.
    """
    from django.http import QueryDict

    from dashboards.access import Scope
    from dashboards.filters import DashboardFilterForm, filters_from
    from dashboards.reports import TABLES
    from tests.dashboards.conftest import NOW

    scope = Scope(every_place=True)
    filters = filters_from(DashboardFilterForm(QueryDict(""), scope=scope), now=NOW)
    rows = {row[0]: row[1:] for row in TABLES["courses"](filters, scope).rows}

    assert rows == {
        "Course X": [4, 6, 6, SUPPRESSED, SUPPRESSED, SUPPRESSED],
        "Course Y": [2, SUPPRESSED, SUPPRESSED, SUPPRESSED, SUPPRESSED, SUPPRESSED],
    }
    headline = {row[0]: row[1] for row in TABLES["headline"](filters, scope).rows}
    assert headline["Courses completed"] == 5
