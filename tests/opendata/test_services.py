"""Entering the Tenant Satisfaction Measures, and a version drafted, checked and published:
only Managers; figures validated; a correction keeps the old version and says what changed."""

from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.test import Client

import pytest

from opendata import services
from opendata.models import DatasetVersion, TsmFigure, TsmYear, VersionStatus
from opendata.selectors import tsm_rows
from tests.factories.places import NeighbourhoodFactory
from tests.factories.users import UserFactory
from training.users import roles

pytestmark = pytest.mark.django_db

TSM = "tenant-satisfaction-measures"


@pytest.fixture
def manager():
    return UserFactory(role=roles.MANAGER)


@pytest.fixture
def year():
    return TsmYear.objects.create(year=2026, homes=2000, method="Phone survey", sample_size=400)


def _save(manager, year, *entries):
    services.tsm_figures_save(
        user=manager, tsm_year=year, entries=[services.FigureEntry(*e) for e in entries]
    )


def test_figures_are_validated(manager, year):
    with pytest.raises(ValidationError):
        _save(manager, year, ("TP01", Decimal("100.5"), 400))
    with pytest.raises(ValidationError):
        _save(manager, year, ("BS01", Decimal("-1")))
    with pytest.raises(ValidationError):
        _save(manager, year, ("CH01(1)", Decimal("3"), -2))
    _save(manager, year, ("CH01(1)", Decimal("250"), 500))  # per 1,000 homes: above 100 is fine
    assert TsmFigure.objects.get(code="CH01(1)").value == Decimal("250")
    # The database refuses a percentage above 100 whatever the Python does.
    with pytest.raises(IntegrityError), transaction.atomic():
        TsmFigure.objects.create(tsm_year=year, code="BS02", value=Decimal("101"))


@pytest.mark.parametrize(
    "role", [roles.LEARNER, roles.DIGITAL_CHAMPION, roles.COURSE_EDITOR, roles.MODERATOR,
             roles.SAFEGUARDING_OFFICER, roles.HOUSING_OFFICER],
)  # fmt: skip
def test_only_managers_enter_draft_check_and_publish(role, manager, year):
    someone = UserFactory(role=role)
    with pytest.raises(PermissionDenied):
        _save(someone, year, ("TP01", Decimal("70"), 400))
    with pytest.raises(PermissionDenied):
        services.version_draft(user=someone, dataset=TSM)
    version = services.version_draft(user=manager, dataset=TSM)
    with pytest.raises(PermissionDenied):
        services.version_check(user=someone, version=version)
    services.version_check(user=manager, version=version)
    with pytest.raises(PermissionDenied):
        services.version_publish(user=someone, version=version)


def test_drafted_then_checked_then_published_and_a_correction(manager, year):
    _save(manager, year, ("TP05", Decimal("18.7"), 400))
    first = services.version_draft(user=manager, dataset=TSM)
    with pytest.raises(ValidationError):
        services.version_publish(user=manager, version=first)  # not checked yet
    services.version_check(user=manager, version=first)
    services.version_publish(user=manager, version=first)
    assert first.status == VersionStatus.PUBLISHED and first.published_at is not None
    assert Client().get(f"/open-data/{TSM}/").content.decode().count("18.7") >= 1

    _save(manager, year, ("TP05", Decimal("87.1"), 400))
    with pytest.raises(ValidationError):
        services.version_draft(user=manager, dataset=TSM)  # a correction says what changed
    second = services.version_draft(
        user=manager, dataset=TSM, what_changed="TP05 was 18.7 by mistake; it is 87.1."
    )
    services.version_check(user=manager, version=second)
    services.version_publish(user=manager, version=second)

    assert [v.number for v in DatasetVersion.objects.filter(dataset=TSM)] == [2, 1]
    old = Client().get(f"/open-data/{TSM}/1/data.csv").content.decode()
    new = Client().get(f"/open-data/{TSM}/2/data.csv").content.decode()
    assert ",18.70," in old and ",87.10," in new
    page = Client().get(f"/open-data/{TSM}/").content.decode()
    assert "TP05 was 18.7 by mistake" in page and "Version 1," in page
    older = Client().get(f"/open-data/{TSM}/1/").content.decode()
    assert "This is an older version" in older


