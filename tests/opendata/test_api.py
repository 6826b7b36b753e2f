"""The read-only API: paging, filters, ETag and Last-Modified, answers from the cache."""

import time

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

import pytest

from demo.opendata import tsm_year_now
from opendata.selectors import DATASETS

pytestmark = pytest.mark.django_db

TSM = "/open-data/api/v1/tenant-satisfaction-measures/"


@pytest.fixture(autouse=True)
def _media_and_cache(demo):
    from django.core.cache import cache

    cache.clear()


def _label(year: int) -> str:
    return f"{year}/{str(year + 1)[-2:]}"


def test_the_index_lists_every_dataset_with_the_licence():
    body = Client().get("/open-data/api/v1/").json()
    assert [d["dataset"] for d in body["datasets"]] == [d.slug for d in DATASETS]
    assert body["licence"]["name"] == "Open Government Licence v3.0"


def test_paging():
    client = Client()
    first = client.get(TSM, {"page_size": 10}).json()
    # 26 figures a year (22 measures, four of them in two parts), two years.
    assert first["count"] == 52 and first["pages"] == 6 and len(first["rows"]) == 10
    assert first["previous"] is None and "page=2" in first["next"]
    last = client.get(TSM, {"page_size": 10, "page": 6}).json()
    assert len(last["rows"]) == 2 and last["next"] is None
    assert client.get(TSM, {"page": 9}).json()["rows"] == []
    for wrong in ({"page": "0"}, {"page": "x"}, {"page_size": "501"}):
        response = client.get(TSM, wrong)
        assert response.status_code == 400 and "error" in response.json()


def test_filters_by_year_and_neighbourhood():
    client = Client()
    year = tsm_year_now()
    body = client.get(TSM, {"year": str(year), "page_size": 100}).json()
    assert body["count"] == 26 and {row["year"] for row in body["rows"]} == {_label(year)}
    assert client.get(TSM, {"year": _label(year - 1)}).json()["count"] == 26
    assert client.get(TSM, {"year": "1999"}).json()["count"] == 0
    # The TSM is for the whole landlord: no rows for one neighbourhood.
    assert client.get(TSM, {"neighbourhood": "Elm Court"}).json()["count"] == 0
    reports = client.get(
        "/open-data/api/v1/problem-reports/", {"neighbourhood": "elm court", "page_size": 500}
    ).json()
    assert all(row["neighbourhood"] == "Elm Court" for row in reports["rows"])


def test_etag_and_last_modified_answer_304():
    client = Client()
    response = client.get(TSM)
    assert response["ETag"] and response["Last-Modified"]
    assert response["Access-Control-Allow-Origin"] == "*"
    again = client.get(TSM, HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304 and again["ETag"] == response["ETag"]
    assert client.get(TSM, HTTP_IF_NONE_MATCH='"other"').status_code == 200
    since = client.get(TSM, HTTP_IF_MODIFIED_SINCE=response["Last-Modified"])
    assert since.status_code == 304
    # Another page is another answer.
    assert client.get(TSM, {"page": 2, "page_size": 10})["ETag"] != response["ETag"]


def test_a_cached_answer_makes_no_query_and_is_quick():
    client = Client()
    client.get(TSM, {"year": str(tsm_year_now())})  # fills the cache
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        response = client.get(TSM, {"year": str(tsm_year_now())})
        took = time.perf_counter() - started
    assert response.status_code == 200
    assert len(queries) == 0, [q["sql"] for q in queries]
    # The target is under 100 ms; the budget is generous so a busy test machine cannot fail it.
    assert took < 0.5


def test_a_cached_file_makes_no_query():
    client = Client()
    path = "/open-data/tenant-satisfaction-measures/1/data.csv"
    assert client.get(path).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200 and len(queries) == 0
    assert response["Content-Disposition"] == (
        'attachment; filename="tenant-satisfaction-measures-v1.csv"'
    )
