"""The Managers' pages: only Managers (and superusers) enter, draft, check and publish."""

from decimal import Decimal

from django.test import Client

import pytest

from opendata.models import DatasetVersion, TsmFigure, VersionStatus
from tests.factories.users import UserFactory
from training.users import roles

pytestmark = pytest.mark.django_db


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_a_manager_enters_figures_and_publishes():
    client = _client(UserFactory(role=roles.MANAGER))
    page = client.get("/open-data/manage/tsm/2026/")
    assert page.status_code == 200 and "no-store" in page["Cache-Control"]
    wrong = client.post(
        "/open-data/manage/tsm/2026/",
        {"homes": "3000", "value_TP01": "120", "value_BS01": "abc", "about_TP01": "-3",
         "method": "Post", "action": "save"},
    )  # fmt: skip
    assert wrong.status_code == 200
    html = wrong.content.decode()
    assert "Enter a per cent from 0 to 100." in html and "Enter a number, e.g. 82.5." in html
    assert 'value="Post"' in html  # what was typed is kept
    assert not TsmFigure.objects.exists()

    saved = client.post(
        "/open-data/manage/tsm/2026/",
        {"homes": "3000", "value_TP01": "72.5", "about_TP01": "300", "action": "save"},
    )
    assert saved.status_code == 302
    assert TsmFigure.objects.get().value == 72.5

    client.post("/open-data/manage/tenant-satisfaction-measures/draft/")
    version = DatasetVersion.objects.get()
    client.post(f"/open-data/manage/versions/{version.pk}/check/")
    client.post(f"/open-data/manage/versions/{version.pk}/publish/")
    version.refresh_from_db()
    assert version.status == VersionStatus.PUBLISHED
    assert "72.50" in Client().get("/open-data/tenant-satisfaction-measures/").content.decode()


@pytest.mark.parametrize(
    "role", [roles.LEARNER, roles.DIGITAL_CHAMPION, roles.COURSE_EDITOR, roles.MODERATOR,
             roles.SAFEGUARDING_OFFICER, roles.HOUSING_OFFICER],
)  # fmt: skip
def test_other_roles_are_refused(role):
    client = _client(UserFactory(role=role))
    assert client.get("/open-data/manage/").status_code == 403
    assert client.get("/open-data/manage/tsm/2026/").status_code == 403
    assert client.post("/open-data/manage/tenant-satisfaction-measures/draft/").status_code == 403
    assert not DatasetVersion.objects.exists()


def test_visitors_are_sent_to_sign_in():
    response = Client().get("/open-data/manage/")
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_a_manager_enters_both_parts_of_a_measure():
    client = _client(UserFactory(role=roles.MANAGER))
    page = client.get("/open-data/manage/tsm/2026/").content.decode()
    for code in ("RP02(1)", "RP02(2)", "CH01(1)", "CH01(2)", "CH02(1)", "CH02(2)",
                 "NM01(1)", "NM01(2)"):  # fmt: skip
        assert code in page
    wrong = client.post(
        "/open-data/manage/tsm/2026/",
        {"homes": "3000", "value_RP02_1": "80", "value_RP02_2": "101", "action": "save"},
    )
    assert wrong.status_code == 200
    assert "Enter a per cent from 0 to 100." in wrong.content.decode()
    saved = client.post(
        "/open-data/manage/tsm/2026/",
        {"homes": "3000", "value_RP02_1": "80", "value_RP02_2": "95.5",
         "value_CH01_2": "4.2", "about_CH01_2": "13", "action": "save"},
    )  # fmt: skip
    assert saved.status_code == 302
    figures = dict(TsmFigure.objects.values_list("code", "value"))
    assert figures == {
        "RP02(1)": Decimal("80"),
        "RP02(2)": Decimal("95.5"),
        "CH01(2)": Decimal("4.2"),
    }
    again = client.get("/open-data/manage/tsm/2026/").content.decode()
    assert 'value="95.50"' in again