def test_figures_about_fewer_than_5_people_are_hidden(manager, year):
    TsmYear.objects.create(year=2025, sample_size=4)
    _save(manager, year, ("TP09", Decimal("50"), 4), ("TP01", Decimal("70"), 400),
          ("BS01", Decimal("99")), ("NM01(1)", Decimal("1.5"), 3))  # fmt: skip
    rows = {row["code"]: row for row in tsm_rows() if row["year"] == "2026/27"}
    assert rows["TP09"]["value"] is None and rows["TP09"]["about"] is None
    assert rows["NM01(1)"]["value"] is None
    assert rows["TP01"]["value"] == "70.00" and rows["TP01"]["about"] == 400
    assert rows["BS01"]["value"] == "99.00"  # about homes, not people


def test_nm01_from_the_confidential_reports_counts(manager, year):
    value = services.tsm_nm01_from_reports(user=manager, tsm_year=year)
    assert value == Decimal("0.00")
    assert TsmFigure.objects.get(code="NM01(1)").about == 0
    assert TsmFigure.objects.get(code="NM01(2)").about == 0
    year.homes = None
    with pytest.raises(ValidationError):
        services.tsm_nm01_from_reports(user=manager, tsm_year=year)


def test_tp_figures_from_the_survey_on_this_site(manager, year):
    from tests.voice.test_consultations import tenant_of
    from tests.voice.test_consultations_tsm import ANSWERS
    from voice.consultations_services import (
        Answer,
        consultation_answer,
        consultations_index_ensure,
        tsm_consultation_create,
    )

    elm = NeighbourhoodFactory(name="Elm Court estate", slug="elm-court")
    survey = tsm_consultation_create(
        index=consultations_index_ensure(), landlord="Elm Homes", year=2026, publish=True
    )
    questions = {q.code: q for q in survey.questions.all()}
    for column in range(8):
        answers = {
            questions[code].pk: Answer(choices=(given[column],))
            for code, given in ANSWERS.items()
            if given[column] is not None
        }
        consultation_answer(
            consultation=survey, person=tenant_of(elm, column), answers=answers, finish=True
        )
    year.consultation = survey
    year.save()
    assert services.tsm_perception_from_consultation(user=manager, tsm_year=year) == 11
    figures = {f.code: (f.value, f.about) for f in TsmFigure.objects.filter(tsm_year=year)}
    assert figures["TP01"] == (Decimal("62.50"), 8)
    assert "TP12" not in figures  # nobody gave a valid answer
    rows = {row["code"]: row for row in tsm_rows()}
    assert rows["TP01"]["value"] == "62.50"
    assert rows["TP09"]["value"] is None  # two valid answers: hidden


def test_the_pages_make_a_fixed_number_of_queries(manager, year):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def publish(what_changed=""):
        version = services.version_draft(user=manager, dataset=TSM, what_changed=what_changed)
        services.version_check(user=manager, version=version)
        services.version_publish(user=manager, version=version)

    def queries(path: str) -> int:
        client = Client()
        client.get(path)  # the newest versions are then in the cache
        with CaptureQueriesContext(connection) as captured:
            assert client.get(path).status_code == 200
        return len(captured)

    _save(manager, year, ("TP01", Decimal("70"), 400))
    publish()
    one = (queries("/open-data/"), queries(f"/open-data/{TSM}/"))
    for number in range(3):
        _save(manager, year, ("TP01", Decimal(71 + number), 400))
        publish(what_changed=f"Correction {number}.")
    assert (queries("/open-data/"), queries(f"/open-data/{TSM}/")) == one
    assert one[0] == 0  # the catalogue page reads only the cache
