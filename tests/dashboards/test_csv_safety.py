"""CSV files are safe to open in a spreadsheet: no cell runs as a formula, and a UTF-8 BOM.

A learner's display name ends up in a Digital Champion's "Learners who stalled" CSV. Names are
created straight in the database here (form validation of names may refuse some of them, but
older data and other ways in can still hold them).
"""

import csv
import io
import zipfile
from datetime import timedelta
from decimal import Decimal

from django.urls import reverse
from django.utils import timezone

import pytest

from dashboards import views
from dashboards.access import Scope
from dashboards.models import DashboardExport
from dashboards.tasks import dashboard_export_build
from tests.factories.courses import CoursePageFactory, LessonPageFactory
from tests.factories.dashboards import enrol
from tests.factories.places import CommunityCentreFactory
from tests.factories.users import UserFactory
from training.core.csv_safe import BOM, csv_cell, csv_text
from training.users import roles

pytestmark = pytest.mark.django_db

BOM_BYTES = b"\xef\xbb\xbf"
# Each name as typed, and as it must read in the CSV file: with a leading quote, as plain text.
DANGEROUS = {
    '=HYPERLINK("http://evil","x")': '\'=HYPERLINK("http://evil","x")',
    "@SUM(1)": "'@SUM(1)",
    "+1": "'+1",
    "-1+2": "'-1+2",
    "\t=1+2": "'\t=1+2",
    "\r=1+2": "'\r=1+2",
}
ACCENTED = "Zoë Ḿüller"


@pytest.fixture
def centre_with_stalled_learners(db):
    centre = CommunityCentreFactory(name="Oak Hall", slug="oak-hall")
    course = CoursePageFactory(title="=cmd|' /C calc'!A0", slug="course-formula")
    lesson = LessonPageFactory(parent=course, title="@lesson")
    now = timezone.now()
    for number, name in enumerate([*DANGEROUS, ACCENTED]):
        learner = UserFactory(display_name=name, community_centre=centre)
        # Started a course, then nothing for 20 + n days: stalled, in a known order.
        enrol(
            learner=learner,
            course=course,
            started_at=now - timedelta(days=40),
            last_activity_at=now - timedelta(days=20 + number),
            last_lesson=lesson,
        )
    return centre


@pytest.fixture
def champion_client(client, monkeypatch, centre_with_stalled_learners):
    """A Digital Champion whose dashboard is their centre's (how a champion gets their centre
    is tested with the dashboard's access rules; here only the file matters)."""
    centre = centre_with_stalled_learners
    champion = UserFactory(role=roles.DIGITAL_CHAMPION, community_centre=centre)
    monkeypatch.setattr(
        views,
        "dashboard_scope",
        lambda *, user: Scope(every_place=False, centre=centre),
    )
    client.force_login(champion)
    return client


def read(content: bytes) -> list[list[str]]:
    assert content.startswith(BOM_BYTES)
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline="")))


def test_the_stalled_learners_csv_neutralises_names_that_would_run_as_formulas(champion_client):
    response = champion_client.get(
        reverse("dashboards:table_csv", args=["stalled"]), {"period": "all"}
    )

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = read(response.content)
    assert rows[0] == ["Learner", "Course", "Last lesson", "Last active"]
    names = [row[0] for row in rows[1:]]
    assert names == [*DANGEROUS.values(), ACCENTED]
    # The course and lesson titles (typed by editors) are text too, and neutralised.
    assert {row[1] for row in rows[1:]} == {"'=cmd|' /C calc'!A0"}
    assert {row[2] for row in rows[1:]} == {"'@lesson"}
    # No cell of the file starts as a formula.
    formula = ("=", "+", "-", "@", "\t", "\r")
    assert not any(cell.startswith(formula) for row in rows for cell in row)


def test_an_accented_name_opens_correctly_because_the_file_starts_with_a_bom(champion_client):
    content = champion_client.get(
        reverse("dashboards:table_csv", args=["stalled"]), {"period": "all"}
    ).content

    assert content[:3] == BOM_BYTES
    assert ACCENTED.encode("utf-8") in content
    assert read(content)[-1][0] == ACCENTED


def test_the_export_zip_holds_the_same_safe_files(centre_with_stalled_learners):
    champion = UserFactory(role=roles.DIGITAL_CHAMPION)
    export = DashboardExport.objects.create(
        requested_by=champion, filters={"period": "all"}, centre=centre_with_stalled_learners
    )

    dashboard_export_build(export_id=str(export.pk))

    export.refresh_from_db()
    with export.file.open("rb") as handle:
        archive = zipfile.ZipFile(io.BytesIO(handle.read()))
    for name in archive.namelist():  # every file of the zip starts with the BOM
        assert archive.read(name).startswith(BOM_BYTES), name
    rows = read(archive.read("stalled.csv"))
    assert [row[0] for row in rows[1:]] == [*DANGEROUS.values(), ACCENTED]


def test_figures_stay_numbers_and_text_is_always_neutralised():
    # Our own numbers, negative ones included, are numbers: a spreadsheet adds them up.
    assert csv_cell(7) == 7
    assert csv_cell(-3) == -3
    assert csv_cell(-2.5) == -2.5
    assert csv_cell(Decimal("-1.5")) == Decimal("-1.5")
    # The same as text (e.g. typed by someone) is neutralised.
    assert csv_cell("-3") == "'-3"
    assert csv_cell("=1+2") == "'=1+2"
    assert csv_cell(float("-inf")) == "'-inf"
    assert csv_cell(None) == ""
    assert csv_cell(True) == "True"
    assert csv_cell("40%") == "40%"
    assert csv_cell("Zoë") == "Zoë"
    text = csv_text([["Name", "Figure"], ["=evil()", -3]])
    assert text.startswith(BOM)
    assert list(csv.reader(io.StringIO(text[1:]))) == [["Name", "Figure"], ["'=evil()", "-3"]]
